import { DeleteCommand, GetCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { conditionally, notifiedUpdate, splitItem, versionedUpdate, waitTokenUpdate, type ReadState, type TransactItem } from './versioned.js';
import { nextDue, type Enrollment, type Timing } from '#domain/enrollment.js';
import type { Partner } from '#domain/partners.js';
import { cursorFor } from '#lib/cursor.js';
import { ddb, tableName } from './client.js';
import { partnerKey, registryKey } from './partners.js';


export const enrollmentKey = (id: string) => ({ pk: `ENROLLMENT#${id}`, sk: 'ENROLLMENT' });
export const tenantLockKey = (tenantId: string) => ({ pk: `TENANT#${tenantId}`, sk: 'ENROLLMENT_LOCK' });
export const linkKey = (hash: string) => ({ pk: `LINK#${hash}`, sk: 'LINK' });
export const contactMailKey = (email: string, enrollmentId: string) => ({ pk: `CONTACTMAIL#${email.toLowerCase()}`, sk: `ENROLLMENT#${enrollmentId}` });

/** Attributes written by the workflow outside the entity's versioned state. */
export interface EnrollmentRecord {
  enrollment: Enrollment;
  waitToken?: string;
  notified?: string;
}

export interface LinkRecord {
  kind: 'verify' | 'invitation';
  subjectId: string;
  generation: number;
  expiresAt: string;
  usedAt?: string;
}

const outOfBand = new Set(['pk', 'sk', 'gsi1pk', 'gsi1sk', 'dueShard', 'dueAt', 'dueAction', 'waitToken', 'notified', 'ttl']);

function indexAttributes(e: Enrollment, timing: Timing, now: string) {
  const due = nextDue(e, timing, now);
  return {
    set: { gsi1pk: `ENRSTATUS#${e.status}`, gsi1sk: `${e.createdAt}#${e.id}`, ...(due ? { dueShard: 'enrollment', dueAt: due.at, dueAction: due.action } : {}) },
    remove: due ? [] : ['dueShard', 'dueAt', 'dueAction'],
  };
}

export function toRecord(item: Record<string, unknown> | undefined): EnrollmentRecord | undefined {
  if (!item) return undefined;
  const { entity, ...rest } = splitItem<Enrollment>(item, outOfBand);
  return { enrollment: entity, ...rest };
}

export async function getEnrollment(id: string): Promise<EnrollmentRecord | undefined> {
  const out = await ddb.send(new GetCommand({ TableName: tableName(), Key: enrollmentKey(id), ConsistentRead: true }));
  return toRecord(out.Item);
}

/** The put of a new enrollment with its index attributes. */
export function enrollmentPut(e: Enrollment, timing: Timing, now: string): TransactItem {
  const idx = indexAttributes(e, timing, now);
  return { Put: { TableName: tableName(), Item: { ...enrollmentKey(e.id), ...e, ...idx.set }, ConditionExpression: 'attribute_not_exists(pk)' } };
}

/** The versioned update of an enrollment (see versionedUpdate). */
export function enrollmentUpdate(e: Enrollment, read: ReadState, timing: Timing, now: string): TransactItem {
  return versionedUpdate(enrollmentKey(e.id), e, read, indexAttributes(e, timing, now));
}

/** ENR-5 guards of a new enrollment: the tenant lock, the partner ID link, the reseller profile. */
export function newEnrollmentGuards(e: Enrollment, partner: Partner): TransactItem[] {
  return [
    { Put: { TableName: tableName(), Item: { ...tenantLockKey(e.tenantId), enrollmentId: e.id }, ConditionExpression: 'attribute_not_exists(pk)' } },
    {
      Update: {
        TableName: tableName(),
        Key: registryKey(e.partnerId),
        UpdateExpression: 'SET linkedTenantId = :t',
        ConditionExpression: '#status = :active AND country = :c AND (attribute_not_exists(linkedTenantId) OR linkedTenantId = :t)',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':t': e.tenantId, ':active': 'active', ':c': e.company.address.country },
      },
    },
    {
      Put: {
        TableName: tableName(),
        Item: { ...partnerKey(partner.tenantId), ...partner },
        // A tenant that is a provider/direct-bill partner, or an active reseller, cannot enroll again.
        ConditionExpression: 'attribute_not_exists(pk) OR (#type = :reseller AND #status <> :active)',
        ExpressionAttributeNames: { '#type': 'type', '#status': 'status' },
        ExpressionAttributeValues: { ':reseller': 'indirect_reseller', ':active': 'active' },
      },
    },
  ];
}

