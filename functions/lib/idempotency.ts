import { createHash } from 'node:crypto';
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ddb, isConditionFailed, tableName } from '#adapters/dynamodb/client.js';
import { config } from './config.js';
import { systemClock } from './clock.js';
import { conflict } from './errors.js';

/** GEN-3: the first answer to a key is kept and replayed; the same key with another body is refused. */
export interface IdempotencyClaim {
  pk: string;
}

type Begin = { kind: 'replay'; response: unknown } | { kind: 'new'; claim: IdempotencyClaim };

const hash = (s: string) => createHash('sha256').update(s).digest('hex');

export async function beginIdempotent(scope: string, key: string, fingerprint: string): Promise<Begin> {
  const pk = `IDEMPOTENCY#${hash(scope)}#${hash(key)}`;
  const now = systemClock.now();
  const requestHash = hash(fingerprint);
  try {
    await ddb.send(
      new PutCommand({
        TableName: tableName(),
        Item: { pk, sk: 'IDEMPOTENCY', requestHash, state: 'in_progress', createdAt: now.toISOString(), ttl: Math.floor(now.getTime() / 1000) + config().IDEMPOTENCY_TTL_SECONDS },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    return { kind: 'new', claim: { pk } };
  } catch (error) {
    if (!isConditionFailed(error)) throw error;
  }
  const existing = await ddb.send(new GetCommand({ TableName: tableName(), Key: { pk, sk: 'IDEMPOTENCY' }, ConsistentRead: true }));
  const item = existing.Item;
  if (!item) throw conflict('idempotency_key_in_use', 'A request with this Idempotency-Key is being processed; retry shortly.');
  if (item.requestHash !== requestHash) {
    throw conflict('idempotency_key_reused', 'This Idempotency-Key was used with a different request.', 'GEN-3');
  }
  if (item.state !== 'done') throw conflict('idempotency_key_in_use', 'A request with this Idempotency-Key is being processed; retry shortly.', 'GEN-3');
  return { kind: 'replay', response: JSON.parse(item.response as string) };
}

export async function completeIdempotent(claim: IdempotencyClaim, response: unknown): Promise<void> {
  await ddb.send(
    new UpdateCommand({
      TableName: tableName(),
      Key: { pk: claim.pk, sk: 'IDEMPOTENCY' },
      UpdateExpression: 'SET #state = :done, #response = :response',
      ExpressionAttributeNames: { '#state': 'state', '#response': 'response' },
      ExpressionAttributeValues: { ':done': 'done', ':response': JSON.stringify(response) },
    }),
  );
}

export async function abandonIdempotent(claim: IdempotencyClaim): Promise<void> {
  await ddb.send(new DeleteCommand({ TableName: tableName(), Key: { pk: claim.pk, sk: 'IDEMPOTENCY' } }));
}
