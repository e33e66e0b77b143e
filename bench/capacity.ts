
/**
 * Opt-in measurement of DynamoDB consumed capacity (for `npm run bench`).
 *
 * When `MEASURE_CONSUMED_CAPACITY=true`, every data-plane command sent through the client
 * asks for `ReturnConsumedCapacity: 'TOTAL'` (unless the caller asked for something
 * itself) and the `ConsumedCapacity` of the answer — one object, or an array for the
 * batch and transaction commands — is added to process-global counters. Otherwise the
 * middleware passes every command through untouched. The counters live on `globalThis`,
 * so every copy of this module in a process (bundles, test runners) adds to the same totals.
 *
 * Reads and writes are told apart by the command (DynamoDB's `TOTAL` answer carries only
 * `CapacityUnits`); `ReadCapacityUnits`/`WriteCapacityUnits` are used when the answer has them.
 * A failed call (e.g. a condition that did not hold) returns no consumed capacity, so
 * such calls are counted under `failedCalls` but add no units.
 */

type Kind = 'read' | 'write' | 'statement';

/** Commands that accept ReturnConsumedCapacity, by the name the SDK gives them. */
const COMMANDS: Record<string, Kind> = {
  GetItemCommand: 'read',
  QueryCommand: 'read',
  ScanCommand: 'read',
  BatchGetItemCommand: 'read',
  TransactGetItemsCommand: 'read',
  PutItemCommand: 'write',
  UpdateItemCommand: 'write',
  DeleteItemCommand: 'write',
  BatchWriteItemCommand: 'write',
  TransactWriteItemsCommand: 'write',
  ExecuteStatementCommand: 'statement',
  BatchExecuteStatementCommand: 'statement',
  ExecuteTransactionCommand: 'statement',
};

export interface CommandCapacity {
  calls: number;
  failedCalls: number;
  readUnits: number;
  writeUnits: number;
}

export interface ConsumedCapacityTotals extends CommandCapacity {
  /** Per SDK command name, e.g. `TransactWriteItemsCommand`. */
  byCommand: Record<string, CommandCapacity>;
}

interface ConsumedCapacityLike {
  CapacityUnits?: number;
  ReadCapacityUnits?: number;
  WriteCapacityUnits?: number;
}

const GLOBAL_KEY = Symbol.for('partner-program.dynamodb.consumedCapacity');
const emptyCounts = (): CommandCapacity => ({ calls: 0, failedCalls: 0, readUnits: 0, writeUnits: 0 });

function counters(): ConsumedCapacityTotals {
  const store = globalThis as unknown as Record<symbol, ConsumedCapacityTotals | undefined>;
  store[GLOBAL_KEY] ??= { ...emptyCounts(), byCommand: {} };
  return store[GLOBAL_KEY];
}

/** Whether measurement is on (read per command, so a benchmark may switch it at run time). */
export const measuringConsumedCapacity = (): boolean => process.env.MEASURE_CONSUMED_CAPACITY === 'true';

/** A copy of the totals since the process started or since the last reset. */
export function readConsumedCapacity(): ConsumedCapacityTotals {
  const c = counters();
  return { ...c, byCommand: Object.fromEntries(Object.entries(c.byCommand).map(([name, v]) => [name, { ...v }])) };
}

export function resetConsumedCapacity(): void {
  const c = counters();
  Object.assign(c, emptyCounts(), { byCommand: {} });
}

function record(commandName: string, kind: Kind, consumed: unknown, failed: boolean): void {
  const c = counters();
  const per = (c.byCommand[commandName] ??= emptyCounts());
  for (const target of [c, per]) {
    target.calls += 1;
    if (failed) target.failedCalls += 1;
  }
  const entries = (Array.isArray(consumed) ? consumed : consumed ? [consumed] : []) as ConsumedCapacityLike[];
  for (const entry of entries) {
    let read = entry.ReadCapacityUnits ?? 0;
    let write = entry.WriteCapacityUnits ?? 0;
    if (read === 0 && write === 0) {
      const total = entry.CapacityUnits ?? 0;
      // PartiQL without a split: counted as a write, the dearer of the two.
      if (kind === 'read') read = total;
      else write = total;
    }
    for (const target of [c, per]) {
      target.readUnits += read;
      target.writeUnits += write;
    }
  }
}

/**
 * The middleware; see the module comment. Wired in `client.ts`. Typed structurally (the
 * SDK's initialize-step shapes) so this module needs no dependency on `@smithy/types`.
 */
export const consumedCapacityMiddleware =
  <A extends { input: object }, R extends { output: object }>(next: (args: A) => Promise<R>, context: { commandName?: string }) =>
  async (args: A): Promise<R> => {
    const commandName = context.commandName ?? '';
    const kind = COMMANDS[commandName];
    if (!kind || !measuringConsumedCapacity()) return next(args);
    const input = args.input as Record<string, unknown>;
    const measured = input.ReturnConsumedCapacity === undefined ? ({ ...args, input: { ...input, ReturnConsumedCapacity: 'TOTAL' } } as A) : args;
    try {
      const result = await next(measured);
      record(commandName, kind, (result.output as { ConsumedCapacity?: unknown }).ConsumedCapacity, false);
      return result;
    } catch (error) {
      record(commandName, kind, undefined, true);
      throw error;
    }
  };

/** Where the middleware sits: the initialize step, so it sees the command's input before anything else. */
export const consumedCapacityMiddlewareOptions = { step: 'initialize', name: 'measureConsumedCapacity', override: true } as const;

/**
 * Adds the measurement to the project's DynamoDB client (the one the in-process handlers
 * use). The bench injects it; production code never carries it.
 */
export async function measureConsumedCapacity(): Promise<void> {
  const { dynamodb } = await import('../functions/adapters/dynamodb/client.js');
  dynamodb.middlewareStack.add(consumedCapacityMiddleware, consumedCapacityMiddlewareOptions);
}
