import { beforeAll, describe, expect, inject, it } from 'vitest';
import { advanceClock, api, emailsTo, eventually, operator, uniquePartnerId, type User } from '../support/api.js';
import { acceptAgreement, customerBody, directBillPartner, partneredPair, putOffer } from '../support/customers.js';
import { newProvider } from '../support/partnerships.js';

const suffix = Date.now().toString(36);
const offerA = `m365-business-${suffix}`;
const offerB = `defender-${suffix}`;
const retired = `legacy-${suffix}`;

async function createCustomer(user: User, overrides: Parameters<typeof customerBody>[0] = {}) {
  const body = customerBody(overrides);
  const res = await api('POST', '/customers', { user, body });
  if (res.status !== 201) throw new Error(`customer: ${res.status} ${res.text}`);
  return { ...res.body, contactEmail: body.primaryContact.email } as { id: string; customerTenantId: string; contactEmail: string };
}

const order = (user: User, customerId: string, lineItems: unknown[]) => api('POST', `/customers/${customerId}/orders`, { user, body: { lineItems } });
const completed = (user: User, id: string) =>
  eventually(async () => {
    const o = await api('GET', `/orders/${id}`, { user });
    return o.body.status === 'completed' || o.body.status === 'failed' ? o.body : undefined;
  }, 20_000, `order ${id} to finish`);

beforeAll(async () => {
  await putOffer(offerA, { name: 'Microsoft 365 Business Standard', minQuantity: 1, maxQuantity: 300 });
  await putOffer(offerB, { name: 'Defender for Business', minQuantity: 5, maxQuantity: 50 });
  await putOffer(retired, { name: 'Legacy Suite', status: 'retired' });
});

