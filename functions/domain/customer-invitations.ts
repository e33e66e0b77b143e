/**
 * Customer invitations (CUS-7, CUS-8, CUS-9, CUS-10, PRT-11): a partner invites a customer
 * that has its own tenant, by email, to authorise customer relationships with it (and, from
 * a reseller, with the provider it buys through). The customer's `global_admin` accepts
 * through the emailed link. An invitation is an `Invitation` of the lifecycle mechanism.
 */
import type { Caller } from './caller.js';
import type { Customer, CustomerRelationship, CustomerWrite } from './customers.js';
import { programTenantRefusal } from './customers.js';
import { recordChange, type StateChange } from './history.js';
import type { Invitation } from './lifecycle.js';
import type { Company, HistoryEntry, Language, Partner, PartnerType } from './partners.js';
import type { LifecycleReader, LifecycleStore, Lock, Page, ReadState } from './ports.js';
import type { Refusal } from './refusal.js';
import { regionOf, type Region } from './regions.js';

export type CustomerInvitationStatus = 'pending' | 'accepted' | 'declined' | 'revoked' | 'expired';

export interface CustomerInvitation extends Invitation {
  id: string;
  /** The inviting partner. */
  partnerTenantId: string;
  partnerType: PartnerType;
  partnerName: string;
  partnerRegion: Region;
  /** From a reseller: the provider it buys through, related to the customer too (CUS-7). */
  provider?: { tenantId: string; name: string };
  /** The invited address (the invitation goes to the organisation behind it). */
  email: string;
  /** The company the partner means to invite, if it named it (shown on the page). */
  customerName?: string;
  message?: string;
  language?: Language;
  /** Whether accepting also grants the inviting partner delegated admin access. */
  delegatedAdmin: boolean;
  status: CustomerInvitationStatus;
  createdBy: { sub: string; email: string };
  respondedBy?: { sub: string; email: string; tenantId: string };
  customerId?: string;
  version: number;
  execution: { generation: number; name: string };
  createdAt: string;
  updatedAt: string;
  history: HistoryEntry[];
}

/** Who may invite customers: a reseller, a provider or a direct-bill partner that is active in the program (TYP-1). */
export function invitingPartnerRefusal(partner: Pick<Partner, 'type' | 'status'> | undefined): Refusal | undefined {
  if (!partner) return { kind: 'forbidden', rule: 'TYP-1', code: 'partner_type_not_allowed', message: 'Only partners of the program invite customers.' };
  if (partner.status !== 'active') return { kind: 'forbidden', rule: 'TYP-1', code: 'partner_not_active', message: 'The partner is not active in the program.' };
  return undefined;
}

/** CUS-7: from a reseller, the provider it buys through is required; other partners name none. */
export function providerNamingRefusal(inviter: Pick<Partner, 'type'>, providerTenantId: string | undefined): Refusal | undefined {
  if (inviter.type === 'indirect_reseller' && providerTenantId === undefined) {
    return { kind: 'invalid', code: 'invalid_field', message: 'providerTenantId: a reseller names the indirect provider it buys through.', param: 'providerTenantId' };
  }
  if (inviter.type !== 'indirect_reseller' && providerTenantId !== undefined) {
    return { kind: 'invalid', code: 'invalid_field', message: 'providerTenantId: only a reseller names a provider.', param: 'providerTenantId' };
  }
  return undefined;
}

/** CUS-7: the named provider must be one the reseller has an active partnership with. */
export const providerPartneredRefusal = (partnered: boolean): Refusal | undefined =>
  partnered
    ? undefined
    : { kind: 'rule', rule: 'CUS-7', code: 'provider_not_partnered', message: 'The reseller has no active partnership with this indirect provider.', param: 'providerTenantId' };

/** CUS-7: only the customer tenant's global admin authorises partners. */
export const acceptingRoleRefusal = (caller: Pick<Caller, 'roles'>): Refusal | undefined =>
  caller.roles.includes('global_admin')
    ? undefined
    : { kind: 'forbidden', rule: 'CUS-7', code: 'role_not_allowed', message: 'Only a global admin of the customer’s tenant may accept a customer invitation.' };

/** CUS-7: authorising needs the ticked box. */
export const customerAuthorizationRefusal = (authorize: boolean): Refusal | undefined =>
  authorize ? undefined : { kind: 'rule', rule: 'CUS-7', code: 'authorization_required', message: 'Tick the authorisation to authorize the partners.' };

/**
 * CUS-9 / PRT-11: a program partner's tenant is never a customer tenant. PRT-11 names the
 * case of a reseller partnered with the inviting (or named) provider; any other partner is CUS-9.
 */
