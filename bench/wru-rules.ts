/**
 * Write units by AWS's billing rules, from an item's before- and after-image (DynamoDB's own
 * AttributeValue form, as a low-level GetItem returns it). Pure — no clock, no I/O — so it is
 * unit-tested on its own; aws-trace.ts reads the images around every traced write.
 *
 * Sources (AWS DynamoDB Developer Guide, checked 2026-12):
 * - item size: "DynamoDB item sizes and formats" (CapacityUnitCalculations.html) — names +
 *   values; a number is 1 byte per two significant digits + 1; null and boolean 1 byte;
 *   a list or map 3 bytes + 1 byte per element;
 * - table writes: "Capacity unit consumption for writes" (ProvisionedThroughput.html,
 *   read-write-operations.html) — 1 WRU per started KB of the larger of the before and after
 *   image (PutItem, UpdateItem), of the deleted item (DeleteItem), each item of a
 *   BatchWriteItem on its own; a failed conditional write still costs the size of the existing
 *   item, 1 WRU when there is none;
 * - transactions: "Capacity management for transactions" (transaction-apis.html) — two
 *   underlying writes of every item (prepare, commit): 2 WRU per started KB per item,
 *   ConditionCheck items included;
 * - indexes: "Global secondary indexes — write capacity units" (GSI.html#GSI.ThroughputConsiderations.Writes)
 *   — an index write is sized by the index entry (index keys + table keys + projected
 *   attributes); a put when the item gains the index key, a delete and a put when an index key
 *   changes, one write when only projected attributes change, a delete when the key attribute
 *   goes, nothing otherwise.
 *
 * Where the documentation is silent this module assumes (bench/README.md says so too):
 * - an index write caused by a transactional item is billed at the transactional rate
 *   (×2, `TRANSACTIONAL_INDEX_FACTOR`) — DynamoDB Local reports it so as well;
 * - a projected-only index change costs the larger of the old and the new entry;
 * - the 100 bytes of per-entry overhead in "Storage considerations" are storage, not write size;
 * - a cancelled transaction costs each item what a failed conditional write of it would,
 *   doubled, and no index write.
 */

/** One attribute value in DynamoDB's form: `{ S: 'x' }`, `{ N: '12' }`, `{ M: { … } }`, … */
export type AttributeValue = Record<string, unknown>;
export type AttributeMap = Record<string, AttributeValue>;

export interface IndexSchema {
  name: string;
  /** The index's partition key and sort key attribute names. */
  keys: string[];
  projection: 'ALL' | 'KEYS_ONLY' | 'INCLUDE';
  /** Non-key attributes an INCLUDE projection copies. */
  include: string[];
}

export interface TableSchema {
  /** The table's partition key and sort key attribute names. */
  keys: string[];
  /** Global (and local) secondary indexes. */
  indexes: IndexSchema[];
}

/** Index writes of a transactional item are billed ×2 (assumption; see above). */
export const TRANSACTIONAL_INDEX_FACTOR = 2;

interface DescribedIndex {
  IndexName?: string;
  KeySchema?: { AttributeName?: string }[];
  Projection?: { ProjectionType?: string; NonKeyAttributes?: string[] };
}

/** The parts of a `DescribeTable` answer's `Table` the rules need. */
export function schemaFromDescription(table: { KeySchema?: { AttributeName?: string }[]; GlobalSecondaryIndexes?: DescribedIndex[]; LocalSecondaryIndexes?: DescribedIndex[] }): TableSchema {
  const names = (keys: { AttributeName?: string }[] | undefined) => (keys ?? []).map((k) => k.AttributeName ?? '').filter((n) => n !== '');
  const index = (i: DescribedIndex): IndexSchema => {
    const type = i.Projection?.ProjectionType;
    return {
      name: i.IndexName ?? '?',
      keys: names(i.KeySchema),
      projection: type === 'KEYS_ONLY' || type === 'INCLUDE' ? type : 'ALL',
      include: i.Projection?.NonKeyAttributes ?? [],
    };
  };
  return { keys: names(table.KeySchema), indexes: [...(table.GlobalSecondaryIndexes ?? []), ...(table.LocalSecondaryIndexes ?? [])].map(index) };
}