/** Releases ENR-5's locks when an enrollment ends (rejected/expired): the tenant may enroll again. */
export function releaseGuards(e: Enrollment): TransactItem[] {
  return [
    { Delete: { TableName: tableName(), Key: tenantLockKey(e.tenantId) } },
    {
      Update: {
        TableName: tableName(),
        Key: registryKey(e.partnerId),
        UpdateExpression: 'REMOVE linkedTenantId',
        ConditionExpression: 'linkedTenantId = :t',
        ExpressionAttributeValues: { ':t': e.tenantId },
      },
    },
  ];
}

export function linkPut(hash: string, link: LinkRecord, ttlSeconds: number): TransactItem {
  return { Put: { TableName: tableName(), Item: { ...linkKey(hash), ...link, ttl: ttlSeconds }, ConditionExpression: 'attribute_not_exists(pk)' } };
}

/** Marks a link used, once, while unexpired (ENR-7 single use). */
export function linkUse(hash: string, now: string): TransactItem {
  return {
    Update: {
      TableName: tableName(),
      Key: linkKey(hash),
      UpdateExpression: 'SET usedAt = :now',
      ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(usedAt) AND expiresAt > :now',
      ExpressionAttributeValues: { ':now': now },
    },
  };
}

export function linkDelete(hash: string): TransactItem {
  return { Delete: { TableName: tableName(), Key: linkKey(hash) } };
}

export function contactMailPut(email: string, enrollmentId: string): TransactItem {
  return { Put: { TableName: tableName(), Item: { ...contactMailKey(email, enrollmentId), enrollmentId } } };
}

export function contactMailDelete(email: string, enrollmentId: string): TransactItem {
  return { Delete: { TableName: tableName(), Key: contactMailKey(email, enrollmentId) } };
}

export async function getLink(hash: string): Promise<LinkRecord | undefined> {
  const out = await ddb.send(new GetCommand({ TableName: tableName(), Key: linkKey(hash), ConsistentRead: true }));
  return out.Item as LinkRecord | undefined;
}

export async function transact(items: TransactItem[]): Promise<void> {
  await ddb.send(new TransactWriteCommand({ TransactItems: items }));
}

/** Enrollments whose primary contact is this address (ENR-12 bounces). */
export async function enrollmentIdsByContact(email: string): Promise<string[]> {
  const out = await ddb.send(
    new QueryCommand({ TableName: tableName(), KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': `CONTACTMAIL#${email.toLowerCase()}` } }),
  );
  return (out.Items ?? []).map((i) => String(i.enrollmentId));
}

/** The operator's review queue: enrollments in a status, oldest first, paginated. */
export async function enrollmentsByStatus(status: string, limit: number, cursor?: Record<string, unknown>) {
  const out = await ddb.send(
    new QueryCommand({
      TableName: tableName(),
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': `ENRSTATUS#${status}` },
      Limit: limit,
      ...(cursor ? { ExclusiveStartKey: cursorFor(cursor, { name: 'gsi1pk', value: `ENRSTATUS#${status}` }) } : {}),
    }),
  );
  return { items: (out.Items ?? []).map((i) => toRecord(i)!.enrollment), next: out.LastEvaluatedKey };
}

/** Due enrollments (sparse index): only items with dueAt <= now are read. */
export async function dueEnrollments(now: string, limit: number): Promise<string[]> {
  const out = await ddb.send(
    new QueryCommand({
      TableName: tableName(),
      IndexName: 'due',
      KeyConditionExpression: 'dueShard = :s AND dueAt <= :now',
      ExpressionAttributeValues: { ':s': 'enrollment', ':now': now },
      Limit: limit,
    }),
  );
  // The due index projects keys only: the id is in the item's key.
  return (out.Items ?? []).map((i) => String(i.pk).replace(/^ENROLLMENT#/, ''));
}

/** The workflow parks on a task token, if the enrollment is still at the version it read. */
export const registerWait = (id: string, token: string, expectVersion: number): Promise<boolean> =>
  conditionally(() => ddb.send(new UpdateCommand(waitTokenUpdate(enrollmentKey(id), token, expectVersion))));

/** Records that the contact was told about `key` (ENR-9), once. */
export const markNotified = (id: string, key: string, previous: string | undefined): Promise<boolean> =>
  conditionally(() => ddb.send(new UpdateCommand(notifiedUpdate(enrollmentKey(id), key, previous))));

export async function deleteItem(key: { pk: string; sk: string }): Promise<void> {
  await ddb.send(new DeleteCommand({ TableName: tableName(), Key: key }));
}
