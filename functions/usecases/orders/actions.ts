/** Orders through the API (CUS-3, CUS-4, PRT-7, MPA-1, CUS-8): draft, read, submit, cancel. */
import type { Caller } from '#domain/caller.js';
import { customerCreatorRefusal, customerRegionRefusal, relationshipOf, transactingRelationshipRefusal, type Customer, type CustomerReader } from '#domain/customers.js';
import { firstExecution } from '#domain/history.js';
import { plusSeconds } from '#domain/links.js';
import { offerRefusal, quantityRefusal } from '#domain/offers.js';
import { agreementRefusal, DRAFT_LIFETIME_SECONDS, notDraftRefusal, partnerOfRecordRefusal, transitionOrder, type LineItem, type Order, type OrderReader } from '#domain/orders.js';
import type { LifecycleReader } from '#domain/ports.js';
import type { Partner } from '#domain/partners.js';
import type { Stored } from '#domain/ports.js';
import { assertAllowed, conflict, forbidden, notFound } from '#domain/refusal.js';
import { change, startEntity } from '../lifecycle.js';
import { orderLifecycle, type OrderPorts } from './lifecycle.js';

export interface LineInput {
  offerId: string;
  quantity: number;
  partnerIdOnRecord?: string | undefined;
}

/** CUS-4 for one partner ID named as partner of record by `partner`; `param` names the field. */
export async function checkPartnerOfRecord(p: { partners: Pick<OrderPorts['partners'], 'get' | 'registryEntry'>; partnerships: OrderPorts['partnerships'] }, partner: Partner, partnerId: string, param: string): Promise<void> {
  const registry = await p.partners.registryEntry(partnerId);
  const reseller = registry?.linkedTenantId ? await p.partners.get(registry.linkedTenantId) : undefined;
  const relationshipId = reseller && partner.type === 'indirect_provider' ? await p.partnerships.activeBetween(partner.tenantId, reseller.tenantId) : undefined;
  assertAllowed(partnerOfRecordRefusal({ orderingPartner: partner, partnerId, registry, reseller, relationshipId }, param));
}

/**
 * Every rule of an order, in API.md's order: CUS-4 for each partner of record, MPA-1 for
 * the ordering partner, CUS-8, CUS-3 for each offer, then each quantity. Answers the lines
 * with their offers' names.
 */
export async function checkOrder(p: OrderPorts, partner: Partner, customer: Customer, lines: readonly LineInput[]): Promise<LineItem[]> {
  // The reads of every check at once (one round trip for each kind); the refusals keep their order.
  const [partnersOfRecord, offers] = await Promise.all([
    Promise.allSettled(lines.map((line, i) => (line.partnerIdOnRecord ? checkPartnerOfRecord(p, partner, line.partnerIdOnRecord, `lineItems.${i}.partnerIdOnRecord`) : undefined))),
    p.offers.getMany(lines.map((l) => l.offerId)),
  ]);
  for (const checked of partnersOfRecord) if (checked.status === 'rejected') throw checked.reason;
  assertAllowed(agreementRefusal(partner));
  assertAllowed(customerRegionRefusal(partner.region, customer.company.address.country));
  for (const [i, line] of lines.entries()) assertAllowed(offerRefusal(offers.get(line.offerId), `lineItems.${i}.offerId`));
  for (const [i, line] of lines.entries()) assertAllowed(quantityRefusal(offers.get(line.offerId)!, line.quantity, `lineItems.${i}.quantity`));
  return lines.map((line, i) => ({
    lineNumber: i + 1,
    offerId: line.offerId,
    offerName: offers.get(line.offerId)!.name,
    quantity: line.quantity,
    ...(line.partnerIdOnRecord ? { partnerIdOnRecord: line.partnerIdOnRecord.toUpperCase() } : {}),
  }));
}

/** The customer and the caller's partner profile, if the caller transacts for it (404 / 403 otherwise). */
async function transactingParty(p: OrderPorts, caller: Caller, customerId: string): Promise<{ customer: Customer; partner: Partner }> {
  const [stored, partner] = await Promise.all([p.customers.load(customerId), p.partners.get(caller.tenantId)]);
  const customer = stored?.entity;
  if (!customer) throw notFound('customer');
  assertAllowed(transactingRelationshipRefusal(customer, caller.tenantId));
  assertAllowed(customerCreatorRefusal(partner));
  return { customer, partner: partner! };
}

