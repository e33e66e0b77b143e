/**
 * The local cloud as the bench runs it: in process, DynamoDB Local in memory, no
 * scheduler timer, quiet logs; plus the bench's client, mail watcher, Lambda timer, a
 * plain DynamoDB client (no capacity middleware) for raw PutItem and seeding, and one
 * snapshot of every counter the cost section diffs.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { startLocalCloud, type LocalCloud } from '../infra/local/cloud.js';
import { awsTrace, zeroAwsRule, type AwsRuleTotals, type AwsTrace } from './aws-trace.js';
import { measureConsumedCapacity, readConsumedCapacity } from './capacity.js';
import { BenchClient, MailWatcher } from './client.js';
import { LambdaTimes } from './lambda-timing.js';

export interface Harness {
  cloud: LocalCloud;
  client: BenchClient;
  mail: MailWatcher;
  times: LambdaTimes;
  /** Straight to DynamoDB Local, without the project's client or its middleware. */
  raw: DynamoDBClient;
  /** Every AWS SDK call, by invocation, once installed and while `trace.recording` (section 1 does both). */
  trace: AwsTrace;
  tableName: string;
  stop(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  await measureConsumedCapacity();
  const cloud = await startLocalCloud({ schedulerEveryMinutes: 0, quiet: true });
  const client = new BenchClient(cloud.url);
  const mail = new MailWatcher(cloud.endpoints.ses);
  const times = new LambdaTimes();
  await times.instrument();
  times.benchMs = () => awsTrace.currentBenchMs();
  const raw = new DynamoDBClient({
    endpoint: cloud.endpoints.dynamodb,
    region: process.env.AWS_REGION ?? 'us-east-1',
    credentials: { accessKeyId: process.env.AWS_ACCESS_KEY_ID ?? 'local', secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY ?? 'local' },
  });
  awsTrace.ignore(raw);
  const tableName = process.env.TABLE_NAME ?? 'partner-program';
  return {
    cloud,
    client,
    mail,
    times,
    raw,
    trace: awsTrace,
    tableName,
    async stop() {
      mail.stop();
      raw.destroy();
      await cloud.stop();
    },
  };
}

/** Everything the cost section counts, at one moment. */
export interface Counters {
  apiRequests: number;
  stateTransitions: number;
  workflowLambdaInvocations: number;
  executionsStarted: number;
  /** DynamoDB calls of the functions (capacity.ts). */
  readUnits: number;
  writeUnits: number;
  dynamodbCalls: number;
  dynamodbFailedCalls: number;
  /** DynamoDB calls of the workflows' direct integrations (the Step Functions server's client; aws-trace.ts, while it records). */
  directReadUnits: number;
  directWriteUnits: number;
  directDynamodbCalls: number;
  directDynamodbFailedCalls: number;
  /** WRU by AWS's rules (aws-trace.ts `billWrites`): table, each index, the direct integrations' share. */
  awsRule: AwsRuleTotals;
  emails: number;
  timedInvocations: number;
  lambdaMs: number;
  lambdaBilledMs: number;
}

export function snapshot(h: Harness): Counters {
  const s = h.cloud.stats();
  const c = readConsumedCapacity();
  const t = h.times.totals();
  return {
    apiRequests: h.client.apiRequests,
    stateTransitions: s.stateTransitions,
    workflowLambdaInvocations: s.lambdaInvocations,
    executionsStarted: s.executionsStarted,
    readUnits: c.readUnits,
    writeUnits: c.writeUnits,
    dynamodbCalls: c.calls,
    dynamodbFailedCalls: c.failedCalls,
    directReadUnits: h.trace.direct.readUnits,
    directWriteUnits: h.trace.direct.writeUnits,
    directDynamodbCalls: h.trace.direct.calls,
    directDynamodbFailedCalls: h.trace.direct.failedCalls,
    awsRule: structuredClone(h.trace.awsRule),
    emails: h.mail.recipients,
    timedInvocations: t.invocations,
    lambdaMs: t.totalMs,
    lambdaBilledMs: t.billedMs,
  };
}

type Numbers = { [key: string]: number | Numbers };

/** `f` on every number of `a` and `b` (nested records too; a key missing on one side counts 0). */
function zip<T extends object>(a: T, b: T, f: (x: number, y: number) => number): T {
  const x = a as unknown as Numbers;
  const y = b as unknown as Numbers;
  const out: Numbers = {};
  for (const k of new Set([...Object.keys(x), ...Object.keys(y)])) {
    const u = x[k];
    const v = y[k];
    out[k] = typeof u === 'object' || typeof v === 'object' ? zip((u ?? {}) as Numbers, (v ?? {}) as Numbers, f) : f((u as number | undefined) ?? 0, (v as number | undefined) ?? 0);
  }
  return out as unknown as T;
}

export function diff(after: Counters, before: Counters): Counters {
  return zip(after, before, (x, y) => x - y);
}

export function add(a: Counters, b: Counters): Counters {
  return zip(a, b, (x, y) => x + y);
}

/** Every number of `c` × `f`. */
export function scale(c: Counters, f: number): Counters {
  return zip(c, c, (x) => x * f);
}

export const zero = (): Counters => ({
  apiRequests: 0,
  stateTransitions: 0,
  workflowLambdaInvocations: 0,
  executionsStarted: 0,
  readUnits: 0,
  writeUnits: 0,
  dynamodbCalls: 0,
  dynamodbFailedCalls: 0,
  directReadUnits: 0,
  directWriteUnits: 0,
  directDynamodbCalls: 0,
  directDynamodbFailedCalls: 0,
  awsRule: zeroAwsRule(),
  emails: 0,
  timedInvocations: 0,
  lambdaMs: 0,
  lambdaBilledMs: 0,
});

/** Waits until the workflows stand still and the mail watcher has seen what they sent. */
export async function settle(h: Harness): Promise<void> {
  await h.cloud.stepFunctions.idle();
  await h.mail.sync();
}
