import type { Order } from '#domain/orders.js';
import type { Subscription } from '#domain/subscriptions.js';
import type { Customer } from '#domain/customers.js';
import type { Offer } from '#domain/offers.js';
import type { CustomerInvitation } from '#domain/customer-invitations.js';
import { currentlyDue, type Enrollment } from '#domain/enrollment.js';
import type { Partner } from '#domain/partners.js';
import { transactability, type PartnershipRequest, type Relationship } from '#domain/partnerships.js';

/** The resources of API.md: what an entity looks like from outside. */

/** The enrollment resource of API.md. */
export function enrollmentResource(e: Enrollment) {
  const due = currentlyDue(e);
  return {
    id: e.id,
    tenantId: e.tenantId,
    partnerId: e.partnerId,
    status: e.status,
    company: e.company,
    primaryContact: e.primaryContact,
    supportContact: e.supportContact,
    region: e.region,
    agreement: e.agreement,
    vetting: { status: e.vetting.status, reasons: e.vetting.reasons },
    requirements: {
      currentlyDue: due,
      ...(e.status === 'pending_contact_verification' ? { deadline: e.contactVerification.expiresAt } : e.deadline ? { deadline: e.deadline } : {}),
    },
    contactDeliverable: e.contactVerification.deliverable,
    contactVerifiedAt: e.contactVerification.verifiedAt,
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
    history: e.history,
  };
}

/** The request resource of API.md (without the link: only its creator saw it, once). */
export function requestResource(r: PartnershipRequest) {
  return {
    id: r.id,
    status: r.status,
    email: r.email,
    language: r.language,
    message: r.message,
    expiresAt: r.link.expiresAt,
    providerPartnerId: r.providerPartnerId,
    relationshipId: r.relationshipId,
    remindersSent: r.remindersSent,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    history: r.history,
  };
}

export function relationshipResource(rel: Relationship, reseller: Pick<Partner, 'agreement'> | undefined) {
  const t = transactability(rel, reseller);
  return {
    id: rel.id,
    providerTenantId: rel.providerTenantId,
    resellerTenantId: rel.resellerTenantId,
    providerPartnerId: rel.providerPartnerId,
    resellerPartnerId: rel.resellerPartnerId,
    providerName: rel.providerName,
    resellerName: rel.resellerName,
    region: rel.region,
    state: rel.state,
    grants: rel.grants,
    canTransact: t.canTransact,
    ...(t.reason ? { canTransactReason: t.reason } : {}),
    createdAt: rel.createdAt,
    ...(rel.terminatedAt ? { terminatedAt: rel.terminatedAt } : {}),
    history: rel.history,
  };
}

/** The customer invitation resource (without the link: only its creator saw it, once). */
export function customerInvitationResource(e: CustomerInvitation) {
  return {
    id: e.id,
    status: e.status,
    email: e.email,
    language: e.language,
    message: e.message,
    customerName: e.customerName,
    providerTenantId: e.provider?.tenantId,
    delegatedAdmin: e.delegatedAdmin,
    expiresAt: e.link.expiresAt,
    customerId: e.customerId,
    remindersSent: e.remindersSent,
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
    history: e.history,
  };
}

/** The customer resource of API.md: never credentials, nor when they were issued. */
export function customerResource(c: Customer) {
  return {
    id: c.id,
    customerTenantId: c.customerTenantId,
    company: c.company,
    domain: c.domain,
    primaryContact: c.primaryContact,
    region: c.region,
    relationships: c.relationships.map((r) => ({ partnerTenantId: r.partnerTenantId, partnerName: r.partnerName, type: r.type, delegatedAdmin: r.delegatedAdmin, createdAt: r.createdAt })),
    ...(c.adminUserName ? { adminUserName: c.adminUserName } : {}),
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  };
}

export function offerResource(o: Offer) {
  return { id: o.id, name: o.name, minQuantity: o.minQuantity, maxQuantity: o.maxQuantity, status: o.status, createdAt: o.createdAt, updatedAt: o.updatedAt };
}

/** The order resource of API.md. */
export function orderResource(o: Order) {
  return {
    id: o.id,
    customerId: o.customerId,
    partnerTenantId: o.partnerTenantId,
    ...(o.resellerTenantId ? { resellerTenantId: o.resellerTenantId } : {}),
    status: o.status,
    lineItems: o.lineItems,
    ...(o.failure ? { failure: o.failure } : {}),
    expiresAt: o.expiresAt,
    createdAt: o.createdAt,
    ...(o.submittedAt ? { submittedAt: o.submittedAt } : {}),
    ...(o.completedAt ? { completedAt: o.completedAt } : {}),
    updatedAt: o.updatedAt,
    history: o.history,
  };
}

/** The subscription resource of API.md. */
export function subscriptionResource(s: Subscription) {
  return {
    id: s.id,
    customerId: s.customerId,
    orderId: s.orderId,
    offerId: s.offerId,
    offerName: s.offerName,
    quantity: s.quantity,
    status: s.status,
    ...(s.partnerIdOnRecord ? { partnerIdOnRecord: s.partnerIdOnRecord } : {}),
    ...(s.providerTenantId ? { providerTenantId: s.providerTenantId } : {}),
    ...(s.resellerTenantId ? { resellerTenantId: s.resellerTenantId } : {}),
    ...(s.directBillTenantId ? { directBillTenantId: s.directBillTenantId } : {}),
    supportContact: s.supportContact,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
    history: s.history,
  };
}