/** `POST /customers/{id}/orders`: a draft, every rule checked (again at submit). */
export async function createOrder(p: OrderPorts, caller: Caller, customerId: string, lines: readonly LineInput[]): Promise<Order> {
  const { customer, partner } = await transactingParty(p, caller, customerId);
  const lineItems = await checkOrder(p, partner, customer, lines);
  const now = p.clock.now().toISOString();
  const id = p.ids.newId('ord');
  const reseller = relationshipOf(customer, partner.tenantId)?.counterpartTenantId;
  const order: Order = {
    id,
    customerId: customer.id,
    customerTenantId: customer.customerTenantId,
    customerName: customer.company.legalName,
    partnerTenantId: partner.tenantId,
    partnerType: partner.type === 'direct_bill' ? 'direct_bill' : 'indirect_provider',
    partnerName: partner.company.legalName,
    ...(reseller ? { resellerTenantId: reseller } : {}),
    lineItems,
    status: 'draft',
    expiresAt: plusSeconds(now, DRAFT_LIFETIME_SECONDS),
    createdBy: { sub: caller.sub, email: caller.email },
    version: 1,
    execution: firstExecution(id),
    createdAt: now,
    updatedAt: now,
    history: [{ at: now, actor: `user:${caller.sub}`, action: 'order.drafted', status: 'draft', to: 'draft' }],
  };
  return startEntity(orderLifecycle(p), order, [], () => conflict('order_exists', 'The order exists already.'));
}

/** Who sees an order: the ordering partner, the associated reseller, the operator. */
const canSeeOrder = (o: Order, caller: Caller) => caller.roles.includes('operator') || o.partnerTenantId === caller.tenantId || o.resellerTenantId === caller.tenantId;

export async function readOrder(p: { orders: LifecycleReader<Order> }, caller: Caller, id: string): Promise<Order> {
  const o = (await p.orders.load(id))?.entity;
  if (!o || !canSeeOrder(o, caller)) throw notFound('order');
  return o;
}

/** `GET /customers/{id}/orders`: the orders of a customer the caller may see. */
export async function listOrders(p: { orders: Pick<OrderReader, 'ofCustomer'>; customers: Pick<CustomerReader, 'load'> }, caller: Caller, customerId: string, limit: number, cursor?: Record<string, unknown>) {
  const customer = (await p.customers.load(customerId))?.entity;
  if (!customer || !(caller.roles.includes('operator') || relationshipOf(customer, caller.tenantId))) throw notFound('customer');
  const page = await p.orders.ofCustomer(customerId, limit, cursor);
  return { items: page.items.filter((o) => canSeeOrder(o, caller)), next: page.next };
}

/** The caller's own order as stored (the reseller may see it but not act: 403; anyone else: 404). */
async function ownOrder(p: OrderPorts, caller: Caller, id: string): Promise<Stored<Order>> {
  const stored = await p.orders.load(id);
  if (!stored || !canSeeOrder(stored.entity, caller)) throw notFound('order');
  if (stored.entity.partnerTenantId !== caller.tenantId) throw forbidden('partner_type_not_allowed', 'Only the ordering partner submits or cancels the order.', 'TYP-1');
  return stored;
}

/**
 * `POST /orders/{id}/submit`: the rules again on fresh state (a refusal leaves the draft as
 * it is), then `submitted`; the parked workflow wakes and provisions. Of concurrent submits
 * one wins the versioned write; the others find it submitted (409 `order_not_draft`).
 */
export async function submitOrder(p: OrderPorts, caller: Caller, id: string): Promise<Order> {
  const read = await ownOrder(p, caller, id);
  const { after } = await change(
    orderLifecycle(p),
    id,
    async ({ entity: o }, now) => {
      assertAllowed(notDraftRefusal(o));
      if (o.expiresAt <= now) assertAllowed({ kind: 'conflict', rule: 'CUS-3', code: 'order_not_draft', message: 'The draft has expired.' });
      const { customer, partner } = await transactingParty(p, caller, o.customerId);
      const lineItems = await checkOrder(p, partner, customer, o.lineItems);
      return { next: transitionOrder(o, { now, actor: `user:${caller.sub}`, action: 'order.submitted', status: 'submitted' }, { lineItems, submittedAt: now }) };
    },
    { read },
  );
  return after;
}

/** `POST /orders/{id}/cancel`: a draft is cancelled as a whole (CUS-3). */
export async function cancelOrder(p: OrderPorts, caller: Caller, id: string): Promise<Order> {
  const read = await ownOrder(p, caller, id);
  const { after } = await change(
    orderLifecycle(p),
    id,
    ({ entity: o }, now) => {
      assertAllowed(notDraftRefusal(o));
      return { next: transitionOrder(o, { now, actor: `user:${caller.sub}`, action: 'order.cancelled', status: 'cancelled' }) };
    },
    { read },
  );
  return after;
}
