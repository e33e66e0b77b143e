import * as z from 'zod/mini';
import { isIdempotent, type RouteContract } from './contract.js';
import { forDeployment, type ApiIdentity } from './openapi-deployment.js';
import { VettingWebhook } from './schemas.js';

export type { ApiIdentity };

/** The error envelope every JSON error answers with (API guide: docs/api.md#errors). */
const errorEnvelope = {
  type: 'object',
  description: 'Every error: a stable `type` (one per HTTP status family) and `code` to branch on, a human `message`, the offending `param`, the `rule` the request broke, and the `requestId` to quote to support.',
  required: ['error'],
  additionalProperties: false,
  properties: {
    error: {
      type: 'object',
      required: ['type', 'code', 'message', 'requestId'],
      additionalProperties: false,
      properties: {
        type: { type: 'string', enum: ['invalid_request', 'authentication', 'forbidden', 'not_found', 'conflict', 'rule_violation', 'rate_limited', 'gone', 'internal'] },
        code: { type: 'string', description: 'Machine-readable reason, e.g. `invalid_field`, `role_not_allowed`, `webmail_not_allowed`' },
        message: { type: 'string' },
        param: { type: 'string', description: 'The offending field (`primaryContact.email`, `path.id`, `Idempotency-Key`)' },
        rule: { type: 'string', description: 'Rule ID from docs/rules.md (e.g. `ENR-4`)' },
        requestId: { type: 'string' },
      },
    },
  },
  examples: [{ error: { type: 'rule_violation', code: 'webmail_not_allowed', message: 'The primary contact must not use a web-based mail service.', param: 'primaryContact.email', rule: 'ENR-4', requestId: 'c0ffee00-0000-4000-8000-000000000000' } }],
};

/** One example request body per operation that takes one; a test checks each against the route's schema. */
export const requestExamples: Record<string, unknown> = {
  'operator-put-partner-id': { legalName: 'Fabrikam Reseller GmbH', country: 'DE', status: 'active' },
  'operator-create-partner': {
    tenantId: 'tenant-provider-de',
    type: 'indirect_provider',
    partnerId: '4100001',
    company: { legalName: 'Contoso Distribution GmbH', address: { line1: 'Hauptstraße 1', city: 'Berlin', postalCode: '10115', country: 'DE' } },
    primaryContact: { firstName: 'Greta', lastName: 'Becker', email: 'greta.becker@contoso-distribution.example', language: 'de' },
  },
  'create-enrollment': {
    partnerId: '5100001',
    company: { legalName: 'Fabrikam Reseller GmbH', address: { line1: 'Friedrichstraße 10', city: 'Berlin', postalCode: '10117', country: 'DE' } },
    primaryContact: { firstName: 'Jonas', lastName: 'Keller', email: 'jonas.keller@fabrikam.example', phone: '+49 30 1234567', language: 'de' },
    supportContact: { email: 'support@fabrikam.example', phone: '+49 30 7654321', website: 'https://fabrikam.example' },
  },
  'change-primary-contact': { firstName: 'Lena', lastName: 'Vogel', email: 'lena.vogel@fabrikam.example', language: 'de' },
  'correct-enrollment': { company: { address: { line1: 'Friedrichstraße 12' } } },
  'operator-decide-enrollment': { outcome: 'more_info_needed', reasons: [{ code: 'address_mismatch', message: 'The street does not match the trade register.', field: 'company.address.line1' }] },
  'vetting-webhook': { type: 'vetting.completed', data: { enrollmentId: 'enr_01JC0000000000000000000000', outcome: 'approved', reasons: [] } },
  'accept-agreement': { version: '2026-10', accept: true },
  'create-partnership-request': { email: 'partners@fabrikam.example', message: 'We would like to supply you in Germany.', language: 'de', send: true },
  'accept-invitation': { authorize: true },
  'remove-relationship': { confirm: true, attestation: true, reason: 'The reseller moved to another distributor.' },
  'operator-terminate-relationship': { reason: 'The reseller asked support to end the partnership (PRT-9).', supportTicket: 'SUP-2041' },
  'authorize-invitation': { authorize: 'true' },
  'operator-put-offer': { name: 'Microsoft 365 Business Standard', minQuantity: 1, maxQuantity: 300, status: 'active' },
  'create-customer': {
    company: { legalName: 'Northwind Traders GmbH', address: { line1: 'Domstraße 1', city: 'Köln', postalCode: '50667', country: 'DE' } },
    domain: 'northwind.example',
    primaryContact: { firstName: 'Nina', lastName: 'Nord', email: 'nina.nord@northwind.example', language: 'de' },
    resellerTenantId: 'tenant-reseller-de',
  },
  'create-order': { lineItems: [{ offerId: 'm365-business-standard', quantity: 25, partnerIdOnRecord: '5100001' }, { offerId: 'defender-business', quantity: 25 }] },
  'change-subscription': { quantity: 30 },
  'put-support-contact': { tenantId: 'tenant-reseller-de' },
  'create-customer-invitation': { email: 'it@northwind.example', message: 'We look after your licences.', language: 'de', send: true, providerTenantId: 'tenant-provider-de', delegatedAdmin: true, customerName: 'Northwind Traders GmbH' },
  'accept-customer-link': { authorize: true },
  'authorize-customer-link': { authorize: 'true' },
};

