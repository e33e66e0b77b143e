import { IdempotencyConfig } from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import { makeHandlerIdempotent } from '@aws-lambda-powertools/idempotency/middleware';
import type { MiddlewareObj, Request } from '@middy/core';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { dynamodb } from '#adapters/dynamodb/client.js';
import { config } from './config.js';
import { conflict, invalidRequest } from './errors.js';
import type { Result } from './response.js';

/**
 * GEN-3 with Powertools' idempotency utility: a mutating route called with an
 * `Idempotency-Key` answers a retry with the first response — a rule's refusal included,
 * never a server failure (the record of a call that threw is deleted) — and refuses the same
 * key with another body (409 `idempotency_key_reused`) or while the first call still runs
 * (409 `idempotency_key_in_use`).
 *
 * - Key: the route's name (the record's partition), the caller (tenant and user, none on
 *   public routes) and the header; Powertools stores only a hash of them.
 * - Fingerprint: the path and the validated body, so a retry with the same fields in
 *   another order or spacing is the same request.
 * - A route may declare `replay`: what a retry answers instead of the first response. The
 *   replay form is what gets stored, so a secret in the first answer is never kept.
 */
export interface ReplayableRoute {
  name: string;
  replay?: (first: { status: number; json: unknown }) => { status: number; json: unknown };
}

type Event = APIGatewayProxyEventV2;
const KEY = /^[\x21-\x7e]{1,255}$/;
const active = Symbol('idempotency');

const eventKeyJmesPath = '[requestContext.authorizer.jwt.claims.tid, requestContext.authorizer.jwt.claims.sub, headers."idempotency-key"]';
const payloadValidationJmesPath = '[rawPath, body]';

function replayForm(route: ReplayableRoute, response: Result): Result {
  if (!route.replay || typeof response.body !== 'string' || response.body === '') return response;
  const { status, json } = route.replay({ status: response.statusCode ?? 200, json: JSON.parse(response.body) as unknown });
  return { ...response, statusCode: status, body: JSON.stringify(json) };
}

function mapped(error: unknown): unknown {
  const name = error instanceof Error ? error.name : '';
  if (name === 'IdempotencyValidationError') return conflict('idempotency_key_reused', 'This Idempotency-Key was used with a different request.', 'GEN-3');
  if (name === 'IdempotencyAlreadyInProgressError') return conflict('idempotency_key_in_use', 'A request with this Idempotency-Key is being processed; retry shortly.', 'GEN-3');
  return error;
}

/** Middleware: GEN-3 for one route; runs after validation, so only a valid request is recorded. */
export function idempotency(route: ReplayableRoute): MiddlewareObj<Event, Result> {
  let persistenceStore: DynamoDBPersistenceLayer | undefined;
  const store = () =>
    (persistenceStore ??= new DynamoDBPersistenceLayer({
      tableName: config().TABLE_NAME,
      keyAttr: 'pk',
      sortKeyAttr: 'sk',
      staticPkValue: `IDEMPOTENCY#${route.name}`,
      expiryAttr: 'ttl',
      awsSdkV3Client: dynamodb,
    }));
  type Inner = ReturnType<typeof makeHandlerIdempotent>;
  const innerOf = (request: Request<Event, Result>) => (request.internal as Record<symbol, Inner | undefined>)[active];

  return {
    before: async function idempotencyBefore(request) {
      const key = request.event.headers?.['idempotency-key'];
      if (key === undefined) return;
      if (!KEY.test(key)) throw invalidRequest('invalid_idempotency_key', 'Idempotency-Key must be 1–255 visible ASCII characters.', 'Idempotency-Key');
      const inner = makeHandlerIdempotent({
        persistenceStore: store(),
        keyPrefix: route.name,
        config: new IdempotencyConfig({ eventKeyJmesPath, payloadValidationJmesPath, throwOnNoIdempotencyKey: true, expiresAfterSeconds: config().IDEMPOTENCY_TTL_SECONDS }),
      });
      let replay: unknown;
      try {
        replay = await inner.before!(request);
      } catch (error) {
        // Refused before anything ran: the existing record (the first answer) must stay.
        throw mapped(error);
      }
      if (replay !== undefined) return replay as Result;
      (request.internal as Record<symbol, Inner>)[active] = inner;
    },
    after: async function idempotencyAfter(request) {
      const inner = innerOf(request);
      if (!inner || !request.response) return;
      const first = request.response;
      request.response = replayForm(route, first);
      await inner.after!(request);
      request.response = first;
    },
    onError: async function idempotencyOnError(request) {
      // The call failed on our side: forget the key so that a retry runs again.
      await innerOf(request)?.onError!(request);
    },
  };
}
