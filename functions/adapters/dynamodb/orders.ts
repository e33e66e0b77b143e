import { DeleteCommand, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { AgreementReminders } from '#domain/agreement-reminders.js';
import { orderNextDue, type Order, type OrderReader, type OrderStore } from '#domain/orders.js';
import type { Subscription, SubscriptionReader, SubscriptionStore } from '#domain/subscriptions.js';
import type { LifecycleReader } from '#domain/ports.js';
import { config } from '#lib/config.js';
import { systemClock } from '#lib/clock.js';
import { cursorFor } from '#lib/cursor.js';
import { ddb, isConditionFailed, tableName } from './client.js';
import { compose } from '../compose.js';
import { dynamoDueIndex } from './due-index.js';
import { dynamoLifecycleReader, storedOf } from './lifecycle-reader.js';
import { conditionally, dynamoLifecycleWriter } from './lifecycle-store.js';

const orderList = (customerId: string) => `ORDERS#${customerId}`;

const ORDER = 'ORDER';
const orderReaderParts = /* @__PURE__ */ dynamoLifecycleReader<Order>(ORDER);

/** One order by id, read only (GET /orders/{id}): no list query. */
export const orderLoader: LifecycleReader<Order> = { load: (id) => orderReaderParts.load(id) };

/** Orders read only (GET routes): one order, the customer's list (gsi1). */
export const orderReader: OrderReader = {
  load: (id) => orderReaderParts.load(id),
  ofCustomer: (customerId, limit, cursor) => orderReaderParts.listPage(orderList(customerId), { newestFirst: true }, limit, cursor),
};

const orderWriter = /* @__PURE__ */ dynamoLifecycleWriter<Order>({
  prefix: ORDER,
  now: () => systemClock.now().toISOString(),
  indexOf(o, now) {
    const due = orderNextDue(o, config().LIVENESS_CHECK_SECONDS, now);
    return { list: { pk: orderList(o.customerId), sk: `${o.createdAt}#${o.id}` }, ...(due ? { due } : {}) };
  },
  translate: () => [],
});

/** The order store on DynamoDB: the lifecycle store plus the customer's list (gsi1). */
export const orders: OrderStore = /* @__PURE__ */ compose(orderReader, orderWriter);

/** What of the orders is due (the sweep only). */
export const ordersDue = /* @__PURE__ */ dynamoDueIndex(ORDER);

const subscriptionKey = (id: string) => ({ pk: `SUBSCRIPTION#${id}`, sk: 'SUBSCRIPTION' });
const subscriptionList = (customerId: string) => `SUBS#${customerId}`;
const subscriptionItem = (s: Subscription) => ({ ...subscriptionKey(s.id), ...s, gsi1pk: subscriptionList(s.customerId), gsi1sk: `${s.createdAt}#${s.id}` });

type AttributeValue = { S: string } | { N: string } | { BOOL: boolean } | { NULL: true } | { L: AttributeValue[] } | { M: Record<string, AttributeValue> };

/** DynamoDB's typed JSON, as the Step Functions DynamoDB integration takes an `Item`. */
function attributeValue(v: unknown): AttributeValue {
  if (v === null) return { NULL: true };
  if (typeof v === 'string') return { S: v };
  if (typeof v === 'number') return { N: String(v) };
  if (typeof v === 'boolean') return { BOOL: v };
  if (Array.isArray(v)) return { L: v.map(attributeValue) };
  if (typeof v === 'object') return { M: attributeMap(v as Record<string, unknown>) };
  throw new TypeError(`cannot store a ${typeof v}`);
}
const attributeMap = (o: Record<string, unknown>): Record<string, AttributeValue> =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined).map(([k, v]) => [k, attributeValue(v)]));

/** Subscriptions on DynamoDB, read only: one item each, listed per customer through gsi1. */
export const subscriptionReader: SubscriptionReader = {
  async load(id) {
    const out = await ddb.send(new GetCommand({ TableName: tableName(), Key: subscriptionKey(id), ConsistentRead: true }));
    return out.Item ? storedOf<Subscription>(out.Item).entity : undefined;
  },
  async ofCustomer(customerId, limit, cursor) {
    const out = await ddb.send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': subscriptionList(customerId) },
        Limit: limit,
        ...(cursor ? { ExclusiveStartKey: cursorFor(cursor, { name: 'gsi1pk', value: subscriptionList(customerId) }) } : {}),
      }),
    );
    return { items: (out.Items ?? []).map((i) => storedOf<Subscription>(i).entity), ...(out.LastEvaluatedKey ? { next: out.LastEvaluatedKey } : {}) };
  },
};

/** Subscriptions on DynamoDB. */
export const subscriptions: SubscriptionStore = /* @__PURE__ */ compose(subscriptionReader, {
  commit(next: Subscription, expectVersion: number) {
    return conditionally(() =>
      ddb.send(new PutCommand({ TableName: tableName(), Item: subscriptionItem(next), ConditionExpression: '#v = :v', ExpressionAttributeNames: { '#v': 'version' }, ExpressionAttributeValues: { ':v': expectVersion } })),
    );
  },
  provisioningItems: (subs: Subscription[]) => subs.map((s) => attributeMap(subscriptionItem(s))),
});

const reminderKey = (relationshipId: string) => ({ pk: `REL#${relationshipId}`, sk: 'AGREEMENT_REMINDER' });

/** MPA-6's once-a-day mark per partnership: a conditional put that only an old mark lets through. */
export const agreementReminders: AgreementReminders = {
  async claim(relationshipId, now, intervalSeconds) {
    const cutoff = new Date(Date.parse(now) - intervalSeconds * 1000).toISOString();
    try {
      await ddb.send(
        new PutCommand({
          TableName: tableName(),
          Item: { ...reminderKey(relationshipId), sentAt: now, ttl: Math.floor(Date.parse(now) / 1000) + 2 * intervalSeconds },
          ConditionExpression: 'attribute_not_exists(pk) OR sentAt <= :cutoff',
          ExpressionAttributeValues: { ':cutoff': cutoff },
        }),
      );
      return { claimed: true };
    } catch (error) {
      if (!isConditionFailed(error)) throw error;
      const out = await ddb.send(new GetCommand({ TableName: tableName(), Key: reminderKey(relationshipId), ConsistentRead: true }));
      return { claimed: false, lastSentAt: String(out.Item?.sentAt ?? now) };
    }
  },
  async release(relationshipId, sentAt) {
    await conditionally(() => ddb.send(new DeleteCommand({ TableName: tableName(), Key: reminderKey(relationshipId), ConditionExpression: 'sentAt = :s', ExpressionAttributeValues: { ':s': sentAt } })));
  },
};
