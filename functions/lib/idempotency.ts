import { IdempotencyConfig, IdempotencyItemAlreadyExistsError, IdempotencyItemNotFoundError } from '@aws-lambda-powertools/idempotency';
import { makeHandlerIdempotent } from '@aws-lambda-powertools/idempotency/middleware';
import { BasePersistenceLayer, IdempotencyRecord } from '@aws-lambda-powertools/idempotency/persistence';
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { MiddlewareObj, Request } from '@middy/core';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { ddb, isConditionFailed } from '#adapters/dynamodb/client.js';
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
 * - Key: the route's name, the caller (tenant and user, none on public routes) and the
 *   header; Powertools stores only a hash of them.
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

/**
 * Powertools' persistence layer on the main table (`IDEMPOTENCY#<key>` / `IDEMPOTENCY`, TTL
 * `ttl`), through the project's DynamoDB client. Written here rather than Powertools'
 * `DynamoDBPersistenceLayer` because (1) that layer puts every record of a function under
 * one static partition key when the table has a sort key, and (2) its SDK calls live in
 * node_modules, where the stack's bundle analysis (infra/constructs/bundle-access.ts) does
 * not see them, so the functions' roles would lack the grants. The semantics are Powertools':
 * a conditional put (absent, expired, or an in-progress claim past its Lambda's time).
 */
class TablePersistenceLayer extends BasePersistenceLayer {
  constructor(private readonly tableName: string) {
    super();
  }

  private key(idempotencyKey: string) {
    return { pk: `IDEMPOTENCY#${idempotencyKey}`, sk: 'IDEMPOTENCY' };
  }

  private record(item: Record<string, unknown>): IdempotencyRecord {
    return new IdempotencyRecord({
      idempotencyKey: String(item.idempotencyKey),
      status: item.status as IdempotencyRecord['status'],
      expiryTimestamp: item.ttl as number | undefined,
      inProgressExpiryTimestamp: item.inProgressExpiry as number | undefined,
      responseData: item.response as IdempotencyRecord['responseData'],
      payloadHash: item.payloadHash as string | undefined,
    });
  }

  protected async _getRecord(idempotencyKey: string): Promise<IdempotencyRecord> {
    const out = await ddb.send(new GetCommand({ TableName: this.tableName, Key: this.key(idempotencyKey), ConsistentRead: true }));
    if (!out.Item) throw new IdempotencyItemNotFoundError();
    return this.record(out.Item);
  }

  protected async _putRecord(record: IdempotencyRecord): Promise<void> {
    const now = Date.now();
    try {
      await ddb.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            ...this.key(record.idempotencyKey),
            idempotencyKey: record.idempotencyKey,
            status: record.getStatus(),
            ttl: record.expiryTimestamp,
            inProgressExpiry: record.inProgressExpiryTimestamp,
            ...(this.isPayloadValidationEnabled() && record.payloadHash !== undefined ? { payloadHash: record.payloadHash } : {}),
          },
          ConditionExpression: 'attribute_not_exists(pk) OR #ttl < :now OR (#status = :inProgress AND attribute_exists(inProgressExpiry) AND inProgressExpiry < :nowMs)',
          ExpressionAttributeNames: { '#ttl': 'ttl', '#status': 'status' },
          ExpressionAttributeValues: { ':now': now / 1000, ':nowMs': now, ':inProgress': 'INPROGRESS' },
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
    } catch (error) {
      if (!isConditionFailed(error)) throw error;
      const old = (error as { Item?: Record<string, { S?: string; N?: string }> }).Item;
      const existing = old ? this.record({ idempotencyKey: old.idempotencyKey?.S, status: old.status?.S, ttl: Number(old.ttl?.N), inProgressExpiry: old.inProgressExpiry?.N === undefined ? undefined : Number(old.inProgressExpiry.N), payloadHash: old.payloadHash?.S }) : undefined;
      // Without the response in hand, Powertools reads the record again (its `getRecord`).
      throw new IdempotencyItemAlreadyExistsError(`An idempotency record exists for ${record.idempotencyKey}`, existing?.getStatus() === 'COMPLETED' ? undefined : existing);
    }
  }

  protected async _updateRecord(record: IdempotencyRecord): Promise<void> {
    await ddb.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: this.key(record.idempotencyKey),
        UpdateExpression: 'SET #ttl = :ttl, #status = :status, #response = :response, payloadHash = :hash',
        ExpressionAttributeNames: { '#ttl': 'ttl', '#status': 'status', '#response': 'response' },
        ExpressionAttributeValues: { ':ttl': record.expiryTimestamp, ':status': record.getStatus(), ':response': record.responseData ?? null, ':hash': record.payloadHash ?? null },
      }),
    );
  }

  protected async _deleteRecord(record: IdempotencyRecord): Promise<void> {
    await ddb.send(new DeleteCommand({ TableName: this.tableName, Key: this.key(record.idempotencyKey) }));
  }
}
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
  let persistenceStore: TablePersistenceLayer | undefined;
  const store = () => (persistenceStore ??= new TablePersistenceLayer(config().TABLE_NAME));
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
