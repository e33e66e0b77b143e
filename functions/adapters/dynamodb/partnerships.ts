import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import {
  requestNextDue,
  type PartnershipRequest,
  type PartnershipRequestReader,
  type PartnershipRequestStore,
  type PartnershipWrite,
  type Relationship,
  type RelationshipReader,
  type Relationships,
} from '#domain/partnerships.js';
import { cursorFor } from '#lib/cursor.js';
import { config } from '#lib/config.js';
import { systemClock } from '#lib/clock.js';
import type { LifecycleReader } from '#domain/ports.js';
import { ddb, tableName } from './client.js';
import { compose } from '../compose.js';
import { dynamoDueIndex } from './due-index.js';
import { dynamoLifecycleReader, storedOf } from './lifecycle-reader.js';
import { dynamoLifecycleWriter, lockKey, transact, type TransactItem } from './lifecycle-store.js';

export const relationshipKey = (id: string) => ({ pk: `REL#${id}`, sk: 'REL' });
const resellerViewKey = (id: string) => ({ pk: `REL#${id}`, sk: 'RESELLER_VIEW' });

/**
 * A relationship is written twice — the provider's copy and the reseller's view — so each
 * side lists its own with one Query on gsi1; both copies change in one transaction.
 */
function relationshipPuts(rel: Relationship): TransactItem[] {
  const sortKey = `${rel.state}#${rel.createdAt}#${rel.id}`;
  return [
    { Put: { TableName: tableName(), Item: { ...relationshipKey(rel.id), ...rel, gsi1pk: `RELS#P#${rel.providerTenantId}`, gsi1sk: sortKey }, ...(rel.state === 'active' ? { ConditionExpression: 'attribute_not_exists(pk)' } : {}) } },
    { Put: { TableName: tableName(), Item: { ...resellerViewKey(rel.id), ...rel, gsi1pk: `RELS#R#${rel.resellerTenantId}`, gsi1sk: sortKey } } },
  ];
}

const requestList = (providerTenantId: string) => `PROVIDER#${providerTenantId}#PREQ`;

const PREFIX = 'PREQ';
const reader = /* @__PURE__ */ dynamoLifecycleReader<PartnershipRequest>(PREFIX);

/** One partnership request by id, read only (the invitation link's pages): no list query. */
export const partnershipRequestLoader: LifecycleReader<PartnershipRequest> = { load: (id) => reader.load(id) };

/** The partnership requests read only (GET routes and link pages). */
export const partnershipRequestReader: PartnershipRequestReader = {
  load: (id) => reader.load(id),
  ofProvider: (providerTenantId, status, limit, cursor) => reader.listPage(requestList(providerTenantId), { status, newestFirst: true }, limit, cursor),
};

const writer = /* @__PURE__ */ dynamoLifecycleWriter<PartnershipRequest, PartnershipWrite>({
  prefix: PREFIX,
  now: () => systemClock.now().toISOString(),
  indexOf(r, now) {
    const c = config();
    const due = requestNextDue(r, c.PARTNERSHIP_REMINDERS_SECONDS, c.LIVENESS_CHECK_SECONDS, now);
    return { list: { pk: requestList(r.providerTenantId), sk: `${r.createdAt}#${r.id}` }, ...(due ? { due } : {}) };
  },
  translate: (write) => relationshipPuts(write.relationship),
});

/** The partnership request store on DynamoDB. */
export const partnershipRequests: PartnershipRequestStore = /* @__PURE__ */ compose(partnershipRequestReader, writer);

/** What of the partnership requests is due (the sweep only). */
export const partnershipRequestsDue = /* @__PURE__ */ dynamoDueIndex(PREFIX);

const listKey = (side: 'provider' | 'reseller', tenantId: string) => `RELS#${side === 'provider' ? 'P' : 'R'}#${tenantId}`;

/** Relationships on DynamoDB, read only. */
export const relationshipReader: RelationshipReader = {
  async get(id) {
    const out = await ddb.send(new GetCommand({ TableName: tableName(), Key: relationshipKey(id), ConsistentRead: true }));
    return out.Item ? storedOf<Relationship>(out.Item).entity : undefined;
  },
  async of(side, tenantId, state, limit, cursor) {
    const out = await ddb.send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk AND begins_with(gsi1sk, :state)',
        ExpressionAttributeValues: { ':pk': listKey(side, tenantId), ':state': `${state}#` },
        Limit: limit,
        ...(cursor ? { ExclusiveStartKey: cursorFor(cursor, { name: 'gsi1pk', value: listKey(side, tenantId) }) } : {}),
      }),
    );
    return { items: (out.Items ?? []).map((i) => storedOf<Relationship>(i).entity), ...(out.LastEvaluatedKey ? { next: out.LastEvaluatedKey } : {}) };
  },
  async pairExists(providerTenantId, resellerTenantId) {
    const out = await ddb.send(new GetCommand({ TableName: tableName(), Key: lockKey({ kind: 'partnership-pair', id: `${providerTenantId}#${resellerTenantId}` }), ConsistentRead: true }));
    return out.Item !== undefined;
  },
};

/** Relationships on DynamoDB. */
export const relationships: Relationships = /* @__PURE__ */ compose(relationshipReader, {
  terminate(next: Relationship) {
    const [provider, reseller] = relationshipPuts(next);
    return transact([
      { Put: { ...provider!.Put!, ConditionExpression: '#state = :active', ExpressionAttributeNames: { '#state': 'state' }, ExpressionAttributeValues: { ':active': 'active' } } },
      reseller!,
      { Delete: { TableName: tableName(), Key: lockKey({ kind: 'partnership-pair', id: `${next.providerTenantId}#${next.resellerTenantId}` }) } },
    ]);
  },
});