/** Bodies the handler itself validates (after checking a signature, or as a form), documented here. */
const documentedBodies: Record<string, { schema: z.ZodMiniType; mediaType: string }> = {
  'vetting-webhook': { schema: VettingWebhook, mediaType: 'application/json' },
  'authorize-invitation': { schema: z.object({ authorize: z.optional(z.literal('true')) }), mediaType: 'application/x-www-form-urlencoded' },
  'authorize-customer-link': { schema: z.object({ authorize: z.optional(z.literal('true')) }), mediaType: 'application/x-www-form-urlencoded' },
};

/** Headers some operations read beyond Idempotency-Key. */
const extraHeaders: Record<string, unknown[]> = {
  'vetting-webhook': [
    { name: 'webhook-id', in: 'header', required: true, schema: { type: 'string', maxLength: 255 }, description: 'Standard Webhooks message id; a replayed id is answered 204 with no second effect' },
    { name: 'webhook-timestamp', in: 'header', required: true, schema: { type: 'string', pattern: '^[0-9]+$' }, description: 'Unix seconds; more than 5 minutes off is refused (401)' },
    { name: 'webhook-signature', in: 'header', required: true, schema: { type: 'string' }, description: '`v1,<base64 HMAC-SHA256 of "id.timestamp.body">`; see docs/api.md#webhooks' },
  ],
};

const jsonSchema = (schema: z.ZodMiniType, io: 'input' | 'output' = 'input') =>
  z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' });

const idempotentRoute = (contract: RouteContract) => isIdempotent(contract) && !contract.html;
const hasIdParam = (contract: RouteContract) => contract.params instanceof z.ZodMiniObject && 'id' in contract.params.shape;

