import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, Context } from 'aws-lambda';
import { z } from 'zod';
import type { Auth, RouteContract } from '#api/contract.js';
import { callerFrom, hasAnyRole, type Caller } from './auth.js';
import { apiErrorOf } from '#api/refusals.js';
import { ApiError, forbidden, invalidRequest, unauthenticated } from './errors.js';
import { logger } from './observability.js';
import { beginIdempotent, completeIdempotent, abandonIdempotent, type IdempotencyClaim } from './idempotency.js';

type Infer<T> = T extends z.ZodType ? z.output<T> : undefined;

export interface HttpRequest<P, Q, B, A extends Auth = Auth> {
  /** The signed-in user; always present on `jwt` routes. */
  caller: A extends 'jwt' ? Caller : Caller | undefined;
  params: P;
  query: Q;
  body: B;
  /** Header names lower-cased. */
  headers: Record<string, string>;
  requestId: string;
  sourceIp: string;
  userAgent: string;
  rawBody: string;
  rawPath: string;
}

export interface HttpResult {
  status: number;
  json?: unknown;
  html?: string;
  headers?: Record<string, string>;
}

type Result = Exclude<APIGatewayProxyResultV2, string>;

const securityHeaders = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

export const pageSecurityHeaders = {
  ...securityHeaders,
  'content-security-policy':
    "default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'x-frame-options': 'DENY',
};

/** Renders a handler result as the API Gateway v2 response. */
export function toResponse(result: HttpResult): Result {
  if (result.html !== undefined) {
    return {
      statusCode: result.status,
      headers: { 'content-type': 'text/html; charset=utf-8', ...pageSecurityHeaders, ...result.headers },
      body: result.html,
    };
  }
  return {
    statusCode: result.status,
    headers: {
      ...(result.json === undefined ? {} : { 'content-type': 'application/json' }),
      ...securityHeaders,
      ...result.headers,
    },
    body: result.json === undefined ? '' : JSON.stringify(result.json),
  };
}

/** The API.md error envelope for any thrown value; never a stack trace. */
export function errorResponse(thrown: unknown, requestId: string): Result {
  const error = apiErrorOf(thrown);
  if (error instanceof ApiError) {
    const { param, rule, retryAfterSeconds } = error.extra;
    return toResponse({
      status: error.status,
      json: {
        error: {
          type: error.type,
          code: error.code,
          message: error.message,
          ...(param === undefined ? {} : { param }),
          ...(rule === undefined ? {} : { rule }),
          requestId,
        },
      },
      headers: retryAfterSeconds === undefined ? {} : { 'retry-after': String(retryAfterSeconds) },
    });
  }
  logger.error('unhandled error', { error: error as Error });
  return toResponse({
    status: 500,
    json: { error: { type: 'internal', code: 'internal_error', message: 'Something went wrong on our side; nothing was changed.', requestId } },
  });
}

const zodParam = (prefix: string, issue: z.core.$ZodIssue): string =>
  [prefix, ...issue.path.map(String)].filter(Boolean).join('.');

function parsePart<T extends z.ZodType>(schema: T | undefined, value: unknown, prefix: string): Infer<T> {
  if (!schema) return undefined as Infer<T>;
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const param = zodParam(prefix, issue);
    throw invalidRequest('invalid_field', `${param || prefix}: ${issue.message}`, param || prefix);
  }
  return parsed.data as Infer<T>;
}

function lowerHeaders(event: APIGatewayProxyEventV2): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(event.headers ?? {})) if (v !== undefined) out[k.toLowerCase()] = v;
  return out;
}

function readBody(event: APIGatewayProxyEventV2): string {
  if (!event.body) return '';
  return event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
}

function parseForm(raw: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(raw));
}

/**
 * Wraps a use case as a Lambda handler for one route of API.md: authenticates, checks
 * roles, validates params/query/body with the contract's zod schemas, honours
 * `Idempotency-Key` (GEN-3) and answers errors in the API.md envelope.
 */
export function httpHandler<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, A extends Auth>(
  contract: RouteContract<P, Q, B, A>,
  useCase: (request: HttpRequest<Infer<P>, Infer<Q>, Infer<B>, A>) => Promise<HttpResult>,
) {
  const idempotent = contract.idempotent ?? contract.method !== 'GET';

  const run = async (event: APIGatewayProxyEventV2, _context: Context): Promise<Result> => {
    const requestId = event.requestContext?.requestId ?? 'unknown';
    let claim: IdempotencyClaim | undefined;
    try {
      const caller = callerFrom(event);
      if (contract.auth === 'jwt' && !caller) throw unauthenticated();
      if (caller && contract.roles && !hasAnyRole(caller, contract.roles)) {
        throw forbidden('role_not_allowed', `This action needs one of the roles: ${contract.roles.join(', ')}.`, contract.roleRule);
      }
      const headers = lowerHeaders(event);
      const rawBody = readBody(event);
      let bodyValue: unknown = undefined;
      if (contract.body) {
        const type = headers['content-type'] ?? '';
        if (type.startsWith('application/x-www-form-urlencoded')) bodyValue = parseForm(rawBody);
        else {
          try {
            bodyValue = rawBody === '' ? undefined : JSON.parse(rawBody);
          } catch {
            throw invalidRequest('malformed_json', 'The request body is not valid JSON.');
          }
        }
      }
      const request: HttpRequest<Infer<P>, Infer<Q>, Infer<B>, A> = {
        caller: caller as HttpRequest<Infer<P>, Infer<Q>, Infer<B>, A>['caller'],
        params: parsePart(contract.params, event.pathParameters ?? {}, 'path'),
        query: parsePart(contract.query, event.queryStringParameters ?? {}, 'query'),
        body: parsePart(contract.body, bodyValue, ''),
        headers,
        requestId,
        sourceIp: event.requestContext?.http?.sourceIp ?? '',
        userAgent: headers['user-agent'] ?? '',
        rawBody,
        rawPath: event.rawPath ?? '/',
      };
      const key = headers['idempotency-key'];
      if (idempotent && key !== undefined) {
        if (!/^[\x21-\x7e]{1,255}$/.test(key)) throw invalidRequest('invalid_idempotency_key', 'Idempotency-Key must be 1–255 visible ASCII characters.', 'Idempotency-Key');
        const scope = `${caller ? `${caller.tenantId}/${caller.sub}` : 'public'}#${contract.name}`;
        const fingerprint = JSON.stringify([event.rawPath, request.body ?? null]);
        const started = await beginIdempotent(scope, key, fingerprint);
        if (started.kind === 'replay') return started.response as Result;
        claim = started.claim;
      }
      const response = toResponse(await useCase(request));
      if (claim) await completeIdempotent(claim, response);
      return response;
    } catch (error) {
      const response = errorResponse(error, requestId);
      if (claim) {
        // A rule's refusal is an answer worth replaying; a server failure is not.
        if (response.statusCode !== undefined && response.statusCode < 500) await completeIdempotent(claim, response).catch(() => undefined);
        else await abandonIdempotent(claim).catch(() => undefined);
      }
      return response;
    }
  };

  const handler = middy<APIGatewayProxyEventV2, Result>().use(injectLambdaContext(logger, { resetKeys: true })).handler(run);
  return Object.assign(handler, { contract });
}
