/**
 * A trace of every AWS SDK call the local cloud makes while it is on (section 1): which
 * invocation made it, when it started and ended, what it touched and, for DynamoDB, the
 * capacity it consumed. Nothing here is in a Lambda bundle or in production code.
 *
 * - **Which invocation**: `infra/local/functions.ts` runs every in-process invocation (the
 *   gateway's and the workflows') through `invocationHooks.around`; the bench sets it to run
 *   the handler inside an `AsyncLocalStorage` context, so an SDK call knows its invocation.
 * - **Every SDK client**: the functions build their SES, Step Functions and Cognito clients
 *   lazily inside their modules, and the local Step Functions server has its own DynamoDB
 *   client for the workflows' direct integrations. All of them are smithy `Client`s (one copy
 *   in node_modules), so the bench wraps the shared `Client.prototype.send` once: on a
 *   client's first call it adds the trace middleware to that client's middleware stack.
 * - **Direct integrations**: a DynamoDB call made outside any invocation, by a client that is
 *   not the bench's own, is the Step Functions server running a `dynamodb:*` /
 *   `aws-sdk:dynamodb:*` task. The trace asks for its consumed capacity like capacity.ts does
 *   for the functions' client, and takes `ConsumedCapacity` out of the answer again, so the
 *   workflow sees what it would see without the bench.
 *
 * DynamoDB calls ask for `ReturnConsumedCapacity: 'INDEXES'` (the table and each index apart;
 * the total is the same as with `TOTAL`, which capacity.ts asks for when nobody else did).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { DescribeTableCommand, DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { SFNClient } from '@aws-sdk/client-sfn';
import { invocationHooks, type InvocationSource } from '../infra/local/functions.js';
import { uncoveredMs } from './rounds.js';
import { isAttributeValue, itemBytes, itemWriteUnits, schemaFromDescription, sumWriteUnits, toAttributeMap, type AttributeMap, type ItemWrite, type TableSchema, type WriteUnits } from './wru-rules.js';

export interface TracedInvocation {
  id: number;
  fn: string;
  source: InvocationSource;
  start: number;
  end: number;
  ok: boolean;
}

/** One item a DynamoDB call read or wrote (transactions and batches have several). */
export interface DynamoOp {
  op: string;
  /** `pk | sk` with the ids replaced by `…`, e.g. `TENANT#… | ENROLLMENT`. */
  key: string;
  index?: string;
  /** Approximate item size in bytes (DynamoDB's rules: names + values), for puts. */
  bytes?: number;
  /** Attributes an update sets or removes. */
  attributes?: string[];
}

export interface TracedCall {
  /** `function`: made by an invocation; `cloud`: by the local cloud itself (in section 1: the workflows' direct integrations). */
  origin: 'function' | 'cloud';
  invocation?: number;
  service: string;
  command: string;
  start: number;
  end: number;
  ok: boolean;
  error?: string;
  readUnits: number;
  writeUnits: number;
  /** Capacity units per table / index (DynamoDB only). */
  unitsBy?: Record<string, number>;
  /**
   * Writes only, while write units are billed (`billWrites`): the units AWS bills for this
   * call — table and each index — from the items' images read just before and just after it
   * (wru-rules.ts). DynamoDB Local's own count is `writeUnits` / `unitsBy`.
   */
  awsRule?: WriteUnits;
  /** The bench's own image reads around this call (not the product's time; route-trace.ts takes them out). */
  benchIntervals?: [number, number][];
  ops?: DynamoOp[];
  /** Items a Query, Scan or batch read returned. */
  returned?: number;
}

/** Write units by AWS's rules (`TracedCall.awsRule`), cumulative while recording and billing. */
export interface AwsRuleTotals {
  total: number;
  table: number;
  /** Per index. */
  indexes: Record<string, number>;
  /** Of `total`, the workflows' direct integrations'. */
  direct: number;
  /** Of the index units, what billing transactional index writes ×2 adds (an assumption, wru-rules.ts). */
  assumedIndexDoubling: number;
  /** Write calls (or transaction items) that failed their condition and were billed anyway. */
  failedWrites: number;
}

