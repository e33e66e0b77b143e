import { beforeAll, describe, expect, inject, it } from 'vitest';

/**
 * The lifecycle store against DynamoDB Local. The lost-wake-up race: a change read the
 * entity, then the workflow parked a new task token, then the change wrote. The commit must
 * fail (and be retried with the new token), or the wake-up would go to a token nobody waits on.
 */
describe('GEN-4 the lifecycle store never strands a parked workflow', () => {
  type Item = { id: string; status: string; version: number; execution: { generation: number; name: string }; updatedAt: string; history: []; deadline?: string };
  let store: import('../../functions/domain/ports.js').LifecycleStore<Item, never>;
  let lifecycle: typeof import('../../functions/usecases/lifecycle.js');
  let items: ReturnType<typeof import('../../functions/adapters/dynamodb/lifecycle-store.js').lifecycleItems<Item, never>>;
  let readStateOf: typeof import('../../functions/domain/ports.js').readStateOf;

  beforeAll(async () => {
    Object.assign(process.env, {
      AWS_ENDPOINT_URL_DYNAMODB: inject('endpoints').dynamodb,
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      TABLE_NAME: 'partner-program',
      POWERTOOLS_TRACE_ENABLED: 'false',
    });
    const { dynamoLifecycleStore, lifecycleItems } = await import('../../functions/adapters/dynamodb/lifecycle-store.js');
    lifecycle = await import('../../functions/usecases/lifecycle.js');
    ({ readStateOf } = await import('../../functions/domain/ports.js'));
    const table = { prefix: 'TEST', now: () => new Date().toISOString(), indexOf: (e: Item) => ({ due: { at: e.deadline ?? '2999-01-01T00:00:00.000Z', action: 'expire' } }), translate: () => [] };
    store = dynamoLifecycleStore<Item, never>(table);
    items = lifecycleItems<Item, never>(table);
  });

  const item = (id: string): Item => ({ id, status: 'a', version: 1, execution: { generation: 1, name: `${id}-g1` }, updatedAt: '', history: [] });
  const next = (i: Item): Item => ({ ...i, status: 'b', version: i.version + 1 });

  it('refuses a commit whose read predates the workflow parking a token', async () => {
    const id = `race-${Date.now()}`;
    expect(await store.create(item(id), [])).toBe(true);
    expect(await store.park(id, 'token-new', 1)).toBe(true);
    expect(await store.commit(next(item(id)), { version: 1, parkedToken: undefined, historyLength: 0, notified: undefined }, [])).toBe(false);
    // Read again, the change succeeds and now knows whom to wake.
    expect(await store.commit(next(item(id)), { version: 1, parkedToken: 'token-new', historyLength: 0, notified: undefined }, [])).toBeTruthy();
    expect((await store.load(id))?.parkedToken).toBe('token-new');
  });

  it('refuses a commit when another change bumped the version', async () => {
    const id = `race2-${Date.now()}`;
    await store.create(item(id), []);
    expect(await store.commit(next(item(id)), { version: 1, parkedToken: undefined, historyLength: 0, notified: undefined }, [])).toBeTruthy();
    expect(await store.commit(next(item(id)), { version: 1, parkedToken: undefined, historyLength: 0, notified: undefined }, [])).toBe(false);
  });

  it('refuses a second create and a park at a stale version', async () => {
    const id = `dup-${Date.now()}`;
    expect(await store.create(item(id), [])).toBe(true);
    expect(await store.create(item(id), [])).toBe(false);
    await store.commit(next(item(id)), { version: 1, parkedToken: undefined, historyLength: 0, notified: undefined }, []);
    expect(await store.park(id, 't', 1)).toBe(false);
  });

  it('a held lock fails the whole commit: nothing is written', async () => {
    const id = `lock-${Date.now()}`;
    await store.create(item(id), []);
    const lock = { kind: 'order-submit', id } as const;
    expect(await store.commit(next(item(id)), { version: 1, parkedToken: undefined, historyLength: 0, notified: undefined }, [{ type: 'lock.take', lock, owner: 'x' }])).toBeTruthy();
    const second = { ...next(item(id)), version: 3, status: 'c' };
    expect(await store.commit(second, { version: 2, parkedToken: undefined, historyLength: 0, notified: undefined }, [{ type: 'lock.take', lock, owner: 'y' }])).toBe(false);
    expect((await store.load(id))?.entity.status).toBe('b');
  });

  it('a change whose commit lost to a newly parked token reads again and succeeds, answering that token to wake', async () => {
    const id = `retry-${Date.now()}`;
    await store.create(item(id), []);
    const workflows = { start: async () => undefined, wake: async () => true, isRunning: async () => false };
    let decisions = 0;
    const { after, before, wake } = await lifecycle.changeEntity({ store, workflows, clock: { now: () => new Date() } }, 'test', id, async ({ entity }) => {
      decisions++;
      // The first time, the workflow parks a new token between this read and the commit.
      if (decisions === 1) await store.park(id, 'token-parked', 1);
      return { next: { ...entity, status: 'confirmed', version: entity.version + 1 } };
    });
    expect(decisions).toBe(2);
    expect(after.status).toBe('confirmed');
    expect(before.parkedToken).toBe('token-parked');
    expect(wake).toBe(true);
  });

  it('a commit writes only what changed since its read, removes what the entity no longer has, and claims the owed email once', async () => {
    const id = `diff-${Date.now()}`;
    await store.create({ ...item(id), deadline: '2030-01-01T00:00:00.000Z' }, [], 'first');
    const read = (await store.load(id))!;
    expect(read.notified).toBe('first');
    const { deadline: _gone, ...rest } = read.entity;
    const changed: Item = { ...rest, status: 'b', version: 2 };
    const update = items.commit(changed, readStateOf(read), [], 'second')[0]!.Update!;
    const named = [...new Set(Object.values(update.ExpressionAttributeNames!))].sort();
    // status, version, the due time that moved with the deadline, the claim, the removed
    // deadline, and the parked token the condition names; nothing else.
    expect(named).toEqual(['deadline', 'dueAt', 'notified', 'parkedToken', 'status', 'version']);
    expect(update.UpdateExpression).toMatch(/ REMOVE #r0$/);
    expect(await store.commit(changed, readStateOf(read), [], 'second')).toBeTruthy();
    const after = (await store.load(id))!;
    expect(after.entity).toMatchObject({ status: 'b', version: 2, execution: { generation: 1 } });
    expect(after.entity.deadline).toBeUndefined();
    expect(after.notified).toBe('second');
    // A claim against a mark that moved since the read fails: the email is sent once.
    expect(await store.markNotified(id, 'third', 'second')).toBe(true);
    expect(await store.commit({ ...after.entity, version: 3 }, readStateOf(after), [], 'fourth')).toBe(false);
  });

  it('GEN-1 the last change\'s entries ride on the entity and move to one trail item at the next change; a duplicate a lost race leaves is ignored', async () => {
    const id = `trail-${Date.now()}`;
    type Trailed = Omit<Item, 'history'> & { history: { at: string; action: string }[] };
    const trailed = store as unknown as import('../../functions/domain/ports.js').LifecycleStore<Trailed, never>;
    const trailItems = items as unknown as ReturnType<typeof import('../../functions/adapters/dynamodb/lifecycle-store.js').lifecycleItems<Trailed, never>>;
    const { ddb } = await import('../../functions/adapters/dynamodb/client.js');
    const { PutCommand, QueryCommand } = await import('@aws-sdk/lib-dynamodb');
    const partition = async () => ((await ddb.send(new QueryCommand({ TableName: 'partner-program', KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': `TEST#${id}` }, ConsistentRead: true }))).Items ?? []).map((i) => String(i.sk));
    const actions = async () => (await trailed.load(id))!.entity.history.map((h) => h.action);

    await trailed.create({ ...item(id), history: [{ at: '1', action: 'submitted' }] }, []);
    // A create writes the entity alone: its entries are on it.
    expect(await partition()).toEqual(['TEST']);
    expect(await actions()).toEqual(['submitted']);

    const read = (await trailed.load(id))!;
    const changed: Trailed = { ...read.entity, status: 'b', version: 2, history: [...read.entity.history, { at: '2', action: 'accepted' }, { at: '2', action: 'activated' }] };
    const parts = trailItems.parts.commit(changed, readStateOf(read), []);
    expect(parts.trail?.Put?.Item).toMatchObject({ sk: 'HISTORY#000000', action: 'submitted' });
    expect(parts.others).toEqual([]);
    expect(await trailed.commit(changed, readStateOf(read), [])).toBeTruthy();
    expect(await partition()).toEqual(['HISTORY#000000', 'TEST']);
    expect(await actions()).toEqual(['submitted', 'accepted', 'activated']);

    // A writer that read version 2 moved its `latest` out, then lost its race: the item it
    // left duplicates what the entity still carries, and is not read twice.
    const second = (await trailed.load(id))!;
    await ddb.send(new PutCommand(trailItems.parts.commit({ ...second.entity, version: 3, history: [...second.entity.history, { at: '3', action: 'lost' }] }, readStateOf(second), []).trail!.Put!));
    expect(await partition()).toEqual(['HISTORY#000000', 'HISTORY#000001', 'TEST']);
    expect(await actions()).toEqual(['submitted', 'accepted', 'activated']);

    // The next change moves the two entries out as one item and carries its own.
    const third: Trailed = { ...second.entity, version: 3, history: [...second.entity.history, { at: '3', action: 'noted' }] };
    expect(trailItems.parts.commit(third, readStateOf(second), []).trail?.Put?.Item).toMatchObject({ sk: 'HISTORY#000001', entries: [{ action: 'accepted' }, { action: 'activated' }] });
    expect(await trailed.commit(third, readStateOf(second), [])).toBeTruthy();
    expect(await actions()).toEqual(['submitted', 'accepted', 'activated', 'noted']);
    // A change that appends nothing moves nothing.
    const fourth = (await trailed.load(id))!;
    expect(trailItems.parts.commit({ ...fourth.entity, version: 4, status: 'c' }, readStateOf(fourth), []).trail).toBeUndefined();

    // The next change decides on what the commit answered, not on a second read: its trail holds.
    const committed = await trailed.commit({ ...fourth.entity, version: 4, history: [...fourth.entity.history, { at: '4', action: 'fourth' }] }, readStateOf(fourth), []);
    expect(committed && committed.snapshot).toMatchObject({ version: 4, latest: { from: 4, entries: [{ action: 'fourth' }] } });
    const afterFourth = { entity: { ...fourth.entity, version: 4, history: [...fourth.entity.history, { at: '4', action: 'fourth' }] }, ...(committed ? committed : {}) };
    expect(await trailed.commit({ ...afterFourth.entity, version: 5, history: [...afterFourth.entity.history, { at: '5', action: 'fifth' }] }, readStateOf(afterFourth), [])).toBeTruthy();
    // And a read state without the store's record (built by hand) reads the item first.
    const fifth = (await trailed.load(id))!;
    const { snapshot: _unknown, ...blind } = readStateOf(fifth);
    expect(await trailed.commit({ ...fifth.entity, version: 6, history: [...fifth.entity.history, { at: '6', action: 'sixth' }] }, blind, [])).toBeTruthy();
    expect(await actions()).toEqual(['submitted', 'accepted', 'activated', 'noted', 'fourth', 'fifth', 'sixth']);
    // … and loses the race if the item moved on since.
    expect(await trailed.commit({ ...fifth.entity, version: 6, history: [...fifth.entity.history, { at: '6', action: 'stale' }] }, blind, [])).toBe(false);
  });

  it('a commit that changes nothing writes nothing and answers as committed', async () => {
    const id = `noop-${Date.now()}`;
    await store.create(item(id), []);
    const read = (await store.load(id))!;
    const parts = items.parts.commit(read.entity, readStateOf(read), []);
    expect(parts.unchanged).toBe(true);
    expect(parts.entity.Update?.UpdateExpression).toBe('SET #version = :expect');
    expect(await store.commit(read.entity, readStateOf(read), [])).toBeTruthy();
    expect((await store.load(id))!.entity).toEqual(read.entity);
  });
});
