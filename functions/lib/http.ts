import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy, { type MiddlewareObj } from '@middy/core';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import type * as z from 'zod/mini';
import { isIdempotent, type Auth, type RouteContract } from '#api/contract.js';
import { apiErrorOf } from '#api/refusals.js';
import { authorize, type Caller } from './auth.js';
import { bodyLimit, mediaType, parseAndValidate, type MediaType } from './body.js';
import { ApiError, errorEnvelope, errorResponse } from './errors.js';
import type { idempotency } from './idempotency.js';
import { logger } from './observability.js';
import { requestState } from './request-state.js';
import { toResponse, withSecurityHeaders, type HttpResult, type Result } from './response.js';

export { errorResponse, toResponse };
export { pageSecurityHeaders } from './response.js';
export type { HttpResult };

type Infer<T> = T extends z.ZodMiniType ? z.output<T> : undefined;

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

type Event = APIGatewayProxyEventV2;

/** Middleware: every answer carries the security headers (pages: CSP and frame denial too). */
function securityHeaders(): MiddlewareObj<Event, Result> {
  return {
    after: function securityHeadersAfter(request) {
      if (request.response) request.response = withSecurityHeaders(request.response);
    },
  };
}

/** Middleware: `HEAD` on a page answers like `GET` — same status and headers — without the body. */
function headLikeGet(): MiddlewareObj<Event, Result> {
  return {
    after: function headLikeGetAfter(request) {
      if (request.event.requestContext?.http?.method === 'HEAD' && request.response) request.response = { ...request.response, body: '' };
    },
  };
}

function lowerHeaders(event: Event): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(event.headers ?? {})) if (v !== undefined) out[k.toLowerCase()] = v;
  return out;
}

/** The body a route reads: link pages' POSTs are HTML forms, everything else JSON. */
export const mediaTypeOf = (contract: Pick<RouteContract, 'html' | 'form'>): MediaType => (contract.html || contract.form ? 'form' : 'json');

/**
 * A Lambda handler for one route of API.md, as a chain of small middlewares, one concern
 * each, outermost first:
 *
 * 1. `errorEnvelope` — anything thrown becomes API.md's envelope (the one error style);
 * 2. Powertools logger context; `@middy/http-header-normalizer`;
 * 3. `bodyLimit` (413) and `mediaType` (415) — before anything is parsed;
 * 4. `authorize` — caller (401) and the route's roles (403);
 * 5. `parseAndValidate` — JSON body (`@middy/http-json-body-parser`) and the route's zod
 *    schemas for path, query and body (400);
 * 6. `idempotency` — GEN-3 with Powertools' idempotency utility (mutating routes), which
 *    the handler passes in (`httpHandler(contract, useCase, idempotency)`): a function
 *    that is not idempotent does not carry it, nor Powertools' idempotency and JMESPath
 *    (~37 KB); a mutating route without it, or another route with it, fails at cold start;
 * 7. `securityHeaders`, `headLikeGet` — on the way out.
 *
 * The use case's refusals (`Refused`, mapped by `apiErrorOf`) and `ApiError`s become the answer inside
 * the chain, so GEN-3 records and replays them like any answer; anything else thrown is a
 * 500 that is not recorded.
 */
export function httpHandler<P extends z.ZodMiniType, Q extends z.ZodMiniType, B extends z.ZodMiniType, A extends Auth>(
  contract: RouteContract<P, Q, B, A>,
  useCase: (request: HttpRequest<Infer<P>, Infer<Q>, Infer<B>, A>) => Promise<HttpResult>,
  gen3?: typeof idempotency,
) {
  const media = mediaTypeOf(contract);
  if (isIdempotent(contract) !== (gen3 !== undefined)) {
    throw new Error(`${contract.name}: ${gen3 ? 'is not idempotent, yet was given' : 'is a mutating route, yet was not given'} the idempotency middleware (GEN-3)`);
  }

  const run = async (event: Event, _context: Context): Promise<Result> => {
    const requestId = event.requestContext?.requestId ?? 'unknown';
    const state = requestState(event);
    const headers = lowerHeaders(event);
    const request: HttpRequest<Infer<P>, Infer<Q>, Infer<B>, A> = {
      caller: state.caller as HttpRequest<Infer<P>, Infer<Q>, Infer<B>, A>['caller'],
      params: state.params as Infer<P>,
      query: state.query as Infer<Q>,
      body: state.body as Infer<B>,
      headers,
      requestId,
      sourceIp: event.requestContext?.http?.sourceIp ?? '',
      userAgent: headers['user-agent'] ?? '',
      rawBody: state.rawBody,
      rawPath: event.rawPath ?? '/',
    };
    try {
      return toResponse(await useCase(request));
    } catch (thrown) {
      // A rule's refusal (the domain's `Refused`, mapped in one place) or an `ApiError`.
      const error = apiErrorOf(thrown);
      if (error instanceof ApiError) return errorResponse(error, requestId);
      throw error;
    }
  };

  const chain = middy<Event, Result>()
    .use(errorEnvelope(apiErrorOf))
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(httpHeaderNormalizer())
    .use(bodyLimit())
    .use(mediaType(media, contract.body !== undefined))
    .use(authorize(contract))
    .use(parseAndValidate(contract, media));
  if (gen3) chain.use(gen3(contract));
  const handler = chain.use(securityHeaders()).use(headLikeGet()).handler(run);
  return Object.assign(handler, { contract });
}