describe('orders and subscriptions: the whole path', () => {
  it('a provider orders for its reseller’s customer with the reseller as partner of record; subscriptions appear once, change, and carry their history', async () => {
    const { provider, reseller } = await partneredPair();
    const customer = await createCustomer(provider.admin, { resellerTenantId: reseller.admin.tenantId, language: 'de' });
    const draft = await order(provider.admin, customer.id, [
      { offerId: offerA, quantity: 25, partnerIdOnRecord: reseller.partnerId },
      { offerId: offerB, quantity: 10 },
    ]);
    expect(draft.status).toBe(201);
    expect(draft.body).toMatchObject({ status: 'draft', customerId: customer.id, partnerTenantId: provider.admin.tenantId, lineItems: [{ lineNumber: 1, quantity: 25, partnerIdOnRecord: reseller.partnerId }, { lineNumber: 2 }] });
    expect(Date.parse(draft.body.expiresAt) - Date.parse(draft.body.createdAt)).toBe(86_400_000);

    // Who sees the order: the ordering partner, the associated reseller, the operator; nobody else.
    expect((await api('GET', `/orders/${draft.body.id}`, { user: reseller.admin })).status).toBe(200);
    expect((await api('GET', `/orders/${draft.body.id}`, { user: operator })).status).toBe(200);
    const stranger = await newProvider();
    expect((await api('GET', `/orders/${draft.body.id}`, { user: stranger.admin })).status).toBe(404);
    expect((await api('POST', `/orders/${draft.body.id}/submit`, { user: stranger.admin })).status).toBe(404);
    const byReseller = await api('POST', `/orders/${draft.body.id}/submit`, { user: reseller.admin });
    expect(byReseller.status).toBe(403);
    expect(byReseller.body.error.code).toBe('partner_type_not_allowed');

    const submitted = await api('POST', `/orders/${draft.body.id}/submit`, { user: provider.admin });
    expect(submitted.status).toBe(202);
    expect(submitted.body.status).toBe('submitted');
    const done = await completed(provider.admin, draft.body.id);
    expect(done.status).toBe('completed');
    expect(done.lineItems.every((l: { subscriptionId?: string }) => l.subscriptionId)).toBe(true);
    expect(done.history.map((h: { action: string }) => h.action)).toEqual(['order.drafted', 'order.submitted', 'order.completed']);

    // CUS-3: the confirmation goes to the customer's primary contact (in German) and to the reseller.
    const toCustomer = await eventually(async () => (await emailsTo(customer.contactEmail)).at(0));
    expect(toCustomer.subject).toContain(draft.body.id);
    expect(toCustomer.text).toContain('Microsoft 365 Business Standard');
    expect(toCustomer.text).toMatch(/Abonnement/);
    const toReseller = await eventually(async () => (await emailsTo(reseller.contactEmail)).find((m) => m.subject.includes(draft.body.id)));
    expect(toReseller.text).toContain('Defender for Business');

    const subs = await api('GET', `/customers/${customer.id}/subscriptions`, { user: provider.admin });
    expect(subs.status).toBe(200);
    expect(subs.body.data).toHaveLength(2);
    const [sub] = subs.body.data.filter((s: { offerId: string }) => s.offerId === offerA);
    expect(sub).toMatchObject({ quantity: 25, status: 'active', partnerIdOnRecord: reseller.partnerId, providerTenantId: provider.admin.tenantId, resellerTenantId: reseller.admin.tenantId, supportContact: { tenantId: provider.admin.tenantId } });
    expect((await api('GET', `/customers/${customer.id}/subscriptions`, { user: reseller.admin })).body.data).toHaveLength(2);
    expect((await api('GET', `/customers/${customer.id}/subscriptions`, { user: stranger.admin })).status).toBe(404);
    expect((await api('GET', `/subscriptions/${sub.id}`, { user: stranger.admin })).status).toBe(404);

    // Changes by the transacting provider, each in the history (GEN-1).
    const more = await api('PATCH', `/subscriptions/${sub.id}`, { user: provider.admin, body: { quantity: 40 } });
    expect(more.status).toBe(200);
    expect(more.body.quantity).toBe(40);
    const tooMany = await api('PATCH', `/subscriptions/${sub.id}`, { user: provider.admin, body: { quantity: 301 } });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error).toMatchObject({ code: 'quantity_out_of_range', param: 'quantity' });
    const suspended = await api('PATCH', `/subscriptions/${sub.id}`, { user: provider.admin, body: { status: 'suspended' } });
    expect(suspended.body.status).toBe('suspended');
    const byResellerPatch = await api('PATCH', `/subscriptions/${sub.id}`, { user: reseller.admin, body: { quantity: 2 } });
    expect(byResellerPatch.status).toBe(403);
    const ownId = await api('PATCH', `/subscriptions/${sub.id}`, { user: provider.admin, body: { partnerIdOnRecord: provider.partnerId } });
    expect(ownId.status).toBe(422);
    expect(ownId.body.error).toMatchObject({ rule: 'CUS-4', code: 'provider_own_partner_id', param: 'partnerIdOnRecord' });

    // CUS-5: the support contact is the reseller (partnered) — not a stranger.
    const support = await api('PUT', `/subscriptions/${sub.id}/support-contact`, { user: provider.admin, body: { tenantId: reseller.admin.tenantId } });
    expect(support.status).toBe(200);
    expect(support.body.supportContact.tenantId).toBe(reseller.admin.tenantId);
    const notPartnered = await api('PUT', `/subscriptions/${sub.id}/support-contact`, { user: provider.admin, body: { tenantId: stranger.admin.tenantId } });
    expect(notPartnered.status).toBe(422);
    expect(notPartnered.body.error).toMatchObject({ rule: 'CUS-5', code: 'support_contact_not_allowed' });

    const read = await api('GET', `/subscriptions/${sub.id}`, { user: reseller.admin });
    expect(read.body.history.map((h: { action: string }) => h.action)).toEqual([
      'subscription.created',
      'subscription.quantity_changed',
      'subscription.suspended',
      'subscription.support_contact_changed',
    ]);
    expect(read.body.history[1]).toMatchObject({ from: '25', to: '40' });

    // Only a draft is submitted or cancelled.
    const again = await api('POST', `/orders/${draft.body.id}/submit`, { user: provider.admin });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('order_not_draft');
    expect((await api('POST', `/orders/${draft.body.id}/cancel`, { user: provider.admin })).body.error.code).toBe('order_not_draft');
  });

  it('20 concurrent submits of one draft: one 202, the rest 409, one set of subscriptions', async () => {
    const direct = await directBillPartner();
    const customer = await createCustomer(direct.admin);
    const draft = await order(direct.admin, customer.id, [
      { offerId: offerA, quantity: 3 },
      { offerId: offerB, quantity: 5 },
      { offerId: offerA, quantity: 7 },
    ]);
    expect(draft.status).toBe(201);
    const answers = await Promise.all(Array.from({ length: 20 }, () => api('POST', `/orders/${draft.body.id}/submit`, { user: direct.admin })));
    expect(answers.filter((a) => a.status === 202)).toHaveLength(1);
    expect(answers.filter((a) => a.status === 409).every((a) => a.body.error.code === 'order_not_draft' || a.body.error.code === 'concurrent_update')).toBe(true);
    expect(answers.filter((a) => a.status === 409)).toHaveLength(19);
    const done = await completed(direct.admin, draft.body.id);
    expect(done.status).toBe('completed');
    const subs = (await api('GET', `/customers/${customer.id}/subscriptions`, { user: direct.admin })).body.data;
    expect(subs.map((s: { quantity: number }) => s.quantity).sort()).toEqual([3, 5, 7]);
    expect(subs.every((s: { directBillTenantId?: string; providerTenantId?: string }) => s.directBillTenantId === direct.admin.tenantId && s.providerTenantId === undefined)).toBe(true);
    expect(await emailsTo(customer.contactEmail)).toHaveLength(1);
  });

  it('cancel and expiry: a cancelled draft stays cancelled; a draft not submitted within a day expires through the sweep', async () => {
    const direct = await directBillPartner();
    const customer = await createCustomer(direct.admin);
    const a = await order(direct.admin, customer.id, [{ offerId: offerA, quantity: 1 }]);
    const cancelled = await api('POST', `/orders/${a.body.id}/cancel`, { user: direct.admin });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
    expect((await api('POST', `/orders/${a.body.id}/submit`, { user: direct.admin })).status).toBe(409);

    const b = await order(direct.admin, customer.id, [{ offerId: offerA, quantity: 1 }]);
    await advanceClock(86_400 + 60);
    await api('POST', '/_local/sweep');
    const expired = await eventually(async () => {
      const o = await api('GET', `/orders/${b.body.id}`, { user: direct.admin });
      return o.body.status === 'expired' ? o.body : undefined;
    });
    expect(expired.history.at(-1)).toMatchObject({ action: 'order.expired', from: 'draft', to: 'expired' });
    const late = await api('POST', `/orders/${b.body.id}/submit`, { user: direct.admin });
    expect(late.status).toBe(409);
    const list = await api('GET', `/customers/${customer.id}/orders`, { user: direct.admin });
    expect(list.body.data.map((o: { status: string }) => o.status).sort()).toEqual(['cancelled', 'expired']);
    expect((await api('GET', `/customers/${customer.id}/subscriptions`, { user: direct.admin })).body.data).toEqual([]);
  });
});

