import { beforeAll, describe, expect, inject, it } from 'vitest';

/**
 * The lost-wake-up race, against DynamoDB Local: a change read the entity, then the
 * workflow parked a new task token, then the change wrote. The write must fail (and be
 * retried with the new token), or the wake-up would go to a token nobody waits on.
 */
describe('GEN-4 versioned writes never strand a parked workflow', () => {
  let adapters: typeof import('../../functions/adapters/dynamodb/enrollments.js');
  let versioned: typeof import('../../functions/adapters/dynamodb/versioned.js');

  beforeAll(async () => {
    Object.assign(process.env, {
      AWS_ENDPOINT_URL_DYNAMODB: inject('endpoints').dynamodb,
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      TABLE_NAME: 'partner-program',
      POWERTOOLS_TRACE_ENABLED: 'false',
    });
    adapters = await import('../../functions/adapters/dynamodb/enrollments.js');
    versioned = await import('../../functions/adapters/dynamodb/versioned.js');
  });

  const key = (id: string) => ({ pk: `TEST#${id}`, sk: 'TEST' });
  const put = (id: string) => ({ Put: { TableName: 'partner-program', Item: { ...key(id), version: 1, status: 'a' } } });
  const update = (id: string, read: { version: number; waitToken: string | undefined }) => versioned.versionedUpdate(key(id), { status: 'b', version: read.version + 1 }, read, { set: {}, remove: [] });

  it('refuses a write whose read predates the workflow parking a token', async () => {
    const id = `race-${Date.now()}`;
    await adapters.transact([put(id)]);
    const read = { version: 1, waitToken: undefined };
    // The workflow parks its token after the change read the item.
    const { UpdateCommand } = await import('@aws-sdk/lib-dynamodb');
    const { ddb } = await import('../../functions/adapters/dynamodb/client.js');
    await ddb.send(new UpdateCommand(versioned.waitTokenUpdate(key(id), 'token-new', 1)));
    await expect(adapters.transact([update(id, read)])).rejects.toMatchObject({ name: 'TransactionCanceledException' });
    // Read again, the change succeeds and now knows whom to wake.
    await expect(adapters.transact([update(id, { version: 1, waitToken: 'token-new' })])).resolves.toBeUndefined();
  });

  it('refuses a write when another change bumped the version', async () => {
    const id = `race2-${Date.now()}`;
    await adapters.transact([put(id)]);
    await adapters.transact([update(id, { version: 1, waitToken: undefined })]);
    await expect(adapters.transact([update(id, { version: 1, waitToken: undefined })])).rejects.toMatchObject({ name: 'TransactionCanceledException' });
  });

  it('a change whose write lost to a newly parked token reads again and succeeds, waking that token', async () => {
    const { changeVersioned } = await import('../../functions/usecases/versioned-change.js');
    const { GetCommand, UpdateCommand } = await import('@aws-sdk/lib-dynamodb');
    const { ddb } = await import('../../functions/adapters/dynamodb/client.js');
    const id = `retry-${Date.now()}`;
    await adapters.transact([put(id)]);
    type Item = { status: string; version: number };
    type Stored = { item: Item; waitToken?: string };
    let decisions = 0;
    const store: import('../../functions/usecases/versioned-change.js').VersionedStore<Item, Stored> = {
      load: async (key: string) => {
        const item = (await ddb.send(new GetCommand({ TableName: 'partner-program', Key: { pk: `TEST#${key}`, sk: 'TEST' }, ConsistentRead: true }))).Item!;
        return { item: { status: String(item.status), version: Number(item.version) }, ...(item.waitToken ? { waitToken: String(item.waitToken) } : {}) };
      },
      entity: (record) => record.item,
      update: (next, read) => versioned.versionedUpdate(key(id), next, read, { set: {}, remove: [] }),
    };
    const { after } = await changeVersioned(store, id, async (record) => {
      decisions++;
      // The first time, the workflow parks a new token between this read and the write.
      if (decisions === 1) await ddb.send(new UpdateCommand(versioned.waitTokenUpdate(key(id), 'token-parked', 1)));
      return { next: { ...record.item, status: 'confirmed', version: record.item.version + 1 }, wake: false };
    });
    expect(decisions).toBe(2);
    expect(after.status).toBe('confirmed');
  });
});
