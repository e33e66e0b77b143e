import { describe, expect, it } from 'vitest';
import { api, operator, registerPartnerId, uniquePartnerId, uniqueTenant, type User } from '../support/api.js';

const provider = (tenantId: string): User => ({ tenantId, tenantCountry: 'DE', email: 'admin@provider.example', roles: ['global_admin'] });

const onboarding = (tenantId: string, partnerId: string, country = 'DE') => ({
  tenantId,
  type: 'indirect_provider',
  partnerId,
  company: { legalName: 'Provider GmbH', address: { line1: 'Weg 1', city: 'Köln', postalCode: '50667', country } },
  primaryContact: { firstName: 'Ada', lastName: 'Lind', email: 'ada@provider.example' },
});

describe('operator setup routes', () => {
  it('ENR-3 the operator registers a partner ID and reads it back through PUT (idempotent upsert)', async () => {
    const partnerId = uniquePartnerId();
    const first = await api('PUT', `/operator/partner-ids/${partnerId}`, { user: operator, body: { legalName: 'A GmbH', country: 'de', status: 'active' } });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ partnerId, legalName: 'A GmbH', country: 'DE', status: 'active' });
    const second = await api('PUT', `/operator/partner-ids/${partnerId}`, { user: operator, body: { legalName: 'A GmbH', country: 'DE', status: 'inactive' } });
    expect(second.body.status).toBe('inactive');
  });

  it('TYP-3 refuses a non-operator with 403 and the envelope', async () => {
    const res = await api('PUT', `/operator/partner-ids/${uniquePartnerId()}`, { user: provider(uniqueTenant()), body: { legalName: 'A', country: 'DE', status: 'active' } });
    expect(res.status).toBe(403);
    expect(res.body.error).toMatchObject({ type: 'forbidden', code: 'role_not_allowed' });
    expect(res.body.error.requestId).toBeTruthy();
  });

  it('answers 401 without a token and for a forged token', async () => {
    expect((await api('GET', '/partners/me')).status).toBe(401);
    const forged = await api('GET', '/partners/me', { token: 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.' });
    expect(forged.status).toBe(401);
    expect(forged.body.error.type).toBe('authentication');
  });

  it('validates input with a schema: 400 with the path of the first bad field', async () => {
    const res = await api('PUT', `/operator/partner-ids/${uniquePartnerId()}`, { user: operator, body: { legalName: 'A', country: 'XX', status: 'active' } });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ type: 'invalid_request', param: 'country' });
    const malformed = await api('POST', '/operator/partners', { user: operator, rawBody: '{"tenantId":', headers: { 'content-type': 'application/json' } });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('malformed_json');
  });

  it('TYP-2 onboards a provider that is then visible through GET /partners/me, agreement not yet accepted', async () => {
    const tenantId = uniqueTenant('provider');
    const partnerId = uniquePartnerId();
    await registerPartnerId(partnerId, { legalName: 'Provider GmbH', country: 'DE' });
    const created = await api('POST', '/operator/partners', { user: operator, body: onboarding(tenantId, partnerId) });
    expect(created.status).toBe(201);
    const me = await api('GET', '/partners/me', { user: provider(tenantId) });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ tenantId, type: 'indirect_provider', status: 'active', partnerId, region: 'europe', isAgreementSigned: false });
  });

  it('TYP-2 resellers cannot be onboarded by the operator (they self-enroll)', async () => {
    const partnerId = uniquePartnerId();
    await registerPartnerId(partnerId, { legalName: 'R GmbH', country: 'DE' });
    const res = await api('POST', '/operator/partners', { user: operator, body: { ...onboarding(uniqueTenant(), partnerId), type: 'indirect_reseller' } });
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ type: 'rule_violation', rule: 'TYP-2' });
  });

  it('ENR-3 refuses an unknown, inactive or other-country partner ID and creates nothing', async () => {
    const inactive = uniquePartnerId();
    await registerPartnerId(inactive, { legalName: 'I GmbH', country: 'DE', status: 'inactive' });
    const swedish = uniquePartnerId();
    await registerPartnerId(swedish, { legalName: 'S AB', country: 'SE' });
    for (const [partnerId, code] of [
      [uniquePartnerId(), 'partner_id_unknown'],
      [inactive, 'partner_id_inactive'],
      [swedish, 'partner_id_country_mismatch'],
    ] as const) {
      const tenantId = uniqueTenant();
      const res = await api('POST', '/operator/partners', { user: operator, body: onboarding(tenantId, partnerId) });
      expect(res.status).toBe(422);
      expect(res.body.error).toMatchObject({ rule: 'ENR-3', code });
      expect((await api('GET', '/partners/me', { user: provider(tenantId) })).status).toBe(404);
    }
  });

  it('ENR-5 a partner ID links to one partner only; a tenant is onboarded once', async () => {
    const partnerId = uniquePartnerId();
    await registerPartnerId(partnerId, { legalName: 'P GmbH', country: 'DE' });
    const tenantId = uniqueTenant();
    expect((await api('POST', '/operator/partners', { user: operator, body: onboarding(tenantId, partnerId) })).status).toBe(201);
    const other = await api('POST', '/operator/partners', { user: operator, body: onboarding(uniqueTenant(), partnerId) });
    expect(other.status).toBe(422);
    expect(other.body.error).toMatchObject({ rule: 'ENR-5', code: 'partner_id_linked' });
    const second = uniquePartnerId();
    await registerPartnerId(second, { legalName: 'P2 GmbH', country: 'DE' });
    const again = await api('POST', '/operator/partners', { user: operator, body: onboarding(tenantId, second) });
    expect(again.status).toBe(409);
  });

  it('GEN-3 the same Idempotency-Key replays the first answer; another body with it is refused', async () => {
    const partnerId = uniquePartnerId();
    await registerPartnerId(partnerId, { legalName: 'Idem GmbH', country: 'DE' });
    const tenantId = uniqueTenant();
    const headers = { 'idempotency-key': `key-${tenantId}` };
    const first = await api('POST', '/operator/partners', { user: operator, body: onboarding(tenantId, partnerId), headers });
    const replay = await api('POST', '/operator/partners', { user: operator, body: onboarding(tenantId, partnerId), headers });
    expect(first.status).toBe(201);
    expect(replay.status).toBe(201);
    expect(replay.body).toEqual(first.body);
    const reused = await api('POST', '/operator/partners', { user: operator, body: onboarding(uniqueTenant(), partnerId), headers });
    expect(reused.status).toBe(409);
    expect(reused.body.error.code).toBe('idempotency_key_reused');
  });

  it('serves the OpenAPI 3.1 document generated from the route schemas', async () => {
    const res = await api('GET', '/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    const put = res.body.paths['/operator/partner-ids/{partnerId}'].put;
    expect(put.requestBody.content['application/json'].schema.properties.country).toBeTruthy();
    expect(res.body.paths['/partners/me'].get.security).toEqual([{ bearer: [] }]);
  });
});