function parameters(contract: RouteContract) {
  const out: unknown[] = [];
  for (const [where, schema] of [['path', contract.params], ['query', contract.query]] as const) {
    if (!schema) continue;
    const js = jsonSchema(schema) as { properties?: Record<string, { description?: string }>; required?: string[] };
    for (const [name, s] of Object.entries(js.properties ?? {})) {
      out.push({ name, in: where, required: where === 'path' || (js.required ?? []).includes(name), description: s.description ?? `${where} parameter \`${name}\``, schema: s });
    }
  }
  if (idempotentRoute(contract)) {
    out.push({ name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string', minLength: 1, maxLength: 255 }, description: 'GEN-3: a retried call with the same key returns the first answer and acts once' });
  }
  out.push(...(extraHeaders[contract.name] ?? []));
  return out;
}

/**
 * The statuses any route can answer because of what its contract declares — the wrapper in
 * lib/http.ts and the gateway answer them for every route alike — so no route has to list them.
 */
export function derivedResponses(contract: RouteContract): Record<number, string> {
  const out: Record<number, string[]> = {};
  const add = (status: number, reason: string) => (out[status] ??= []).push(reason);
  const inputs = [contract.params && 'path', contract.query && 'query', (contract.body || documentedBodies[contract.name]) && 'body'].filter(Boolean);
  if (inputs.length > 0) add(400, `\`invalid_field\`: a ${inputs.join('/')} field fails its schema (\`param\` names it)`);
  if (contract.body) add(400, '`malformed_json`: the body is not JSON');
  if (idempotentRoute(contract)) add(400, '`invalid_idempotency_key`: not 1–255 visible ASCII characters');
  if (contract.auth === 'jwt') add(401, '`unauthenticated`: no bearer token, or an invalid or expired one');
  if (contract.roles) add(403, `\`role_not_allowed\`: the caller has none of ${contract.roles.join(', ')}${contract.roleRule ? ` (${contract.roleRule})` : ''}`);
  if (hasIdParam(contract)) add(404, 'unknown id, or one the caller may not see');
  if (idempotentRoute(contract)) add(409, '`idempotency_key_reused` (GEN-3): the key was used with a different request; `idempotency_key_in_use`: the first call is still running');
  if (contract.method !== 'GET') {
    add(413, '`payload_too_large`: the body exceeds the limit (64 KB), checked before parsing');
    add(415, `\`unsupported_media_type\`: a body that is not ${contract.html || contract.form ? 'application/x-www-form-urlencoded' : 'application/json'}`);
  }
  add(500, '`internal_error`: nothing was changed; retry (with the same Idempotency-Key)');
  return Object.fromEntries(Object.entries(out).map(([status, reasons]) => [status, reasons.join('; ')]));
}

const errorContent = { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } };
const htmlContent = { 'text/html': { schema: { type: 'string' } } };

function responses(contract: RouteContract): Record<string, unknown> {
  const derived = derivedResponses(contract);
  const statuses = [...new Set([...Object.keys(contract.responses), ...Object.keys(derived)].map(Number))].sort((a, b) => a - b);
  const out: Record<string, unknown> = {};
  for (const status of statuses) {
    const own = contract.responses[status];
    const description = [own, derived[status]].filter(Boolean).join('. Also: ');
    if (status < 300) out[status] = { description, ...(contract.html ? { content: htmlContent } : {}) };
    else if (status < 400) out[status] = { description, headers: { Location: { description: 'Where to go', schema: { type: 'string' } } } };
    // On the link pages a rule's refusal is a page; what the wrapper or gateway refuses is the JSON envelope.
    else if (contract.html && own !== undefined) out[status] = { description, content: derived[status] ? { ...htmlContent, ...errorContent } : htmlContent };
    else out[status] = { description, content: errorContent };
  }
  return out;
}

function requestBody(contract: RouteContract) {
  const documented = documentedBodies[contract.name];
  const schema = contract.body ?? documented?.schema;
  if (!schema) return {};
  const example = requestExamples[contract.name];
  const media = { schema: jsonSchema(schema), ...(example === undefined ? {} : { example }) };
  return { requestBody: { required: true, content: { [documented?.mediaType ?? 'application/json']: media } } };
}

const tagDescriptions: Record<string, string> = {
  'Operator setup': 'The operator registers partner IDs and onboards providers (TYP-2, ENR-3)',
  Partners: 'The signed-in tenant’s partner profile',
  Enrollment: 'A reseller enrolls its tenant (ENR-*)',
  Links: 'The pages and form posts behind emailed links (ENR-7, PRT-4)',
  Webhooks: 'Signed callbacks from the vetting service (ENR-8)',
  Operator: 'The operator’s review queue and decisions',
  'Partner agreement': 'The partner agreement and its acceptance (MPA-*)',
  Partnerships: 'Provider–reseller partnership requests and relationships (PRT-*)',
};

/**
 * The OpenAPI 3.1 document of the routes, generated from their own zod schemas, for a
 * deployment (server URL and program identity). `GET /openapi.json` serves the same document
 * from functions/api/openapi.generated.json (`npm run openapi`), so its function carries
 * neither the schemas nor the generator.
 */
export function openApiDocument(routes: readonly RouteContract[], serverUrl: string, identity?: ApiIdentity) {
  return forDeployment(contractDocument(routes), serverUrl, identity);
}

/** The document with the local demo's identity and no server: what openapi.generated.json holds. */
export function contractDocument(routes: readonly RouteContract[]) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    paths[r.path] ??= {};
    paths[r.path]![r.method.toLowerCase()] = {
      operationId: r.name,
      summary: r.summary,
      description: `${r.summary}.${r.roles ? ` Roles: ${r.roles.join(', ')}.` : ''} Errors use the envelope of components.schemas.Error.`,
      tags: [r.tag],
      ...(r.auth === 'jwt' ? { security: [{ bearer: [] }] } : { security: [] }),
      ...(r.roles ? { 'x-roles': r.roles } : {}),
      parameters: parameters(r),
      ...requestBody(r),
      responses: responses(r),
    };
  }
  const tags = [...new Set(routes.map((r) => r.tag))].map((name) => ({ name, description: tagDescriptions[name] ?? name }));
  return {
    openapi: '3.1.0',
    info: {
      title: 'Partner program API',
      version: '1.0.0',
      description: 'Enrollment, partner agreement and provider–reseller partnerships. Rule IDs (ENR-4, PRT-6 …) refer to docs/rules.md; the guide is docs/api.md.',
      license: { name: 'Proprietary', identifier: 'LicenseRef-Proprietary' },
      contact: { name: 'Partner program support', email: 'support@partner-program.example', url: 'https://partner-program.example/support' },
    },
    servers: [] as { url: string }[],
    tags,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'An access token of the program’s identity provider (locally: POST /_local/tokens)' } },
      schemas: { Error: errorEnvelope },
    },
    paths,
  };
}
