import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { ddb, tableName } from './client.js';
import { lockKey } from './lifecycle-store.js';

/** Webhook replay records: a webhook-id's lock, taken with the change it caused. */
export const replayRecords = {
  async seen(webhookId: string): Promise<boolean> {
    const out = await ddb.send(new GetCommand({ TableName: tableName(), Key: lockKey({ kind: 'webhook', id: webhookId }), ConsistentRead: true }));
    return out.Item !== undefined;
  },
};
