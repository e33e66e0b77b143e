/** Subscriptions through the API (CUS-4, CUS-5, GEN-1): list, read, change, designate the support contact. */
import type { Caller } from '#domain/caller.js';
import { canSeeCustomer, type CustomerReader, type CustomerStore, type PartnershipLookup } from '#domain/customers.js';
import type { Offers } from '#domain/offers.js';
import { quantityRefusal } from '#domain/offers.js';
import type { Clock, Partners } from '#domain/ports.js';
import { assertAllowed, conflict, notFound } from '#domain/refusal.js';
import { canSeeSubscription, notTransactingRefusal, supportContactRefusal, transactingTenantOf, type Subscription, type SubscriptionReader, type SubscriptionStore } from '#domain/subscriptions.js';
import { checkPartnerOfRecord } from './orders/actions.js';

export interface SubscriptionPorts {
  subscriptions: SubscriptionStore;
  customers: Pick<CustomerStore, 'load'>;
  offers: Pick<Offers, 'get'>;
  partners: Pick<Partners, 'get' | 'registryEntry'>;
  partnerships: PartnershipLookup;
  clock: Clock;
}

/** `GET /customers/{id}/subscriptions`: those the caller transacts, resells or supports; all for the customer's users and the operator. */
export async function listSubscriptions(p: { subscriptions: Pick<SubscriptionReader, 'ofCustomer'>; customers: Pick<CustomerReader, 'load'> }, caller: Caller, customerId: string, limit: number, cursor?: Record<string, unknown>) {
  const customer = (await p.customers.load(customerId))?.entity;
  if (!customer || !canSeeCustomer(customer, caller)) throw notFound('customer');
  const page = await p.subscriptions.ofCustomer(customerId, limit, cursor);
  return { items: page.items.filter((s) => canSeeSubscription(s, caller)), next: page.next };
}

export async function readSubscription(p: { subscriptions: Pick<SubscriptionReader, 'load'> }, caller: Caller, id: string): Promise<Subscription> {
  const s = await p.subscriptions.load(id);
  if (!s || !canSeeSubscription(s, caller)) throw notFound('subscription');
  return s;
}

type Decide = (s: Subscription, now: string) => Promise<Subscription>;

/** A versioned change by the transacting partner, retried on fresh state when it lost a race. */
async function changeSubscription(p: SubscriptionPorts, caller: Caller, id: string, decide: Decide): Promise<Subscription> {
  for (let attempt = 0; attempt < 4; attempt++) {
    const s = await readSubscription(p, caller, id);
    assertAllowed(notTransactingRefusal(s, caller.tenantId));
    const next = await decide(s, p.clock.now().toISOString());
    if (next === s || (await p.subscriptions.commit(next, s.version))) return next;
  }
  throw conflict('concurrent_update', 'The subscription changed concurrently; nothing was changed. Retry.');
}

const record = (s: Subscription, now: string, actor: string, action: string, from: string, to: string, patch: Partial<Subscription>): Subscription => ({
  ...s,
  ...patch,
  version: s.version + 1,
  updatedAt: now,
  history: [...s.history, { at: now, actor, action, from, to, status: patch.status ?? s.status }],
});

/** `PATCH /subscriptions/{id}`: quantity within the offer's bounds, suspend/reactivate, a new partner of record (CUS-4 again). */
export async function patchSubscription(p: SubscriptionPorts, caller: Caller, id: string, body: { quantity?: number | undefined; status?: Subscription['status'] | undefined; partnerIdOnRecord?: string | null | undefined }) {
  const actor = `user:${caller.sub}`;
  return changeSubscription(p, caller, id, async (s, now) => {
    let next = s;
    if (body.quantity !== undefined && body.quantity !== s.quantity) {
      const offer = await p.offers.get(s.offerId);
      if (offer) assertAllowed(quantityRefusal(offer, body.quantity, 'quantity'));
      next = record(next, now, actor, 'subscription.quantity_changed', String(s.quantity), String(body.quantity), { quantity: body.quantity });
    }
    if (body.status !== undefined && body.status !== s.status) {
      next = record(next, now, actor, body.status === 'suspended' ? 'subscription.suspended' : 'subscription.reactivated', s.status, body.status, { status: body.status });
    }
    if (body.partnerIdOnRecord !== undefined && (body.partnerIdOnRecord?.toUpperCase() ?? undefined) !== s.partnerIdOnRecord) {
      if (body.partnerIdOnRecord !== null) {
        const partner = await p.partners.get(caller.tenantId);
        if (!partner) throw notFound('subscription');
        await checkPartnerOfRecord(p, partner, body.partnerIdOnRecord, 'partnerIdOnRecord');
      }
      const { partnerIdOnRecord: _old, ...rest } = next;
      next = record(rest, now, actor, 'subscription.partner_of_record_changed', s.partnerIdOnRecord ?? '-', body.partnerIdOnRecord?.toUpperCase() ?? '-', body.partnerIdOnRecord ? { partnerIdOnRecord: body.partnerIdOnRecord.toUpperCase() } : {});
    }
    // Nothing changed: nothing is written.
    return next;
  });
}

/** `PUT /subscriptions/{id}/support-contact` (CUS-5): the partner itself or a reseller it has an active partnership with. */
export async function setSupportContact(p: SubscriptionPorts, caller: Caller, id: string, tenantId: string) {
  return changeSubscription(p, caller, id, async (s, now) => {
    const transacting = transactingTenantOf(s)!;
    const partnered = tenantId !== transacting && (await p.partnerships.activeBetween(transacting, tenantId)) !== undefined;
    assertAllowed(supportContactRefusal(transacting, tenantId, partnered));
    const contact = await p.partners.get(tenantId);
    return record(s, now, `user:${caller.sub}`, 'subscription.support_contact_changed', s.supportContact.tenantId, tenantId, { supportContact: { tenantId, name: contact?.company.legalName ?? tenantId } });
  });
}