const utf8 = (s: string) => Buffer.byteLength(s, 'utf8');

/** A number's size: 1 byte per two significant digits (leading and trailing zeros trimmed) + 1. */
export function numberSize(n: string): number {
  const mantissa = n.trim().replace(/^[-+]/, '').split(/[eE]/)[0]!;
  const digits = mantissa.replace('.', '').replace(/^0+/, '').replace(/0+$/, '');
  return Math.ceil(digits.length / 2) + 1;
}

function binaryLength(b: unknown): number {
  if (b instanceof Uint8Array) return b.length;
  if (typeof b === 'string') return Buffer.from(b, 'base64').length;
  return 0;
}

/** The size of one value (its attribute name not included). */
export function valueSize(value: AttributeValue): number {
  const [type, inner] = Object.entries(value)[0] ?? ['NULL', true];
  switch (type) {
    case 'S':
      return utf8(String(inner));
    case 'N':
      return numberSize(String(inner));
    case 'B':
      return binaryLength(inner);
    case 'SS':
      return (inner as string[]).reduce((s, x) => s + utf8(x), 0);
    case 'NS':
      return (inner as string[]).reduce((s, x) => s + numberSize(x), 0);
    case 'BS':
      return (inner as unknown[]).reduce<number>((s, x) => s + binaryLength(x), 0);
    case 'M':
      return 3 + Object.entries(inner as AttributeMap).reduce((s, [name, v]) => s + 1 + utf8(name) + valueSize(v), 0);
    case 'L':
      return 3 + (inner as AttributeValue[]).reduce((s, v) => s + 1 + valueSize(v), 0);
    default:
      return 1; // NULL, BOOL
  }
}

/** An item's size: attribute names plus values. */
export function itemBytes(item: AttributeMap | undefined): number {
  if (!item) return 0;
  return Object.entries(item).reduce((s, [name, v]) => s + utf8(name) + valueSize(v), 0);
}

/** Write units for one write of `bytes`: 1 per started KB, at least 1. */
export const writeUnitsFor = (bytes: number) => Math.max(1, Math.ceil(bytes / 1024));

