/**
 * Customers (CUS-1, CUS-2, CUS-6..10): organisations that buy through the program, each
 * with its own customer tenant, and the customer relationships through which partners may
 * transact for them. A partner with no relationship to a customer cannot see it (CUS-7).
 */
import type { Company, Contact, HistoryEntry, Partner } from './partners.js';
import type { LifecycleStore, Page, Stored } from './ports.js';
import type { Refusal } from './refusal.js';
import { regionOf, type Region } from './regions.js';

export type CustomerRelationshipType = 'provider' | 'reseller' | 'direct_bill';

/** How a partner is related to a customer. `counterpartTenantId`: the reseller of a provider relationship, the provider of a reseller one. */
export interface CustomerRelationship {
  partnerTenantId: string;
  partnerName: string;
  type: CustomerRelationshipType;
  counterpartTenantId?: string;
  delegatedAdmin: boolean;
  createdAt: string;
}

export interface Customer {
  id: string;
  customerTenantId: string;
  company: Company;
  domain: string;
  primaryContact: Pick<Contact, 'firstName' | 'lastName' | 'email' | 'language'>;
  region: Region;
  relationships: CustomerRelationship[];
  /** The identity-service user name of the customer's first admin (CUS-2); never its password. */
  adminUserName?: string;
  /** When the one response carrying the admin's temporary password was produced (CUS-2); unset while the admin is not provisioned yet. */
  adminCredentialsIssuedAt?: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  history: HistoryEntry[];
}

/** Writes committed with a customer's change: the per-partner list entry of a new relationship. */
export type CustomerWrite = { type: 'customer.relate'; customer: Pick<Customer, 'id' | 'createdAt' | 'customerTenantId'>; relationship: CustomerRelationship };

/** The customer store: a versioned entity with one list entry per related partner. */
/** Customers read only: the routes that change nothing. */
export type CustomerReader = Omit<CustomerStore, 'create' | 'commit'>;

export interface CustomerStore extends Pick<LifecycleStore<Customer, CustomerWrite>, 'load' | 'create' | 'commit'> {
  /** The customer of a customer tenant as stored, if the program knows it (CUS-10: one customer per tenant); a change decides on it. */
  byTenant(customerTenantId: string): Promise<Stored<Customer> | undefined>;
  /** The customer holding a domain (`customerDomainLock`), if any. */
  byDomain(domain: string): Promise<Customer | undefined>;
  /** CUS-6: the customers a partner is related to, optionally only those shared with one counterpart. */
  ofPartner(partnerTenantId: string, counterpartTenantId: string | undefined, limit: number, cursor?: Record<string, unknown>): Promise<Page<Customer>>;
}

/** Lock id of a customer tenant (CUS-10): the tenant belongs to one customer. */
export const customerTenantLock = (customerTenantId: string) => ({ kind: 'customer-tenant' as const, id: customerTenantId });

/** The caller's relationship to a customer, if any (CUS-7: none means the customer does not exist for it). */
export const relationshipOf = (customer: Pick<Customer, 'relationships'>, tenantId: string): CustomerRelationship | undefined =>
  customer.relationships.find((r) => r.partnerTenantId === tenantId);

/** TYP-1: who creates customers: an active indirect provider (two-tier) or direct-bill partner (direct chain). */
export function customerCreatorRefusal(partner: Pick<Partner, 'type' | 'status'> | undefined): Refusal | undefined {
  if (partner?.type === 'indirect_provider' || partner?.type === 'direct_bill') {
    return partner.status === 'active' ? undefined : { kind: 'forbidden', rule: 'TYP-1', code: 'partner_not_active', message: 'The partner is not active in the program.' };
  }
  return { kind: 'forbidden', rule: 'TYP-1', code: 'partner_type_not_allowed', message: 'Only indirect providers and direct-bill partners create customers.' };
}

/** CUS-1: a customer is associated only with a reseller the provider has an active partnership with. */
export function resellerAssociationRefusal(creator: Pick<Partner, 'type'>, resellerTenantId: string | undefined, partnered: boolean): Refusal | undefined {
  if (resellerTenantId === undefined) return undefined;
  if (creator.type !== 'indirect_provider') {
    return { kind: 'rule', rule: 'CUS-1', code: 'reseller_not_allowed', message: 'Only an indirect provider associates customers with resellers.', param: 'resellerTenantId' };
  }
  return partnered
    ? undefined
    : { kind: 'rule', rule: 'CUS-1', code: 'reseller_not_partnered', message: 'The provider has no active partnership with this reseller; partner with it first (POST /partnership-requests).', param: 'resellerTenantId' };
}

/** CUS-8: a partner sells only to customers in its own region. */
export function customerRegionRefusal(partnerRegion: Region, customerCountry: string, param = 'company.address.country'): Refusal | undefined {
  return regionOf(customerCountry) === partnerRegion
    ? undefined
    : { kind: 'rule', rule: 'CUS-8', code: 'region_mismatch', message: 'The customer is outside the partner’s region; a partner sells only to customers in its own region.', param };
}

/**
 * CUS-9 / PRT-11: a partner may not sell to itself or its partner organisations as an end
 * customer: a program partner's tenant is never a customer tenant.
 */
export function programTenantRefusal(partnerOfTenant: Pick<Partner, 'type'> | undefined): Refusal | undefined {
  if (!partnerOfTenant) return undefined;
  return partnerOfTenant.type === 'indirect_reseller'
    ? { kind: 'rule', rule: 'PRT-11', code: 'program_tenant', message: 'This tenant is a reseller in the program; a partner organisation cannot be its provider’s customer.' }
    : { kind: 'rule', rule: 'CUS-9', code: 'program_tenant', message: 'This tenant is a partner of the program; partners cannot be end customers.' };
}

/** Lock id of a customer's domain: one customer per domain (its admin's user name derives from it). */
export const customerDomainLock = (domain: string) => ({ kind: 'customer-domain' as const, id: domain.toLowerCase() });

/** CUS-2: the user name of a customer's first admin in the identity service. */
export const adminUserNameOf = (domain: string) => `admin@${domain.toLowerCase()}`;

/** Who may see a customer: a related partner, the customer's own users, the operator (CUS-7: nobody else learns it exists). */
export const canSeeCustomer = (customer: Pick<Customer, 'relationships' | 'customerTenantId'>, viewer: { tenantId: string; roles: readonly string[] }): boolean =>
  viewer.roles.includes('operator') || viewer.tenantId === customer.customerTenantId || relationshipOf(customer, viewer.tenantId) !== undefined;

/**
 * TYP-1 / CUS-7: who transacts for a customer: a provider or direct-bill partner related to
 * it. A reseller related to it may see it but not order (403); anyone else learns nothing (404).
 */
export function transactingRelationshipRefusal(customer: Pick<Customer, 'relationships'>, tenantId: string): Refusal | undefined {
  const rel = relationshipOf(customer, tenantId);
  if (!rel) return { kind: 'not_found', code: 'customer_not_found', message: 'No such customer.' };
  if (rel.type === 'reseller') return { kind: 'forbidden', rule: 'TYP-1', code: 'partner_type_not_allowed', message: 'Only the customer’s indirect provider or direct-bill partner orders and changes subscriptions.' };
  return undefined;
}

/** Looks up the active partnership of a provider and a reseller (PRT-5, PRT-10's pair). */
export interface PartnershipLookup {
  /** The id of the active relationship between the two, if any. */
  activeBetween(providerTenantId: string, resellerTenantId: string): Promise<string | undefined>;
}
