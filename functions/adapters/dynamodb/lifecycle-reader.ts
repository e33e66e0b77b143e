/**
 * The read half of the DynamoDB lifecycle store: an entity with its audit trail, list pages
 * and link records. Apart from the writes (lifecycle-store.ts) and the due index
 * (due-index.ts), so a function that only reads bundles no write call and its role holds
 * none (its grants are derived from its bundle: infra/constructs/bundle-access.ts).
 */
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { LinkRecord } from '#domain/links.js';
import type { LifecycleReader, Page, Stored } from '#domain/ports.js';
import { cursorFor } from '#lib/cursor.js';
import { ddb, tableName } from './client.js';

export type Key = { pk: string; sk: string };

/** The entity item's attribute holding the entries its last change appended (lifecycle-store.ts). */
export const LATEST = 'latest';

/** Attributes the store writes beside an entity; never part of the entity itself. */
export const outOfBand = new Set(['pk', 'sk', 'gsi1pk', 'gsi1sk', 'listpk', 'listsk', 'dueShard', 'dueAt', 'dueAction', 'parkedToken', 'notified', 'ttl', LATEST]);

export const entityKey = (prefix: string, id: string): Key => ({ pk: `${prefix}#${id}`, sk: prefix });
export const linkKey = (hash: string): Key => ({ pk: `LINK#${hash}`, sk: 'LINK' });

/** Sort-key prefix of an entity's audit trail items (see historyItems in lifecycle-store.ts). */
export const HISTORY = 'HISTORY#';
/** The attribute of a trail item holding the several entries one change appended. */
export const HISTORY_ENTRIES = 'entries';

export interface Latest {
  /** The index in the trail of the first of `entries`. */
  from: number;
  entries: unknown[];
}

const trailIndex = (sk: unknown) => Number(String(sk).slice(HISTORY.length));

/** The entries of one trail item: its own attributes, or the several under `entries`. */
const entriesOf = ({ pk: _pk, sk: _sk, ...entry }: Record<string, unknown>): unknown[] => (Array.isArray(entry[HISTORY_ENTRIES]) ? (entry[HISTORY_ENTRIES] as unknown[]) : [entry]);

/** Splits a stored item into the entity and what the workflow wrote beside it. */
export function storedOf<T>(item: Record<string, unknown>, history?: Record<string, unknown>[]): Stored<T> {
  const entity: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(item)) if (!outOfBand.has(k)) entity[k] = v;
  // GEN-1's audit trail lives in its own items (see historyItems); a list entry carries none.
  // (An item written before the trail moved out keeps its embedded entries, first.)
  const embedded = Array.isArray(entity.history) ? entity.history : [];
  // The last change's entries are on the entity; the trail items below them hold the rest
  // (an item at or beyond `latest.from` is a duplicate left by a commit that lost its race).
  const latest = item[LATEST] as Latest | undefined;
  const moved = (history ?? []).filter((i) => latest === undefined || trailIndex(i.sk) < latest.from);
  entity.history = [...embedded, ...moved.flatMap(entriesOf), ...(latest?.entries ?? [])];
  return {
    entity: entity as T,
    ...(typeof item.parkedToken === 'string' ? { parkedToken: item.parkedToken } : {}),
    ...(typeof item.notified === 'string' ? { notified: item.notified } : {}),
    snapshot: item,
  };
}

/** The reader plus what lists need. */
export type DynamoLifecycleReader<T> = LifecycleReader<T> & {
  /** One page of the list `listPk` (the `lists` index), each entity with its trail; optionally only one status. */
  listPage(listPk: string, options: { status?: string | undefined; newestFirst?: boolean }, limit: number, cursor?: Record<string, unknown>): Promise<Page<T>>;
};

/** Reads the entities stored under `<prefix>#<id>` / `<prefix>` (lifecycle-store.ts writes them). */
export function dynamoLifecycleReader<T extends { id: string }>(prefix: string): DynamoLifecycleReader<T> {
  const key = (id: string) => entityKey(prefix, id);
  /** The entity of partition `pk` with its trail: one Query. */
  async function storedIn(pk: string, consistent: boolean): Promise<Stored<T> | undefined> {
    const out = await ddb.send(new QueryCommand({ TableName: tableName(), KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': pk }, ...(consistent ? { ConsistentRead: true } : {}) }));
    const all = out.Items ?? [];
    const item = all.find((i) => i.sk === prefix);
    return item ? storedOf<T>(item, all.filter((i) => String(i.sk).startsWith(HISTORY))) : undefined;
  }
  return {
    load: (id) => storedIn(key(id).pk, true),
    async listPage(listPk, { status, newestFirst = false }, limit, cursor) {
      const out = await ddb.send(
        new QueryCommand({
          TableName: tableName(),
          IndexName: 'lists',
          KeyConditionExpression: 'listpk = :pk',
          ...(status ? { FilterExpression: '#status = :status', ExpressionAttributeNames: { '#status': 'status' } } : {}),
          ExpressionAttributeValues: { ':pk': listPk, ...(status ? { ':status': status } : {}) },
          ...(newestFirst ? { ScanIndexForward: false } : {}),
          Limit: limit,
          ...(cursor ? { ExclusiveStartKey: cursorFor(cursor, { name: 'listpk', value: listPk }) } : {}),
        }),
      );
      // The index holds keys and status: each entity is read with its trail (one Query each, in parallel).
      const items: T[] = [];
      for (const stored of await Promise.all((out.Items ?? []).map((i) => storedIn(String(i.pk), false)))) if (stored) items.push(stored.entity);
      return { items, ...(out.LastEvaluatedKey ? { next: out.LastEvaluatedKey } : {}) };
    },
  };
}

/** Reads a link record by its token's hash. */
export async function findLink(hash: string): Promise<LinkRecord | undefined> {
  const out = await ddb.send(new GetCommand({ TableName: tableName(), Key: linkKey(hash), ConsistentRead: true }));
  return out.Item as LinkRecord | undefined;
}
