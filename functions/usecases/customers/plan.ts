/**
 * Creating a customer or relating partners to one (CUS-10), planned as writes: pure, no
 * I/O. The caller reads the tenant's customer, plans, and commits the writes atomically
 * with the change that causes them (an accepted customer invitation commits them with the
 * invitation's acceptance, `CustomerInvitationWrite`). The customer tenant's lock makes a
 * tenant one customer: of two concurrent first relations one creates the customer and the
 * other, retried on fresh state, relates the customer it now finds.
 */
import { customerTenantLock, relationshipOf, type Customer, type CustomerRelationship } from '#domain/customers.js';
import type { CustomerInvitationWrite } from '#domain/customer-invitations.js';
import type { CommonWrite } from '#domain/ports.js';
import type { Region } from '#domain/regions.js';

export interface RelationInput {
  /** The customer of the tenant as read now, if the program knows it. */
  existing: Customer | undefined;
  /** The id a new customer gets. */
  newId: string;
  customerTenantId: string;
  region: Region;
  profile: Pick<Customer, 'company' | 'domain' | 'primaryContact'>;
  relationships: CustomerRelationship[];
  actor: string;
  now: string;
  note?: string;
}

/**
 * The customer after relating the partners, and the writes that do it: a new customer with
 * its tenant lock, or a versioned update of the existing one; one list entry per partner
 * not yet related (a partner already related keeps its relationship).
 */
export function planCustomerRelation(input: RelationInput): { customer: Customer; added: CustomerRelationship[]; writes: (CommonWrite | CustomerInvitationWrite)[] } {
  const { existing, now } = input;
  const added = input.relationships.filter((r) => !existing || !relationshipOf(existing, r.partnerTenantId));
  const relate = (customer: Customer) => added.map((relationship): CustomerInvitationWrite => ({ type: 'customer.relate', customer, relationship }));
  const note = added.map((r) => `${r.type} ${r.partnerTenantId}${r.delegatedAdmin ? ' (delegated admin)' : ''}`).join(', ');
  if (!existing) {
    const customer: Customer = {
      id: input.newId,
      customerTenantId: input.customerTenantId,
      ...input.profile,
      region: input.region,
      relationships: added,
      version: 1,
      createdAt: now,
      updatedAt: now,
      history: [{ at: now, actor: input.actor, action: 'customer.created', to: 'active', note: [input.note, note].filter(Boolean).join('; ') }],
    };
    return {
      customer,
      added,
      writes: [{ type: 'customer.create', customer }, { type: 'lock.take', lock: customerTenantLock(input.customerTenantId), owner: customer.id }, ...relate(customer)],
    };
  }
  if (added.length === 0) return { customer: existing, added, writes: [] };
  // GEN-1: the customer's audit trail records who related which partners.
  const updated: Customer = {
    ...existing,
    relationships: [...existing.relationships, ...added],
    version: existing.version + 1,
    updatedAt: now,
    history: [...existing.history, { at: now, actor: input.actor, action: 'customer.related', note: [input.note, note].filter(Boolean).join('; ') }],
  };
  return { customer: updated, added, writes: [{ type: 'customer.update', customer: updated, expectVersion: existing.version, expectHistoryLength: existing.history.length }, ...relate(updated)] };
}
