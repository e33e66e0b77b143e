import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { httpRoutes } from '#api/routes.js';
import type { RouteContract } from '#api/contract.js';
import { mainTable } from '../../infra/tables.js';
import { baseUrl, emailsTo, eventually, operator, registerPartnerId, settle, tokenFor, uniquePartnerId, uniqueTenant, type User } from '../support/api.js';
import { enroll, newReseller, signedWebhook, verifyLinkOf, waitForEmail } from '../support/enrollment.js';
import { invitationLinkIn, newProvider, requestPartnership, tokenOf } from '../support/partnerships.js';
import { bodyExamples } from '../support/route-examples.js';

/**
 * The project's own hostile-input suite (issue 14), generated from the routes' contracts:
 * every route gets malformed bodies (bad characters in every string field, wrong types,
 * extra keys, broken JSON, padded enums), foreign media types, oversized bodies, malformed
 * ids, tokens of every shape, bad queries and bad credentials. Each answer must be a 4xx —
 * never a 5xx — in the API.md envelope (or, on link pages, the neutral 410 page), and the
 * table and the outbox must be unchanged for everything the fixtures own.
 */

interface Attempt {
  route: string;
  what: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
  /** The only statuses this attempt may get. */
  expect?: number[];
}

const ddb = () => DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: inject('endpoints').dynamodb, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }));

async function scanAll(): Promise<Record<string, unknown>[]> {
  const client = ddb();
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await client.send(new ScanCommand({ TableName: mainTable.localName, ConsistentRead: true, ...(start ? { ExclusiveStartKey: start } : {}) }));
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

/** The items a wrongly accepted request could write: the fixtures' own, and every idempotency record. */
async function snapshot(markers: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const item of await scanAll()) {
    const text = JSON.stringify(item);
    if (String(item.pk).startsWith('IDEMPOTENCY') || markers.some((m) => text.includes(m))) out.set(`${String(item.pk)}|${String(item.sk)}`, text);
  }
  return out;
}

const leaves = (value: unknown, path: (string | number)[] = []): { path: (string | number)[]; value: unknown }[] => {
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, [...path, i]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k]));
  return [{ path, value }];
};
const objects = (value: unknown, path: (string | number)[] = []): (string | number)[][] => {
  if (Array.isArray(value)) return value.flatMap((v, i) => objects(v, [...path, i]));
  if (value && typeof value === 'object') return [path, ...Object.entries(value).flatMap(([k, v]) => objects(v, [...path, k]))];
  return [];
};
function setAt(value: unknown, path: (string | number)[], leaf: unknown): unknown {
  if (path.length === 0) return leaf;
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let at = copy;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
  at[path.at(-1)!] = leaf;
  return copy;
}
const getAt = (value: unknown, path: (string | number)[]) => path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], value);

const badCharacters: [string, string][] = [
  ['lone low surrogate', '\udfff'],
  ['lone high surrogate', '\ud83d'],
  ['NUL', '\u0000'],
  ['ESC', '\u001b'],
  ['DEL', '\u007f'],
  ['C1 NEL', '\u0085'],
  ['RLO U+202E', '\u202e'],
  ['LRI U+2066', '\u2066'],
  ['PDI U+2069', '\u2069'],
];
const wrongTypes: [string, unknown][] = [
  ['number', 42],
  ['null', null],
  ['array', ['x']],
  ['object', { x: 1 }],
  ['boolean', true],
];
const foreignTypes = ['text/plain', 'text/html', 'application/xml', 'multipart/form-data; boundary=x', 'application/json-patch+json', 'application/vnd.api+json', 'application/json; charset=latin1', 'application/jsonx'];
const brokenJson = ['{', '{"a":', '[1,', 'nul', '\u0000', '{"__proto__":{"x":1}}', '"just a string"', '[]', 'null', '42', ' '];
const tokens: [string, string][] = [
  ['5000 characters', 'A'.repeat(5000)],
  ['empty', ''],
  ['one character', 'x'],
  ['wrong alphabet', '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!'],
  ['43 base64url, unknown', 'Q'.repeat(43)],
  ['44 characters', 'Q'.repeat(44)],
  ['non-ASCII', '%C3%A4%C3%B6%C3%BC'],
  ['encoded NUL', '%00'],
  ['broken escape', '%E0%A4%A'],
  ['encoded slash', '..%2F..%2Fenrollments'],
  ['encoded RLO', '%E2%80%AE'],
];
const badIds: [string, string][] = [
  ['too short', 'enr_x'],
  ['no prefix', 'abcdefghijklmnop'],
  ['5000 characters', `enr_${'a'.repeat(5000)}`],
  ['quote', "enr_abcdefghijk'--"],
  ['encoded NUL', 'enr_abcdefghijk%00'],
  ['broken escape', '%E0%A4%A'],
];
const emptyId = '';

