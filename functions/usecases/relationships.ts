/** Relationships between providers and resellers: lists (PRT-5, PRT-7), removal (PRT-8) and termination (PRT-9). */
import type { Caller } from '#domain/caller.js';
import { notActiveRefusal, removalRefusal, removerRefusal, type Relationship, type RelationshipReader, type Relationships } from '#domain/partnerships.js';
import type { Clock, PartnerReader, Partners } from '#domain/ports.js';
import { assertAllowed, conflict, notFound } from '#domain/refusal.js';

export interface RelationshipPorts {
  relationships: Relationships;
  partners: Pick<Partners, 'get' | 'getMany'>;
  clock: Clock;
}

/** What the relationship reads need (GET changes nothing). */
export interface RelationshipReadPorts {
  relationships: RelationshipReader;
  partners: Pick<PartnerReader, 'get' | 'getMany'>;
}

/** A relationship with its reseller's profile (for PRT-7's canTransact). */
export interface RelationshipView {
  relationship: Relationship;
  reseller: Awaited<ReturnType<Partners['get']>>;
}

/** PRT-5: the caller's indirect resellers (as a provider) or indirect providers (as a reseller). */
export async function listRelationships(p: RelationshipReadPorts, caller: Caller, type: 'indirect_reseller' | 'indirect_provider', state: Relationship['state'], limit: number, cursor?: Record<string, unknown>) {
  const page = await p.relationships.of(type === 'indirect_reseller' ? 'provider' : 'reseller', caller.tenantId, state, limit, cursor);
  const resellers = await p.partners.getMany(page.items.map((r) => r.resellerTenantId));
  return { items: page.items.map((relationship): RelationshipView => ({ relationship, reseller: resellers.get(relationship.resellerTenantId) })), next: page.next };
}

/** A relationship the caller is party to (or any, for the operator); others learn nothing. */
export async function readRelationship(p: RelationshipReadPorts, caller: Caller, id: string): Promise<RelationshipView> {
  const rel = await p.relationships.get(id);
  const party = rel && (rel.providerTenantId === caller.tenantId || rel.resellerTenantId === caller.tenantId || caller.roles.includes('operator'));
  if (!rel || !party) throw notFound('relationship');
  return { relationship: rel, reseller: await p.partners.get(rel.resellerTenantId) };
}

async function terminate(p: RelationshipPorts, rel: Relationship, actor: string, action: string, note: string): Promise<RelationshipView> {
  const now = p.clock.now().toISOString();
  // PRT-8: customers and delegated admin grants are left as they are; no email is sent.
  const next: Relationship = { ...rel, state: 'terminated', terminatedAt: now, history: [...rel.history, { at: now, actor, action, from: 'active', to: 'terminated', note }] };
  if (!(await p.relationships.terminate(next))) throw conflict('relationship_not_active', 'The relationship is no longer active.');
  return { relationship: next, reseller: await p.partners.get(rel.resellerTenantId) };
}

/**
 * PRT-8 / PRT-9: the provider removes the partnership with an explicit confirmation and a
 * good-faith attestation (kept in the audit trail); the reseller cannot remove it itself.
 */
export async function removeRelationship(p: RelationshipPorts, caller: Caller, id: string, body: { confirm: boolean; attestation: boolean; reason?: string | undefined }) {
  const rel = await p.relationships.get(id);
  if (!rel || (rel.providerTenantId !== caller.tenantId && rel.resellerTenantId !== caller.tenantId)) throw notFound('relationship');
  assertAllowed(removerRefusal(rel, caller));
  assertAllowed(removalRefusal(body));
  assertAllowed(notActiveRefusal(rel));
  const note = `attested by ${caller.email}: removed in good faith for a legitimate business purpose${body.reason ? `; reason: ${body.reason}` : ''}`;
  return terminate(p, rel, `user:${caller.sub}`, 'relationship.removed_by_provider', note);
}

/** PRT-9: the operator terminates a partnership on the reseller's support request. */
export async function operatorTerminate(p: RelationshipPorts, caller: Caller, id: string, body: { reason: string; supportTicket?: string | undefined }) {
  const rel = await p.relationships.get(id);
  if (!rel) throw notFound('relationship');
  assertAllowed(notActiveRefusal(rel));
  const note = `${body.reason}${body.supportTicket ? ` (ticket ${body.supportTicket})` : ''}`;
  return terminate(p, rel, `operator:${caller.sub}`, 'relationship.terminated_by_operator', note);
}
