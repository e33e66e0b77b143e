import { describe, expect, inject, it } from 'vitest';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { storedOf } from '../../functions/adapters/dynamodb/lifecycle-reader.js';
import { advanceClock, api, emailsTo, eventually, operator, registerPartnerId, uniquePartnerId, uniqueTenant, type User } from '../support/api.js';
import { acceptCustomerLink, customerAdmin, customerLinkIn, inviteCustomer, newProvider, partneredReseller } from '../support/customer-invitations.js';
import { tokenOf } from '../support/partnerships.js';
import { acceptAgreement, putOffer } from '../support/customers.js';

const DAY = 86_400;

/** GEN-1 as stored: the customer's whole audit trail, read from its partition the way the store reads it. */
async function customerTrail(customerId: string): Promise<string[]> {
  const ddb = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: inject('endpoints').dynamodb, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }));
  const items = (await ddb.send(new QueryCommand({ TableName: 'partner-program', KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': `CUSTOMER#${customerId}` }, ConsistentRead: true }))).Items ?? [];
  const entity = items.find((i) => i.sk === 'CUSTOMER')!;
  return storedOf<{ history: { action: string }[] }>(entity, items.filter((i) => String(i.sk).startsWith('HISTORY#'))).entity.history.map((h) => h.action);
}
const as = (user: User, roles: User['roles']): User => ({ ...user, roles, sub: `${user.sub}-${roles.join('-')}` });

/** A direct-bill partner onboarded by the operator. */
async function newDirectBill(country = 'DE') {
  const tenantId = uniqueTenant('direct');
  const partnerId = uniquePartnerId();
  const name = `Adatum Direct ${tenantId.slice(-4)}`;
  await registerPartnerId(partnerId, { legalName: name, country });
  const res = await api('POST', '/operator/partners', {
    user: operator,
    body: { tenantId, type: 'direct_bill', partnerId, company: { legalName: name, address: { line1: 'Ring 1', city: 'München', postalCode: '80331', country } }, primaryContact: { firstName: 'Dora', lastName: 'Direkt', email: `dora-${tenantId}@adatum.example` } },
  });
  if (res.status !== 201) throw new Error(`direct bill: ${res.status} ${res.text}`);
  return { admin: { tenantId, tenantCountry: country, email: `admin-${tenantId}@adatum.example`, roles: ['global_admin'], sub: `dadmin-${tenantId}` } as User, name };
}

describe('customer invitation from a reseller to one customer with several partners (CUS-7, CUS-10)', () => {
  it('a partnered reseller invites, the customer admin accepts through the emailed link, a second partner relates to the same customer', async () => {
    const provider = await newProvider();
    const reseller = await partneredReseller(provider);
    const admin = customerAdmin();
    const invitee = `it-${admin.tenantId}@customer.example`;

    const created = await api('POST', '/customer-invitations', {
      user: as(reseller.admin, ['admin_agent']),
      body: { email: invitee, language: 'de', providerTenantId: provider.admin.tenantId, delegatedAdmin: true, message: 'Wir betreuen Ihre Lizenzen gern.' },
      headers: { 'idempotency-key': `create-${admin.tenantId}` },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'pending', email: invitee });
    expect(created.body.draft.body).toContain(created.body.link);
    expect(created.body.draft.body).toContain(provider.name);
    // GEN-3: the same key and body answer the first response again; nothing is created twice.
    const replay = await api('POST', '/customer-invitations', {
      user: as(reseller.admin, ['admin_agent']),
      body: { email: invitee, language: 'de', providerTenantId: provider.admin.tenantId, delegatedAdmin: true, message: 'Wir betreuen Ihre Lizenzen gern.' },
      headers: { 'idempotency-key': `create-${admin.tenantId}` },
    });
    expect(replay.body.id).toBe(created.body.id);

    const { mail, link } = await customerLinkIn(invitee);
    expect(link).toBe(created.body.link);
    expect(mail.text).toContain('Wir betreuen Ihre Lizenzen gern.');
    const page = await api('GET', new URL(link).pathname);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(page.headers.get('content-language')).toBe('de');
    expect(page.text).not.toContain('<script');
    expect(page.text).toContain(provider.name);

    const accepted = await acceptCustomerLink(admin, link);
    expect(accepted.status).toBe(201);
    expect(accepted.body).toMatchObject({ customerTenantId: admin.tenantId, region: 'europe' });
    expect(accepted.body.relationships.map((r: { partnerTenantId: string; type: string; delegatedAdmin: boolean }) => [r.partnerTenantId, r.type, r.delegatedAdmin])).toEqual([
      [reseller.admin.tenantId, 'reseller', true],
      [provider.admin.tenantId, 'provider', false],
    ]);
    expect(accepted.body).not.toHaveProperty('adminCredentials');
    const customerId = accepted.body.id as string;

    // The link is used: the neutral answer, page and API alike.
    expect((await acceptCustomerLink(admin, link)).status).toBe(410);
    expect((await api('GET', new URL(link).pathname)).status).toBe(410);

    // Both partners hear of it (the provider through its primary contact).
    const toReseller = await eventually(async () => (await emailsTo(reseller.admin.email)).find((m) => m.subject.includes(admin.tenantId)));
    expect(toReseller.text).toContain(provider.name);
    await eventually(async () => (await api('GET', '/customer-invitations?status=accepted', { user: reseller.admin })).body.data.find((e: { id: string; customerId: string }) => e.id === created.body.id && e.customerId === customerId));

    // CUS-6/CUS-7: the customer is in the reseller's and the provider's lists; the provider orders for it.
    const providersCustomers = await api('GET', `/customers?resellerTenantId=${reseller.admin.tenantId}`, { user: provider.admin });
    expect(providersCustomers.body.data.map((c: { id: string }) => c.id)).toEqual([customerId]);
    const resellersCustomers = await api('GET', '/customers', { user: reseller.admin });
    expect(resellersCustomers.body.data.map((c: { id: string }) => c.id)).toEqual([customerId]);
    await acceptAgreement(provider.admin);
    const offerId = `inv-offer-${admin.tenantId.slice(-6)}`;
    await putOffer(offerId);
    const order = await api('POST', `/customers/${customerId}/orders`, { user: provider.admin, body: { lineItems: [{ offerId, quantity: 5 }] } });
    expect(order.status).toBe(201);
    expect(order.body).toMatchObject({ customerId, status: 'draft' });
    // A partner not related to the customer cannot see it (CUS-7: 404).
    expect((await api('GET', `/customers/${customerId}`, { user: (await newProvider()).admin })).status).toBe(404);

    // CUS-10: a second partner's invitation relates it to the same customer.
    const direct = await newDirectBill();
    const second = await inviteCustomer(direct.admin, { email: invitee, send: false });
    const again = await acceptCustomerLink(admin, second.link);
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(customerId);
    expect(again.body.relationships.map((r: { partnerTenantId: string }) => r.partnerTenantId)).toEqual([reseller.admin.tenantId, provider.admin.tenantId, direct.admin.tenantId]);
    expect((await api('GET', '/customers', { user: direct.admin })).body.data.map((c: { id: string }) => c.id)).toEqual([customerId]);
    // Relating it, committed inside the invitation's transaction, kept the customer's trail whole.
    expect(await customerTrail(customerId)).toEqual(['customer.created', 'customer.related']);
    const third = await acceptCustomerLink(admin, (await inviteCustomer((await newDirectBill()).admin, { email: invitee, send: false })).link);
    expect(third.status).toBe(201);
    expect(await customerTrail(customerId)).toEqual(['customer.created', 'customer.related', 'customer.related']);
  });

  it('20 concurrent accepts of one link: one customer, the other 19 get 410', async () => {
    const provider = await newProvider();
    const admin = customerAdmin();
    const invitation = await inviteCustomer(provider.admin, { email: `race-${admin.tenantId}@customer.example`, send: false });
    const results = await Promise.all(Array.from({ length: 20 }, () => acceptCustomerLink(admin, invitation.link)));
    expect(results.map((r) => r.status).sort()).toEqual([201, ...Array(19).fill(410)]);
    const customer = results.find((r) => r.status === 201)!.body;
    expect(customer.relationships).toHaveLength(1);
    // The tenant is that one customer: a later invitation of another partner finds it.
    const direct = await newDirectBill();
    const later = await acceptCustomerLink(admin, (await inviteCustomer(direct.admin, { email: `race-${admin.tenantId}@customer.example`, send: false })).link);
    expect(later.body.id).toBe(customer.id);
  });
});

describe('customer invitation refusals through HTTP', () => {
  it('CUS-7: a reseller must name a partnered provider (400 without, 422 provider_not_partnered)', async () => {
    const provider = await newProvider();
    const other = await newProvider();
    const reseller = await partneredReseller(provider);
    const missing = await api('POST', '/customer-invitations', { user: reseller.admin, body: { email: 'x@customer.example' } });
    expect(missing.status).toBe(400);
    expect(missing.body.error).toMatchObject({ type: 'invalid_request', param: 'providerTenantId' });
    const unpartnered = await api('POST', '/customer-invitations', { user: reseller.admin, body: { email: 'x@customer.example', providerTenantId: other.admin.tenantId } });
    expect(unpartnered.status).toBe(422);
    expect(unpartnered.body.error).toMatchObject({ type: 'rule_violation', rule: 'CUS-7', code: 'provider_not_partnered', param: 'providerTenantId' });
    expect((await api('GET', '/customer-invitations', { user: reseller.admin })).body.data).toEqual([]);
  });

  it('schema and role: bad input is 400 with the path, a sales agent is 403, a stranger 404', async () => {
    const provider = await newProvider();
    const bad = await api('POST', '/customer-invitations', { user: provider.admin, body: { email: 'not-an-email', delegatedAdmin: 'yes' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ type: 'invalid_request', param: 'email' });
    const sales = await api('POST', '/customer-invitations', { user: as(provider.admin, ['sales_agent']), body: { email: 'x@customer.example' } });
    expect(sales.status).toBe(403);
    const invitation = await inviteCustomer(provider.admin, { email: `r-${Date.now()}@customer.example`, send: false });
    const other = await newProvider();
    expect((await api('POST', `/customer-invitations/${invitation.id}/revoke`, { user: other.admin })).status).toBe(404);
  });

  it('CUS-7 wrong role (403), CUS-8 other region, CUS-9 program tenant, PRT-11 partnered reseller (422): nothing changes', async () => {
    const provider = await newProvider();
    const reseller = await partneredReseller(provider);
    const other = await newProvider();
    const admin = customerAdmin();
    const invitation = await inviteCustomer(provider.admin, { email: `refusals-${admin.tenantId}@customer.example`, send: false });

    const role = await acceptCustomerLink(as(admin, ['admin_agent']), invitation.link);
    expect(role.status).toBe(403);
    expect(role.body.error).toMatchObject({ type: 'forbidden', rule: 'CUS-7', code: 'role_not_allowed' });

    const unticked = await acceptCustomerLink(admin, invitation.link, false);
    expect(unticked.status).toBe(422);
    expect(unticked.body.error).toMatchObject({ rule: 'CUS-7', code: 'authorization_required' });

    const region = await acceptCustomerLink(customerAdmin('US'), invitation.link);
    expect(region.status).toBe(422);
    expect(region.body.error).toMatchObject({ type: 'rule_violation', rule: 'CUS-8', code: 'region_mismatch' });

    const programTenant = await acceptCustomerLink(other.admin, invitation.link);
    expect(programTenant.status).toBe(422);
    expect(programTenant.body.error).toMatchObject({ rule: 'CUS-9', code: 'program_tenant' });

    const partnered = await acceptCustomerLink(reseller.admin, invitation.link);
    expect(partnered.status).toBe(422);
    expect(partnered.body.error).toMatchObject({ rule: 'PRT-11', code: 'program_tenant' });

    // Every refusal left the invitation pending and its link alive.
    expect((await api('GET', '/customer-invitations?status=pending', { user: provider.admin })).body.data.map((e: { id: string }) => e.id)).toEqual([invitation.id]);
    expect((await acceptCustomerLink(admin, invitation.link)).status).toBe(201);
  });

  it('used, revoked, resent-away, declined and unknown links get the same neutral 410', async () => {
    const provider = await newProvider();
    const admin = customerAdmin();
    const email = `dead-${admin.tenantId}@customer.example`;
    const revoked = await inviteCustomer(provider.admin, { email, send: false });
    const revokedNow = await api('POST', `/customer-invitations/${revoked.id}/revoke`, { user: provider.admin });
    expect(revokedNow.body.status).toBe('revoked');
    expect((await api('POST', `/customer-invitations/${revoked.id}/revoke`, { user: provider.admin })).body.error).toMatchObject({ type: 'conflict', code: 'invitation_not_pending' });

    const resent = await inviteCustomer(provider.admin, { email, send: false });
    const newer = await api('POST', `/customer-invitations/${resent.id}/resend`, { user: provider.admin });
    expect(newer.status).toBe(200);
    expect(newer.body.link).not.toBe(resent.link);
    await customerLinkIn(email);

    const declined = await inviteCustomer((await newProvider()).admin, { email, send: false });
    expect((await api('POST', `/customer-links/${tokenOf(declined.link)}/decline`, { user: as(admin, ['sales_agent']) })).status).toBe(200);

    const unknown = `${new URL(resent.link).origin}/customer-links/${'A'.repeat(43)}`;
    const pages = await Promise.all([revoked.link, resent.link, declined.link, unknown, `${unknown.slice(0, -5)}`].map((l) => api('GET', new URL(l).pathname)));
    expect(pages.map((p) => p.status)).toEqual([410, 410, 410, 410, 410]);
    expect(new Set(pages.map((p) => p.text)).size).toBe(1);
    for (const l of [revoked.link, resent.link, declined.link, unknown]) expect((await acceptCustomerLink(admin, l)).status).toBe(410);
    // The resent link still works.
    expect((await acceptCustomerLink(admin, newer.body.link)).status).toBe(201);
  });
});

describe('customer invitation reminders and expiry on the moved clock', () => {
  it('reminds at 7 and 21 days with the same link and expires at 30; the link is then gone', async () => {
    const provider = await newProvider();
    const email = `slow-${Date.now()}@customer.example`;
    const created = await inviteCustomer(provider.admin, { email });
    await customerLinkIn(email);
    await advanceClock(7 * DAY + 60);
    await api('POST', '/_local/sweep');
    expect((await customerLinkIn(email, 2)).link).toBe(created.link);
    await advanceClock(14 * DAY);
    await api('POST', '/_local/sweep');
    expect((await customerLinkIn(email, 3)).link).toBe(created.link);
    await advanceClock(9 * DAY);
    await api('POST', '/_local/sweep');
    const invitation = await eventually(async () => {
      const e = (await api('GET', '/customer-invitations', { user: provider.admin })).body.data.find((x: { id: string }) => x.id === created.id);
      return e.status === 'expired' ? e : undefined;
    });
    expect(invitation.history.at(-1)).toMatchObject({ from: 'pending', to: 'expired' });
    expect(invitation.remindersSent).toBe(2);
    expect((await api('GET', new URL(created.link).pathname)).status).toBe(410);
    expect((await acceptCustomerLink(customerAdmin(), created.link)).status).toBe(410);
    // Expiry frees the address for a new invitation.
    expect((await api('POST', '/customer-invitations', { user: provider.admin, body: { email, send: false } })).status).toBe(201);
  });
});
