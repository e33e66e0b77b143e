import { TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { CommonWrite, DueIndex, LifecycleStore, LifecycleWriter, Lock, ReadState } from '#domain/ports.js';
import { ddb, isConditionFailed, tableName } from './client.js';
import { dynamoDueIndex } from './due-index.js';
import { dynamoLifecycleReader, entityKey, HISTORY, HISTORY_ENTRIES, linkKey, outOfBand, type DynamoLifecycleReader, type Key } from './lifecycle-reader.js';

export { entityKey, linkKey, storedOf, type Key } from './lifecycle-reader.js';
export type TransactItem = NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>[number];

/** Index attributes an entity's state implies: its list position, what is due and when. */
export interface IndexAttributes {
  /** The entity's place in a list (the `lists` index). */
  list?: { pk: string; sk: string };
  due?: { at: string; action: string };
}

/** How one lifecycle is laid out in the table, and how its own writes become items. */
export interface LifecycleTable<T extends { id: string }, W> {
  /** The key prefix: `<prefix>#<id>` / `<prefix>`; also the due index's shard. */
  prefix: string;
  indexOf(entity: T, now: string): IndexAttributes;
  translate(write: W): TransactItem[];
  /** Now, for the index attributes (the lifecycle's clock). */
  now(): string;
}

const lockKeys: Partial<Record<Lock['kind'], (id: string) => Key>> = {
  'partnership-pending': (id) => ({ pk: `PREQLOCK#${id}`, sk: 'LOCK' }),
  'partnership-pair': (id) => ({ pk: `PAIR#${id}`, sk: 'PAIR' }),
};
export const lockKey = (lock: Lock): Key => lockKeys[lock.kind]?.(lock.id) ?? { pk: `LOCK#${lock.kind}#${lock.id}`, sk: 'LOCK' };

const epochSeconds = (iso: string) => Math.floor(Date.parse(iso) / 1000);
const THIRTY_DAYS = 30 * 86_400;

/** The items of the writes every lifecycle may commit (links and locks). */
export function commonItems(write: CommonWrite): TransactItem[] {
  switch (write.type) {
    case 'link.issue':
      return [{ Put: { TableName: tableName(), Item: { ...linkKey(write.hash), ...write.link, ttl: epochSeconds(write.link.expiresAt) + THIRTY_DAYS }, ConditionExpression: 'attribute_not_exists(pk)' } }];
    case 'link.delete':
      return [{ Delete: { TableName: tableName(), Key: linkKey(write.hash) } }];
    case 'lock.take':
      return [
        {
          Put: {
            TableName: tableName(),
            Item: { ...lockKey(write.lock), owner: write.owner, ...(write.expiresAt ? { ttl: epochSeconds(write.expiresAt) } : {}) },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
      ];
    case 'lock.release':
      return [{ Delete: { TableName: tableName(), Key: lockKey(write.lock) } }];
  }
}

const isCommon = (write: { type: string }): write is CommonWrite => write.type.startsWith('link.') || write.type.startsWith('lock.');

/** Equal as stored: the same value whatever the order of a map's keys. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === (b as unknown[]).length && a.every((x, i) => sameValue(x, (b as unknown[])[i]));
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** Runs a write: true if it happened, false if a condition did not hold. */
export async function conditionally(write: () => Promise<unknown>): Promise<boolean> {
  try {
    await write();
    return true;
  } catch (error) {
    if (isConditionFailed(error)) return false;
    throw error;
  }
}

export const transact = (items: TransactItem[]) => conditionally(() => ddb.send(new TransactWriteCommand({ TransactItems: items })));

function indexSet(index: IndexAttributes, prefix: string): { set: Record<string, unknown>; remove: string[] } {
  return {
    set: {
      ...(index.list ? { listpk: index.list.pk, listsk: index.list.sk } : {}),
      ...(index.due ? { dueShard: prefix, dueAt: index.due.at, dueAction: index.due.action } : {}),
    },
    remove: index.due ? [] : ['dueShard', 'dueAt', 'dueAction'],
  };
}

/**
 * A versioned update: writes every attribute of the entity plus index attributes if nobody
 * changed the item since it was read (optimistic locking). What the workflow wrote beside
 * it is never touched, but the condition includes the parked token: if the workflow parked
 * a new one after the read, the write fails and is retried with it, so the wake-up reaches
 * the token that is actually waiting.
 */
function versionedUpdate(key: Key, entity: object, read: ReadState, index: { set: Record<string, unknown>; remove: string[] }, claim?: string): TransactItem {
  const names: Record<string, string> = { '#version': 'version', '#parked': 'parkedToken' };
  const values: Record<string, unknown> = { ':expect': read.version, ...(read.parkedToken === undefined ? {} : { ':parked': read.parkedToken }) };
  const sets: string[] = [];
  const conditions = ['#version = :expect', read.parkedToken === undefined ? 'attribute_not_exists(#parked)' : '#parked = :parked'];
  if (claim !== undefined) {
    // Claiming the owed notification: only if nobody marked one since the read (send-once).
    names['#notified'] = 'notified';
    values[':claim'] = claim;
    sets.push('#notified = :claim');
    if (read.notified === undefined) conditions.push('attribute_not_exists(#notified)');
    else {
      values[':notified'] = read.notified;
      conditions.push('#notified = :notified');
    }
  }
  // Only what changed since the read is written (a re-set index key would still cost an
  // index write); what the entity no longer has is removed.
  const before = read.snapshot;
  const written = { ...entity, ...index.set } as Record<string, unknown>;
  let i = 0;
  for (const [k, v] of Object.entries(written)) {
    if (k === 'pk' || k === 'sk' || v === undefined || (before && sameValue(before[k], v))) continue;
    names[`#a${i}`] = k;
    values[`:v${i}`] = v;
    sets.push(`#a${i} = :v${i}`);
    i++;
  }
  const gone = before ? Object.keys(before).filter((k) => !outOfBand.has(k) && k !== 'history' && written[k] === undefined) : [];
  const removes = [...(before ? index.remove.filter((k) => before[k] !== undefined) : index.remove), ...gone].map((k, j) => {
    names[`#r${j}`] = k;
    return `#r${j}`;
  });
  return {
    Update: {
      TableName: tableName(),
      Key: key,
      UpdateExpression: `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`,
      ConditionExpression: conditions.join(' AND '),
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  };
}

const historySk = (index: number) => `${HISTORY}${String(index).padStart(6, '0')}`;

/**
 * GEN-1 without write amplification: the audit entries a change appends are one small item
 * beside the entity (`<prefix>#<id>` / `HISTORY#000042`, numbered by its first entry),
 * written once; the entity item stays small and a change never rewrites the growing trail.
 * A change of one entry stores it as the item's attributes; a change of several (e.g. an
 * acceptance with the activation it makes due) stores them under `entries`, one item and
 * not one per entry, since every item of a transaction is billed on its own. One Query on
 * the partition reads the entity with its trail (lifecycle-reader.ts).
 */
function historyItems(key: Key, history: readonly unknown[] | undefined, from: number): TransactItem[] {
  const added = (history ?? []).slice(from);
  if (added.length === 0) return [];
  const body = added.length === 1 ? (added[0] as object) : { [HISTORY_ENTRIES]: added };
  return [{ Put: { TableName: tableName(), Item: { pk: key.pk, sk: historySk(from), ...body } } }];
}

const withoutHistory = <T extends object>(entity: T): Omit<T, 'history'> => {
  const { history: _history, ...rest } = entity as T & { history?: unknown };
  return rest;
};

/**
 * The transaction items of a lifecycle's create and commit, for a change that must be
 * atomic with another lifecycle's (e.g. a customer created with the invitation's acceptance).
 */
export function lifecycleItems<T extends { id: string; version: number; history?: readonly unknown[] }, W extends { type: string } = never>(table: LifecycleTable<T, W>) {
  const key = (id: string) => entityKey(table.prefix, id);
  const writes = (ws: readonly (CommonWrite | W)[]) => ws.flatMap((w) => (isCommon(w) ? commonItems(w) : table.translate(w as W)));
  return {
    writes,
    create(entity: T, ws: readonly (CommonWrite | W)[], claim?: string): TransactItem[] {
      const index = indexSet(table.indexOf(entity, table.now()), table.prefix);
      return [
        { Put: { TableName: tableName(), Item: { ...key(entity.id), ...withoutHistory(entity), ...index.set, ...(claim === undefined ? {} : { notified: claim }) }, ConditionExpression: 'attribute_not_exists(pk)' } },
        ...historyItems(key(entity.id), entity.history, 0),
        ...writes(ws),
      ];
    },
    commit(next: T, read: ReadState, ws: readonly (CommonWrite | W)[], claim?: string): TransactItem[] {
      return [
        versionedUpdate(key(next.id), withoutHistory(next), read, indexSet(table.indexOf(next, table.now()), table.prefix), claim),
        ...historyItems(key(next.id), next.history, read.historyLength),
        ...writes(ws),
      ];
    },
  };
}

/**
 * The write half of the DynamoDB lifecycle store, laid out by `table`: a function that only
 * reads takes the reader (lifecycle-reader.ts) instead, and bundles none of this.
 */
export function dynamoLifecycleWriter<T extends { id: string; version: number; history?: readonly unknown[] }, W extends { type: string } = never>(table: LifecycleTable<T, W>): LifecycleWriter<T, W> {
  const key = (id: string) => entityKey(table.prefix, id);
  const items = lifecycleItems(table);
  return {
    create: (entity, writes, claim) => transact(items.create(entity, writes, claim)),
    commit: (next, read, writes, claim) => transact(items.commit(next, read, writes, claim)),
    park(id, taskToken, expectVersion) {
      return conditionally(() =>
        ddb.send(
          new UpdateCommand({
            TableName: tableName(),
            Key: key(id),
            UpdateExpression: 'SET parkedToken = :t',
            ConditionExpression: '#version = :v',
            ExpressionAttributeNames: { '#version': 'version' },
            ExpressionAttributeValues: { ':t': taskToken, ':v': expectVersion },
          }),
        ),
      );
    },
    markNotified(id, next, previous) {
      return conditionally(() =>
        ddb.send(
          new UpdateCommand({
            TableName: tableName(),
            Key: key(id),
            UpdateExpression: 'SET notified = :k',
            ConditionExpression: previous === undefined ? 'attribute_not_exists(notified)' : 'notified = :p',
            ExpressionAttributeValues: { ':k': next, ...(previous === undefined ? {} : { ':p': previous }) },
          }),
        ),
      );
    },
  };
}

/** The whole store, reader, writer and due index: for the tests of the store itself. */
export function dynamoLifecycleStore<T extends { id: string; version: number; history?: readonly unknown[] }, W extends { type: string } = never>(
  table: LifecycleTable<T, W>,
): LifecycleStore<T, W> & DynamoLifecycleReader<T> & DueIndex {
  return { ...dynamoLifecycleReader<T>(table.prefix), ...dynamoLifecycleWriter(table), ...dynamoDueIndex(table.prefix) };
}
