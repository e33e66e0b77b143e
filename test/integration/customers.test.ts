import { DynamoDBClient, ListTablesCommand, ScanCommand } from '@aws-sdk/client-dynamodb';
import { describe, expect, inject, it } from 'vitest';
import { api, operator, uniqueTenant } from '../support/api.js';
import { customerBody, directBillPartner, partneredPair, putOffer } from '../support/customers.js';
import { newProvider } from '../support/partnerships.js';

const signIn = (body: Record<string, unknown>) => api('POST', '/_local/password-sign-in', { body });

/** Every item of the local table, as text (to look for what must never be stored). */
async function tableText(): Promise<string> {
  const client = new DynamoDBClient({ endpoint: inject('endpoints').dynamodb, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  const items: unknown[] = [];
  for (const TableName of (await client.send(new ListTablesCommand({}))).TableNames ?? []) {
    let start: Record<string, unknown> | undefined;
    do {
      const out = await client.send(new ScanCommand({ TableName, ...(start ? { ExclusiveStartKey: start as never } : {}) }));
      items.push(...(out.Items ?? []));
      start = out.LastEvaluatedKey;
    } while (start);
  }
  return JSON.stringify(items);
}

describe('offers', () => {
  it('the operator creates (201) and updates (200) offers; partners see the active ones; bad bounds are 400', async () => {
    const id = `o365-${uniqueTenant('e3')}`.slice(0, 60);
    expect((await putOffer(id, { name: 'Office E3' })).status).toBe(201);
    expect((await putOffer(id, { name: 'Office E3', maxQuantity: 50 })).status).toBe(200);
    const provider = await newProvider();
    const list = await api('GET', '/offers?limit=100', { user: provider.admin });
    expect(list.status).toBe(200);
    expect(list.body.data.find((o: { id: string }) => o.id === id)).toMatchObject({ name: 'Office E3', minQuantity: 1, maxQuantity: 50, status: 'active' });
    await putOffer(id, { status: 'retired' });
    const after = await api('GET', '/offers?limit=100', { user: provider.admin });
    expect(after.body.data.some((o: { id: string }) => o.id === id)).toBe(false);
    const bad = await api('PUT', `/operator/offers/${id}`, { user: operator, body: { name: 'x', minQuantity: 10, maxQuantity: 5, status: 'active' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.param).toBe('maxQuantity');
    expect((await api('PUT', `/operator/offers/${id}`, { user: provider.admin, body: { name: 'x', minQuantity: 1, maxQuantity: 5, status: 'active' } })).status).toBe(403);
  });
});

describe('customers', () => {
  it('CUS-1/CUS-2: a provider creates a customer for its reseller; the admin signs in once with the temporary password and must set a new one; the password is nowhere else', async () => {
    const { provider, reseller } = await partneredPair();
    const body = customerBody({ resellerTenantId: reseller.admin.tenantId });
    const key = `create-${uniqueTenant()}`;
    const created = await api('POST', '/customers', { user: provider.admin, body, headers: { 'idempotency-key': key } });
    expect(created.status).toBe(201);
    const { userName, temporaryPassword } = created.body.adminCredentials;
    expect(userName).toBe(`admin@${body.domain}`);
    expect(created.body.relationships.map((r: { type: string }) => r.type)).toEqual(['provider', 'reseller']);

    // The credentials work, and the first sign-in forces a new password.
    const first = await signIn({ userName, password: temporaryPassword });
    expect(first.status).toBe(409);
    expect(first.body.error.code).toBe('new_password_required');
    const signedIn = await signIn({ userName, password: temporaryPassword, newPassword: 'A-new-Passw0rd!long' });
    expect(signedIn.status).toBe(200);
    // The customer's own admin, signed in through the identity service.
    const customerToken: string = signedIn.body.token;

    // GEN-3 with the exception of API.md: a replay answers 200, the same customer, no credentials.
    const replay = await api('POST', '/customers', { user: provider.admin, body, headers: { 'idempotency-key': key } });
    expect(replay.status).toBe(200);
    expect(replay.body.id).toBe(created.body.id);
    expect(replay.body.adminCredentials).toBeUndefined();
    expect(replay.text).not.toContain(temporaryPassword);

    // Reads: provider, reseller, the customer's own users, the operator; never the credentials.
    for (const as of [{ user: provider.admin }, { user: reseller.admin }, { token: customerToken }, { user: operator }]) {
      const read = await api('GET', `/customers/${created.body.id}`, as);
      expect(read.status).toBe(200);
      expect(read.text).not.toContain(temporaryPassword);
      expect(read.body.adminCredentials).toBeUndefined();
    }
    // CUS-7: an unrelated partner learns nothing.
    const stranger = await newProvider();
    expect((await api('GET', `/customers/${created.body.id}`, { user: stranger.admin })).status).toBe(404);

    // CUS-6: the provider's list filtered by reseller, the reseller's by provider.
    const byReseller = await api('GET', `/customers?resellerTenantId=${reseller.admin.tenantId}`, { user: provider.admin });
    expect(byReseller.body.data.map((c: { id: string }) => c.id)).toEqual([created.body.id]);
    const byProvider = await api('GET', `/customers?providerTenantId=${provider.admin.tenantId}`, { user: reseller.admin });
    expect(byProvider.body.data.map((c: { id: string }) => c.id)).toEqual([created.body.id]);
    expect((await api('GET', '/customers', { user: stranger.admin })).body.data).toEqual([]);

    // CUS-2: no table item (customer, list entries, idempotency record) holds the password.
    expect(await tableText()).not.toContain(temporaryPassword);
  });

  it('refusals: TYP-1 reseller 403, CUS-1 unpartnered reseller, CUS-8 region, 409 domain taken, 400 invalid domain', async () => {
    const { provider, reseller } = await partneredPair();
    const asReseller = await api('POST', '/customers', { user: reseller.admin, body: customerBody() });
    expect(asReseller.status).toBe(403);
    expect(asReseller.body.error).toMatchObject({ type: 'forbidden', code: 'partner_type_not_allowed' });

    const other = await newProvider();
    const unpartnered = await api('POST', '/customers', { user: other.admin, body: customerBody({ resellerTenantId: reseller.admin.tenantId }) });
    expect(unpartnered.status).toBe(422);
    expect(unpartnered.body.error).toMatchObject({ type: 'rule_violation', rule: 'CUS-1', code: 'reseller_not_partnered', param: 'resellerTenantId' });

    const region = await api('POST', '/customers', { user: provider.admin, body: customerBody({ country: 'US' }) });
    expect(region.status).toBe(422);
    expect(region.body.error).toMatchObject({ rule: 'CUS-8', code: 'region_mismatch' });

    const body = customerBody();
    expect((await api('POST', '/customers', { user: provider.admin, body })).status).toBe(201);
    const again = await api('POST', '/customers', { user: provider.admin, body });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('domain_taken');

    const bad = await api('POST', '/customers', { user: provider.admin, body: { ...customerBody(), domain: 'not a domain' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.param).toBe('domain');
  });

  it('TYP-1: a direct-bill partner creates its own customers', async () => {
    const direct = await directBillPartner();
    const created = await api('POST', '/customers', { user: direct.admin, body: customerBody() });
    expect(created.status).toBe(201);
    expect(created.body.relationships).toMatchObject([{ partnerTenantId: direct.admin.tenantId, type: 'direct_bill' }]);
    expect((await api('GET', '/customers', { user: direct.admin })).body.data.map((c: { id: string }) => c.id)).toEqual([created.body.id]);
  });
});
