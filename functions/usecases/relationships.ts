import { isConditionFailed } from '#adapters/dynamodb/client.js';
import { transact } from '#adapters/dynamodb/enrollments.js';
import { getPartner } from '#adapters/dynamodb/partners.js';
import { getRelationship, pairLockDelete, partnersByTenant, relationshipsOf, relationshipTerminate } from '#adapters/dynamodb/partnerships.js';
import { relationshipResource, type Relationship } from '#domain/partnerships.js';
import type { Caller } from '#lib/auth.js';
import { systemClock } from '#lib/clock.js';
import { conflict, forbidden, notFound, ruleViolation } from '#lib/errors.js';

/** PRT-5: the caller's indirect resellers (as a provider) or indirect providers (as a reseller), with PRT-7's canTransact. */
export async function listRelationships(caller: Caller, type: 'indirect_reseller' | 'indirect_provider', state: 'active' | 'terminated', limit: number, cursor?: Record<string, unknown>) {
  const side = type === 'indirect_reseller' ? 'provider' : 'reseller';
  const page = await relationshipsOf(side, caller.tenantId, state, limit, cursor);
  const resellers = await partnersByTenant(page.items.map((r) => r.resellerTenantId));
  return { data: page.items.map((rel) => relationshipResource(rel, resellers.get(rel.resellerTenantId))), next: page.next };
}

/** A relationship the caller is party to (or any, for the operator); others learn nothing. */
export async function readRelationship(caller: Caller, id: string) {
  const rel = await getRelationship(id);
  const party = rel && (rel.providerTenantId === caller.tenantId || rel.resellerTenantId === caller.tenantId || caller.roles.includes('operator'));
  if (!rel || !party) throw notFound('relationship');
  return relationshipResource(rel, await getPartner(rel.resellerTenantId));
}

async function terminate(rel: Relationship, actor: string, action: string, note: string): Promise<Relationship> {
  const now = systemClock.now().toISOString();
  // PRT-8: customers and delegated admin grants are left as they are; no email is sent.
  const next: Relationship = { ...rel, state: 'terminated', terminatedAt: now, history: [...rel.history, { at: now, actor, action, from: 'active', to: 'terminated', note }] };
  try {
    await transact([...relationshipTerminate(next), pairLockDelete(rel)]);
  } catch (error) {
    if (isConditionFailed(error)) throw conflict('relationship_not_active', 'The relationship is no longer active.');
    throw error;
  }
  return next;
}

/**
 * PRT-8 / PRT-9: the provider removes the partnership with an explicit confirmation and a
 * good-faith attestation (kept in the audit trail); the reseller cannot remove it itself.
 */
export async function removeRelationship(caller: Caller, id: string, body: { confirm: boolean; attestation: boolean; reason?: string }) {
  const rel = await getRelationship(id);
  if (!rel || (rel.providerTenantId !== caller.tenantId && rel.resellerTenantId !== caller.tenantId)) throw notFound('relationship');
  if (rel.resellerTenantId === caller.tenantId) {
    throw forbidden('reseller_cannot_remove', 'A reseller cannot remove a partnership itself; ask the program’s support to terminate it.', 'PRT-9');
  }
  if (!caller.roles.includes('global_admin') && !caller.roles.includes('admin_agent')) {
    throw forbidden('role_not_allowed', 'Only a global admin or admin agent of the provider may remove a partnership.', 'PRT-8');
  }
  if (!body.confirm || !body.attestation) {
    throw ruleViolation('PRT-8', 'confirmation_required', 'Removing a partnership needs confirm:true and the attestation that it was decided in good faith for a legitimate business purpose.', body.confirm ? 'attestation' : 'confirm');
  }
  if (rel.state !== 'active') throw conflict('relationship_not_active', 'The relationship is no longer active.');
  const note = `attested by ${caller.email}: removed in good faith for a legitimate business purpose${body.reason ? `; reason: ${body.reason}` : ''}`;
  return relationshipResource(await terminate(rel, `user:${caller.sub}`, 'relationship.removed_by_provider', note), await getPartner(rel.resellerTenantId));
}

/** PRT-9: the operator terminates a partnership on the reseller's support request. */
export async function operatorTerminate(caller: Caller, id: string, body: { reason: string; supportTicket?: string }) {
  const rel = await getRelationship(id);
  if (!rel) throw notFound('relationship');
  if (rel.state !== 'active') throw conflict('relationship_not_active', 'The relationship is no longer active.');
  const note = `${body.reason}${body.supportTicket ? ` (ticket ${body.supportTicket})` : ''}`;
  return relationshipResource(await terminate(rel, `operator:${caller.sub}`, 'relationship.terminated_by_operator', note), await getPartner(rel.resellerTenantId));
}