describe('hostile input (issue 14)', () => {
  const json = { 'content-type': 'application/json' };
  let markers: string[] = [];
  let before: Map<string, string>;
  let emailsBefore = 0;
  let contactEmails: string[] = [];
  const users: Record<string, string> = {};
  const attempts: Attempt[] = [];
  const wrong: string[] = [];
  let neutralHtml = '';

  beforeAll(async () => {
    // Fixtures a wrongly accepted request would act on: a pending enrollment with its live
    // verification link, a pending partnership request with its live invitation, and a tenant
    // and partner ID ready to enroll or be onboarded (so a wrong "yes" would show as a write).
    const pending = await newReseller();
    const enrollmentId = (await enroll(pending)).id;
    const verifyPath = verifyLinkOf(await waitForEmail(pending.contactEmail));
    const fresh = await newReseller();
    const provider = await newProvider();
    const resellerEmail = `invitee-${uniqueTenant()}@fabrikam.example`;
    const request = await requestPartnership(provider, resellerEmail);
    const { link } = await invitationLinkIn(resellerEmail);
    const newPartnerId = uniquePartnerId();
    await registerPartnerId(newPartnerId, { legalName: 'Onboard Me BV', country: 'NL' });
    const newTenant = uniqueTenant('onboard');
    const unregisteredPartnerId = uniquePartnerId();

    const salesAgent: User = { ...pending.admin, roles: ['sales_agent'], sub: `sales-${pending.admin.tenantId}` };
    for (const [key, user] of Object.entries({ pending: pending.admin, fresh: fresh.admin, provider: provider.admin, operator, salesAgent })) users[key] = await tokenFor(user);
    contactEmails = [pending.contactEmail, fresh.contactEmail, resellerEmail, 'ada@example.com', 'grace@example.com', 'alan@example.com', 'reseller@example.com'];
    markers = [pending.admin.tenantId, fresh.admin.tenantId, provider.admin.tenantId, enrollmentId, request.id, fresh.partnerId, newPartnerId, newTenant, unregisteredPartnerId, 'tenant-example', ...contactEmails];

    const examples: Record<string, unknown> = {
      ...bodyExamples,
      'create-enrollment': fresh.body,
      'operator-create-partner': { ...(bodyExamples['operator-create-partner'] as object), tenantId: newTenant, partnerId: newPartnerId },
      'create-partnership-request': { ...(bodyExamples['create-partnership-request'] as object), email: `other-${uniqueTenant()}@fabrikam.example` },
    };
    const userFor = (r: RouteContract): string | undefined => {
      if (r.auth !== 'jwt') return undefined;
      if (r.roles?.includes('operator')) return users.operator;
      if (r.path.startsWith('/partnership-requests') || r.name === 'get-agreement-status') return users.provider;
      if (r.name === 'create-enrollment') return users.fresh;
      return users.pending;
    };
    const pathFor = (r: RouteContract, override: Record<string, string> = {}) =>
      r.path.replace(/\{(\w+)\}/g, (_, name: string) => {
        if (name in override) return override[name]!;
        if (name === 'token') return r.path.startsWith('/verify') ? verifyPath.split('/').at(-1)! : tokenOf(link);
        if (name === 'partnerId') return r.name === 'operator-put-partner-id' ? unregisteredPartnerId : fresh.partnerId;
        if (r.path.startsWith('/enrollments') || r.path.startsWith('/operator/enrollments')) return enrollmentId;
        if (r.path.startsWith('/partnership-requests')) return request.id;
        return 'rel_AAAAAAAAAAAAAAAAAAAAAA';
      });
    const auth = (r: RouteContract): Record<string, string> => {
      const token = userFor(r);
      return token ? { authorization: `Bearer ${token}` } : {};
    };
    const add = (r: RouteContract, what: string, init: Partial<Attempt>) =>
      attempts.push({ route: r.name, what, method: r.method, path: pathFor(r), headers: auth(r), ...init });

    const pageRoute = (r: RouteContract) => r.html || r.form;
    neutralHtml = await (await fetch(`${baseUrl()}/verify/${'Q'.repeat(43)}`)).text();

    for (const r of httpRoutes) {
      const media = pageRoute(r) ? 'application/x-www-form-urlencoded' : 'application/json';
      const example = examples[r.name];
      // Bodies: every field with bad characters, wrong types, extra keys; broken JSON.
      if (r.body && example !== undefined && !pageRoute(r)) {
        for (const leaf of leaves(example)) {
          const at = leaf.path.join('.');
          if (typeof leaf.value === 'string') {
            for (const [name, bad] of badCharacters) {
              add(r, `${at}: ${name}`, { headers: { ...auth(r), ...json }, body: JSON.stringify(setAt(example, leaf.path, `${leaf.value.slice(0, 3)}${bad}${leaf.value.slice(3)}`)) });
            }
            add(r, `${at}: 5000 characters`, { headers: { ...auth(r), ...json }, body: JSON.stringify(setAt(example, leaf.path, 'x'.repeat(5000))) });
            const last = String(leaf.path.at(-1));
            if (['type', 'status', 'outcome', 'language', 'version', 'country'].includes(last)) {
              for (const variant of [` ${leaf.value}`, `${leaf.value} `, `${leaf.value}\t`]) add(r, `${at}: padded ${JSON.stringify(variant)}`, { headers: { ...auth(r), ...json }, body: JSON.stringify(setAt(example, leaf.path, variant)) });
              if (last !== 'country') add(r, `${at}: upper case`, { headers: { ...auth(r), ...json }, body: JSON.stringify(setAt(example, leaf.path, leaf.value.toUpperCase())) });
            }
          }
          for (const [name, value] of wrongTypes) {
            if (typeof value === typeof leaf.value && (value === null) === (leaf.value === null)) continue;
            add(r, `${at}: ${name}`, { headers: { ...auth(r), ...json }, body: JSON.stringify(setAt(example, leaf.path, value)) });
          }
        }
        for (const path of objects(example)) {
          add(r, `extra key at ${path.join('.') || 'root'}`, { headers: { ...auth(r), ...json }, body: JSON.stringify(setAt(example, path, { ...(getAt(example, path) as object), isAdmin: true })) });
        }
        for (const text of brokenJson) add(r, `broken JSON ${JSON.stringify(text)}`, { headers: { ...auth(r), ...json }, body: text });
        add(r, 'no body', { headers: { ...auth(r), ...json } });
        // A valid body under a refused media type, or with an Idempotency-Key but a wrong field.
        for (const type of foreignTypes) add(r, `valid body as ${type}`, { headers: { ...auth(r), 'content-type': type }, body: JSON.stringify(example), expect: [415] });
        add(r, 'valid body without Content-Type', { headers: auth(r), body: JSON.stringify(example), expect: [415] });
        add(r, 'idempotent retry of a refused body', { headers: { ...auth(r), ...json, 'idempotency-key': `fuzz-${r.name}` }, body: JSON.stringify(setAt(example, leaves(example)[0]!.path, null)) });
      }
      // Sizes: just over the limit, a megabyte of multibyte text; bad idempotency keys.
      if (r.method !== 'GET') {
        const big = (n: number) => (example !== undefined && typeof example === 'object' ? JSON.stringify({ ...(example as object), padding: '€'.repeat(n) }) : JSON.stringify({ padding: '€'.repeat(n) }));
        add(r, '65 KB body', { headers: { ...auth(r), 'content-type': media }, body: big(22_000), expect: [413] });
        add(r, '1 MB body', { headers: { ...auth(r), 'content-type': media }, body: big(350_000), expect: [413] });
        add(r, 'text/plain body', { headers: { ...auth(r), 'content-type': 'text/plain' }, body: 'hello', expect: r.name === 'vetting-webhook' ? [415] : [415] });
        if (!pageRoute(r) && r.idempotent !== false && example !== undefined) {
          for (const key of ['', 'x'.repeat(256), 'key with space', '\u00e4\u00f6\u00fc']) {
            add(r, `Idempotency-Key ${JSON.stringify(key.slice(0, 10))}`, { headers: { ...auth(r), ...json, 'idempotency-key': key }, body: JSON.stringify(example), expect: [400] });
          }
        }
      }
      // Path parameters: link tokens of every shape get the neutral 410; malformed ids a 4xx.
      if (r.path.includes('{token}')) {
        for (const [name, token] of tokens) {
          const formHeaders: Record<string, string> = pageRoute(r) && r.method === 'POST' ? { 'content-type': 'application/x-www-form-urlencoded', origin: new URL(baseUrl()).origin } : {};
          const body = r.body && !pageRoute(r) ? JSON.stringify(example) : pageRoute(r) && r.method === 'POST' ? 'authorize=true' : undefined;
          attempts.push({
            route: r.name,
            what: `token ${name}`,
            method: r.method,
            path: pathFor(r, { token }),
            headers: { ...auth(r), ...formHeaders, ...(r.body && !pageRoute(r) ? json : {}) },
            ...(body === undefined ? {} : { body }),
            expect: [410],
          });
        }
      }
      for (const name of ['id', 'partnerId'] as const) {
        if (!r.path.includes(`{${name}}`)) continue;
        const bad = name === 'id' ? badIds : badIds.filter(([what]) => what !== 'no prefix').concat([['dash first', '-abc'], ['too long', 'a'.repeat(33)], ['underscore', 'abc_def']]);
        for (const [what, id] of [...bad, ['empty', emptyId] as [string, string]]) {
          add(r, `${name} ${what}`, { path: pathFor(r, { [name]: id }), headers: { ...auth(r), ...(r.body ? json : {}) }, ...(r.body && example !== undefined ? { body: JSON.stringify(example) } : {}) });
        }
      }
      // Queries.
      if (r.query) {
        const known = Object.keys((r.query as unknown as { shape: Record<string, unknown> }).shape);
        const queries = ['limit=0', 'limit=101', 'limit=abc', 'limit=1.5', 'status=bogus', 'status=%20active', 'status=ACTIVE', 'type=bogus', 'type=Indirect_reseller', 'state=ACTIVE', 'state=active%20', 'cursor=%E2%80%AE', 'cursor=%00', 'cursor=%ED%BF%BF'];
        for (const q of queries.filter((q) => known.includes(q.split('=')[0]!))) {
          attempts.push({ route: r.name, what: `query ${q}`, method: r.method, path: `${pathFor(r)}?${q}${r.name === 'list-relationships' && !q.startsWith('type') ? '&type=indirect_reseller' : ''}`, headers: auth(r) });
        }
      }
      // Credentials.
      if (r.auth === 'jwt') {
        const body = example !== undefined ? { headers: json, body: JSON.stringify(example) } : { headers: {} as Record<string, string> };
        add(r, 'no token', { headers: body.headers, ...(body.body ? { body: body.body } : {}), expect: [401] });
        add(r, 'forged token', { headers: { ...body.headers, authorization: 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.' }, ...(body.body ? { body: body.body } : {}), expect: [401] });
        if (r.roles && !r.roles.includes('sales_agent')) add(r, 'wrong role', { headers: { ...body.headers, authorization: `Bearer ${users.salesAgent}` }, ...(body.body ? { body: body.body } : {}), expect: [403] });
      }
    }
    // Signed vetting webhooks with malformed payloads (the signature is right, the body is not).
    const webhook = httpRoutes.find((r) => r.name === 'vetting-webhook')!;
    const payload = { type: 'vetting.completed', data: { enrollmentId, outcome: 'more_info_needed', reasons: [{ code: 'x', message: 'Fix it.', field: 'company.legalName' }] } };
    for (const leaf of leaves(payload)) {
      if (typeof leaf.value !== 'string') continue;
      for (const [name, bad] of badCharacters.slice(0, 7)) {
        const signed = await signedWebhook(setAt(payload, leaf.path, `${leaf.value}${bad}`));
        add(webhook, `signed ${leaf.path.join('.')}: ${name}`, { headers: signed.headers, body: signed.rawBody });
      }
    }

    // Wait until the fixtures' workflows have settled (their last write is in).
    await settle();
    let previous = '';
    await eventually(async () => {
      const now = JSON.stringify([...(await snapshot(markers))]);
      const settled = now === previous;
      previous = now;
      if (!settled) await new Promise((r) => setTimeout(r, 300));
      return settled;
    }, 20_000, 'fixtures to settle');
    before = await snapshot(markers);
    emailsBefore = (await Promise.all(contactEmails.map((e) => emailsTo(e)))).reduce((n, list) => n + list.length, 0);
  }, 120_000);

  afterAll(() => {
    console.log(`hostile-input suite: ${attempts.length} requests tried, ${wrong.length} wrong outcomes`);
  });

  it('never a 5xx, always a 4xx in the envelope (or the neutral 410 page), never a state change', async () => {
    const statusType: Record<number, string> = { 400: 'invalid_request', 401: 'authentication', 403: 'forbidden', 404: 'not_found', 409: 'conflict', 410: 'gone', 413: 'invalid_request', 415: 'invalid_request', 422: 'rule_violation' };
    const run = async (a: Attempt) => {
      const init: RequestInit = { method: a.method, headers: a.headers, redirect: 'manual', ...(a.body === undefined ? {} : { body: a.body }) };
      let res: Response;
      try {
        res = await fetch(`${baseUrl()}${a.path}`, init);
      } catch (error) {
        wrong.push(`${a.route} ${a.what}: no HTTP answer (${(error as Error).message})`);
        return;
      }
      const text = await res.text();
      const where = `${a.route} ${a.what} → ${res.status}`;
      if (res.status < 400 || res.status >= 500) return void wrong.push(`${where}: ${text.slice(0, 200)}`);
      if (a.expect && !a.expect.includes(res.status)) return void wrong.push(`${where}: expected ${a.expect.join('/')}: ${text.slice(0, 200)}`);
      const type = res.headers.get('content-type') ?? '';
      if (type.startsWith('text/html')) {
        if (res.status !== 410 || text !== neutralHtml) wrong.push(`${where}: an HTML answer other than the neutral page`);
        return;
      }
      try {
        const { error } = JSON.parse(text) as { error: Record<string, unknown> };
        const ok = typeof error.code === 'string' && typeof error.message === 'string' && typeof error.requestId === 'string' && error.type === statusType[res.status];
        if (!ok) wrong.push(`${where}: not the envelope: ${text.slice(0, 200)}`);
      } catch {
        wrong.push(`${where}: not JSON: ${text.slice(0, 200)}`);
      }
    };
    const queue = [...attempts];
    await Promise.all(Array.from({ length: 6 }, async () => {
      for (let a = queue.shift(); a; a = queue.shift()) await run(a);
    }));

    const after = await snapshot(markers);
    for (const [key, value] of after) if (before.get(key) !== value) wrong.push(`state changed: ${key}`);
    for (const key of before.keys()) if (!after.has(key)) wrong.push(`state removed: ${key}`);
    const emailsAfter = (await Promise.all(contactEmails.map((e) => emailsTo(e)))).reduce((n, list) => n + list.length, 0);
    if (emailsAfter !== emailsBefore) wrong.push(`${emailsAfter - emailsBefore} email(s) sent`);

    expect(attempts.length).toBeGreaterThan(1000);
    expect(wrong).toEqual([]);
  }, 240_000);

  it('HEAD on a link page answers like GET without a body and changes nothing', async () => {
    for (const path of [`/verify/${'Q'.repeat(43)}`, '/verify/x', `/invitations/${'A'.repeat(5000)}`]) {
      const get = await fetch(`${baseUrl()}${path}`);
      const head = await fetch(`${baseUrl()}${path}`, { method: 'HEAD' });
      expect(head.status).toBe(get.status);
      expect(head.status).toBe(410);
      expect(head.headers.get('content-type')).toBe(get.headers.get('content-type'));
      expect(head.headers.get('content-security-policy')).toBe(get.headers.get('content-security-policy'));
      expect(await head.text()).toBe('');
    }
  });
});
