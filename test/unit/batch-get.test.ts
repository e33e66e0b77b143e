import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { batchGet, ddb, tableName } from '../../functions/adapters/dynamodb/client.js';
import { offersById } from '../../functions/adapters/dynamodb/offers.js';

/**
 * BatchGetItem may leave keys unprocessed (DynamoDB does under load, answering 200): the one
 * helper asks for them again, so no caller silently misses an item. The client's `send` is
 * replaced by a script of answers; what was asked is recorded.
 */
type Keys = Record<string, unknown>[];

function script(answers: ((keys: Keys) => { found: Keys; unprocessed?: Keys })[]) {
  const asked: { keys: Keys; consistent: boolean | undefined }[] = [];
  vi.spyOn(ddb, 'send').mockImplementation((async (command: unknown) => {
    if (!(command instanceof BatchGetCommand)) throw new Error('only BatchGetItem expected');
    const request = command.input.RequestItems![tableName()]!;
    const keys = request.Keys as Keys;
    asked.push({ keys, consistent: request.ConsistentRead });
    const answer = answers.shift();
    if (!answer) throw new Error('no more answers scripted');
    const { found, unprocessed } = answer(keys);
    return { Responses: { [tableName()]: found }, ...(unprocessed ? { UnprocessedKeys: { [tableName()]: { Keys: unprocessed } } } : {}) };
  }) as never);
  return asked;
}

const key = (n: number) => ({ pk: `K#${n}`, sk: 'K' });
const item = (k: Record<string, unknown>) => ({ ...k, id: String(k.pk).slice(2) });

afterEach(() => vi.restoreAllMocks());

describe('batchGet', () => {
  it('asks again for the keys a call left unprocessed, and answers every item', async () => {
    const asked = script([
      (keys) => ({ found: keys.slice(0, 1).map(item), unprocessed: keys.slice(1) }),
      (keys) => ({ found: keys.slice(0, 1).map(item), unprocessed: keys.slice(1) }),
      (keys) => ({ found: keys.map(item) }),
    ]);
    const items = await batchGet([key(1), key(2), key(3)], { consistent: true });
    expect(items.map((i) => i.id).sort()).toEqual(['1', '2', '3']);
    expect(asked.map((a) => a.keys.length)).toEqual([3, 2, 1]);
    expect(asked.every((a) => a.consistent === true)).toBe(true);
  });

  it('sends at most 100 keys per call', async () => {
    const asked = script([(keys) => ({ found: keys.map(item) }), (keys) => ({ found: keys.map(item) })]);
    const items = await batchGet(Array.from({ length: 150 }, (_, i) => key(i)), { consistent: false });
    expect(items).toHaveLength(150);
    expect(asked.map((a) => a.keys.length)).toEqual([100, 50]);
    expect(asked[0]!.consistent).toBeUndefined();
  });

  it('fails rather than answer without keys that stay unprocessed', async () => {
    script(Array.from({ length: 5 }, () => (keys: Keys) => ({ found: [], unprocessed: keys })));
    await expect(batchGet([key(1)], { consistent: true })).rejects.toThrow('BatchGetItem left keys unprocessed');
  });
});

describe('offersById (CUS-3: an order\'s lines)', () => {
  it('finds every offer, though DynamoDB left some keys unprocessed at first', async () => {
    script([
      (keys) => ({ found: [{ ...keys[0]!, id: 'a', name: 'A', status: 'active' }], unprocessed: keys.slice(1) }),
      (keys) => ({ found: [{ ...keys[0]!, id: 'b', name: 'B', status: 'active' }] }),
    ]);
    const offers = await offersById.getMany(['a', 'b', 'a']);
    expect([...offers.keys()].sort()).toEqual(['a', 'b']);
    expect(offers.get('b')?.name).toBe('B');
  });
});
