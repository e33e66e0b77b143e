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
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { SFNClient } from '@aws-sdk/client-sfn';
import { invocationHooks, type InvocationSource } from '../infra/local/functions.js';

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
   * TransactWriteItems only: the table part by AWS's rule, 2 WRU per KB per item (each item's
   * size: a put's from the request, others' as the item was last read or written in this
   * process, 1 KB when never seen). DynamoDB Local reports 2 × the sum of the *distinct*
   * per-item units instead, so equal-sized items count once (see README).
   */
  awsRuleTableWriteUnits?: number;
  ops?: DynamoOp[];
  /** Items a Query, Scan or batch read returned. */
  returned?: number;
}

/** What DynamoDB Local's transaction counting leaves out (see `awsRuleTableWriteUnits`), cumulative while recording. */
export interface TransactionTotals {
  transactions: number;
  /** AWS-rule table WRU − DynamoDB Local's table WRU, summed over the transactions. */
  missingWriteUnits: number;
}

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

const ATTRIBUTE_TYPES = new Set(['S', 'N', 'B', 'SS', 'NS', 'BS', 'M', 'L', 'NULL', 'BOOL']);
const isMarshalled = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 1 && ATTRIBUTE_TYPES.has(Object.keys(v)[0]!);
/** An item as the document client passes it (native) or as the low-level API does (AttributeValues). */
const marshalledItem = (item: Record<string, unknown>) => Object.values(item).length > 0 && Object.values(item).every(isMarshalled);

function stringOf(v: unknown): string {
  if (typeof v === 'string') return v;
  if (isMarshalled(v)) return String(Object.values(v)[0]);
  return String(v);
}

/** Ids out of a key, so keys of one kind read alike: `TENANT#reseller-x-1` → `TENANT#…`. */
export const keyShape = (value: string) =>
  value
    .split('#')
    .map((part) => (/^[A-Z_]+$/.test(part) || part === '' ? part : '…'))
    .join('#');

/** The item's own key, ids included (to remember its size). */
function rawKey(item: unknown): string | undefined {
  if (typeof item !== 'object' || item === null) return undefined;
  const k = item as Record<string, unknown>;
  return k.pk === undefined ? undefined : `${stringOf(k.pk)}|${k.sk === undefined ? '' : stringOf(k.sk)}`;
}

function keyOf(key: unknown): string {
  if (typeof key !== 'object' || key === null) return '?';
  const k = key as Record<string, unknown>;
  return ['pk', 'sk'].filter((n) => k[n] !== undefined).map((n) => keyShape(stringOf(k[n]))).join(' | ') || Object.keys(k).join(',');
}

