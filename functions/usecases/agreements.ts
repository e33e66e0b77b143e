import { isConditionFailed } from '#adapters/dynamodb/client.js';
import { enrollmentUpdate, getEnrollment, transact } from '#adapters/dynamodb/enrollments.js';
import { getPartner, getRegistryEntry } from '#adapters/dynamodb/partners.js';
import { partnerAgreementUpdate } from '#adapters/dynamodb/partner-updates.js';
import { wakeWorkflow } from '#adapters/sfn/workflows.js';
import { canAcceptAgreement, isTerminal, transition } from '#domain/enrollment.js';
import type { Caller } from '#lib/auth.js';
import { systemClock } from '#lib/clock.js';
import { config } from '#lib/config.js';
import { conflict, forbidden, notFound, ruleViolation } from '#lib/errors.js';
import { timing } from './enrollment-store.js';

/** `GET /agreements/current`. */
export function currentAgreement() {
  const c = config();
  return { type: 'partner_agreement', version: c.AGREEMENT_VERSION, title: `Partner Agreement (${c.AGREEMENT_VERSION})`, url: c.AGREEMENT_URL };
}

export interface Acceptance {
  type: 'partner_agreement';
  version: string;
  accepted: true;
  acceptedAt: string;
  acceptedBy: string;
  ipAddress: string;
  userAgent: string;
}

/**
 * MPA-1/2/5: a global admin accepts the current agreement for the tenant. Recorded with
 * version, who, when and from where; a second acceptance answers the first (created=false).
 * For a reseller the open enrollment learns of it atomically and its workflow is woken.
 */
export async function acceptAgreement(caller: Caller, version: string, from: { ipAddress: string; userAgent: string }): Promise<{ acceptance: Acceptance; created: boolean }> {
  const current = config().AGREEMENT_VERSION;
  if (version !== current) throw ruleViolation('MPA-1', 'agreement_version_not_current', `The current agreement is version ${current}.`, 'version');
  for (let attempt = 0; attempt < 4; attempt++) {
    const partner = await getPartner(caller.tenantId);
    if (!partner) throw notFound('partner');
    if (partner.agreement.accepted && partner.agreement.version === version) {
      const a = partner.agreement as Partial<Acceptance>;
      return { acceptance: { type: 'partner_agreement', version, accepted: true, acceptedAt: a.acceptedAt!, acceptedBy: a.acceptedBy!, ipAddress: a.ipAddress ?? '', userAgent: a.userAgent ?? '' }, created: false };
    }
    const now = systemClock.now().toISOString();
    const acceptance: Acceptance = { type: 'partner_agreement', version, accepted: true, acceptedAt: now, acceptedBy: caller.email, ipAddress: from.ipAddress, userAgent: from.userAgent.slice(0, 512) };
    const stored = { accepted: true, version, acceptedAt: now, acceptedBy: caller.email, ipAddress: acceptance.ipAddress, userAgent: acceptance.userAgent };
    const entry = { at: now, actor: `user:${caller.sub}`, action: 'agreement.accepted', note: `version ${version}` };
    const record = partner.type === 'indirect_reseller' && partner.enrollmentId ? await getEnrollment(partner.enrollmentId) : undefined;
    const open = record && !isTerminal(record.enrollment.status) ? record : undefined;
    if (open && !canAcceptAgreement(open.enrollment.status)) {
      throw ruleViolation('MPA-5', 'contact_not_confirmed', 'The agreement can be accepted once the primary contact has confirmed.');
    }
    const items = [partnerAgreementUpdate(caller.tenantId, stored, entry)];
    if (open) {
      const next = transition(open.enrollment, { now, actor: entry.actor, action: 'agreement.accepted', note: entry.note }, { agreement: { accepted: true, version, acceptedAt: now, acceptedBy: caller.email } });
      items.push(enrollmentUpdate(next, { version: open.enrollment.version, waitToken: open.waitToken }, timing(), now));
    }
    try {
      await transact(items);
    } catch (error) {
      if (isConditionFailed(error)) continue; // a concurrent acceptance or change: look again
      throw error;
    }
    if (open) await wakeWorkflow(open.waitToken);
    return { acceptance, created: true };
  }
  throw conflict('concurrent_update', 'The partner changed concurrently; retry.');
}

/** MPA-3: an indirect provider (or the operator) checks whether a partner ID's partner signed. */
export async function agreementStatusOf(caller: Caller, partnerId: string) {
  if (!caller.roles.includes('operator')) {
    const me = await getPartner(caller.tenantId);
    if (me?.type !== 'indirect_provider') throw forbidden('not_indirect_provider', 'Only indirect providers and the operator may check agreement status.', 'MPA-3');
  }
  const entry = await getRegistryEntry(partnerId);
  const partner = entry?.linkedTenantId ? await getPartner(entry.linkedTenantId) : undefined;
  if (!partner) throw notFound('partner');
  return { partnerId: partner.partnerId, isAgreementSigned: partner.agreement.accepted && partner.agreement.version !== undefined };
}