describe('order refusals (API.md order of checks)', () => {
  it('CUS-4 codes, MPA-6 reminder with 429, MPA-1, CUS-3, quantities, TYP-1, CUS-7, and a rule that stops holding between draft and submit', async () => {
    const { provider, reseller, relationshipId } = await partneredPair({ resellerAgreement: false });
    const customer = await createCustomer(provider.admin, { resellerTenantId: reseller.admin.tenantId });
    const refused = async (user: User, lineItems: unknown[], status: number, expected: Record<string, string>) => {
      const res = await order(user, customer.id, lineItems);
      expect(res.status, res.text).toBe(status);
      expect(res.body.error).toMatchObject(expected);
      return res;
    };
    await refused(provider.admin, [{ offerId: offerA, quantity: 1, partnerIdOnRecord: provider.partnerId }], 422, { type: 'rule_violation', rule: 'CUS-4', code: 'provider_own_partner_id', param: 'lineItems.0.partnerIdOnRecord' });
    await refused(provider.admin, [{ offerId: offerA, quantity: 1, partnerIdOnRecord: uniquePartnerId() }], 422, { rule: 'CUS-4', code: 'not_an_indirect_reseller' });
    const missing = await refused(provider.admin, [{ offerId: offerA, quantity: 1, partnerIdOnRecord: reseller.partnerId }], 422, { rule: 'CUS-4', code: 'reseller_agreement_missing' });
    expect(missing.body.error.message).toContain(`POST /relationships/${relationshipId}/agreement-reminder`);

    // MPA-6: the reminder that would make it pass; at most one a day.
    const reminded = await api('POST', `/relationships/${relationshipId}/agreement-reminder`, { user: provider.admin });
    expect(reminded.status).toBe(202);
    const mail = await eventually(async () => (await emailsTo(reseller.contactEmail)).find((m) => m.subject.includes('partner agreement')));
    expect(mail.text).toContain(provider.name);
    const tooSoon = await api('POST', `/relationships/${relationshipId}/agreement-reminder`, { user: provider.admin });
    expect(tooSoon.status).toBe(429);
    expect(tooSoon.body.error).toMatchObject({ type: 'rate_limited', rule: 'MPA-6' });
    expect(Number(tooSoon.headers.get('retry-after'))).toBeGreaterThan(86_000);
    expect((await api('POST', `/relationships/${relationshipId}/agreement-reminder`, { user: reseller.admin })).status).toBe(403);

    // The reseller accepts: the same order passes.
    await acceptAgreement(reseller.admin);
    expect((await api('POST', `/relationships/${relationshipId}/agreement-reminder`, { user: provider.admin })).body.error.code).toBe('agreement_already_accepted');
    const ok = await order(provider.admin, customer.id, [{ offerId: offerA, quantity: 1, partnerIdOnRecord: reseller.partnerId }]);
    expect(ok.status).toBe(201);

    // CUS-3 and quantities.
    await refused(provider.admin, [{ offerId: retired, quantity: 1 }], 422, { rule: 'CUS-3', code: 'offer_not_available', param: 'lineItems.0.offerId' });
    await refused(provider.admin, [{ offerId: `unknown-${suffix}`, quantity: 1 }], 422, { rule: 'CUS-3', code: 'offer_not_available' });
    await refused(provider.admin, [{ offerId: offerA, quantity: 1 }, { offerId: offerB, quantity: 4 }], 400, { type: 'invalid_request', code: 'quantity_out_of_range', param: 'lineItems.1.quantity' });

    // TYP-1 and CUS-7: the reseller may not order (403), a stranger learns nothing (404).
    await refused(reseller.admin, [{ offerId: offerA, quantity: 1 }], 403, { type: 'forbidden', code: 'partner_type_not_allowed' });
    const stranger = await newProvider();
    await refused(stranger.admin, [{ offerId: offerA, quantity: 1 }], 404, { type: 'not_found' });

    // Another provider (no agreement yet) with its own customer: no partnership with the reseller, then MPA-1.
    const other = await newProvider();
    const otherCustomer = await createCustomer(other.admin);
    const noPartnership = await order(other.admin, otherCustomer.id, [{ offerId: offerA, quantity: 1, partnerIdOnRecord: reseller.partnerId }]);
    expect(noPartnership.status).toBe(422);
    expect(noPartnership.body.error).toMatchObject({ rule: 'CUS-4', code: 'no_active_partnership' });
    const mpa1 = await order(other.admin, otherCustomer.id, [{ offerId: offerA, quantity: 1 }]);
    expect(mpa1.status).toBe(422);
    expect(mpa1.body.error).toMatchObject({ rule: 'MPA-1', code: 'agreement_not_accepted' });

    // Rules again at submit: the partnership ends between draft and submit → 422, the order stays a draft.
    const removed = await api('DELETE', `/relationships/${relationshipId}`, { user: provider.admin, body: { confirm: true, attestation: true } });
    expect(removed.status).toBe(200);
    const atSubmit = await api('POST', `/orders/${ok.body.id}/submit`, { user: provider.admin });
    expect(atSubmit.status).toBe(422);
    expect(atSubmit.body.error).toMatchObject({ rule: 'CUS-4', code: 'no_active_partnership' });
    expect((await api('GET', `/orders/${ok.body.id}`, { user: provider.admin })).body.status).toBe('draft');
  });
});

