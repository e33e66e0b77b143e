import { GetCommand, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Partner, RegistryEntry } from '#domain/partners.js';
import { ddb, tableName } from './client.js';

export const partnerKey = (tenantId: string) => ({ pk: `TENANT#${tenantId}`, sk: 'PARTNER' });
export const registryKey = (partnerId: string) => ({ pk: `PARTNERID#${partnerId.toUpperCase()}`, sk: 'REGISTRY' });

const strip = <T extends object>(item: Record<string, unknown> | undefined): T | undefined => {
  if (!item) return undefined;
  const { pk: _pk, sk: _sk, gsi1pk: _g1, gsi1sk: _g2, dueShard: _d1, dueAt: _d2, ttl: _t, ...rest } = item;
  return rest as T;
};

export async function getPartner(tenantId: string): Promise<Partner | undefined> {
  const out = await ddb.send(new GetCommand({ TableName: tableName(), Key: partnerKey(tenantId), ConsistentRead: true }));
  return strip<Partner>(out.Item);
}

export async function getRegistryEntry(partnerId: string): Promise<RegistryEntry | undefined> {
  const out = await ddb.send(new GetCommand({ TableName: tableName(), Key: registryKey(partnerId), ConsistentRead: true }));
  return strip<RegistryEntry>(out.Item);
}

/** Writes a registry entry, keeping its link to a tenant (ENR-5) untouched. */
export async function putRegistryEntry(entry: Omit<RegistryEntry, 'linkedTenantId'>): Promise<RegistryEntry> {
  const existing = await getRegistryEntry(entry.partnerId);
  const item: RegistryEntry = { ...entry, ...(existing?.linkedTenantId ? { linkedTenantId: existing.linkedTenantId } : {}) };
  await ddb.send(
    new PutCommand({
      TableName: tableName(),
      Item: { ...registryKey(entry.partnerId), ...item },
      // Lost update guard: the link may have changed since the read.
      ConditionExpression: existing?.linkedTenantId ? 'linkedTenantId = :t' : 'attribute_not_exists(linkedTenantId)',
      ...(existing?.linkedTenantId ? { ExpressionAttributeValues: { ':t': existing.linkedTenantId } } : {}),
    }),
  );
  return item;
}

/**
 * Creates an operator-onboarded partner and links its partner ID in one transaction:
 * fails (ConditionalCheckFailed) if the tenant is a partner already or the partner ID
 * is no longer active, of that country, and free.
 */
export async function createOnboardedPartner(partner: Partner): Promise<void> {
  await ddb.send(
    new TransactWriteCommand({
      TransactItems: [
        {
          Put: {
            TableName: tableName(),
            Item: { ...partnerKey(partner.tenantId), ...partner },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        {
          Update: {
            TableName: tableName(),
            Key: registryKey(partner.partnerId),
            UpdateExpression: 'SET linkedTenantId = :t',
            ConditionExpression: '#status = :active AND country = :c AND attribute_not_exists(linkedTenantId)',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':t': partner.tenantId, ':active': 'active', ':c': partner.company.address.country },
          },
        },
      ],
    }),
  );
}
