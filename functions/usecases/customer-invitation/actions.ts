/** The customer invitation's actions (CUS-7..10, PRT-11): what partners and customer admins do through the API and the link pages. */
import type { Caller } from '#domain/caller.js';
import type { Customer } from '#domain/customers.js';
import {
  acceptingRoleRefusal,
  customerAuthorizationRefusal,
  invitationRegionRefusal,
  invitedCustomerProfile,
  invitedRelationships,
  invitedTenantRefusal,
  invitingPartnerRefusal,
  invitingProviderTenant,
  providerNamingRefusal,
  providerPartneredRefusal,
  tenantRegion,
  transitionInvitation,
  type CustomerInvitation,
  type CustomerInvitationReader,
  type CustomerInvitationStatus,
  type CustomerInvitationWrite,
} from '#domain/customer-invitations.js';
import { firstExecution } from '#domain/history.js';
import { nextEntityLink } from '#domain/links.js';
import type { Company, Language } from '#domain/partners.js';
import { assertAllowed, conflict, notFound } from '#domain/refusal.js';
import { config } from '#lib/config.js';
import { change, startEntity } from '../lifecycle.js';
import { answerWrites, invitationForLink, newInvitationWrites, resendInvitation, revokeInvitation } from '../invitation.js';
import { planCustomer } from '../customers/core.js';
import { customerInvitationEmail, customerInvitationLifecycle, type CustomerInvitationLinkPorts, type CustomerInvitationPorts } from './lifecycle.js';

export interface CustomerInvitationInput {
  email: string;
  message?: string | undefined;
  language?: Language | undefined;
  send: boolean;
  providerTenantId?: string | undefined;
  delegatedAdmin: boolean;
  customerName?: string | undefined;
}

/** TYP-1: the caller's tenant as a partner that may invite customers. */
async function invitingPartner(p: Pick<CustomerInvitationPorts, 'partners'>, caller: Caller) {
  const partner = await p.partners.get(caller.tenantId);
  assertAllowed(invitingPartnerRefusal(partner));
  return partner!;
}

/** `POST /customer-invitations` (CUS-7): the draft with its personal link, sent if asked. */
export async function createCustomerInvitation(p: CustomerInvitationPorts, caller: Caller, input: CustomerInvitationInput) {
  const inviter = await invitingPartner(p, caller);
  assertAllowed(providerNamingRefusal(inviter, input.providerTenantId));
  let provider: CustomerInvitation['provider'];
  if (inviter.type === 'indirect_reseller') {
    const providerTenantId = input.providerTenantId!;
    // CUS-7: the provider the reseller buys through, with an active partnership (its pair lock).
    assertAllowed(providerPartneredRefusal(providerTenantId !== inviter.tenantId && (await p.relationships.pairExists(providerTenantId, inviter.tenantId))));
    const partner = await p.partners.get(providerTenantId);
    provider = { tenantId: providerTenantId, name: partner?.company.legalName ?? providerTenantId };
  }
  const now = p.clock.now().toISOString();
  const lc = customerInvitationLifecycle(p);
  const issued = await p.links.issue('customer-invitation');
  const id = p.ids.newId('cinv');
  const invitation: CustomerInvitation = {
    id,
    partnerTenantId: inviter.tenantId,
    partnerType: inviter.type,
    partnerName: inviter.company.legalName,
    partnerRegion: inviter.region,
    ...(provider ? { provider } : {}),
    email: input.email,
    ...(input.customerName ? { customerName: input.customerName } : {}),
    ...(input.message ? { message: input.message } : {}),
    ...(input.language ? { language: input.language } : {}),
    delegatedAdmin: input.delegatedAdmin,
    status: 'pending',
    link: nextEntityLink(issued, 0, now, config().CUSTOMER_INVITATION_EXPIRY_SECONDS),
    sendEmails: input.send,
    remindersSent: 0,
    createdBy: { sub: caller.sub, email: caller.email },
    version: 1,
    execution: firstExecution(id),
    createdAt: now,
    updatedAt: now,
    history: [{ at: now, actor: `user:${caller.sub}`, action: 'invitation.created', status: 'pending', to: 'pending', note: input.send ? 'sent by the system' : 'draft for the partner to send' }],
  };
  await startEntity(lc, invitation, newInvitationWrites(lc.definition, invitation, issued), () =>
    conflict('invitation_pending', 'A pending invitation to this address exists already; resend or revoke it.', 'CUS-7'),
  );
  const draft = await customerInvitationEmail(p, invitation);
  return { invitation, link: p.links.url('customer-invitation', issued.token), draft: { subject: draft.subject, body: draft.text } };
}

/** `GET /customer-invitations`: the inviting partner's own invitations. */
export const listCustomerInvitations = (p: { invitations: Pick<CustomerInvitationReader, 'ofPartner'> }, caller: Caller, status: CustomerInvitationStatus | undefined, limit: number, cursor?: Record<string, unknown>) =>
  p.invitations.ofPartner(caller.tenantId, status, limit, cursor);

