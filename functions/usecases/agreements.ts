/** The partner agreement (MPA-1..5). */
import type { Caller } from '#domain/caller.js';
import { agreementStatusViewerRefusal, agreementTimingRefusal, agreementVersionRefusal, isTerminal, transition } from '#domain/enrollment.js';
import type { PartnerAgreement, PartnerReader } from '#domain/ports.js';
import { assertAllowed, conflict, notFound } from '#domain/refusal.js';
import { config } from '#lib/config.js';
import { enrollmentLifecycle, type EnrollmentPorts } from './enrollment/lifecycle.js';
import { change } from './lifecycle.js';

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
export async function acceptAgreement(p: EnrollmentPorts, caller: Caller, version: string, from: { ipAddress: string; userAgent: string }): Promise<{ acceptance: Acceptance; created: boolean }> {
  const current = config().AGREEMENT_VERSION;
  assertAllowed(agreementVersionRefusal(version, current));
  const acceptanceAt = (now: string): PartnerAgreement => ({ accepted: true, version, acceptedAt: now, acceptedBy: caller.email, ipAddress: from.ipAddress, userAgent: from.userAgent.slice(0, 512) });
  const entryAt = (now: string) => ({ at: now, actor: `user:${caller.sub}`, action: 'agreement.accepted', note: `version ${version}` });
  for (let attempt = 0; attempt < 4; attempt++) {
    const partner = await p.partners.get(caller.tenantId);
    if (!partner) throw notFound('partner');
    if (partner.agreement.accepted && partner.agreement.version === version) {
      const a = partner.agreement as Partial<PartnerAgreement>;
      return { acceptance: { type: 'partner_agreement', version, accepted: true, acceptedAt: a.acceptedAt!, acceptedBy: a.acceptedBy!, ipAddress: a.ipAddress ?? '', userAgent: a.userAgent ?? '' }, created: false };
    }
    const stored = partner.type === 'indirect_reseller' && partner.enrollmentId ? await p.enrollments.load(partner.enrollmentId) : undefined;
    const open = stored && !isTerminal(stored.entity.status) ? stored : undefined;
    assertAllowed(agreementTimingRefusal(open?.entity));
    if (!open) {
      const now = p.clock.now().toISOString();
      const acceptance = acceptanceAt(now);
      if (await p.partners.recordAgreement(caller.tenantId, acceptance, entryAt(now))) return { acceptance: { type: 'partner_agreement', ...acceptance }, created: true };
      continue; // a concurrent acceptance or change: look again
    }
    // For a reseller the open enrollment learns of it atomically, and its workflow moves on
    // (an enrollment vetted already is activated in the same invocation, MPA-4).
    let acceptance: PartnerAgreement | undefined;
    try {
      await change(
        enrollmentLifecycle(p),
        open.entity.id,
        ({ entity: e }, now) => {
          assertAllowed(agreementTimingRefusal(isTerminal(e.status) ? undefined : e));
          if (isTerminal(e.status) || (e.agreement.accepted && e.agreement.version === version)) throw lookAgain;
          acceptance = acceptanceAt(now);
          const entry = entryAt(now);
          return {
            next: transition(e, { now, actor: entry.actor, action: entry.action, note: entry.note }, { agreement: { accepted: true, version, acceptedAt: now, acceptedBy: caller.email } }),
            writes: [{ type: 'partner.agreement', tenantId: caller.tenantId, acceptance, entry }],
          };
        },
        { read: open },
      );
    } catch (error) {
      if (error === lookAgain) continue; // accepted concurrently, or the enrollment ended: look again
      throw error;
    }
    return { acceptance: { type: 'partner_agreement', ...acceptance! }, created: true };
  }
  throw conflict('concurrent_update', 'The partner changed concurrently; retry.');
}
const lookAgain = conflict('concurrent_update', 'The partner changed concurrently; retry.');

/** MPA-3: an indirect provider (or the operator) checks whether a partner ID's partner signed. */
export async function agreementStatusOf(p: { partners: Pick<PartnerReader, 'get' | 'registryEntry'> }, caller: Caller, partnerId: string) {
  const me = caller.roles.includes('operator') ? undefined : await p.partners.get(caller.tenantId);
  assertAllowed(agreementStatusViewerRefusal(caller.roles.includes('operator'), me));
  const entry = await p.partners.registryEntry(partnerId);
  const partner = entry?.linkedTenantId ? await p.partners.get(entry.linkedTenantId) : undefined;
  if (!partner) throw notFound('partner');
  return { partnerId: partner.partnerId, isAgreementSigned: partner.agreement.accepted && partner.agreement.version !== undefined };
}
