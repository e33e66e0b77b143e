import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { customerDomainLock, type Customer, type CustomerReader, type CustomerStore, type CustomerWrite, type PartnershipLookup } from '#domain/customers.js';
import { systemClock } from '#lib/clock.js';
import { cursorFor } from '#lib/cursor.js';
import { batchGet, ddb, tableName } from './client.js';
import { compose } from '../compose.js';
import { dynamoLifecycleReader, storedOf } from './lifecycle-reader.js';
import { dynamoLifecycleWriter, lifecycleItems, lockKey, type LifecycleTable, type TransactItem } from './lifecycle-store.js';

const PREFIX = 'CUSTOMER';
const listKey = (partnerTenantId: string) => `CUSTOMERS#${partnerTenantId}`;

/**
 * A customer relationship's list entry: one item per related partner, listed through gsi1
 * by partner and sorted by counterpart, so "a provider's customers of one reseller" is one
 * Query with begins_with.
 */
function relate(write: CustomerWrite): TransactItem[] {
  const r = write.relationship;
  return [
    {
      Put: {
        TableName: tableName(),
        Item: {
          pk: `${PREFIX}#${write.customer.id}`,
          sk: `REL#${r.partnerTenantId}`,
          customerId: write.customer.id,
          ...r,
          gsi1pk: listKey(r.partnerTenantId),
          gsi1sk: `${r.counterpartTenantId ?? '-'}#${write.customer.createdAt}#${write.customer.id}`,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
  ];
}

const table: LifecycleTable<Customer, CustomerWrite> = { prefix: PREFIX, now: () => systemClock.now().toISOString(), indexOf: () => ({}), translate: relate };
const reader = /* @__PURE__ */ dynamoLifecycleReader<Customer>(PREFIX);

/** A customer's create and commit as transaction items, to be written atomically with another change (an invitation's acceptance). */
export const customerItems = /* @__PURE__ */ lifecycleItems(table);

async function loadMany(ids: string[]): Promise<Customer[]> {
  if (ids.length === 0) return [];
  const items = await batchGet(ids.map((id) => ({ pk: `${PREFIX}#${id}`, sk: PREFIX })), { consistent: true });
  const byId = new Map(items.map((i) => [String(i.id), storedOf<Customer>(i).entity]));
  return ids.map((id) => byId.get(id)).filter((c): c is Customer => c !== undefined);
}

/** The customers on DynamoDB, read only. */
export const customerReader: CustomerReader = {
  load: (id) => reader.load(id),
  async byTenant(customerTenantId) {
    const lock = await ddb.send(new GetCommand({ TableName: tableName(), Key: lockKey({ kind: 'customer-tenant', id: customerTenantId }), ConsistentRead: true }));
    const id = lock.Item?.owner;
    return typeof id === 'string' ? reader.load(id) : undefined;
  },
  async byDomain(domain) {
    const lock = await ddb.send(new GetCommand({ TableName: tableName(), Key: lockKey(customerDomainLock(domain)), ConsistentRead: true }));
    const id = lock.Item?.owner;
    return typeof id === 'string' ? (await reader.load(id))?.entity : undefined;
  },
  async ofPartner(partnerTenantId, counterpartTenantId, limit, cursor) {
    const out = await ddb.send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: 'gsi1',
        KeyConditionExpression: counterpartTenantId ? 'gsi1pk = :pk AND begins_with(gsi1sk, :c)' : 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': listKey(partnerTenantId), ...(counterpartTenantId ? { ':c': `${counterpartTenantId}#` } : {}) },
        Limit: limit,
        ...(cursor ? { ExclusiveStartKey: cursorFor(cursor, { name: 'gsi1pk', value: listKey(partnerTenantId) }) } : {}),
      }),
    );
    const items = await loadMany((out.Items ?? []).map((i) => String(i.customerId)));
    return { items, ...(out.LastEvaluatedKey ? { next: out.LastEvaluatedKey } : {}) };
  },
};

/** The customer store on DynamoDB. */
export const customers: CustomerStore = /* @__PURE__ */ compose(customerReader, /* @__PURE__ */ dynamoLifecycleWriter(table));

/** The active partnership of a pair: PRT-10's pair lock names the relationship that holds it. */
export const partnershipLookup: PartnershipLookup = {
  async activeBetween(providerTenantId, resellerTenantId) {
    const lock = await ddb.send(new GetCommand({ TableName: tableName(), Key: lockKey({ kind: 'partnership-pair', id: `${providerTenantId}#${resellerTenantId}` }), ConsistentRead: true }));
    return typeof lock.Item?.owner === 'string' ? lock.Item.owner : undefined;
  },
};