export const zeroAwsRule = (): AwsRuleTotals => ({ total: 0, table: 0, indexes: {}, direct: 0, assumedIndexDoubling: 0, failedWrites: 0 });

export interface DirectTotals {
  calls: number;
  failedCalls: number;
  readUnits: number;
  writeUnits: number;
}

const READS = new Set(['GetItem', 'Query', 'Scan', 'BatchGetItem', 'TransactGetItems']);

/** `a = :a, b = list_append(b, :h)` → the two assignments (commas inside parentheses kept). */
function topLevelParts(list: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of list) {
    if (ch === '(') depth += 1;
    if (ch === ')') depth -= 1;
    if (ch === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  return [...parts, current];
}

/** Attribute names of `#x`-style placeholders resolved, e.g. `SET #s = :s, version = :v REMOVE dueAt` → [status, version, -dueAt]. */
function updatedAttributes(expression: unknown, names: unknown): string[] | undefined {
  if (typeof expression !== 'string') return undefined;
  const map = (names ?? {}) as Record<string, string>;
  const out: string[] = [];
  for (const clause of expression.split(/\b(?=SET |REMOVE |ADD |DELETE )/)) {
    const m = /^(SET|REMOVE|ADD|DELETE)\s+([\s\S]*)$/.exec(clause.trim());
    if (!m) continue;
    for (const part of topLevelParts(m[2]!)) {
      const path = part.trim().split(/\s*=|\s+/)[0]!;
      if (!path) continue;
      const name = path.replace(/#\w+/g, (p) => map[p] ?? p);
      out.push(m[1] === 'SET' ? name : `${m[1]!.toLowerCase()} ${name}`);
    }
  }
  return out;
}

function stringOf(v: unknown): string {
  if (typeof v === 'string') return v;
  if (isAttributeValue(v)) return String(Object.values(v)[0]);
  return String(v);
}

/** Ids out of a key, so keys of one kind read alike: `TENANT#reseller-x-1` → `TENANT#…`. */
export const keyShape = (value: string) =>
  value
    .split('#')
    .map((part) => (/^[A-Z_]+$/.test(part) || part === '' ? part : '…'))
    .join('#');

function keyOf(key: unknown): string {
  if (typeof key !== 'object' || key === null) return '?';
  const k = key as Record<string, unknown>;
  return ['pk', 'sk'].filter((n) => k[n] !== undefined).map((n) => keyShape(stringOf(k[n]))).join(' | ') || Object.keys(k).join(',');
}

/** An item's size by DynamoDB's rules (names + values, wru-rules.ts), whichever form it comes in. */
export function itemSize(item: Record<string, unknown>): number {
  return itemBytes(toAttributeMap(item));
}

/** What one DynamoDB request touches. */
export function dynamoOps(command: string, input: Record<string, unknown>): DynamoOp[] {
  const one = (op: string, i: Record<string, unknown>): DynamoOp => {
    if (op === 'Put' || op === 'PutItem') {
      const item = (i.Item ?? {}) as Record<string, unknown>;
      return { op: 'Put', key: keyOf(item), bytes: itemSize(item) };
    }
    if (op === 'Update' || op === 'UpdateItem') {
      const attributes = updatedAttributes(i.UpdateExpression, i.ExpressionAttributeNames);
      return { op: 'Update', key: keyOf(i.Key), ...(attributes ? { attributes } : {}) };
    }
    if (op === 'Query' || op === 'Scan') {
      const values = (i.ExpressionAttributeValues ?? {}) as Record<string, unknown>;
      const first = Object.values(values)[0];
      return { op, key: first === undefined ? '' : keyShape(stringOf(first)), ...(typeof i.IndexName === 'string' ? { index: i.IndexName } : {}) };
    }
    return { op: op.replace(/Item$/, ''), key: keyOf(i.Key) };
  };
  switch (command) {
    case 'TransactWriteItems':
    case 'TransactGetItems':
      return ((input.TransactItems ?? []) as Record<string, Record<string, unknown>>[]).map((entry) => {
        const [op, body] = Object.entries(entry)[0]!;
        return one(op, body);
      });
    case 'BatchWriteItem':
      return Object.values((input.RequestItems ?? {}) as Record<string, Record<string, Record<string, unknown>>[]>)
        .flat()
        .map((entry) => (entry.PutRequest ? one('Put', entry.PutRequest) : one('Delete', entry.DeleteRequest ?? {})));
    case 'BatchGetItem':
      return Object.values((input.RequestItems ?? {}) as Record<string, { Keys?: unknown[] }>).flatMap((r) => (r.Keys ?? []).map((k) => ({ op: 'Get', key: keyOf(k) })));
    default:
      return [one(command, input)];
  }
}

interface CapacityLike {
  TableName?: string;
  CapacityUnits?: number;
  ReadCapacityUnits?: number;
  WriteCapacityUnits?: number;
  Table?: { CapacityUnits?: number };
  GlobalSecondaryIndexes?: Record<string, { CapacityUnits?: number }>;
  LocalSecondaryIndexes?: Record<string, { CapacityUnits?: number }>;
}

function units(command: string, consumed: unknown): { read: number; write: number; by: Record<string, number> } {
  const entries = (Array.isArray(consumed) ? consumed : consumed ? [consumed] : []) as CapacityLike[];
  let read = 0;
  let write = 0;
  const by: Record<string, number> = {};
  for (const e of entries) {
    const total = e.CapacityUnits ?? (e.ReadCapacityUnits ?? 0) + (e.WriteCapacityUnits ?? 0);
    if (e.ReadCapacityUnits !== undefined || e.WriteCapacityUnits !== undefined) {
      read += e.ReadCapacityUnits ?? 0;
      write += e.WriteCapacityUnits ?? 0;
    } else if (READS.has(command)) read += total;
    else write += total;
    if (e.Table?.CapacityUnits !== undefined) by.table = (by.table ?? 0) + e.Table.CapacityUnits;
    for (const [name, c] of Object.entries({ ...e.GlobalSecondaryIndexes, ...e.LocalSecondaryIndexes })) by[name] = (by[name] ?? 0) + (c.CapacityUnits ?? 0);
  }
  return { read, write, by };
}

type Next = (args: { input: object }) => Promise<{ output: object }>;
interface StackLike {
  add(middleware: (next: Next, context: { clientName?: string; commandName?: string }) => Next, options: object): void;
}

/** DynamoDB writes billed by AWS's rules while `billWrites` is on. */
const WRITES = new Set(['PutItem', 'UpdateItem', 'DeleteItem', 'TransactWriteItems', 'BatchWriteItem']);

/** One item a write call touches. */
interface WriteTarget {
  table: string;
  key: AttributeMap;
  op: ItemWrite['op'];
  transactional: boolean;
}

const keyId = (table: string, key: AttributeMap) => `${table}|${JSON.stringify(Object.entries(key).sort(([a], [b]) => a.localeCompare(b)))}`;

/** DynamoDB operations that read or change no item. */
const CONTROL_PLANE = new Set(['ListTables', 'DescribeTable', 'CreateTable', 'UpdateTable', 'DescribeTimeToLive', 'UpdateTimeToLive']);

/** Records AWS calls and invocations while `recording` is true. One per process (the SDK patch is global). */
export class AwsTrace {
  recording = false;
  readonly invocations: TracedInvocation[] = [];
  readonly calls: TracedCall[] = [];
  /** The local cloud's own DynamoDB calls (the workflows' direct integrations), cumulative while recording. */
  readonly direct: DirectTotals = { calls: 0, failedCalls: 0, readUnits: 0, writeUnits: 0 };
  /** Write units by AWS's rules, cumulative while recording with `billWrites` on. */
  readonly awsRule: AwsRuleTotals = zeroAwsRule();
  /** Writes whose images could not be read (their AWS-rule units are missing from `awsRule`). */
  unbilledWrites = 0;
  /** The untraced client that reads the images around each write (`billWrites`). */
  private reader: DynamoDBClient | undefined;
  private readonly schemas = new Map<string, Promise<TableSchema>>();
  private readonly context = new AsyncLocalStorage<number>();
  private readonly ignored = new WeakSet<object>();
  private nextId = 1;
  private installed = false;

  /**
   * Installs the invocation hook and the SDK patch (once; section 1 does it, so the other
   * sections and the tests that start the bench's harness run without). A client that sent
   * before gets the middleware at its next call. Calls of `ignore`d clients are not traced.
   */
  install(): void {
    if (this.installed) return;
    this.installed = true;
    const base = Object.getPrototypeOf(DynamoDBClient.prototype) as { send: (this: { middlewareStack: StackLike }, ...args: unknown[]) => unknown };
    for (const other of [SFNClient, SESv2Client, CognitoIdentityProviderClient]) {
      if (Object.getPrototypeOf(other.prototype) !== base) throw new Error(`${other.name} does not share the DynamoDB client's smithy Client: the trace would miss its calls`);
    }
    const trace = this;
    const instrumented = new WeakSet<object>();
    const send = base.send;
    base.send = function tracedSend(this: { middlewareStack: StackLike }, ...args: unknown[]) {
      if (!instrumented.has(this.middlewareStack) && !trace.ignored.has(this)) {
        instrumented.add(this.middlewareStack);
        this.middlewareStack.add((next, context) => trace.middleware(next, context), { step: 'initialize', priority: 'high', name: 'benchAwsTrace', override: true });
      }
      return send.apply(this, args);
    };
    invocationHooks.around = <T>(spec: { name: string }, source: InvocationSource, run: () => Promise<T>): Promise<T> => {
      if (!this.recording) return run();
      const invocation: TracedInvocation = { id: this.nextId++, fn: spec.name, source, start: performance.now(), end: Number.NaN, ok: false };
      this.invocations.push(invocation);
      return this.context.run(invocation.id, async () => {
        try {
          const result = await run();
          invocation.ok = true;
          return result;
        } finally {
          invocation.end = performance.now();
        }
      });
    };
  }

  /**
   * Time the bench's image reads (`billWrites`) added to the invocation whose async context
   * this runs in: their time not covered by one of its own calls (rounds.ts `uncoveredMs`).
   */
  currentBenchMs(): number {
    const id = this.context.getStore();
    if (id === undefined || !this.reader) return 0;
    const own = this.calls.filter((c) => c.invocation === id && Number.isFinite(c.end));
    return uncoveredMs(
      own.flatMap((c) => (c.benchIntervals ?? []).map(([start, end]) => ({ start, end }))),
      own,
    );
  }

  /** The bench's own clients (seeding, raw PutItem): never traced. */
  ignore(client: object): void {
    this.ignored.add(client);
  }

  /** Positions in the two logs, to take what happened between two marks. */
  mark(): { invocations: number; calls: number } {
    return { invocations: this.invocations.length, calls: this.calls.length };
  }

  since(mark: { invocations: number; calls: number }): { invocations: TracedInvocation[]; calls: TracedCall[] } {
    return { invocations: this.invocations.slice(mark.invocations), calls: this.calls.slice(mark.calls) };
  }

  clear(): void {
    this.invocations.length = 0;
    this.calls.length = 0;
  }

  /**
   * While set (section 1), every traced DynamoDB write is billed by AWS's rules: `reader` — a
   * client the trace ignores, on the same endpoint — reads the before-images of the items it
   * touches just before it is sent and the after-images just after it answered
   * (`ConsistentRead`), and wru-rules.ts turns them into table and index units. The key
   * schema and indexes come from one `DescribeTable` per table. `undefined` turns it off.
   */
  billWrites(reader: DynamoDBClient | undefined): void {
    if (reader) this.ignore(reader);
    this.reader = reader;
  }

  private schema(table: string): Promise<TableSchema> {
    let schema = this.schemas.get(table);
    if (!schema) {
      const reader = this.reader!;
      schema = reader.send(new DescribeTableCommand({ TableName: table })).then((d) => schemaFromDescription(d.Table ?? {}));
      schema.catch(() => this.schemas.delete(table));
      this.schemas.set(table, schema);
    }
    return schema;
  }

  /** The items a write call touches: table, key (DynamoDB's form), and what is done to each. */
  private async writeTargets(command: string, input: Record<string, unknown>): Promise<WriteTarget[]> {
    const target = async (op: ItemWrite['op'], body: Record<string, unknown>, transactional: boolean): Promise<WriteTarget> => {
      const table = String(body.TableName);
      if (op !== 'Put') return { table, key: toAttributeMap((body.Key ?? {}) as Record<string, unknown>), op, transactional };
      const { keys } = await this.schema(table);
      const item = toAttributeMap((body.Item ?? {}) as Record<string, unknown>);
      return { table, key: Object.fromEntries(keys.map((k) => [k, item[k] ?? { NULL: true }])), op, transactional };
    };
    switch (command) {
      case 'PutItem':
        return [await target('Put', input, false)];
      case 'UpdateItem':
        return [await target('Update', input, false)];
      case 'DeleteItem':
        return [await target('Delete', input, false)];
      case 'TransactWriteItems':
        return Promise.all(
          ((input.TransactItems ?? []) as Record<string, Record<string, unknown>>[]).map((entry) => {
            const [op, body] = Object.entries(entry)[0]!;
            return target(op as ItemWrite['op'], body, true);
          }),
        );
      case 'BatchWriteItem':
        return Promise.all(
          Object.entries((input.RequestItems ?? {}) as Record<string, { PutRequest?: Record<string, unknown>; DeleteRequest?: Record<string, unknown> }[]>).flatMap(([table, requests]) =>
            requests.map((r) => (r.PutRequest ? target('Put', { TableName: table, ...r.PutRequest }, false) : target('Delete', { TableName: table, ...r.DeleteRequest }, false))),
          ),
        );
      default:
        return [];
    }
  }

  /** The targets' current items, read in parallel with the untraced reader (strongly consistent). */
  private images(targets: readonly WriteTarget[]): Promise<(AttributeMap | undefined)[]> {
    const reader = this.reader!;
    return Promise.all(targets.map((t) => reader.send(new GetItemCommand({ TableName: t.table, Key: t.key as never, ConsistentRead: true })).then((r) => r.Item as AttributeMap | undefined)));
  }

  /**
   * Sends a write between a read of its items' before-images and one of their after-images and
   * records its units by AWS's rules. The reads are timed apart (`benchIntervals`): the call's
   * own start and end are those of the request alone.
   */
  private async billed(call: TracedCall, input: Record<string, unknown>, send: () => Promise<{ output: object }>): Promise<{ output: object }> {
    let targets: WriteTarget[] | undefined;
    let before: (AttributeMap | undefined)[] = [];
    const t0 = performance.now();
    try {
      targets = await this.writeTargets(call.command, input);
      before = await this.images(targets);
    } catch {
      targets = undefined;
    }
    call.benchIntervals = [[t0, performance.now()]];
    call.start = performance.now();
    let result: { output: object };
    try {
      result = await send();
    } catch (error) {
      call.end = performance.now();
      const name = error instanceof Error ? error.name : '';
      const failed = name === 'ConditionalCheckFailedException' || name === 'TransactionCanceledException';
      if (targets && failed) {
        const schemas = await Promise.all(targets.map((t) => this.schema(t.table)));
        this.bill(call, targets.map((t, i) => itemWriteUnits(schemas[i]!, { op: t.op, before: before[i], transactional: t.transactional, failed: true })), targets.length);
      } else if (failed) this.unbilledWrites += 1;
      throw error;
    }
    call.end = performance.now();
    const t1 = performance.now();
    try {
      if (!targets) throw new Error('no before-images');
      // A BatchWriteItem's unprocessed items were not written (and are not billed).
      const left = (result.output as Record<string, unknown>).UnprocessedItems;
      const unprocessed = new Set(left && Object.keys(left).length ? (await this.writeTargets('BatchWriteItem', { RequestItems: left })).map((t) => keyId(t.table, t.key)) : []);
      const done = targets.map((t, i) => ({ t, before: before[i] })).filter(({ t }) => !unprocessed.has(keyId(t.table, t.key)));
      const after = await this.images(done.map((d) => d.t));
      const schemas = await Promise.all(done.map((d) => this.schema(d.t.table)));
      this.bill(call, done.map((d, i) => itemWriteUnits(schemas[i]!, { op: d.t.op, before: d.before, after: after[i], transactional: d.t.transactional })), 0);
    } catch {
      this.unbilledWrites += 1;
    }
    call.benchIntervals.push([t1, performance.now()]);
    return result;
  }

  private bill(call: TracedCall, items: WriteUnits[], failedWrites: number): void {
    const u = sumWriteUnits(items);
    call.awsRule = u;
    const total = u.table + Object.values(u.indexes).reduce((s, n) => s + n, 0);
    const r = this.awsRule;
    r.total += total;
    r.table += u.table;
    for (const [name, n] of Object.entries(u.indexes)) r.indexes[name] = (r.indexes[name] ?? 0) + n;
    if (call.origin === 'cloud') r.direct += total;
    r.assumedIndexDoubling += u.assumedIndexDoubling;
    r.failedWrites += failedWrites;
  }

  private middleware(next: Next, context: { clientName?: string; commandName?: string }): Next {
    return async (args) => {
      if (!this.recording) return next(args);
      const invocation = this.context.getStore();
      const service = (context.clientName ?? '?').replace(/Client$/, '');
      const command = (context.commandName ?? '?').replace(/Command$/, '');
      const dynamo = service === 'DynamoDB';
      // Control-plane calls are the local cloud's own (its bootstrap, and the commit barrier
      // its DynamoDB proxy sends after each transaction, docs/local-cloud.md): no product call.
      if (dynamo && CONTROL_PLANE.has(command)) return next(args);
      const input = args.input as Record<string, unknown>;
      const asked = dynamo && input.ReturnConsumedCapacity === undefined;
      const call: TracedCall = {
        origin: invocation === undefined ? 'cloud' : 'function',
        ...(invocation === undefined ? {} : { invocation }),
        service,
        command,
        start: performance.now(),
        end: Number.NaN,
        ok: false,
        readUnits: 0,
        writeUnits: 0,
        ...(dynamo ? { ops: dynamoOps(command, input) } : {}),
      };
      this.calls.push(call);
      const countDirect = dynamo && call.origin === 'cloud';
      const send = () => next(asked ? { ...args, input: { ...input, ReturnConsumedCapacity: 'INDEXES' } } : args);
      try {
        const result = dynamo && this.reader && WRITES.has(command) ? await this.billed(call, input, send) : await send();
        call.end = Number.isNaN(call.end) ? performance.now() : call.end;
        call.ok = true;
        const output = result.output as Record<string, unknown>;
        if (dynamo) {
          const u = units(command, output.ConsumedCapacity);
          call.readUnits = u.read;
          call.writeUnits = u.write;
          if (Object.keys(u.by).length) call.unitsBy = u.by;
          if (typeof output.Count === 'number') call.returned = output.Count;
          if (countDirect) {
            this.direct.calls += 1;
            this.direct.readUnits += u.read;
            this.direct.writeUnits += u.write;
          }
          if (asked) {
            const { ConsumedCapacity: _taken, ...rest } = output;
            return { ...result, output: rest };
          }
        }
        return result;
      } catch (error) {
        call.end = Number.isNaN(call.end) ? performance.now() : call.end;
        call.error = error instanceof Error ? error.name : String(error);
        if (countDirect) {
          this.direct.calls += 1;
          this.direct.failedCalls += 1;
        }
        throw error;
      }
    };
  }
}

/** The one trace of the process. */
export const awsTrace = new AwsTrace();
