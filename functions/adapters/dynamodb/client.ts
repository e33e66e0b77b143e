import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { config } from '#lib/config.js';

/**
 * The one DynamoDB client of a bundle, built at module scope. Locally only the endpoint
 * differs, through the SDK's own `AWS_ENDPOINT_URL_DYNAMODB`.
 */
export const dynamodb = new DynamoDBClient({});
export const ddb = DynamoDBDocumentClient.from(dynamodb, {
  marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
});

export const tableName = (): string => config().TABLE_NAME;

/** True when a DynamoDB call failed because its condition did not hold. */
export const isConditionFailed = (error: unknown): boolean =>
  error instanceof Error &&
  (error.name === 'ConditionalCheckFailedException' ||
    (error.name === 'TransactionCanceledException' && /ConditionalCheckFailed/.test(error.message)));

/**
 * BatchGetItem for any number of the table's keys: 100 keys per call, and the keys a call
 * leaves unprocessed (DynamoDB does under load) asked for again. Answers the items found,
 * in no particular order.
 */
export async function batchGet(keys: Record<string, unknown>[], options: { consistent: boolean }): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  for (let i = 0; i < keys.length; i += 100) {
    let pending = keys.slice(i, i + 100);
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt === 5) throw new Error('BatchGetItem left keys unprocessed');
      const out = await ddb.send(new BatchGetCommand({ RequestItems: { [tableName()]: { Keys: pending, ...(options.consistent ? { ConsistentRead: true } : {}) } } }));
      items.push(...(out.Responses?.[tableName()] ?? []));
      pending = out.UnprocessedKeys?.[tableName()]?.Keys ?? [];
    }
  }
  return items;
}
