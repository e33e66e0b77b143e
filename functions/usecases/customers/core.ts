/**
 * The reusable core of creating customers (CUS-1, CUS-8, CUS-9, CUS-10): whoever brings a
 * customer into the program — a partner creating it, a customer accepting an invitation —
 * goes through `relateCustomer`, which records the customer or relates an existing one,
 * checks the region of every relating partner and that the tenant is not a program
 * partner's, and holds the customer tenant lock (`customerTenantLock`).
 */
import {
  customerRegionRefusal,
  customerTenantLock,
  programTenantRefusal,
  relationshipOf,
  type Customer,
  type CustomerRelationship,
  type CustomerStore,
  type CustomerWrite,
} from '#domain/customers.js';
import type { Partner } from '#domain/partners.js';
import { readStateOf, type Clock, type CommonWrite, type Partners, type ReadState, type Stored } from '#domain/ports.js';
import { assertAllowed, conflict, type Refused } from '#domain/refusal.js';
import { regionOf } from '#domain/regions.js';

export interface CustomerCorePorts {
  customers: CustomerStore;
  partners: Pick<Partners, 'get' | 'getMany'>;
  clock: Clock;
}

export interface NewCustomer {
  id: string;
  customerTenantId: string;
  company: Customer['company'];
  domain: string;
  primaryContact: Customer['primaryContact'];
  adminUserName?: string;
}

/** A relationship a partner gets to a customer, with the counterpart of a two-tier chain. */
export const customerRelationship = (partner: Pick<Partner, 'tenantId' | 'company'>, type: CustomerRelationship['type'], now: string, counterpartTenantId?: string): CustomerRelationship => ({
  partnerTenantId: partner.tenantId,
  partnerName: partner.company.legalName,
  type,
  ...(counterpartTenantId ? { counterpartTenantId } : {}),
  delegatedAdmin: true,
  createdAt: now,
});

/** CUS-8 for every relating partner; CUS-9/PRT-11 for the tenant. */
export async function customerRefusals(p: CustomerCorePorts, customerTenantId: string, country: string, relating: Pick<Partner, 'region'>[], known: { newTenant?: boolean } = {}): Promise<void> {
  for (const partner of relating) assertAllowed(customerRegionRefusal(partner.region, country));
  // A tenant minted for this customer is no partner's: CUS-9 holds without reading.
  if (!known.newTenant) assertAllowed(programTenantRefusal(await p.partners.get(customerTenantId)));
}

const listWrite = (c: Pick<Customer, 'id' | 'createdAt' | 'customerTenantId'>, relationship: CustomerRelationship): CustomerWrite => ({
  type: 'customer.relate',
  customer: { id: c.id, createdAt: c.createdAt, customerTenantId: c.customerTenantId },
  relationship,
});

/** What relating a tenant's customer to partners writes: the customer as it will be, and the items beside it. */
export interface CustomerPlan {
  customer: Customer;
  /** True: `customer` is new (create it); false: it is the next version of the one read (commit it with `read`). */
  created: boolean;
  /** The relationships not held before (a partner already related keeps its relationship). */
  added: CustomerRelationship[];
  /** The tenant lock of a new customer and one list entry per added relationship. */
  writes: (CommonWrite | CustomerWrite)[];
  /** The state the commit of an existing customer is conditional on. */
  read?: ReadState;
}

/**
 * The one place a customer is built (CUS-10): a new customer of the tenant with its
 * relationships and tenant lock, or the next version of the tenant's customer with the
 * partners it is not yet related to. Pure: the caller commits the plan — on its own
 * (`relateCustomer`) or atomically with the change that causes it (an invitation's
 * acceptance commits it with the invitation's new state).
 */
export function planCustomer(existing: Stored<Customer> | undefined, input: NewCustomer, relationships: CustomerRelationship[], actor: string, now: string, note?: string): CustomerPlan {
  const say = (rels: CustomerRelationship[]) => [note, rels.map((r) => `${r.type}: ${r.partnerName}`).join(', ')].filter(Boolean).join('; ');
  if (!existing) {
    const customer: Customer = {
      id: input.id,
      customerTenantId: input.customerTenantId,
      company: input.company,
      domain: input.domain.toLowerCase(),
      primaryContact: input.primaryContact,
      region: regionOf(input.company.address.country)!,
      relationships,
      ...(input.adminUserName ? { adminUserName: input.adminUserName } : {}),
      version: 1,
      createdAt: now,
      updatedAt: now,
      history: [{ at: now, actor, action: 'customer.created', note: say(relationships) }],
    };
    return {
      customer,
      created: true,
      added: relationships,
      writes: [{ type: 'lock.take', lock: customerTenantLock(input.customerTenantId), owner: input.id }, ...relationships.map((r) => listWrite(customer, r))],
    };
  }
  const current = existing.entity;
  const added = relationships.filter((r) => !relationshipOf(current, r.partnerTenantId));
  const next: Customer = {
    ...current,
    relationships: [...current.relationships, ...added],
    version: current.version + 1,
    updatedAt: now,
    history: [...current.history, { at: now, actor, action: 'customer.related', note: say(added) }],
  };
  return { customer: next, created: false, added, writes: added.map((r) => listWrite(current, r)), read: readStateOf(existing) };
}

/**
 * Records a new customer for a tenant with its relationships, or (CUS-10) relates the
 * tenant's existing customer to the partners it is not yet related to. `writes` commit
 * atomically with it (e.g. a domain lock). Refuses with 409 `customer_changed` only when
 * the tenant's customer changed concurrently four times.
 */
export async function relateCustomer(
  p: CustomerCorePorts,
  input: NewCustomer,
  relationships: CustomerRelationship[],
  actor: string,
  writes: (CommonWrite | CustomerWrite)[] = [],
  /** The refusal when creating lost to something else than the tenant lock (e.g. a domain lock in `writes`). */
  onTaken?: () => Promise<Refused | undefined>,
  /**
   * What the caller knows already: the relating partners' profiles (not read again), and
   * that the tenant is one it minted for this customer (no partner's — CUS-9 holds — and,
   * until a create loses a race, no customer's).
   */
  known: { relating?: Map<string, Partner>; newTenant?: boolean } = {},
): Promise<{ customer: Customer; created: boolean }> {
  const relating = known.relating ?? (await p.partners.getMany(relationships.map((r) => r.partnerTenantId)));
  await customerRefusals(p, input.customerTenantId, input.company.address.country, [...relating.values()], known);
  for (let attempt = 0; attempt < 4; attempt++) {
    const now = p.clock.now().toISOString();
    // CUS-10: one customer per tenant, related to several partners.
    const stored = known.newTenant && attempt === 0 ? undefined : await p.customers.byTenant(input.customerTenantId);
    const plan = planCustomer(stored, input, relationships, actor, now);
    if (plan.created) {
      if (await p.customers.create(plan.customer, [...plan.writes, ...writes])) return { customer: plan.customer, created: true };
      const refusal = await onTaken?.();
      if (refusal) throw refusal;
      continue;
    }
    if (plan.added.length === 0 && writes.length === 0) return { customer: stored!.entity, created: false };
    if (await p.customers.commit(plan.customer, plan.read!, [...plan.writes, ...writes])) return { customer: plan.customer, created: false };
  }
  throw conflict('customer_changed', 'The customer changed concurrently; nothing was changed. Retry.');
}
