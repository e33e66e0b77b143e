import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { handler as createEnrollment } from '#handlers/http/create-enrollment.js';
import { handler as viewVerification } from '#handlers/http/view-verification.js';
import { handler as confirmVerification } from '#handlers/http/confirm-verification.js';

/**
 * The HTTP middleware chain as it runs on AWS, without the local gateway in front: every
 * refusal here happens before any AWS call, so no emulator is needed.
 */
const context = { functionName: 'test', awsRequestId: 'req-1', getRemainingTimeInMillis: () => 30_000 } as unknown as Context;
const claims = { sub: 'u1', email: 'admin@example.com', tid: 'tenant-1', tenant_ctry: 'DE', roles: '[global_admin]' };

function event(method: string, path: string, options: { body?: string; headers?: Record<string, string>; claims?: Record<string, string>; base64?: boolean; params?: Record<string, string> } = {}): APIGatewayProxyEventV2 {
  return {
    version: '2.0',
    routeKey: `${method} ${path}`,
    rawPath: path,
    rawQueryString: '',
    headers: options.headers ?? {},
    ...(options.params ? { pathParameters: options.params } : {}),
    ...(options.body === undefined ? {} : { body: options.base64 ? Buffer.from(options.body).toString('base64') : options.body }),
    isBase64Encoded: options.base64 ?? false,
    requestContext: {
      accountId: '1',
      apiId: 'api',
      domainName: 'example.com',
      domainPrefix: 'example',
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'test' },
      requestId: 'req-1',
      routeKey: `${method} ${path}`,
      stage: '$default',
      time: '',
      timeEpoch: 0,
      ...(options.claims ? { authorizer: { jwt: { claims: options.claims, scopes: null } } } : {}),
    },
  } as APIGatewayProxyEventV2;
}

type Answer = { statusCode: number; headers: Record<string, string>; body: string };
const call = async (h: (e: APIGatewayProxyEventV2, c: Context) => Promise<unknown>, e: APIGatewayProxyEventV2) => (await h(e, context)) as Answer;
const errorOf = (a: Answer) => (JSON.parse(a.body) as { error: Record<string, string> }).error;

describe('HTTP plumbing on AWS (no local gateway in front)', () => {
  it('413 payload_too_large for a body over 64 KB, before it is parsed — as text or base64', async () => {
    const big = JSON.stringify({ partnerId: 'x'.repeat(70_000) });
    for (const base64 of [false, true]) {
      const a = await call(createEnrollment, event('POST', '/enrollments', { body: big, base64, headers: { 'content-type': 'application/json' }, claims }));
      expect(a.statusCode).toBe(413);
      expect(errorOf(a)).toMatchObject({ type: 'invalid_request', code: 'payload_too_large', requestId: 'req-1' });
      expect(a.headers['x-content-type-options']).toBe('nosniff');
    }
  });

  it('415 unsupported_media_type for a JSON route called with another type or none', async () => {
    const variants: Record<string, string>[] = [{ 'content-type': 'text/plain' }, { 'Content-Type': 'application/x-www-form-urlencoded' }, {}, { 'content-type': 'application/json; charset=iso-8859-1' }];
    for (const headers of variants) {
      const a = await call(createEnrollment, event('POST', '/enrollments', { body: '{}', headers, claims }));
      expect(a.statusCode, JSON.stringify(headers)).toBe(415);
      expect(errorOf(a)).toMatchObject({ type: 'invalid_request', code: 'unsupported_media_type' });
    }
  });

  it('400 malformed_json, 401 without a caller, 403 for a wrong role — each in the envelope', async () => {
    const malformed = await call(createEnrollment, event('POST', '/enrollments', { body: '{"partnerId":', headers: { 'content-type': 'application/json; charset=UTF-8' }, claims }));
    expect(malformed.statusCode).toBe(400);
    expect(errorOf(malformed).code).toBe('malformed_json');
    const anonymous = await call(createEnrollment, event('POST', '/enrollments', { body: '{}', headers: { 'content-type': 'application/json' } }));
    expect(anonymous.statusCode).toBe(401);
    const agent = await call(createEnrollment, event('POST', '/enrollments', { body: '{}', headers: { 'content-type': 'application/json' }, claims: { ...claims, roles: '[sales_agent]' } }));
    expect(agent.statusCode).toBe(403);
    expect(errorOf(agent)).toMatchObject({ code: 'role_not_allowed', rule: 'ENR-1' });
  });

  it('a lone surrogate in a name is refused with the field named', async () => {
    const body = JSON.stringify({ partnerId: '1234567', company: { legalName: 'Fabrikam \udfff GmbH' } });
    const a = await call(createEnrollment, event('POST', '/enrollments', { body, headers: { 'content-type': 'application/json' }, claims }));
    expect(a.statusCode).toBe(400);
    expect(errorOf(a).param).toBe('company.legalName');
  });

  it('a link token of any shape is the neutral 410; HEAD answers like GET without a body', async () => {
    for (const token of ['', 'x', 'A'.repeat(5000), '!!!', 'Q'.repeat(44)]) {
      const get = await call(viewVerification, event('GET', `/verify/${token}`, { params: { token } }));
      const head = await call(viewVerification, event('HEAD', `/verify/${token}`, { params: { token } }));
      expect(get.statusCode).toBe(410);
      expect(get.body).toContain('<html');
      expect(head.statusCode).toBe(410);
      expect(head.headers['content-type']).toBe(get.headers['content-type']);
      expect(head.body).toBe('');
      const post = await call(confirmVerification, event('POST', `/verify/${token}`, { params: { token }, headers: { accept: 'application/json' } }));
      expect(post.statusCode).toBe(410);
      expect(errorOf(post)).toMatchObject({ type: 'gone', code: 'link_invalid' });
    }
  });

  it('a link page form refuses a JSON body (415) before reading the link', async () => {
    const token = 'Q'.repeat(43);
    const a = await call(confirmVerification, event('POST', `/verify/${token}`, { params: { token }, body: '{"a":1}', headers: { 'content-type': 'application/json' } }));
    expect(a.statusCode).toBe(415);
  });
});
