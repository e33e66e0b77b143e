import { GetCommand, PutCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { CommonWrite, DueIndex, LifecycleStore, LifecycleWriter, Lock, ReadState } from '#domain/ports.js';
import { ddb, isConditionFailed, tableName } from './client.js';
import { dynamoDueIndex } from './due-index.js';
import { dynamoLifecycleReader, entityKey, HISTORY, HISTORY_ENTRIES, LATEST, linkKey, outOfBand, type DynamoLifecycleReader, type Key, type Latest } from './lifecycle-reader.js';

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
function versionedUpdate(key: Key, entity: object, read: ReadState, index: { set: Record<string, unknown>; remove: string[] }, claim?: string): { item: TransactItem; unchanged?: true; image?: Record<string, unknown> } {
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
  const removed = [...(before ? index.remove.filter((k) => before[k] !== undefined) : index.remove), ...gone];
  const removes = removed.map((k, j) => {
    names[`#r${j}`] = k;
    return `#r${j}`;
  });
  // The item as this write leaves it, for a change that follows in the same invocation.
  const image = before ? Object.fromEntries(Object.entries({ ...before, ...written, ...(claim === undefined ? {} : { notified: claim }) }).filter(([k, v]) => v !== undefined && !removed.includes(k))) : undefined;
  const withImage = (item: TransactItem) => ({ item, ...(image ? { image } : {}) });
  if (sets.length === 0 && removes.length === 0) {
    // Nothing changed (e.g. the sweep found the due time already right): the write alone is
    // skipped (see write); in a transaction with other items the condition still holds them,
    // through an update that sets the version it requires (no ConditionCheck grant needed).
    return { ...withImage({ Update: { TableName: tableName(), Key: key, UpdateExpression: 'SET #version = :expect', ConditionExpression: conditions.join(' AND '), ExpressionAttributeNames: names, ExpressionAttributeValues: values } }), unchanged: true };
  }
  return withImage({
    Update: {
      TableName: tableName(),
      Key: key,
      UpdateExpression: `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`,
      ConditionExpression: conditions.join(' AND '),
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  });
}

const historySk = (index: number) => `${HISTORY}${String(index).padStart(6, '0')}`;

/**
 * GEN-1 without write amplification and without a transaction per change. The entries the
 * last change appended ride on the entity (`latest`: their index and the entries); every
 * earlier change's entries are one small trail item beside it (`<prefix>#<id>` /
 * `HISTORY#000042`, numbered by its first entry), written once. A commit first moves the
 * `latest` it read into its trail item — a plain PutItem whose content the read version
 * fixes, so any writer of it writes the same item and a crash or a lost race after it leaves
 * only a duplicate the reader ignores (lifecycle-reader.ts reads trail items below
 * `latest.from` only) — and then replaces `latest` in the entity's versioned update. So a
 * change that writes nothing but its entity is one conditional UpdateItem after one small
 * PutItem, not a transaction of two items (each billed twice); the entity never carries more
 * than one change's entries, and a change never rewrites the growing trail.
 */
function trailItem(key: Key, latest: Latest): TransactItem {
  const body = latest.entries.length === 1 ? (latest.entries[0] as object) : { [HISTORY_ENTRIES]: latest.entries };
  return { Put: { TableName: tableName(), Item: { pk: key.pk, sk: historySk(latest.from), ...body } } };
}

/** The trail item of the entries the read's last change appended, to move out of the entity. */
function moveOut(key: Key, read: ReadState): TransactItem | undefined {
  const latest = read.snapshot?.[LATEST] as Latest | undefined;
  return latest?.entries.length ? trailItem(key, latest) : undefined;
}

/** The entity as its item holds it: without the trail, with the entries this change appended. */
function itemOf<T extends { history?: readonly unknown[] }>(entity: T, from: number): Omit<T, 'history'> & { [LATEST]?: Latest } {
  const { history, ...rest } = entity as T & { history?: readonly unknown[] };
  const entries = (history ?? []).slice(from);
  return entries.length ? { ...rest, [LATEST]: { from, entries } } : rest;
}

/** A lifecycle's create and commit as parts: the entity's write, the trail item to move out first, the other writes. */
export interface CommitParts {
  entity: TransactItem;
  trail?: TransactItem;
  others: TransactItem[];
  /** The entity's item as the commit leaves it (when the read's was known). */
  image?: Record<string, unknown>;
  /** The commit changes nothing in the entity (its write only checks the version). */
  unchanged?: true;
}

/**
 * The items of a lifecycle's create and commit; `create`/`commit` as transaction items for a
 * change that must be atomic with another lifecycle's (e.g. a customer created with the
 * invitation's acceptance).
 */
export function lifecycleItems<T extends { id: string; version: number; history?: readonly unknown[] }, W extends { type: string } = never>(table: LifecycleTable<T, W>) {
  const key = (id: string) => entityKey(table.prefix, id);
  const writes = (ws: readonly (CommonWrite | W)[]) => ws.flatMap((w) => (isCommon(w) ? commonItems(w) : table.translate(w as W)));
  const parts = {
    create(entity: T, ws: readonly (CommonWrite | W)[], claim?: string): CommitParts {
      const index = indexSet(table.indexOf(entity, table.now()), table.prefix);
      const item = { ...key(entity.id), ...itemOf(entity, 0), ...index.set, ...(claim === undefined ? {} : { notified: claim }) };
      return { entity: { Put: { TableName: tableName(), Item: item, ConditionExpression: 'attribute_not_exists(pk)' } }, others: writes(ws) };
    },
    commit(next: T, read: ReadState, ws: readonly (CommonWrite | W)[], claim?: string): CommitParts {
      const appended = (next.history?.length ?? 0) > read.historyLength;
      // Without the item as read, the entries it carries could not be moved out, and the
      // new ones would overwrite them: a caller must pass what load answered.
      if (appended && read.snapshot === undefined) throw new Error(`${table.prefix}#${next.id}: a commit that appends to the trail needs the item it read`);
      const trail = appended ? moveOut(key(next.id), read) : undefined;
      const { item, unchanged, image } = versionedUpdate(key(next.id), itemOf(next, read.historyLength), read, indexSet(table.indexOf(next, table.now()), table.prefix), claim);
      return { entity: item, ...(unchanged ? { unchanged } : {}), ...(trail ? { trail } : {}), others: writes(ws), ...(image ? { image } : {}) };
    },
  };
  const all = (p: CommitParts) => [p.entity, ...(p.trail ? [p.trail] : []), ...p.others];
  return {
    writes,
    parts,
    create: (entity: T, ws: readonly (CommonWrite | W)[], claim?: string): TransactItem[] => all(parts.create(entity, ws, claim)),
    commit: (next: T, read: ReadState, ws: readonly (CommonWrite | W)[], claim?: string): TransactItem[] => all(parts.commit(next, read, ws, claim)),
  };
}

/**
 * Writes a create or commit: one conditional write when the entity is all it writes (a plain
 * write bills half a transaction's), else one transaction; the trail item moves out first
 * either way (see trailItem).
 */
async function write(p: CommitParts): Promise<boolean> {
  if (p.trail) await ddb.send(new PutCommand(p.trail.Put!));
  if (p.others.length > 0) return transact([p.entity, ...p.others]);
  // A change that changes nothing writes nothing.
  if (p.unchanged) return true;
  const { Put: put, Update: update } = p.entity;
  return conditionally(() => (put ? ddb.send(new PutCommand(put)) : ddb.send(new UpdateCommand(update!))));
}

/**
 * The write half of the DynamoDB lifecycle store, laid out by `table`: a function that only
 * reads takes the reader (lifecycle-reader.ts) instead, and bundles none of this.
 */
export function dynamoLifecycleWriter<T extends { id: string; version: number; history?: readonly unknown[] }, W extends { type: string } = never>(table: LifecycleTable<T, W>): LifecycleWriter<T, W> {
  const key = (id: string) => entityKey(table.prefix, id);
  const items = lifecycleItems(table);
  return {
    create: (entity, writes, claim) => write(items.parts.create(entity, writes, claim)),
    async commit(next, read, writes, claim) {
      let known = read;
      if (read.snapshot === undefined && (next.history?.length ?? 0) > read.historyLength) {
        // A read without the store's record of the item cannot say which entries to move
        // into the trail (see trailItem): read the item, still at the version read.
        const out = await ddb.send(new GetCommand({ TableName: tableName(), Key: key(next.id), ConsistentRead: true }));
        if (out.Item?.version !== read.version) return false;
        known = { ...read, snapshot: out.Item };
      }
      const parts = items.parts.commit(next, known, writes, claim);
      return (await write(parts)) && (parts.image ? { snapshot: parts.image } : {});
    },
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
