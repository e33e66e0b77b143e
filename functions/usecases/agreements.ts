/** The partner agreement (MPA-1..5). */
import type { Caller } from '#domain/caller.js';
import { agreementStatusViewerRefusal, agreementTimingRefusal, agreementVersionRefusal, isTerminal, transition } from '#domain/enrollment.js';
import { readStateOf, type PartnerAgreement } from '#domain/ports.js';
import { assertAllowed, conflict, notFound } from '#domain/refusal.js';
import { config } from '#lib/config.js';
import type { EnrollmentPorts } from './enrollment/lifecycle.js';

/** `GET /agreements/current`. */
export function currentAgreement() {
  const c = config();
  return { type: 'partner_agreement', version: c.AGREEMENT_VERSION, title: `Partner Agreement (${c.AGREEMENT_VERSION})`, url: c.AGREEMENT_URL };
}

export type Acceptance = PartnerAgreement & { type: 'partner_agreement' };

/**
 * MPA-1/2/5: a global admin accepts the current agreement for the tenant. Recorded with
 * version, who, when and from where; a second acceptance answers the first (created=false).
 * For a reseller the open enrollment learns of it atomically and its workflow is woken.
 */
export async function acceptAgreement(p: Pick<EnrollmentPorts, 'partners' | 'enrollments' | 'workflows' | 'clock'>, caller: Caller, version: string, from: { ipAddress: string; userAgent: string }): Promise<{ acceptance: Acceptance; created: boolean }> {
  const current = config().AGREEMENT_VERSION;
  assertAllowed(agreementVersionRefusal(version, current));
  for (let attempt = 0; attempt < 4; attempt++) {
    const partner = await p.partners.get(caller.tenantId);
    if (!partner) throw notFound('partner');
    if (partner.agreement.accepted && partner.agreement.version === version) {
      const a = partner.agreement as Partial<PartnerAgreement>;
      return { acceptance: { type: 'partner_agreement', version, accepted: true, acceptedAt: a.acceptedAt!, acceptedBy: a.acceptedBy!, ipAddress: a.ipAddress ?? '', userAgent: a.userAgent ?? '' }, created: false };
    }
    const now = p.clock.now().toISOString();
    const acceptance: PartnerAgreement = { accepted: true, version, acceptedAt: now, acceptedBy: caller.email, ipAddress: from.ipAddress, userAgent: from.userAgent.slice(0, 512) };
    const entry = { at: now, actor: `user:${caller.sub}`, action: 'agreement.accepted', note: `version ${version}` };
    const stored = partner.type === 'indirect_reseller' && partner.enrollmentId ? await p.enrollments.load(partner.enrollmentId) : undefined;
    const open = stored && !isTerminal(stored.entity.status) ? stored : undefined;
    assertAllowed(agreementTimingRefusal(open?.entity));
    let committed: boolean;
    if (open) {
      const next = transition(open.entity, { now, actor: entry.actor, action: 'agreement.accepted', note: entry.note }, { agreement: { accepted: true, version, acceptedAt: now, acceptedBy: caller.email } });
      committed = await p.enrollments.commit(next, readStateOf(open), [{ type: 'partner.agreement', tenantId: caller.tenantId, acceptance, entry }]);
    } else {
      committed = await p.partners.recordAgreement(caller.tenantId, acceptance, entry);
    }
    if (!committed) continue; // a concurrent acceptance or change: look again
    if (open) await p.workflows.wake(open.parkedToken);
    return { acceptance: { type: 'partner_agreement', ...acceptance }, created: true };
  }
  throw conflict('concurrent_update', 'The partner changed concurrently; retry.');
}

/** MPA-3: an indirect provider (or the operator) checks whether a partner ID's partner signed. */
export async function agreementStatusOf(p: Pick<EnrollmentPorts, 'partners'>, caller: Caller, partnerId: string) {
  const me = caller.roles.includes('operator') ? undefined : await p.partners.get(caller.tenantId);
  assertAllowed(agreementStatusViewerRefusal(caller.roles.includes('operator'), me));
  const entry = await p.partners.registryEntry(partnerId);
  const partner = entry?.linkedTenantId ? await p.partners.get(entry.linkedTenantId) : undefined;
  if (!partner) throw notFound('partner');
  return { partnerId: partner.partnerId, isAgreementSigned: partner.agreement.accepted && partner.agreement.version !== undefined };
}