/** The value in a form two equal values share (map keys sorted, binaries as base64). */
function canonical(v: unknown): string {
  if (v instanceof Uint8Array) return JSON.stringify(Buffer.from(v).toString('base64'));
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (typeof v === 'object' && v !== null) {
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}

export const sameValue = (a: unknown, b: unknown) => canonical(a) === canonical(b);

/**
 * What `index` holds of `item`: its index keys, the table's keys and the projected
 * attributes; `undefined` when the item is absent or lacks an index key (a sparse index).
 */
export function indexEntry(table: TableSchema, index: IndexSchema, item: AttributeMap | undefined): AttributeMap | undefined {
  if (!item || index.keys.some((k) => item[k] === undefined)) return undefined;
  if (index.projection === 'ALL') return item;
  const names = new Set([...index.keys, ...table.keys, ...(index.projection === 'INCLUDE' ? index.include : [])]);
  return Object.fromEntries(Object.entries(item).filter(([name]) => names.has(name)));
}

/** One index's write units (non-transactional) for an item going from `before` to `after`. */
export function indexWriteUnits(table: TableSchema, index: IndexSchema, before: AttributeMap | undefined, after: AttributeMap | undefined): number {
  const old = indexEntry(table, index, before);
  const now = indexEntry(table, index, after);
  if (!old && !now) return 0;
  if (!old) return writeUnitsFor(itemBytes(now));
  if (!now) return writeUnitsFor(itemBytes(old));
  if (index.keys.some((k) => !sameValue(old[k], now[k]))) return writeUnitsFor(itemBytes(old)) + writeUnitsFor(itemBytes(now));
  if (sameValue(old, now)) return 0;
  return writeUnitsFor(Math.max(itemBytes(old), itemBytes(now)));
}

export interface ItemWrite {
  op: 'Put' | 'Update' | 'Delete' | 'ConditionCheck';
  /** The item before the call (absent: there was none). */
  before?: AttributeMap | undefined;
  /** The item after the call (absent: there is none). */
  after?: AttributeMap | undefined;
  /** Part of a TransactWriteItems. */
  transactional: boolean;
  /** The write did not happen: its condition failed, or its transaction was cancelled. */
  failed?: boolean;
}

export interface WriteUnits {
  table: number;
  /** Per index, only indexes written. */
  indexes: Record<string, number>;
  /** Of the index units, what the ×2 of `TRANSACTIONAL_INDEX_FACTOR` adds (0 outside transactions). */
  assumedIndexDoubling: number;
}

/** The write units AWS bills for one item of a write call. */
export function itemWriteUnits(table: TableSchema, w: ItemWrite): WriteUnits {
  const factor = w.transactional ? 2 : 1;
  if (w.failed || w.op === 'ConditionCheck') return { table: factor * writeUnitsFor(itemBytes(w.before)), indexes: {}, assumedIndexDoubling: 0 };
  const units: WriteUnits = { table: factor * writeUnitsFor(Math.max(itemBytes(w.before), itemBytes(w.after))), indexes: {}, assumedIndexDoubling: 0 };
  const indexFactor = w.transactional ? TRANSACTIONAL_INDEX_FACTOR : 1;
  for (const index of table.indexes) {
    const n = indexWriteUnits(table, index, w.before, w.after);
    if (n === 0) continue;
    units.indexes[index.name] = n * indexFactor;
    units.assumedIndexDoubling += n * (indexFactor - 1);
  }
  return units;
}

/** The units of several item writes (one call), added up. */
export function sumWriteUnits(all: readonly WriteUnits[]): WriteUnits {
  const total: WriteUnits = { table: 0, indexes: {}, assumedIndexDoubling: 0 };
  for (const u of all) {
    total.table += u.table;
    total.assumedIndexDoubling += u.assumedIndexDoubling;
    for (const [name, n] of Object.entries(u.indexes)) total.indexes[name] = (total.indexes[name] ?? 0) + n;
  }
  return total;
}

/** `table 16, lists 1, due 1` (indexes in the order given, unwritten ones left out). */
export function describeUnits(u: WriteUnits): string {
  return [`table ${u.table}`, ...Object.entries(u.indexes).map(([name, n]) => `${name} ${n}`)].join(', ');
}

/** A native JavaScript value (the document client's form) as an AttributeValue. */
export function toAttributeValue(v: unknown): AttributeValue {
  if (typeof v === 'string') return { S: v };
  if (typeof v === 'number' || typeof v === 'bigint') return { N: String(v) };
  if (typeof v === 'boolean') return { BOOL: v };
  if (v === null || v === undefined) return { NULL: true };
  if (v instanceof Uint8Array) return { B: v };
  if (v instanceof Set) {
    const xs = [...v];
    if (xs.every((x) => typeof x === 'number' || typeof x === 'bigint')) return { NS: xs.map(String) };
    if (xs.every((x) => x instanceof Uint8Array)) return { BS: xs };
    return { SS: xs.map(String) };
  }
  if (Array.isArray(v)) return { L: v.map(toAttributeValue) };
  if (typeof v === 'object') return { M: toAttributeMap(v as Record<string, unknown>) };
  return { NULL: true };
}

const ATTRIBUTE_TYPES = new Set(['S', 'N', 'B', 'SS', 'NS', 'BS', 'M', 'L', 'NULL', 'BOOL']);
export const isAttributeValue = (v: unknown): v is AttributeValue =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Uint8Array) && Object.keys(v).length === 1 && ATTRIBUTE_TYPES.has(Object.keys(v)[0]!);

/**
 * An item or key as the low-level API sends it (every value an AttributeValue) or as the
 * document client passes it (native values), in DynamoDB's form.
 */
export function toAttributeMap(item: Record<string, unknown>): AttributeMap {
  const values = Object.values(item);
  if (values.length > 0 && values.every(isAttributeValue)) return item as AttributeMap;
  return Object.fromEntries(Object.entries(item).filter(([, v]) => v !== undefined).map(([k, v]) => [k, toAttributeValue(v)]));
}
