import { describe, expect, it } from 'vitest';
import {
  describeUnits,
  indexEntry,
  indexWriteUnits,
  itemBytes,
  itemWriteUnits,
  numberSize,
  schemaFromDescription,
  sumWriteUnits,
  toAttributeMap,
  writeUnitsFor,
  type AttributeMap,
  type TableSchema,
} from '../../bench/wru-rules.js';

/** The bench's write units by AWS's billing rules (bench/wru-rules.ts). */
const table: TableSchema = {
  keys: ['pk', 'sk'],
  indexes: [
    { name: 'all', keys: ['gpk', 'gsk'], projection: 'ALL', include: [] },
    { name: 'lists', keys: ['listpk', 'listsk'], projection: 'INCLUDE', include: ['status'] },
    { name: 'due', keys: ['dueShard', 'dueAt'], projection: 'KEYS_ONLY', include: [] },
  ],
};
const lists = table.indexes[1]!;
const due = table.indexes[2]!;

const s = (v: string) => ({ S: v });
/** A string of `n` bytes. */
const bytes = (n: number) => s('x'.repeat(n));
const key = { pk: s('ORDER#1'), sk: s('ORDER') }; // 2 + 7 + 2 + 5 = 16 bytes

describe('item size (DynamoDB item sizes and formats)', () => {
  it('adds attribute names and UTF-8 string values', () => {
    expect(itemBytes({ name: s('Zoë') })).toBe(4 + 4);
  });

  it('counts a number as 1 byte per two significant digits + 1, leading and trailing zeros trimmed', () => {
    expect(numberSize('12345')).toBe(4);
    expect(numberSize('1700000000000')).toBe(2);
    expect(numberSize('-0.0012')).toBe(2);
    expect(numberSize('1.5E+3')).toBe(2);
    expect(itemBytes({ n: { N: '123' } })).toBe(1 + 3);
  });

  it('counts null and booleans as 1 byte, binaries by their raw length', () => {
    expect(itemBytes({ a: { NULL: true }, b: { BOOL: false }, c: { B: new Uint8Array(10) } })).toBe(2 + 2 + 11);
  });

  it('gives lists and maps 3 bytes plus 1 per element', () => {
    expect(itemBytes({ l: { L: [s('ab'), s('c')] } })).toBe(1 + 3 + (1 + 2) + (1 + 1));
    expect(itemBytes({ m: { M: { k: s('v'), kk: { N: '1' } } } })).toBe(1 + 3 + (1 + 1 + 1) + (1 + 2 + 2));
    expect(itemBytes({ e: { M: {} } })).toBe(1 + 3);
  });

  it('sizes a document-client item like the same item in DynamoDB form', () => {
    const native = { pk: 'ORDER#1', total: 1250, tags: ['a', 'b'], meta: { ok: true, none: null } };
    expect(itemBytes(toAttributeMap(native))).toBe(
      itemBytes({ pk: s('ORDER#1'), total: { N: '1250' }, tags: { L: [s('a'), s('b')] }, meta: { M: { ok: { BOOL: true }, none: { NULL: true } } } }),
    );
  });

  it('bills 1 WRU per started KB, at least 1', () => {
    expect([0, 1, 1024, 1025, 2048, 2049].map(writeUnitsFor)).toEqual([1, 1, 1, 2, 2, 3]);
  });
});

describe('index entries', () => {
  const item: AttributeMap = { ...key, dueShard: s('0'), dueAt: s('2026-12-01'), listpk: s('ORDERS#c'), listsk: s('submitted#1'), status: s('submitted'), body: bytes(2000) };

  it('holds the index keys and the table keys for KEYS_ONLY, plus the included attributes for INCLUDE, all of the item for ALL', () => {
    expect(Object.keys(indexEntry(table, due, item)!).sort()).toEqual(['dueAt', 'dueShard', 'pk', 'sk']);
    expect(Object.keys(indexEntry(table, lists, item)!).sort()).toEqual(['listpk', 'listsk', 'pk', 'sk', 'status']);
    expect(indexEntry(table, table.indexes[0]!, { ...item, gpk: s('g'), gsk: s('h') })).toEqual({ ...item, gpk: s('g'), gsk: s('h') });
  });

  it('sizes an index write by the entry, not by the item', () => {
    // The item is over 2 KB; its `due` entry: 16 (table keys) + 8 + 1 + 5 + 10 bytes.
    expect(itemBytes(item)).toBeGreaterThan(2048);
    expect(itemBytes(indexEntry(table, due, item))).toBe(16 + 9 + 15);
    expect(indexWriteUnits(table, due, undefined, item)).toBe(1);
  });

  it('has no entry for an item without the index key (sparse index)', () => {
    expect(indexEntry(table, due, { ...key, dueShard: s('0') })).toBeUndefined();
    expect(indexWriteUnits(table, due, { ...key }, { ...key, status: s('x') })).toBe(0);
  });
});