export function invitedTenantRefusal(partnerOfTenant: Pick<Partner, 'type'> | undefined, partneredWithProvider: boolean): Refusal | undefined {
  if (!partnerOfTenant) return undefined;
  return programTenantRefusal(partnerOfTenant.type === 'indirect_reseller' && partneredWithProvider ? partnerOfTenant : { type: 'direct_bill' });
}

/** CUS-8: the customer (its tenant's country, or the existing customer's region) is in the inviting partner's region. */
export function invitationRegionRefusal(inv: Pick<CustomerInvitation, 'partnerRegion'>, customerRegion: Region | undefined): Refusal | undefined {
  return customerRegion === inv.partnerRegion
    ? undefined
    : { kind: 'rule', rule: 'CUS-8', code: 'region_mismatch', message: 'The customer is outside the partner’s region; a partner sells only to customers in its own region.' };
}

/** The region of a customer tenant that is not yet a customer: its country's. */
export const tenantRegion = (tenantCountry: string): Region | undefined => regionOf(tenantCountry);

/** CUS-7: only a pending invitation can be resent or revoked. */
export const invitationNotPendingRefusal = (e: Pick<CustomerInvitation, 'status'>): Refusal | undefined =>
  e.status === 'pending' ? undefined : { kind: 'conflict', rule: 'CUS-7', code: 'invitation_not_pending', message: `The invitation is ${e.status}.` };

/** One pending invitation per inviting partner and address. */
export const invitationPendingLock = (e: Pick<CustomerInvitation, 'partnerTenantId' | 'email'>): Lock => ({ kind: 'customer-invitation-pending', id: `${e.partnerTenantId}#${e.email.toLowerCase()}` });

/** CUS-7/CUS-10: the customer relationships an accepted invitation authorises. */
export function invitedRelationships(inv: CustomerInvitation, now: string): CustomerRelationship[] {
  const base = { createdAt: now };
  switch (inv.partnerType) {
    case 'indirect_reseller':
      return [
        { ...base, partnerTenantId: inv.partnerTenantId, partnerName: inv.partnerName, type: 'reseller', counterpartTenantId: inv.provider!.tenantId, delegatedAdmin: inv.delegatedAdmin },
        { ...base, partnerTenantId: inv.provider!.tenantId, partnerName: inv.provider!.name, type: 'provider', counterpartTenantId: inv.partnerTenantId, delegatedAdmin: false },
      ];
    case 'indirect_provider':
      return [{ ...base, partnerTenantId: inv.partnerTenantId, partnerName: inv.partnerName, type: 'provider', delegatedAdmin: inv.delegatedAdmin }];
    case 'direct_bill':
      return [{ ...base, partnerTenantId: inv.partnerTenantId, partnerName: inv.partnerName, type: 'direct_bill', delegatedAdmin: inv.delegatedAdmin }];
  }
}

/** The provider the acceptance relates, if any (checked for PRT-11). */
export const invitingProviderTenant = (inv: Pick<CustomerInvitation, 'partnerType' | 'partnerTenantId' | 'provider'>): string | undefined =>
  inv.partnerType === 'indirect_provider' ? inv.partnerTenantId : inv.provider?.tenantId;

/** A first acceptance's customer profile: what the tenant's admin gave, else what the invitation and the identity know. */
export function invitedCustomerProfile(inv: CustomerInvitation, caller: Pick<Caller, 'email' | 'tenantCountry'>, company: Company | undefined): Pick<Customer, 'company' | 'domain' | 'primaryContact'> {
  const domain = caller.email.split('@')[1] ?? caller.email;
  return {
    company: company ?? { legalName: inv.customerName ?? domain, address: { line1: '', city: '', postalCode: '', country: caller.tenantCountry } },
    domain,
    primaryContact: { firstName: '', lastName: '', email: caller.email, ...(inv.language ? { language: inv.language } : {}) },
  };
}

/** Writes of the invitation lifecycle besides links and locks: the customer, created or changed with the acceptance. */
export type CustomerInvitationWrite =
  | { type: 'customer.create'; customer: Customer }
  | { type: 'customer.update'; customer: Customer; read: ReadState }
  | CustomerWrite;

/** The invitation store: the lifecycle store plus the inviting partner's list. */
/** Customer invitations read only: the routes that change nothing. */
export interface CustomerInvitationReader extends LifecycleReader<CustomerInvitation> {
  ofPartner(partnerTenantId: string, status: CustomerInvitationStatus | undefined, limit: number, cursor?: Record<string, unknown>): Promise<Page<CustomerInvitation>>;
}

export interface CustomerInvitationStore extends CustomerInvitationReader, LifecycleStore<CustomerInvitation, CustomerInvitationWrite> {}

/** Records an invitation's state change (GEN-1). */
export const transitionInvitation = (e: CustomerInvitation, change: StateChange<CustomerInvitationStatus>, patch: Partial<CustomerInvitation> = {}): CustomerInvitation => recordChange(e, change, patch);