async function ownInvitation(p: Pick<CustomerInvitationPorts, 'invitations'>, caller: Caller, id: string) {
  const stored = await p.invitations.load(id);
  if (!stored || stored.entity.partnerTenantId !== caller.tenantId) throw notFound('customer_invitation');
  return stored;
}

/** Resend: a new link and a new expiry; the old link dies; the email goes out. */
export async function resendCustomerInvitation(p: CustomerInvitationPorts, caller: Caller, id: string) {
  await invitingPartner(p, caller);
  const read = await ownInvitation(p, caller, id);
  return resendInvitation(customerInvitationLifecycle(p), id, `user:${caller.sub}`, read);
}

/** Revoke a pending invitation; its link dies. */
export async function revokeCustomerInvitation(p: CustomerInvitationPorts, caller: Caller, id: string) {
  const read = await ownInvitation(p, caller, id);
  return revokeInvitation(customerInvitationLifecycle(p), id, `user:${caller.sub}`, read);
}

/** The pending invitation a live customer link belongs to; any other token is gone. Reads only. */
export const invitationOfLink = (p: CustomerInvitationLinkPorts, token: string) => invitationForLink({ store: p.invitations, links: p.links, clock: p.clock, linkKind: 'customer-invitation' }, token);

/**
 * CUS-7..10, PRT-11: the customer tenant's global admin authorises the inviting partners.
 * The invitation's acceptance (its link used once), the customer — created on the tenant's
 * first acceptance, related on later ones — and its relationships with the optional
 * delegated-admin grant are one transaction: of many concurrent accepts one wins, and a
 * tenant is one customer.
 */
export async function acceptCustomerInvitation(p: CustomerInvitationPorts, caller: Caller, token: string, authorize: boolean, company?: Company): Promise<Customer> {
  const lc = customerInvitationLifecycle(p);
  const { invitation, hash, stored } = await invitationForLink(lc.definition, token);
  assertAllowed(acceptingRoleRefusal(caller));
  assertAllowed(customerAuthorizationRefusal(authorize));
  const tenantPartner = await p.partners.get(caller.tenantId);
  const provider = invitingProviderTenant(invitation);
  const partneredWithProvider = tenantPartner?.type === 'indirect_reseller' && provider !== undefined && (await p.relationships.pairExists(provider, caller.tenantId));
  assertAllowed(invitedTenantRefusal(tenantPartner, partneredWithProvider));
  const newId = p.ids.newId('cus');
  let customer: Customer | undefined;
  await change(lc, invitation.id, async ({ entity: e }, now) => {
    const answered = answerWrites(lc.definition, e, hash, now);
    const held = await p.customers.byTenant(caller.tenantId);
    const existing = held?.entity;
    const profile = invitedCustomerProfile(e, caller, company);
    // CUS-8: the customer's region — the existing customer's, else its company's country's.
    assertAllowed(invitationRegionRefusal(e, existing?.region ?? tenantRegion(profile.company.address.country)));
    const actor = `user:${caller.sub}`;
    // The one customer-creation path (CUS-10), committed with the invitation's acceptance.
    // The customer as stored: its commit moves its last change's entries into its trail.
    const plan = planCustomer(held, { id: newId, customerTenantId: caller.tenantId, ...profile }, invitedRelationships(e, now), actor, now, `invitation ${e.id}`);
    const changed = plan.created || plan.added.length > 0;
    customer = changed ? plan.customer : existing;
    const customerWrites: CustomerInvitationWrite[] = !changed ? [] : plan.created ? [{ type: 'customer.create', customer: plan.customer }] : [{ type: 'customer.update', customer: plan.customer, read: plan.read! }];
    return {
      next: transitionInvitation(e, { now, actor, action: 'invitation.accepted', status: 'accepted' }, { customerId: plan.customer.id, respondedBy: { sub: caller.sub, email: caller.email, tenantId: caller.tenantId } }),
      writes: [...answered, ...customerWrites, ...plan.writes],
    };
  }, { read: stored });
  return customer!;
}

/** Any signed-in user of the invited organisation may decline; the link dies. */
export async function declineCustomerInvitation(p: CustomerInvitationPorts, caller: Caller, token: string): Promise<CustomerInvitation> {
  const lc = customerInvitationLifecycle(p);
  const { invitation, hash, stored } = await invitationForLink(lc.definition, token);
  const { after } = await change(
    lc,
    invitation.id,
    ({ entity: e }, now) => ({
      next: transitionInvitation(e, { now, actor: `user:${caller.sub}`, action: 'invitation.declined', status: 'declined' }, { respondedBy: { sub: caller.sub, email: caller.email, tenantId: caller.tenantId } }),
      writes: answerWrites(lc.definition, e, hash, now),
    }),
    { read: stored },
  );
  return after;
}