describe('index writes (GSI write capacity units)', () => {
  const before: AttributeMap = { ...key, dueShard: s('0'), dueAt: s('2026-12-01'), listpk: s('ORDERS#c'), listsk: s('o#1'), status: s('draft'), note: s('a') };

  it('puts the entry when the item gains the index key', () => {
    const { dueShard: _s, dueAt: _a, ...without } = before;
    expect(indexWriteUnits(table, due, without, before)).toBe(1);
  });

  it('deletes and puts (2 writes) when an index key changes', () => {
    expect(indexWriteUnits(table, due, before, { ...before, dueAt: s('2026-12-08') })).toBe(2);
  });

  it('sizes each of the two writes of a key move by its own entry', () => {
    const big = (n: number) => ({ ...before, gpk: s('g'), gsk: s(String(n)), body: bytes(1500) });
    expect(indexWriteUnits(table, table.indexes[0]!, big(1), big(2))).toBe(2 + 2);
  });

  it('writes once when only a projected attribute changes', () => {
    expect(indexWriteUnits(table, lists, before, { ...before, status: s('submitted') })).toBe(1);
  });

  it('writes nothing when neither the keys nor a projected attribute change', () => {
    expect(indexWriteUnits(table, lists, before, { ...before, note: s('b') })).toBe(0);
    expect(indexWriteUnits(table, due, before, { ...before, status: s('submitted') })).toBe(0);
  });

  it('writes an ALL index on any change of the item', () => {
    const g = { ...before, gpk: s('g'), gsk: s('h') };
    expect(indexWriteUnits(table, table.indexes[0]!, g, { ...g, note: s('b') })).toBe(1);
  });

  it('deletes the entry (1 write) when the key attribute is removed, and when the item is deleted', () => {
    const { dueAt: _a, ...removed } = before;
    expect(indexWriteUnits(table, due, before, removed)).toBe(1);
    expect(indexWriteUnits(table, due, before, undefined)).toBe(1);
  });
});

describe('write units of an item write', () => {
  const small: AttributeMap = { ...key, status: s('draft') };
  const large: AttributeMap = { ...key, status: s('draft'), body: bytes(3000) };

  it('bills the larger of the before and after image (an update that shrinks an item pays its old size)', () => {
    expect(itemWriteUnits(table, { op: 'Update', before: large, after: small, transactional: false }).table).toBe(3);
    expect(itemWriteUnits(table, { op: 'Update', before: small, after: large, transactional: false }).table).toBe(3);
    expect(itemWriteUnits(table, { op: 'Put', after: small, transactional: false }).table).toBe(1);
  });

  it('bills a delete by the deleted item, 1 when there was none', () => {
    expect(itemWriteUnits(table, { op: 'Delete', before: large, transactional: false }).table).toBe(3);
    expect(itemWriteUnits(table, { op: 'Delete', transactional: false }).table).toBe(1);
  });

  it('doubles every item of a transaction, its index writes included (assumed) and reported apart', () => {
    const before = { ...small, dueShard: s('0'), dueAt: s('2026-12-01') };
    const u = itemWriteUnits(table, { op: 'Update', before, after: { ...before, dueAt: s('2026-12-08'), body: bytes(1500) }, transactional: true });
    expect(u).toEqual({ table: 4, indexes: { due: 4 }, assumedIndexDoubling: 2 });
    expect(itemWriteUnits(table, { op: 'Update', before, after: { ...before, dueAt: s('2026-12-08') }, transactional: false })).toEqual({ table: 1, indexes: { due: 2 }, assumedIndexDoubling: 0 });
  });

  it('bills a ConditionCheck of a transaction 2 per KB of the item, with no index write', () => {
    const item = { ...large, dueShard: s('0'), dueAt: s('x') };
    expect(itemWriteUnits(table, { op: 'ConditionCheck', before: item, after: item, transactional: true })).toEqual({ table: 6, indexes: {}, assumedIndexDoubling: 0 });
  });

  it('bills a failed conditional write by the existing item (1 when there is none) and writes no index', () => {
    const item = { ...large, dueShard: s('0'), dueAt: s('x') };
    expect(itemWriteUnits(table, { op: 'Update', before: item, transactional: false, failed: true })).toEqual({ table: 3, indexes: {}, assumedIndexDoubling: 0 });
    expect(itemWriteUnits(table, { op: 'Put', transactional: false, failed: true }).table).toBe(1);
  });

  it('adds up the items of one call and names the parts', () => {
    const u = sumWriteUnits([
      { table: 4, indexes: { due: 2 }, assumedIndexDoubling: 1 },
      { table: 2, indexes: { lists: 2, due: 2 }, assumedIndexDoubling: 2 },
    ]);
    expect(u).toEqual({ table: 6, indexes: { due: 4, lists: 2 }, assumedIndexDoubling: 3 });
    expect(describeUnits(u)).toBe('table 6, due 4, lists 2');
  });
});

describe('the table schema from DescribeTable', () => {
  it('reads the keys and each index with its projection', () => {
    const schema = schemaFromDescription({
      KeySchema: [{ AttributeName: 'pk' }, { AttributeName: 'sk' }],
      GlobalSecondaryIndexes: [
        { IndexName: 'lists', KeySchema: [{ AttributeName: 'listpk' }, { AttributeName: 'listsk' }], Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: ['status'] } },
        { IndexName: 'due', KeySchema: [{ AttributeName: 'dueShard' }, { AttributeName: 'dueAt' }], Projection: { ProjectionType: 'KEYS_ONLY' } },
      ],
    });
    expect(schema).toEqual({ keys: ['pk', 'sk'], indexes: [lists, due] });
  });
});
