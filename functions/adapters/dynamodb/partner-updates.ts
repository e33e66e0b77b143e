import type { HistoryEntry, Partner } from '#domain/partners.js';
import type { PartnerAgreement } from '#domain/ports.js';
import { tableName } from './client.js';
import type { TransactItem } from './lifecycle-store.js';

const partnerKey = (tenantId: string) => ({ pk: `TENANT#${tenantId}`, sk: 'PARTNER' });

/** Sets a partner's status (and optionally its first admin agent, ENR-13), with an audit entry. */
export function partnerStatusUpdate(tenantId: string, status: Partner['status'], entry: HistoryEntry, adminAgent?: string): TransactItem {
  return {
    Update: {
      TableName: tableName(),
      Key: partnerKey(tenantId),
      UpdateExpression: `SET #status = :s, updatedAt = :now, history = list_append(history, :h)${adminAgent ? ', adminAgents = :agents' : ''}`,
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':s': status, ':now': entry.at, ':h': [entry], ...(adminAgent ? { ':agents': [adminAgent] } : {}) },
    },
  };
}

/** MPA-2: records an acceptance unless this version is already accepted (then the condition fails). */
export function partnerAgreementUpdate(tenantId: string, acceptance: PartnerAgreement, entry: HistoryEntry, activation?: { entry: HistoryEntry; adminAgent: string }): TransactItem {
  return {
    Update: {
      TableName: tableName(),
      Key: partnerKey(tenantId),
      UpdateExpression: `SET agreement = :a, updatedAt = :now, history = list_append(history, :h)${activation ? ', #status = :s, adminAgents = :agents' : ''}`,
      ConditionExpression: 'attribute_exists(pk) AND (agreement.accepted = :false OR agreement.version <> :v)',
      ...(activation ? { ExpressionAttributeNames: { '#status': 'status' } } : {}),
      ExpressionAttributeValues: {
        ':a': acceptance,
        ':now': activation?.entry.at ?? entry.at,
        ':h': activation ? [entry, activation.entry] : [entry],
        ':false': false,
        ':v': acceptance.version,
        ...(activation ? { ':s': 'active', ':agents': [activation.adminAgent] } : {}),
      },
    },
  };
}
