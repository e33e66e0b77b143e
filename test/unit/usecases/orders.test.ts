import { beforeEach, describe, expect, it } from 'vitest';
import type { AgreementReminders } from '#domain/agreement-reminders.js';
import type { Customer } from '#domain/customers.js';
import type { Order } from '#domain/orders.js';
import type { Relationship } from '#domain/partnerships.js';
import type { Subscription, SubscriptionStore } from '#domain/subscriptions.js';
import { remindAgreement } from '#usecases/agreement-reminders.js';
import { loadStep, sweepOne } from '#usecases/lifecycle.js';
import { cancelOrder, createOrder, submitOrder } from '#usecases/orders/actions.js';
import { completeProvisioning, failProvisioning, orderLifecycle, planProvisioning, type OrderPorts } from '#usecases/orders/lifecycle.js';
import { patchSubscription, readSubscription, setSupportContact, type SubscriptionPorts } from '#usecases/subscriptions.js';
import { caller, FakeClock, FakeMailer, FakeWorkflows, FakeWorld, fakeIds, fakePartners, fakeStore, partner } from '../../support/fakes.js';
import { fakeCustomers, fakeOffers, fakePartnershipLookup } from '../../support/fakes/customers.js';

const HOUR = 3600;

function fakeSubscriptions(): SubscriptionStore & { map: Map<string, Subscription> } {
  const map = new Map<string, Subscription>();
  return {
    map,
    load: async (id) => structuredClone(map.get(id)),
    async commit(next, expectVersion) {
      if (map.get(next.id)?.version !== expectVersion) return false;
      map.set(next.id, structuredClone(next));
      return true;
    },
    ofCustomer: async (customerId) => ({ items: [...map.values()].filter((s) => s.customerId === customerId) }),
    provisioningItems: (subs) => subs.map((s) => ({ ...s })),
  };
}

function setup() {
  const world = new FakeWorld();
  world.partners.set('prov', partner('prov', { partnerId: '4100001' }));
  world.partners.set('res', partner('res', { type: 'indirect_reseller', partnerId: '5100001', primaryContact: { firstName: 'Rita', lastName: 'R', email: 'rita@res.example', language: 'sv' } }));
  world.partners.set('res-new', partner('res-new', { type: 'indirect_reseller', partnerId: '5100002', agreement: { accepted: false } }));
  world.partners.set('res-other', partner('res-other', { type: 'indirect_reseller', partnerId: '5100003' }));
  world.partners.set('direct', partner('direct', { type: 'direct_bill', partnerId: '6100001', agreement: { accepted: false } }));
  for (const [id, tenant] of [['4100001', 'prov'], ['5100001', 'res'], ['5100002', 'res-new'], ['5100003', 'res-other'], ['6100001', 'direct']] as const) {
    world.registry.set(id, { partnerId: id, legalName: tenant, country: 'DE', status: 'active', linkedTenantId: tenant, updatedAt: '' });
  }
  world.locks.set('partnership-pair#prov#res', 'rel_res');
  world.locks.set('partnership-pair#prov#res-new', 'rel_new');
  const customers = fakeCustomers(world);
  const offers = fakeOffers();
  const now = '2026-11-30T10:00:00.000Z';
  offers.map.set('m365', { id: 'm365', name: 'Microsoft 365', minQuantity: 1, maxQuantity: 300, status: 'active', createdAt: now, updatedAt: now });
  offers.map.set('legacy', { id: 'legacy', name: 'Legacy', minQuantity: 1, maxQuantity: 10, status: 'retired', createdAt: now, updatedAt: now });
  const ordersStore = fakeStore<Order>(world, 'ORDER', undefined, (o, at) => orderLifecycle(ports).nextDue(o, at));
  const subscriptions = fakeSubscriptions();
  const mailer = new FakeMailer();
  const workflows = new FakeWorkflows();
  const clock = new FakeClock();
  const ports: OrderPorts = {
    orders: { ...ordersStore, ofCustomer: async (id) => ({ items: ordersStore.all().filter((o) => o.customerId === id) }) },
    customers,
    subscriptions,
    offers,
    partners: fakePartners(world),
    partnerships: fakePartnershipLookup(world),
    mailer,
    workflows,
    clock,
    ids: fakeIds(),
  };
  const customer = (id: string, relationships: Customer['relationships'], country = 'DE'): Customer => {
    const c: Customer = {
      id,
      customerTenantId: `tnt-${id}`,
      company: { legalName: `Customer ${id}`, address: { line1: 'x', city: 'y', postalCode: '12345', country } },
      domain: `${id}.example`,
      primaryContact: { firstName: 'C', lastName: 'C', email: `admin@${id}.example`, language: 'de' },
      region: country === 'DE' ? 'europe' : 'united_states',
      relationships,
      version: 1,
      createdAt: now,
      updatedAt: now,
      history: [],
    };
    world.rows.set(`CUSTOMER#${id}`, { entity: c });
    return c;
  };
  const rel = (partnerTenantId: string, type: 'provider' | 'reseller' | 'direct_bill', counterpartTenantId?: string) => ({ partnerTenantId, partnerName: partnerTenantId, type, delegatedAdmin: true, createdAt: now, ...(counterpartTenantId ? { counterpartTenantId } : {}) });
  customer('cus_a', [rel('prov', 'provider', 'res'), rel('res', 'reseller', 'prov')]);
  customer('cus_us', [rel('prov', 'provider')], 'US');
  customer('cus_d', [rel('direct', 'direct_bill')]);
  return { world, ports, subscriptions, mailer, workflows, clock, offers, ordersStore };
}

