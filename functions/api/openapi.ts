import { z } from 'zod';
import type { RouteContract } from './contract.js';

const errorEnvelope = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['type', 'code', 'message', 'requestId'],
      properties: {
        type: { type: 'string', enum: ['invalid_request', 'authentication', 'forbidden', 'not_found', 'conflict', 'rule_violation', 'rate_limited', 'gone', 'internal'] },
        code: { type: 'string' },
        message: { type: 'string' },
        param: { type: 'string' },
        rule: { type: 'string', description: 'Rule ID from RULES.md' },
        requestId: { type: 'string' },
      },
    },
  },
};

const jsonSchema = (schema: z.ZodType, io: 'input' | 'output' = 'input') =>
  z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' });

function parameters(contract: RouteContract) {
  const out: unknown[] = [];
  for (const [where, schema] of [['path', contract.params], ['query', contract.query]] as const) {
    if (!schema) continue;
    const js = jsonSchema(schema) as { properties?: Record<string, unknown>; required?: string[] };
    for (const [name, s] of Object.entries(js.properties ?? {})) {
      out.push({ name, in: where, required: where === 'path' || (js.required ?? []).includes(name), schema: s });
    }
  }
  if ((contract.idempotent ?? contract.method !== 'GET') && !contract.html) {
    out.push({ name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string', maxLength: 255 }, description: 'GEN-3: a retried call returns the first answer' });
  }
  return out;
}

/** The OpenAPI 3.1 document of the routes, generated from their own zod schemas. */
export function openApiDocument(routes: readonly RouteContract[], serverUrl: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const responses: Record<string, unknown> = {};
    for (const [status, description] of Object.entries(r.responses)) {
      const ok = Number(status) < 400;
      responses[status] = ok
        ? { description, ...(r.html ? { content: { 'text/html': { schema: { type: 'string' } } } } : {}) }
        : { description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
    }
    paths[r.path] ??= {};
    paths[r.path]![r.method.toLowerCase()] = {
      operationId: r.name,
      summary: r.summary,
      tags: [r.tag],
      ...(r.auth === 'jwt' ? { security: [{ bearer: [] }] } : { security: [] }),
      ...(r.roles ? { 'x-roles': r.roles } : {}),
      parameters: parameters(r),
      ...(r.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(r.body) } } } } : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Partner program API', version: '1.0.0', description: 'Enrollment, partner agreement and provider–reseller partnerships. Rule IDs refer to RULES.md.' },
    servers: [{ url: serverUrl }],
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: { Error: errorEnvelope },
    },
    paths,
  };
}
