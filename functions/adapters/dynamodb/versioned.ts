import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { isConditionFailed, tableName } from './client.js';

export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** What a change read: the entity's version and the workflow token parked on it then. */
export interface ReadState {
  version: number;
  waitToken: string | undefined;
}

/**
 * A versioned update: writes every attribute of `entity` plus index attributes, removes
 * the named ones, if nobody changed the item since it was read (optimistic locking).
 * Attributes written out of band (workflow tokens, notification marks) are never touched,
 * but the condition includes the parked token: if the workflow parked a new one after
 * the read, the write fails and is retried with it, so the wake-up reaches the token
 * that is actually waiting.
 */
export function versionedUpdate(
  key: { pk: string; sk: string },
  entity: object,
  read: ReadState,
  index: { set: Record<string, unknown>; remove: string[] },
): TransactItem {
  const names: Record<string, string> = { '#version': 'version', '#waitToken': 'waitToken' };
  const values: Record<string, unknown> = { ':expect': read.version, ...(read.waitToken === undefined ? {} : { ':waitToken': read.waitToken }) };
  const sets: string[] = [];
  let i = 0;
  for (const [k, v] of Object.entries({ ...entity, ...index.set })) {
    if (k === 'pk' || k === 'sk' || v === undefined) continue;
    names[`#a${i}`] = k;
    values[`:v${i}`] = v;
    sets.push(`#a${i} = :v${i}`);
    i++;
  }
  const removes = index.remove.map((k, j) => {
    names[`#r${j}`] = k;
    return `#r${j}`;
  });
  return {
    Update: {
      TableName: tableName(),
      Key: key,
      UpdateExpression: `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`,
      ConditionExpression: `#version = :expect AND ${read.waitToken === undefined ? 'attribute_not_exists(#waitToken)' : '#waitToken = :waitToken'}`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  };
}

/** Splits a stored item into the entity and the out-of-band attributes. */
export function splitItem<T>(item: Record<string, unknown>, outOfBand: ReadonlySet<string>): { entity: T; waitToken?: string; notified?: string } {
  const entity: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(item)) if (!outOfBand.has(k)) entity[k] = v;
  return {
    entity: entity as T,
    ...(typeof item.waitToken === 'string' ? { waitToken: item.waitToken } : {}),
    ...(typeof item.notified === 'string' ? { notified: item.notified } : {}),
  };
}

/** Parks a workflow's task token on an item if it is still at the version the workflow read. */
export function waitTokenUpdate(key: { pk: string; sk: string }, token: string, expectVersion: number) {
  return {
    TableName: tableName(),
    Key: key,
    UpdateExpression: 'SET waitToken = :t',
    ConditionExpression: '#version = :v',
    ExpressionAttributeNames: { '#version': 'version' },
    ExpressionAttributeValues: { ':t': token, ':v': expectVersion },
  };
}

/** Marks the notification `key` as sent, once (compare-and-set on the previous mark). */
export function notifiedUpdate(key: { pk: string; sk: string }, next: string, previous: string | undefined) {
  return {
    TableName: tableName(),
    Key: key,
    UpdateExpression: 'SET notified = :k',
    ConditionExpression: previous === undefined ? 'attribute_not_exists(notified)' : 'notified = :p',
    ExpressionAttributeValues: { ':k': next, ...(previous === undefined ? {} : { ':p': previous }) },
  };
}

/** Runs a conditional write: true if it happened, false if its condition did not hold. */
export async function conditionally(write: () => Promise<unknown>): Promise<boolean> {
  try {
    await write();
    return true;
  } catch (error) {
    if (isConditionFailed(error)) return false;
    throw error;
  }
}
