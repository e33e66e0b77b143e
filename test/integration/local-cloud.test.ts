import { describe, expect, it } from 'vitest';
import { api } from '../support/api.js';

describe('local-only routes', () => {
  it('health answers 200 with every local service up', async () => {
    const res = await api('GET', '/_local/health');
    expect(res.status).toBe(200);
    expect(res.body.services).toEqual({ dynamodb: true, ses: true, stepFunctions: true, cognito: true, gateway: true, demoData: true });
  });

  it('tokens are validated like any input: 400 with the bad field', async () => {
    const res = await api('POST', '/_local/tokens', { body: { tenantId: 't', tenantCountry: 'DE', email: 'a@b.example', roles: ['king'] } });
    expect(res.status).toBe(400);
    expect(res.body.error.param).toBe('roles.0');
  });

  it('the clock only moves forward', async () => {
    const before = (await api('POST', '/_local/clock', { body: { advanceSeconds: 0 } })).body.now;
    expect((await api('POST', '/_local/clock', { body: { advanceSeconds: -60 } })).status).toBe(400);
    const after = (await api('POST', '/_local/clock', { body: { advanceSeconds: 0 } })).body.now;
    expect(Date.parse(after)).toBeGreaterThanOrEqual(Date.parse(before));
  });

  it('an unknown route answers the error envelope, not a stack trace', async () => {
    const res = await api('GET', '/no/such/route');
    expect(res.status).toBe(404);
    expect(res.body.error).toMatchObject({ type: 'not_found', code: 'route_not_found' });
  });
});
