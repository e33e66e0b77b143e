import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateTableCommand, DynamoDBClient, GetItemCommand, TransactWriteItemsCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, describe, expect, it } from 'vitest';
import { localCredentials, startDynamoDb, type LocalDynamoDb } from '../../infra/local/dynamodb.js';
import { createFaults } from '../../infra/local/faults.js';

/**
 * DynamoDB Local answers a transaction before its SQLite commit has run; the local cloud's
 * proxy holds the answer until the commit is done (infra/local/dynamodb.ts). Proof: its
 * JVM is SIGKILLed the moment a transaction's success reaches the client, and after a
 * restart on the same files the transaction is there, every time.
 */
const KILLS = 4;
const dataDir = mkdtempSync(join(tmpdir(), 'dynamodb-durability-'));
let db: LocalDynamoDb | undefined;

afterAll(async () => {
  await db?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const killJvm = (d: LocalDynamoDb) => process.kill(d.pid!, 'SIGKILL');

describe('DynamoDB Local behind the local cloud’s proxy', () => {
  it('a transaction the client saw succeed survives a SIGKILL of the JVM right after the answer', async () => {
    const TableName = 'durability';
    const written: string[] = [];
    for (let round = 0; round <= KILLS; round++) {
      db = await startDynamoDb(dataDir);
      const direct = new DynamoDBClient({ endpoint: db.endpoint, region: 'us-east-1', credentials: localCredentials });
      if (round === 0) {
        await direct.send(
          new CreateTableCommand({
            TableName,
            BillingMode: 'PAY_PER_REQUEST',
            AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
            KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
          }),
        );
      }
      // Everything acknowledged before the last kill is there.
      for (const pk of written) {
        const item = await direct.send(new GetItemCommand({ TableName, Key: { pk: { S: pk } }, ConsistentRead: true }));
        expect(item.Item?.pk?.S, `${pk} after ${round} kills`).toBe(pk);
      }
      if (round === KILLS) break;
      const proxy = await createFaults().proxy('dynamodb', db.endpoint, db.settleAfter);
      const viaProxy = new DynamoDBClient({ endpoint: proxy.endpoint, region: 'us-east-1', credentials: localCredentials, maxAttempts: 1 });
      const pk = `item-${round}`;
      await viaProxy.send(
        new TransactWriteItemsCommand({
          TransactItems: [
            { Put: { TableName, Item: { pk: { S: pk }, payload: { S: 'x'.repeat(4000) } }, ConditionExpression: 'attribute_not_exists(pk)' } },
            { Put: { TableName, Item: { pk: { S: `${pk}-lock` } }, ConditionExpression: 'attribute_not_exists(pk)' } },
          ],
        }),
      );
      killJvm(db);
      written.push(pk, `${pk}-lock`);
      await db.stop();
      await proxy.close();
      viaProxy.destroy();
      direct.destroy();
    }
  }, 300_000);
});
