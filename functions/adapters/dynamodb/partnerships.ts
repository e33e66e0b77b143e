import { BatchGetCommand, GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { requestNextDue, type PartnershipRequest, type Relationship } from '#domain/partnerships.js';
import type { Partner } from '#domain/partners.js';
import { cursorFor } from '#lib/cursor.js';
import { ddb, tableName } from './client.js';
import { partnerKey } from './partners.js';
import { conditionally, notifiedUpdate, splitItem, versionedUpdate, waitTokenUpdate, type ReadState, type TransactItem } from './versioned.js';

export const requestKey = (id: string) => ({ pk: `PREQ#${id}`, sk: 'PREQ' });
export const pendingLockKey = (providerTenantId: string, email: string) => ({ pk: `PREQLOCK#${providerTenantId}#${email.toLowerCase()}`, sk: 'LOCK' });
export const relationshipKey = (id: string) => ({ pk: `REL#${id}`, sk: 'REL' });
const resellerViewKey = (id: string) => ({ pk: `REL#${id}`, sk: 'RESELLER_VIEW' });
export const pairKey = (providerTenantId: string, resellerTenantId: string) => ({ pk: `PAIR#${providerTenantId}#${resellerTenantId}`, sk: 'PAIR' });

const outOfBand = new Set(['pk', 'sk', 'gsi1pk', 'gsi1sk', 'dueShard', 'dueAt', 'dueAction', 'waitToken', 'notified', 'ttl']);

export interface RequestTiming {
  reminders: number[];
  livenessSeconds: number;
}

export interface RequestRecord {
  request: PartnershipRequest;
  waitToken?: string;
  notified?: string;
}

function requestIndex(r: PartnershipRequest, t: RequestTiming, now: string) {
  const due = requestNextDue(r, t.reminders, t.livenessSeconds, now);
  return {
    set: { gsi1pk: `PROVIDER#${r.providerTenantId}#PREQ`, gsi1sk: `${r.createdAt}#${r.id}`, ...(due ? { dueShard: 'partnership-request', dueAt: due.at, dueAction: due.action } : {}) },
    remove: due ? [] : ['dueShard', 'dueAt', 'dueAction'],
  };
}

export function requestPut(r: PartnershipRequest, t: RequestTiming, now: string): TransactItem {
  return { Put: { TableName: tableName(), Item: { ...requestKey(r.id), ...r, ...requestIndex(r, t, now).set }, ConditionExpression: 'attribute_not_exists(pk)' } };
}

export const requestUpdate = (r: PartnershipRequest, read: ReadState, t: RequestTiming, now: string): TransactItem =>
  versionedUpdate(requestKey(r.id), r, read, requestIndex(r, t, now));

/** PRT-10: at most one pending request per provider and address. */
export const pendingLockPut = (r: PartnershipRequest): TransactItem => ({
  Put: { TableName: tableName(), Item: { ...pendingLockKey(r.providerTenantId, r.email), requestId: r.id }, ConditionExpression: 'attribute_not_exists(pk)' },
});
export const pendingLockDelete = (r: PartnershipRequest): TransactItem => ({ Delete: { TableName: tableName(), Key: pendingLockKey(r.providerTenantId, r.email) } });

/** PRT-10: at most one active partnership per provider/reseller pair. */
export const pairLockPut = (rel: Relationship): TransactItem => ({
  Put: { TableName: tableName(), Item: { ...pairKey(rel.providerTenantId, rel.resellerTenantId), relationshipId: rel.id }, ConditionExpression: 'attribute_not_exists(pk)' },
});
export const pairLockDelete = (rel: Relationship): TransactItem => ({ Delete: { TableName: tableName(), Key: pairKey(rel.providerTenantId, rel.resellerTenantId) } });

/** PRT-5: the relationship, listed on the provider's side and (as a copy) on the reseller's. */
export function relationshipPuts(rel: Relationship): TransactItem[] {
  const sortKey = `${rel.state}#${rel.createdAt}#${rel.id}`;
  return [
    { Put: { TableName: tableName(), Item: { ...relationshipKey(rel.id), ...rel, gsi1pk: `RELS#P#${rel.providerTenantId}`, gsi1sk: sortKey }, ...(rel.state === 'active' ? { ConditionExpression: 'attribute_not_exists(pk)' } : {}) } },
    { Put: { TableName: tableName(), Item: { ...resellerViewKey(rel.id), ...rel, gsi1pk: `RELS#R#${rel.resellerTenantId}`, gsi1sk: sortKey } } },
  ];
}

/** The terminated relationship replaces both copies, if it was still active. */
export function relationshipTerminate(rel: Relationship): TransactItem[] {
  const [provider, reseller] = relationshipPuts(rel);
  return [
    { Put: { ...provider!.Put!, ConditionExpression: '#state = :active', ExpressionAttributeNames: { '#state': 'state' }, ExpressionAttributeValues: { ':active': 'active' } } },
    reseller!,
  ];
}

export async function getRequest(id: string): Promise<RequestRecord | undefined> {
  const out = await ddb.send(new GetCommand({ TableName: tableName(), Key: requestKey(id), ConsistentRead: true }));
  if (!out.Item) return undefined;
  const { entity, ...rest } = splitItem<PartnershipRequest>(out.Item, outOfBand);
  return { request: entity, ...rest };
}

export async function getRelationship(id: string): Promise<Relationship | undefined> {
  const out = await ddb.send(new GetCommand({ TableName: tableName(), Key: relationshipKey(id), ConsistentRead: true }));
  return out.Item ? splitItem<Relationship>(out.Item, outOfBand).entity : undefined;
}

export async function pairExists(providerTenantId: string, resellerTenantId: string): Promise<boolean> {
  const out = await ddb.send(new GetCommand({ TableName: tableName(), Key: pairKey(providerTenantId, resellerTenantId), ConsistentRead: true }));
  return out.Item !== undefined;
}

export async function requestsOfProvider(providerTenantId: string, status: string | undefined, limit: number, cursor?: Record<string, unknown>) {
  const out = await ddb.send(
    new QueryCommand({
      TableName: tableName(),
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ...(status ? { FilterExpression: '#status = :status', ExpressionAttributeNames: { '#status': 'status' } } : {}),
      ExpressionAttributeValues: { ':pk': `PROVIDER#${providerTenantId}#PREQ`, ...(status ? { ':status': status } : {}) },
      ScanIndexForward: false,
      Limit: limit,
      ...(cursor ? { ExclusiveStartKey: cursorFor(cursor, { name: 'gsi1pk', value: `PROVIDER#${providerTenantId}#PREQ` }) } : {}),
    }),
  );
  return { items: (out.Items ?? []).map((i) => splitItem<PartnershipRequest>(i, outOfBand).entity), next: out.LastEvaluatedKey };
}

/** PRT-5 lists: a provider's resellers or a reseller's providers, active ones by default. */
export async function relationshipsOf(side: 'provider' | 'reseller', tenantId: string, state: 'active' | 'terminated', limit: number, cursor?: Record<string, unknown>) {
  const out = await ddb.send(
    new QueryCommand({
      TableName: tableName(),
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk AND begins_with(gsi1sk, :state)',
      ExpressionAttributeValues: { ':pk': `RELS#${side === 'provider' ? 'P' : 'R'}#${tenantId}`, ':state': `${state}#` },
      Limit: limit,
      ...(cursor ? { ExclusiveStartKey: cursorFor(cursor, { name: 'gsi1pk', value: `RELS#${side === 'provider' ? 'P' : 'R'}#${tenantId}` }) } : {}),
    }),
  );
  return { items: (out.Items ?? []).map((i) => splitItem<Relationship>(i, outOfBand).entity), next: out.LastEvaluatedKey };
}

/** Partner profiles of several tenants in one round trip (for PRT-7 in lists). */
export async function partnersByTenant(tenantIds: string[]): Promise<Map<string, Partner>> {
  const unique = [...new Set(tenantIds)];
  const found = new Map<string, Partner>();
  for (let i = 0; i < unique.length; i += 100) {
    const out = await ddb.send(new BatchGetCommand({ RequestItems: { [tableName()]: { Keys: unique.slice(i, i + 100).map(partnerKey) } } }));
    for (const item of out.Responses?.[tableName()] ?? []) found.set(String(item.tenantId), item as unknown as Partner);
  }
  return found;
}

export async function dueRequests(now: string, limit: number): Promise<string[]> {
  const out = await ddb.send(
    new QueryCommand({
      TableName: tableName(),
      IndexName: 'due',
      KeyConditionExpression: 'dueShard = :s AND dueAt <= :now',
      ExpressionAttributeValues: { ':s': 'partnership-request', ':now': now },
      Limit: limit,
    }),
  );
  // The due index projects keys only: the id is in the item's key.
  return (out.Items ?? []).map((i) => String(i.pk).replace(/^PREQ#/, ''));
}

export const registerRequestWait = (id: string, token: string, expectVersion: number) =>
  conditionally(() => ddb.send(new UpdateCommand(waitTokenUpdate(requestKey(id), token, expectVersion))));

export const markRequestNotified = (id: string, key: string, previous: string | undefined) =>
  conditionally(() => ddb.send(new UpdateCommand(notifiedUpdate(requestKey(id), key, previous))));