/** What the workflow's Map does: a conditional put per planned item. */
async function runMap(t: ReturnType<typeof setup>, id: string, only?: number) {
  const { items } = await planProvisioning(t.ports, id);
  for (const { item } of items.slice(0, only)) {
    const s = item as unknown as Subscription;
    if (!t.subscriptions.map.has(s.id)) t.subscriptions.map.set(s.id, s);
  }
  return items;
}

describe('orders (fakes)', () => {
  let t: ReturnType<typeof setup>;
  beforeEach(() => {
    t = setup();
  });
  const prov = caller('prov');
  const line = (extra: Record<string, unknown> = {}) => ({ offerId: 'm365', quantity: 10, ...extra });

  it('CUS-4 in API.md’s order: provider_own_partner_id, not_an_indirect_reseller, no_active_partnership, reseller_agreement_missing (naming the reminder)', async () => {
    await expect(createOrder(t.ports, prov, 'cus_a', [line({ partnerIdOnRecord: '4100001' })])).rejects.toMatchObject({ rule: 'CUS-4', code: 'provider_own_partner_id', param: 'lineItems.0.partnerIdOnRecord' });
    await expect(createOrder(t.ports, prov, 'cus_a', [line({ partnerIdOnRecord: '6100001' })])).rejects.toMatchObject({ rule: 'CUS-4', code: 'not_an_indirect_reseller' });
    await expect(createOrder(t.ports, prov, 'cus_a', [line({ partnerIdOnRecord: '9999999' })])).rejects.toMatchObject({ rule: 'CUS-4', code: 'not_an_indirect_reseller' });
    await expect(createOrder(t.ports, prov, 'cus_a', [line({ partnerIdOnRecord: '5100003' })])).rejects.toMatchObject({ rule: 'CUS-4', code: 'no_active_partnership' });
    const missing = createOrder(t.ports, prov, 'cus_a', [line({ partnerIdOnRecord: '5100002' })]);
    await expect(missing).rejects.toMatchObject({ rule: 'CUS-4', code: 'reseller_agreement_missing' });
    await expect(missing).rejects.toThrow('POST /relationships/rel_new/agreement-reminder');
    const ok = await createOrder(t.ports, prov, 'cus_a', [line({ partnerIdOnRecord: '5100001' })]);
    expect(ok).toMatchObject({ status: 'draft', resellerTenantId: 'res', lineItems: [{ lineNumber: 1, offerName: 'Microsoft 365', partnerIdOnRecord: '5100001' }] });
  });

  it('CUS-4 before MPA-1, MPA-1 before CUS-3, CUS-3 before quantities', async () => {
    t.world.partners.get('prov')!.agreement = { accepted: false };
    await expect(createOrder(t.ports, prov, 'cus_a', [{ offerId: 'legacy', quantity: 99, partnerIdOnRecord: '4100001' }])).rejects.toMatchObject({ code: 'provider_own_partner_id' });
    await expect(createOrder(t.ports, prov, 'cus_a', [{ offerId: 'legacy', quantity: 99 }])).rejects.toMatchObject({ rule: 'MPA-1', code: 'agreement_not_accepted' });
    t.world.partners.get('prov')!.agreement = { accepted: true, version: '2026-10' };
    await expect(createOrder(t.ports, prov, 'cus_a', [line(), { offerId: 'legacy', quantity: 99 }])).rejects.toMatchObject({ rule: 'CUS-3', code: 'offer_not_available', param: 'lineItems.1.offerId' });
    await expect(createOrder(t.ports, prov, 'cus_a', [line({ quantity: 301 })])).rejects.toMatchObject({ kind: 'invalid', code: 'quantity_out_of_range', param: 'lineItems.0.quantity' });
    expect(t.ordersStore.all()).toHaveLength(0);
  });

  it('MPA-1: a direct-bill partner without the agreement cannot order; CUS-8: nor for a customer outside its region', async () => {
    await expect(createOrder(t.ports, caller('direct'), 'cus_d', [line()])).rejects.toMatchObject({ rule: 'MPA-1' });
    await expect(createOrder(t.ports, prov, 'cus_us', [line()])).rejects.toMatchObject({ rule: 'CUS-8', code: 'region_mismatch' });
  });

  it('TYP-1 / CUS-7: the related reseller is refused (403), an unrelated partner learns nothing (404)', async () => {
    await expect(createOrder(t.ports, caller('res'), 'cus_a', [line()])).rejects.toMatchObject({ kind: 'forbidden', code: 'partner_type_not_allowed' });
    await expect(createOrder(t.ports, caller('res-other'), 'cus_a', [line()])).rejects.toMatchObject({ kind: 'not_found' });
  });

  it('CUS-3: every rule again at submit — a refusal leaves the draft; then submit wakes the workflow; a second submit is 409', async () => {
    const o = await createOrder(t.ports, prov, 'cus_a', [line({ partnerIdOnRecord: '5100001' })]);
    expect(t.workflows.started.map((s) => s.lifecycle)).toEqual(['order']);
    await t.ports.orders.park(o.id, 'token-1', 1);
    t.world.locks.delete('partnership-pair#prov#res');
    await expect(submitOrder(t.ports, prov, o.id)).rejects.toMatchObject({ code: 'no_active_partnership' });
    expect((await t.ports.orders.load(o.id))!.entity.status).toBe('draft');
    t.world.locks.set('partnership-pair#prov#res', 'rel_res');
    const submitted = await submitOrder(t.ports, prov, o.id);
    expect(submitted.status).toBe('submitted');
    expect(t.workflows.woken).toEqual(['token-1']);
    await expect(submitOrder(t.ports, prov, o.id)).rejects.toMatchObject({ kind: 'conflict', code: 'order_not_draft' });
    await expect(cancelOrder(t.ports, prov, o.id)).rejects.toMatchObject({ code: 'order_not_draft' });
  });

  it('CUS-3 exactly once: a re-run after a partial Map creates nothing twice; completion sends the confirmation once to customer and reseller', async () => {
    const o = await createOrder(t.ports, prov, 'cus_a', [line(), line({ offerId: 'm365', quantity: 20 })]);
    await submitOrder(t.ports, prov, o.id);
    const lc = orderLifecycle(t.ports);
    expect((await loadStep(lc, o.id, 'done')).next).toBe('provision');
    await runMap(t, o.id, 1); // the first run stops after one put
    await expect(completeProvisioning(t.ports, o.id)).rejects.toThrow('missing');
    const items = await runMap(t, o.id); // the re-drive plans the same ids
    expect(new Set(items.map((i) => i.subscriptionId)).size).toBe(2);
    expect(t.subscriptions.map.size).toBe(2);
    await completeProvisioning(t.ports, o.id);
    const done = (await t.ports.orders.load(o.id))!.entity;
    expect(done.status).toBe('completed');
    expect(done.lineItems.map((l) => l.subscriptionId)).toEqual(items.map((i) => i.subscriptionId));
    await loadStep(lc, o.id, 'done');
    await loadStep(lc, o.id, 'done');
    expect(t.mailer.sent.map((m) => m.to)).toEqual(['admin@cus_a.example', 'rita@res.example']);
    expect(t.mailer.sent[0]!.subject).toMatch(/abgeschlossen/);
    expect(t.mailer.sent[1]!.subject).toMatch(/klar/);
    expect((await planProvisioning(t.ports, o.id)).items).toEqual([]);
  });

  it('CUS-3 none or all: a failed provisioning marks the order failed with a reason', async () => {
    const o = await createOrder(t.ports, prov, 'cus_a', [line()]);
    await submitOrder(t.ports, prov, o.id);
    await failProvisioning(t.ports, o.id, 'DynamoDB.InternalServerError');
    const failed = (await t.ports.orders.load(o.id))!.entity;
    expect(failed).toMatchObject({ status: 'failed', failure: { code: 'provisioning_failed', rule: 'CUS-3' } });
    expect(failed.failure!.message).toContain('DynamoDB.InternalServerError');
    expect(t.mailer.sent).toEqual([]);
  });

  it('CUS-3: a draft expires after a day through the due index, not before', async () => {
    const o = await createOrder(t.ports, prov, 'cus_a', [line()]);
    const result = { reminded: 0, expired: 0, redriven: 0, examined: 0 };
    const lc = orderLifecycle(t.ports);
    t.clock.advance(23 * HOUR);
    expect(await t.ordersStore.due(t.clock.now().toISOString(), 10)).toEqual([]);
    t.clock.advance(HOUR);
    expect(await t.ordersStore.due(t.clock.now().toISOString(), 10)).toEqual([o.id]);
    await sweepOne(lc as never, o.id, result);
    expect(result.expired).toBe(1);
    expect((await t.ports.orders.load(o.id))!.entity.status).toBe('expired');
  });
});

