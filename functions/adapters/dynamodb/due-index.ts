/**
 * The sparse `due` index of a lifecycle (ARCHITECTURE "Lifecycles"): which entities have a
 * reminder, a deadline or a liveness check due. Only the sweep reads it, so it is its own
 * module: no other bundle holds the Query, and no other role may query the index.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { DueIndex } from '#domain/ports.js';
import { ddb, tableName } from './client.js';

/** The due index shard of the lifecycle whose key prefix is `prefix` (lifecycle-store.ts writes `dueShard = prefix`). */
export function dynamoDueIndex(prefix: string): DueIndex {
  return {
    async due(now, limit) {
      const out = await ddb.send(
        new QueryCommand({
          TableName: tableName(),
          IndexName: 'due',
          KeyConditionExpression: 'dueShard = :s AND dueAt <= :now',
          ExpressionAttributeValues: { ':s': prefix, ':now': now },
          Limit: limit,
        }),
      );
      // The due index projects keys only: the id is in the item's key.
      return (out.Items ?? []).map((i) => String(i.pk).slice(prefix.length + 1));
    },
  };
}
