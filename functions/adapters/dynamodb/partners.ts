import { GetCommand, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Partner, RegistryEntry } from '#domain/partners.js';
import type { PartnerReader, PartnerWrite, Partners } from '#domain/ports.js';
import { batchGet, ddb, tableName } from './client.js';
import { conditionally, transact, type TransactItem } from './lifecycle-store.js';
import { partnerAgreementUpdate, partnerStatusUpdate } from './partner-updates.js';

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

/** A partner ID's registry entry and a tenant's profile: one consistent BatchGetItem. */
async function registryEntryAndProfile(partnerId: string, tenantId: string): Promise<{ registry: RegistryEntry | undefined; partner: Partner | undefined }> {
  const registry = registryKey(partnerId);
  const profile = partnerKey(tenantId);
  const items = await batchGet([registry, profile], { consistent: true });
  const find = (key: { pk: string; sk: string }) => items.find((i) => i.pk === key.pk && i.sk === key.sk);
  return { registry: strip<RegistryEntry>(find(registry)), partner: strip<Partner>(find(profile)) };
}

/** Partner profiles of several tenants in one round trip per 100. */
async function partnersByTenant(tenantIds: string[]): Promise<Map<string, Partner>> {
  const items = await batchGet([...new Set(tenantIds)].map(partnerKey), { consistent: false });
  return new Map(items.map((item) => [String(item.tenantId), strip<Partner>(item)!]));
}

/** The items of partner writes committed with an entity's change. */
export function partnerItems(write: PartnerWrite): TransactItem[] {
  switch (write.type) {
    case 'partner.status':
      return [partnerStatusUpdate(write.tenantId, write.status, write.entry, write.adminAgent)];
    case 'partner.agreement':
      return [partnerAgreementUpdate(write.tenantId, write.acceptance, write.entry, write.activation)];
  }
}

/** Partner profiles and the registry on DynamoDB, read only. */
export const partnerReader: PartnerReader = {
  get: getPartner,
  getMany: partnersByTenant,
  registryEntry: getRegistryEntry,
  registryEntryAndProfile,
};

/** The partners port on DynamoDB. */
export const partners: Partners = {
  get: getPartner,
  getMany: partnersByTenant,
  registryEntry: getRegistryEntry,
  registryEntryAndProfile,
  putRegistryEntry,
  createOnboarded: (partner) => conditionally(() => createOnboardedPartner(partner)),
  recordAgreement: (tenantId, acceptance, entry) => transact([partnerAgreementUpdate(tenantId, acceptance, entry)]),
};