function utf8(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

/** Roughly DynamoDB's item size: attribute names plus values (numbers ~1 byte per 2 digits, containers +3). */
function valueSize(v: unknown, marshalled: boolean): number {
  if (marshalled && isMarshalled(v)) {
    const [type, inner] = Object.entries(v)[0]!;
    switch (type) {
      case 'S':
        return utf8(String(inner));
      case 'N':
        return Math.ceil(String(inner).replace(/^-|\./g, '').length / 2) + 1;
      case 'B':
        return (inner as Uint8Array).length ?? 0;
      case 'SS':
      case 'NS':
      case 'BS':
        return (inner as unknown[]).reduce<number>((s, x) => s + utf8(String(x)), 0);
      case 'M':
        return 3 + Object.entries(inner as Record<string, unknown>).reduce((s, [n, x]) => s + utf8(n) + valueSize(x, true), 0);
      case 'L':
        return 3 + (inner as unknown[]).reduce<number>((s, x) => s + 1 + valueSize(x, true), 0);
      default:
        return 1;
    }
  }
  if (typeof v === 'string') return utf8(v);
  if (typeof v === 'number') return Math.ceil(String(v).replace(/^-|\./g, '').length / 2) + 1;
  if (typeof v === 'boolean' || v === null || v === undefined) return 1;
  if (v instanceof Uint8Array) return v.length;
  if (v instanceof Set) return [...v].reduce<number>((s, x) => s + utf8(String(x)), 0);
  if (Array.isArray(v)) return 3 + v.reduce<number>((s, x) => s + 1 + valueSize(x, false), 0);
  if (typeof v === 'object') return 3 + Object.entries(v).reduce((s, [n, x]) => s + utf8(n) + valueSize(x, false), 0);
  return 1;
}

export function itemSize(item: Record<string, unknown>): number {
  const m = marshalledItem(item);
  return Object.entries(item).reduce((s, [n, v]) => s + utf8(n) + valueSize(v, m), 0);
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

/** DynamoDB operations that read or change no item. */
const CONTROL_PLANE = new Set(['ListTables', 'DescribeTable', 'CreateTable', 'UpdateTable', 'DescribeTimeToLive', 'UpdateTimeToLive']);

/** Records AWS calls and invocations while `recording` is true. One per process (the SDK patch is global). */
export class AwsTrace {
  recording = false;
  readonly invocations: TracedInvocation[] = [];
  readonly calls: TracedCall[] = [];
  /** The local cloud's own DynamoDB calls (the workflows' direct integrations), cumulative while recording. */
  readonly direct: DirectTotals = { calls: 0, failedCalls: 0, readUnits: 0, writeUnits: 0 };
  readonly transactions: TransactionTotals = { transactions: 0, missingWriteUnits: 0 };
  /** Item sizes as last read or written, by `pk|sk`. */
  private readonly sizes = new Map<string, number>();
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
    this.sizes.clear();
  }

  private rememberSizes(command: string, input: Record<string, unknown>, output: Record<string, unknown>): void {
    const remember = (item: unknown) => {
      const key = rawKey(item);
      if (key !== undefined) this.sizes.set(key, itemSize(item as Record<string, unknown>));
    };
    if (command === 'GetItem') remember(output.Item);
    if (command === 'Query' || command === 'Scan') for (const item of (output.Items ?? []) as unknown[]) remember(item);
    if (command === 'BatchGetItem') for (const items of Object.values((output.Responses ?? {}) as Record<string, unknown[]>)) for (const item of items) remember(item);
    if (command === 'PutItem') remember(input.Item);
    if (command === 'TransactWriteItems') for (const entry of (input.TransactItems ?? []) as { Put?: { Item?: unknown } }[]) if (entry.Put) remember(entry.Put.Item);
  }

  /** 2 WRU per started KB per item of the transaction (AWS's rule for transactional writes). */
  private transactionTableUnits(input: Record<string, unknown>): number {
    let units = 0;
    for (const entry of (input.TransactItems ?? []) as Record<string, Record<string, unknown>>[]) {
      const [op, body] = Object.entries(entry)[0]!;
      const key = op === 'Put' ? undefined : rawKey(body.Key);
      const bytes = op === 'Put' ? itemSize((body.Item ?? {}) as Record<string, unknown>) : key === undefined ? undefined : this.sizes.get(key);
      units += 2 * Math.max(1, Math.ceil((bytes ?? 1) / 1024));
    }
    return units;
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
      try {
        const result = await next(asked ? { ...args, input: { ...input, ReturnConsumedCapacity: 'INDEXES' } } : args);
        call.end = performance.now();
        call.ok = true;
        const output = result.output as Record<string, unknown>;
        if (dynamo) {
          const u = units(command, output.ConsumedCapacity);
          call.readUnits = u.read;
          call.writeUnits = u.write;
          if (Object.keys(u.by).length) call.unitsBy = u.by;
          this.rememberSizes(command, input, output);
          if (command === 'TransactWriteItems') {
            call.awsRuleTableWriteUnits = this.transactionTableUnits(input);
            this.transactions.transactions += 1;
            this.transactions.missingWriteUnits += Math.max(0, call.awsRuleTableWriteUnits - (u.by.table ?? call.writeUnits));
          }
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
        call.end = performance.now();
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