describe('subscriptions and agreement reminders (fakes)', () => {
  let t: ReturnType<typeof setup>;
  let sub: Subscription;
  let sp: SubscriptionPorts;
  beforeEach(async () => {
    t = setup();
    const o = await createOrder(t.ports, caller('prov'), 'cus_a', [{ offerId: 'm365', quantity: 10 }]);
    await submitOrder(t.ports, caller('prov'), o.id);
    await runMap(t, o.id);
    sub = [...t.subscriptions.map.values()][0]!;
    sp = { ...t.ports, offers: t.offers };
  });

  it('CUS-5: the support contact is the partner itself or a partnered reseller', async () => {
    expect((await setSupportContact(sp, caller('prov'), sub.id, 'res')).supportContact).toEqual({ tenantId: 'res', name: 'res GmbH' });
    await expect(setSupportContact(sp, caller('prov'), sub.id, 'res-other')).rejects.toMatchObject({ rule: 'CUS-5', code: 'support_contact_not_allowed' });
    expect((await setSupportContact(sp, caller('prov'), sub.id, 'prov')).supportContact.tenantId).toBe('prov');
  });

  it('CUS-4 again on a new partner of record; GEN-1 history; the reseller sees but does not change', async () => {
    await expect(patchSubscription(sp, caller('prov'), sub.id, { partnerIdOnRecord: '5100002' })).rejects.toMatchObject({ code: 'reseller_agreement_missing' });
    const changed = await patchSubscription(sp, caller('prov'), sub.id, { partnerIdOnRecord: '5100001', quantity: 12 });
    expect(changed).toMatchObject({ partnerIdOnRecord: '5100001', quantity: 12 });
    expect(changed.history.map((h) => h.action)).toEqual(['subscription.created', 'subscription.quantity_changed', 'subscription.partner_of_record_changed']);
    const cleared = await patchSubscription(sp, caller('prov'), sub.id, { partnerIdOnRecord: null });
    expect(cleared.partnerIdOnRecord).toBeUndefined();
    expect((await readSubscription(sp, caller('res'), sub.id)).id).toBe(sub.id);
    await expect(patchSubscription(sp, caller('res'), sub.id, { quantity: 2 })).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(readSubscription(sp, caller('res-other'), sub.id)).rejects.toMatchObject({ kind: 'not_found' });
  });

  it('MPA-6: one reminder per partnership a day (429 with Retry-After), only for a reseller that owes the agreement', async () => {
    const marks = new Map<string, string>();
    const reminders: AgreementReminders = {
      async claim(id, now, interval) {
        const last = marks.get(id);
        if (last && Date.parse(last) + interval * 1000 > Date.parse(now)) return { claimed: false, lastSentAt: last };
        marks.set(id, now);
        return { claimed: true };
      },
      release: async (id) => void marks.delete(id),
    };
    const rels = new Map<string, Relationship>([['rel_new', { id: 'rel_new', providerTenantId: 'prov', resellerTenantId: 'res-new', providerName: 'Prov', resellerName: 'New Reseller', state: 'active' } as Relationship]]);
    const rp = { relationships: { get: async (id: string) => rels.get(id) }, partners: t.ports.partners, reminders, mailer: t.mailer, clock: t.clock };
    await remindAgreement(rp, caller('prov'), 'rel_new');
    expect(t.mailer.to('admin@res-new.example')).toHaveLength(1);
    t.clock.advance(23 * HOUR);
    await expect(remindAgreement(rp, caller('prov'), 'rel_new')).rejects.toMatchObject({ kind: 'rate_limited', rule: 'MPA-6', retryAfterSeconds: HOUR });
    t.clock.advance(HOUR);
    await remindAgreement(rp, caller('prov'), 'rel_new');
    expect(t.mailer.to('admin@res-new.example')).toHaveLength(2);
    t.mailer.failNext = 1;
    t.clock.advance(25 * HOUR);
    await expect(remindAgreement(rp, caller('prov'), 'rel_new')).rejects.toThrow('Throttling');
    await remindAgreement(rp, caller('prov'), 'rel_new'); // the failed send gave its slot back
    await expect(remindAgreement(rp, caller('res-new'), 'rel_new')).rejects.toMatchObject({ kind: 'forbidden' });
  });
});
