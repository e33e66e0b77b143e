import { describe, expect, it } from 'vitest';
import { groupRounds, roundTrips, uncoveredMs, union } from '../../bench/rounds.js';
import { dynamoOps, keyShape } from '../../bench/aws-trace.js';

/** The bench's count of sequential AWS round trips per invocation (bench/rounds.ts). */
describe('roundTrips', () => {
  it('counts nothing for an invocation without AWS calls', () => {
    expect(roundTrips([])).toEqual({ calls: 0, rounds: 0, summedMs: 0, coveredMs: 0 });
  });

  it('counts calls one after the other as one round each, a call starting as the previous ends included', () => {
    const r = roundTrips([
      { start: 0, end: 10 },
      { start: 10, end: 15 },
      { start: 20, end: 30 },
    ]);
    expect(r).toEqual({ calls: 3, rounds: 3, summedMs: 25, coveredMs: 25 });
  });

  it('counts overlapping calls as one round and their covered time once', () => {
    const r = roundTrips([
      { start: 0, end: 10 },
      { start: 2, end: 8 },
      { start: 5, end: 12 },
    ]);
    expect(r).toEqual({ calls: 3, rounds: 1, summedMs: 23, coveredMs: 12 });
  });

  it('counts a call that started after another ended as a later round, even while a third call overlaps both', () => {
    // A (0–5) and B (4–9) in flight together; C (8–14) starts after A ended (waited for it) while B still runs;
    // D (20–21) after all: A → C → D is the longest chain.
    const r = roundTrips([
      { start: 8, end: 14 },
      { start: 0, end: 5 },
      { start: 4, end: 9 },
      { start: 20, end: 21 },
    ]);
    expect(r.rounds).toBe(3);
    expect(r.coveredMs).toBe(15);
    expect(r.summedMs).toBe(17);
  });

  it('gives the same rounds whether or not a parallel call outlasts the chain beside it', () => {
    // Two GetItems one after the other beside one BatchGetItem: 2 rounds, short or long batch.
    const chain = [
      { start: 0, end: 3 },
      { start: 3, end: 6 },
    ];
    expect(roundTrips([...chain, { start: 0, end: 2 }]).rounds).toBe(2);
    expect(roundTrips([...chain, { start: 0, end: 10 }]).rounds).toBe(2);
  });

  it('does not depend on the order the calls were recorded in', () => {
    const calls = [
      { start: 30, end: 40 },
      { start: 0, end: 10 },
      { start: 5, end: 20 },
      { start: 35, end: 36 },
    ];
    expect(roundTrips(calls)).toEqual(roundTrips([...calls].reverse()));
    expect(roundTrips(calls).rounds).toBe(2);
  });

  it('refuses an interval that ends before it starts', () => {
    expect(() => roundTrips([{ start: 5, end: 4 }])).toThrow(RangeError);
    expect(() => roundTrips([{ start: 0, end: Number.NaN }])).toThrow(RangeError);
  });
});

describe('what the trace records of a DynamoDB request', () => {
  it('keeps the kind of key and drops the ids', () => {
    expect(keyShape('ENROLLMENT#01JABCDEF')).toBe('ENROLLMENT#…');
    expect(keyShape('PARTNERID#B1X2Y3')).toBe('PARTNERID#…');
    expect(keyShape('HISTORY#2026-11-30T00:00:00.000Z#3')).toBe('HISTORY#…#…');
    expect(keyShape('REGISTRY')).toBe('REGISTRY');
  });

  it('lists every item of a transaction, with the attributes an update sets or removes', () => {
    const ops = dynamoOps('TransactWriteItems', {
      TransactItems: [
        { Put: { TableName: 't', Item: { pk: 'ENROLLMENT#e1', sk: 'HISTORY#0001', note: 'x' } } },
        {
          Update: {
            TableName: 't',
            Key: { pk: 'TENANT#t1', sk: 'PARTNER' },
            UpdateExpression: 'SET #s = :s, history = list_append(history, :h) REMOVE dueAt',
            ExpressionAttributeNames: { '#s': 'status' },
          },
        },
        { ConditionCheck: { TableName: 't', Key: { pk: { S: 'LINK#abc' }, sk: { S: 'LINK' } } } },
      ],
    });
    expect(ops.map((o) => `${o.op} ${o.key}`)).toEqual(['Put ENROLLMENT#… | HISTORY#…', 'Update TENANT#… | PARTNER', 'ConditionCheck LINK#… | LINK']);
    expect(ops[1]!.attributes).toEqual(['status', 'history', 'remove dueAt']);
    expect(ops[0]!.bytes).toBe('pk'.length + 'ENROLLMENT#e1'.length + 'sk'.length + 'HISTORY#0001'.length + 'note'.length + 1);
  });
});

describe('groupRounds', () => {
  it('returns the rounds in time order, each with its calls', () => {
    const a = { start: 0, end: 4, name: 'GetItem' };
    const b = { start: 1, end: 3, name: 'GetItem' };
    const c = { start: 4, end: 9, name: 'TransactWriteItems' };
    expect(groupRounds([c, b, a]).map((g) => g.map((x) => x.name))).toEqual([['GetItem', 'GetItem'], ['TransactWriteItems']]);
  });
});

describe('uncoveredMs (the bench’s own reads around a call, taken out of the route’s time)', () => {
  it('counts reads one after the other in full', () => {
    // read 0–2, call 2–10, read 10–11: 3 ms of bench time.
    expect(uncoveredMs([{ start: 0, end: 2 }, { start: 10, end: 11 }], [{ start: 2, end: 10 }])).toBe(3);
  });

  it('does not count a read while another call of the invocation was in flight, nor overlapping reads twice', () => {
    // Two calls in parallel: A 0–10, B's read 0–3 and 2–4 overlap each other and A.
    expect(uncoveredMs([{ start: 0, end: 3 }, { start: 2, end: 4 }], [{ start: 0, end: 10 }])).toBe(0);
    expect(uncoveredMs([{ start: 0, end: 3 }, { start: 2, end: 6 }], [{ start: 4, end: 10 }])).toBe(4);
  });

  it('merges intervals into their union', () => {
    expect(union([{ start: 5, end: 7 }, { start: 0, end: 2 }, { start: 1, end: 3 }])).toEqual([{ start: 0, end: 3 }, { start: 5, end: 7 }]);
  });
});