describe('the order workflow against the local Step Functions server', () => {
  it('CUS-3 exactly once: a subscription an earlier run already wrote is kept (the conditional put is caught), the others are created, the order completes', async () => {
    const { DynamoDBClient, ListTablesCommand, PutItemCommand } = await import('@aws-sdk/client-dynamodb');
    const { subscriptionIdOf } = await import('../../functions/domain/subscriptions.js');
    const direct = await directBillPartner();
    const customer = await createCustomer(direct.admin);
    const draft = await order(direct.admin, customer.id, [
      { offerId: offerA, quantity: 2 },
      { offerId: offerA, quantity: 4 },
    ]);
    // What an interrupted earlier run of this order's Map left: line 1's subscription.
    const client = new DynamoDBClient({ endpoint: inject('endpoints').dynamodb, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
    const TableName = (await client.send(new ListTablesCommand({}))).TableNames![0]!;
    const first = subscriptionIdOf(draft.body.id, 1);
    await client.send(
      new PutItemCommand({
        TableName,
        Item: {
          pk: { S: `SUBSCRIPTION#${first}` },
          sk: { S: 'SUBSCRIPTION' },
          id: { S: first },
          orderId: { S: draft.body.id },
          customerId: { S: customer.id },
          customerTenantId: { S: customer.customerTenantId },
          lineNumber: { N: '1' },
          offerId: { S: offerA },
          offerName: { S: 'written by the earlier run' },
          quantity: { N: '2' },
          status: { S: 'active' },
          directBillTenantId: { S: direct.admin.tenantId },
          supportContact: { M: { tenantId: { S: direct.admin.tenantId }, name: { S: direct.name } } },
          version: { N: '1' },
          createdAt: { S: '2026-01-01T00:00:00.000Z' },
          updatedAt: { S: '2026-01-01T00:00:00.000Z' },
          history: { L: [] },
          gsi1pk: { S: `SUBS#${customer.id}` },
          gsi1sk: { S: `2026-01-01T00:00:00.000Z#${first}` },
        },
      }),
    );
    expect((await api('POST', `/orders/${draft.body.id}/submit`, { user: direct.admin })).status).toBe(202);
    const done = await completed(direct.admin, draft.body.id);
    expect(done.status).toBe('completed');
    const subs = (await api('GET', `/customers/${customer.id}/subscriptions`, { user: direct.admin })).body.data;
    expect(subs).toHaveLength(2);
    expect(subs.find((s: { id: string }) => s.id === first).offerName).toBe('written by the earlier run');
    expect(done.lineItems.map((l: { subscriptionId: string }) => l.subscriptionId)).toEqual([first, subscriptionIdOf(draft.body.id, 2)]);
  });

  it('CUS-3 none or all: when a line’s subscription cannot be this order’s, what the order wrote is removed and it fails with a reason', async () => {
    const { DynamoDBClient, GetItemCommand, ListTablesCommand, PutItemCommand } = await import('@aws-sdk/client-dynamodb');
    const { subscriptionIdOf } = await import('../../functions/domain/subscriptions.js');
    const direct = await directBillPartner();
    const customer = await createCustomer(direct.admin);
    const draft = await order(direct.admin, customer.id, [
      { offerId: offerA, quantity: 2 },
      { offerId: offerA, quantity: 4 },
    ]);
    // An item of another order already sits where line 2's subscription goes.
    const client = new DynamoDBClient({ endpoint: inject('endpoints').dynamodb, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
    const TableName = (await client.send(new ListTablesCommand({}))).TableNames![0]!;
    const second = subscriptionIdOf(draft.body.id, 2);
    await client.send(new PutItemCommand({ TableName, Item: { pk: { S: `SUBSCRIPTION#${second}` }, sk: { S: 'SUBSCRIPTION' }, id: { S: second }, orderId: { S: 'ord_someOtherOrder01' } } }));
    expect((await api('POST', `/orders/${draft.body.id}/submit`, { user: direct.admin })).status).toBe(202);
    const failed = await completed(direct.admin, draft.body.id);
    expect(failed.status).toBe('failed');
    expect(failed.failure).toMatchObject({ code: 'provisioning_failed', rule: 'CUS-3' });
    expect(failed.failure.message).toContain('ProvisioningIncomplete');
    expect(failed.lineItems.some((l: { subscriptionId?: string }) => l.subscriptionId)).toBe(false);
    // Line 1's subscription was written and removed again; the other order's item is untouched.
    expect((await api('GET', `/customers/${customer.id}/subscriptions`, { user: direct.admin })).body.data).toEqual([]);
    expect((await api('GET', `/subscriptions/${subscriptionIdOf(draft.body.id, 1)}`, { user: direct.admin })).status).toBe(404);
    const foreign = await client.send(new GetItemCommand({ TableName, Key: { pk: { S: `SUBSCRIPTION#${second}` }, sk: { S: 'SUBSCRIPTION' } }, ConsistentRead: true }));
    expect(foreign.Item?.orderId?.S).toBe('ord_someOtherOrder01');
    expect(await emailsTo(customer.contactEmail)).toEqual([]);
  });

  it('GEN-4: a submitted order whose execution is gone is re-driven by the sweep and provisioned once', async () => {
    const { SFNClient, StopExecutionCommand } = await import('@aws-sdk/client-sfn');
    const direct = await directBillPartner();
    const customer = await createCustomer(direct.admin);
    const draft = await order(direct.admin, customer.id, [
      { offerId: offerA, quantity: 2 },
      { offerId: offerB, quantity: 6 },
    ]);
    const sfn = new SFNClient({ endpoint: inject('endpoints').stepFunctions, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
    await sfn.send(new StopExecutionCommand({ executionArn: `arn:aws:states:us-east-1:000000000000:execution:order:${draft.body.id}-g1` }));
    // Submitted while no workflow runs (as after a crash of the local cloud): nothing provisions it yet.
    expect((await api('POST', `/orders/${draft.body.id}/submit`, { user: direct.admin })).status).toBe(202);
    await api('POST', '/_local/settle');
    expect((await api('GET', `/orders/${draft.body.id}`, { user: direct.admin })).body.status).toBe('submitted');
    await advanceClock(86_400 + 60);
    const swept = (await api('POST', '/_local/sweep')).body as { redriven: number };
    expect(swept.redriven).toBeGreaterThanOrEqual(1);
    const done = await completed(direct.admin, draft.body.id);
    expect(done.status).toBe('completed');
    expect(done.history.map((h: { action: string }) => h.action)).toEqual(['order.drafted', 'order.submitted', 'workflow.redriven', 'order.completed']);
    const subs = (await api('GET', `/customers/${customer.id}/subscriptions`, { user: direct.admin })).body.data;
    expect(subs.map((s: { quantity: number }) => s.quantity).sort((a: number, b: number) => a - b)).toEqual([2, 6]);
  });
});
