/** The enrollment's actions (ENR-1..13): what the partner, the contact, vetting and the operator do. */
import type { Caller } from '#domain/caller.js';
import {
  applyCorrection,
  contactChangeRefusal,
  correctionRefusal,
  resendRefusal,
  resendsInLastDay,
  tenantEnrollmentRefusal,
  touchedFields,
  transition,
  vettingRefusal,
  webmailRefusal,
  type Enrollment,
  type EnrollmentReader,
  type EnrollmentWrite,
  type VettingOutcome,
  type VettingReason,
} from '#domain/enrollment.js';
import { firstExecution } from '#domain/history.js';
import { plusSeconds } from '#domain/links.js';
import type { Company, Contact, Partner } from '#domain/partners.js';
import type { Clock, CommonWrite, LifecycleReader, LinkLookup, Stored } from '#domain/ports.js';
import { regionOf } from '#domain/regions.js';
import { partnerIdRefusal } from '#domain/registry.js';
import { assertAllowed, conflict, invalid, linkGone, notFound, ruleViolation } from '#domain/refusal.js';
import type { SupportContact } from '#domain/enrollment.js';
import { config } from '#lib/config.js';
import { change, entityForLink, startEntity } from '../lifecycle.js';
import { notificationEmail, sendToContact } from './emails.js';
import { endWrites, enrollmentLifecycle, type EnrollmentPorts } from './lifecycle.js';

const actorOf = (caller: Caller) => `user:${caller.sub}`;

export interface EnrollmentInput {
  partnerId: string;
  company: Company;
  primaryContact: Contact;
  supportContact: SupportContact;
}

export interface VettingDecision {
  outcome: VettingOutcome;
  reasons?: VettingReason[] | undefined;
}

const verifyLink = (id: string, generation: number, hash: string, expiresAt: string): CommonWrite => ({ type: 'link.issue', hash, link: { kind: 'verify', subjectId: id, generation, expiresAt } });

/** `POST /enrollments` (ENR-1..6, TYP-2): records the enrollment and starts its workflow. */
export async function submitEnrollment(p: EnrollmentPorts, caller: Caller, input: EnrollmentInput): Promise<Enrollment> {
  assertAllowed(webmailRefusal(input.primaryContact.email, 'primaryContact.email'));
  // Independent reads in one call; the refusals keep their order.
  const { registry, partner: existing } = await p.partners.registryEntryAndProfile(input.partnerId, caller.tenantId);
  assertAllowed(partnerIdRefusal(registry, caller.tenantId, caller.tenantCountry));
  const open = existing?.enrollmentId ? (await p.enrollments.load(existing.enrollmentId))?.entity : undefined;
  assertAllowed(tenantEnrollmentRefusal(existing, open));

  const now = p.clock.now().toISOString();
  const link = await p.links.issue('verify');
  const id = p.ids.newId('enr');
  const region = regionOf(input.company.address.country)!;
  const expiresAt = plusSeconds(now, p.timing().verificationExpirySeconds);
  const enrollment: Enrollment = {
    id,
    tenantId: caller.tenantId,
    partnerId: registry!.partnerId,
    status: 'pending_contact_verification',
    company: input.company,
    primaryContact: input.primaryContact,
    supportContact: input.supportContact,
    region,
    agreement: existing?.agreement ?? { accepted: false },
    contactVerification: { generation: 1, linkHash: link.hash, linkNonce: link.nonce, linkIssuedAt: now, expiresAt, remindersSent: 0, deliverable: true, resends: [] },
    vetting: { status: 'not_started', reasons: [], fieldsDue: [], round: 0 },
    enrolledBy: { sub: caller.sub, email: caller.email },
    agreementRemindersSent: 0,
    moreInfoRemindersSent: 0,
    version: 1,
    execution: firstExecution(id),
    createdAt: now,
    updatedAt: now,
    history: [{ at: now, actor: actorOf(caller), action: 'enrollment.submitted', status: 'pending_contact_verification', to: 'pending_contact_verification' }],
  };
  const partner: Partner = {
    tenantId: caller.tenantId,
    type: 'indirect_reseller',
    status: 'enrolling',
    partnerId: enrollment.partnerId,
    region,
    company: input.company,
    primaryContact: input.primaryContact,
    agreement: enrollment.agreement,
    enrollmentId: id,
    adminAgents: [],
    createdAt: existing?.createdAt ?? now,
    updatedAt: now,
    history: [...(existing?.history ?? []), { at: now, actor: actorOf(caller), action: 'partner.enrolling', to: 'enrolling' }],
  };
  return startEntity(
    enrollmentLifecycle(p),
    enrollment,
    [
      { type: 'enrollment.open', enrollment, partner },
      verifyLink(id, 1, link.hash, expiresAt),
    ],
    () => conflict('enrollment_exists', 'This tenant or partner ID has an enrollment already (a concurrent request won).', 'ENR-5'),
  );
}

/** Reads an enrollment as the caller may see it: its tenant or an operator; others learn nothing (404). */
export async function readEnrollment(p: { enrollments: LifecycleReader<Enrollment> }, caller: Caller, id: string): Promise<Enrollment> {
  const e = (await p.enrollments.load(id))?.entity;
  if (!e || (e.tenantId !== caller.tenantId && !caller.roles.includes('operator'))) throw notFound('enrollment');
  return e;
}

/** The caller's own enrollment as stored (a change decides on this read first). */
async function ownEnrollment(p: Pick<EnrollmentPorts, 'enrollments'>, caller: Caller, id: string): Promise<Stored<Enrollment>> {
  const stored = await p.enrollments.load(id);
  if (!stored || stored.entity.tenantId !== caller.tenantId) throw notFound('enrollment');
  return stored;
}

/** `GET /operator/enrollments`: the review queue. */
export const listEnrollments = (p: { enrollments: Pick<EnrollmentReader, 'byStatus'> }, status: Enrollment['status'], limit: number, cursor?: Record<string, unknown>) => p.enrollments.byStatus(status, limit, cursor);

/** ENR-11: replaces the primary contact before confirmation; the old link dies, a new email goes out. */
export async function changePrimaryContact(p: EnrollmentPorts, caller: Caller, id: string, contact: Contact): Promise<Enrollment> {
  const read = await ownEnrollment(p, caller, id);
  assertAllowed(webmailRefusal(contact.email, 'email'));
  const link = await p.links.issue('verify');
  const { after } = await change(enrollmentLifecycle(p), id, ({ entity: e }, now) => {
    assertAllowed(contactChangeRefusal(e));
    const expiresAt = plusSeconds(now, p.timing().verificationExpirySeconds);
    const next = transition(
      e,
      { now, actor: actorOf(caller), action: 'contact.changed', note: `${e.primaryContact.email} → ${contact.email}` },
      { primaryContact: contact, contactVerification: { generation: e.contactVerification.generation + 1, linkHash: link.hash, linkNonce: link.nonce, linkIssuedAt: now, expiresAt, remindersSent: 0, deliverable: true, resends: [] } },
    );
    const writes: (CommonWrite | EnrollmentWrite)[] = [{ type: 'link.delete', hash: e.contactVerification.linkHash }, verifyLink(id, next.contactVerification.generation, link.hash, expiresAt)];
    return { next, writes };
  }, { read });
  return after;
}

/** ENR-8: corrects the fields vetting named while more information is needed; back to review. */
export async function correctEnrollment(p: EnrollmentPorts, caller: Caller, id: string, patch: Record<string, unknown>): Promise<Enrollment> {
  const read = await ownEnrollment(p, caller, id);
  const touched = touchedFields(patch);
  if (touched.length === 0) throw invalid('empty_correction', 'Name at least one field to correct.');
  const { after } = await change(enrollmentLifecycle(p), id, ({ entity: e }, now) => {
    assertAllowed(correctionRefusal(e, touched));
    const merged = applyCorrection({ company: e.company, supportContact: e.supportContact, primaryContact: e.primaryContact } as Record<string, unknown>, patch);
    const next = transition(
      e,
      { now, actor: actorOf(caller), action: 'enrollment.corrected', status: 'under_review', note: touched.join(', ') },
      { ...(merged as Pick<Enrollment, 'company' | 'supportContact' | 'primaryContact'>), vetting: { ...e.vetting, status: 'pending', fieldsDue: [] }, moreInfoRemindersSent: 0 },
    );
    delete next.deadline;
    return { next };
  }, { read });
  return after;
}

/**
 * ENR-8: applies a vetting outcome (webhook or operator decision). `approved` keeps the
 * enrollment under review until the agreement is accepted (MPA-4/5); `rejected` ends it
 * and frees the tenant and the partner ID; `more_info_needed` names the fields to correct.
 * `also` are writes that must happen with it (the webhook's replay record).
 */
export async function decideVetting(p: EnrollmentPorts, id: string, decision: VettingDecision, actor: string, applied?: (e: Enrollment) => void): Promise<Enrollment> {
  const { after } = await change(
    enrollmentLifecycle(p),
    id,
    ({ entity: e }, now) => {
      // A decision already applied (a webhook-id delivered again) is refused by `applied`
      // before the state's own rules, which it has changed.
      applied?.(e);
      assertAllowed(vettingRefusal(e));
      const reasons: VettingReason[] = decision.reasons ?? [];
      const decided = { decidedAt: now, decidedBy: actor, reasons };
      switch (decision.outcome) {
        case 'approved':
          return { next: transition(e, { now, actor, action: 'vetting.approved' }, { vetting: { ...e.vetting, ...decided, status: 'approved', fieldsDue: [] } }) };
        case 'rejected': {
          const next = transition(e, { now, actor, action: 'vetting.rejected', status: 'rejected', note: reasons.map((r) => r.code).join(', ') }, { vetting: { ...e.vetting, ...decided, status: 'rejected', fieldsDue: [] } });
          return { next, writes: endWrites(e, { at: now, actor, action: 'partner.enrollment_rejected', to: 'inactive' }) };
        }
        case 'more_info_needed': {
          const fieldsDue = [...new Set(reasons.map((r) => r.field).filter((f): f is string => Boolean(f)))];
          if (fieldsDue.length === 0) throw invalid('fields_required', 'more_info_needed needs at least one reason naming a field.', 'reasons');
          const next = transition(
            e,
            { now, actor, action: 'vetting.more_info_needed', status: 'more_info_needed', note: fieldsDue.join(', ') },
            { vetting: { ...e.vetting, ...decided, status: 'more_info_needed', fieldsDue, round: e.vetting.round + 1 }, deadline: plusSeconds(now, p.timing().moreInfoExpirySeconds), moreInfoRemindersSent: 0 },
          );
          return { next };
        }
      }
    },
  );
  return after;
}

const isCurrentLink = (e: Enrollment, hash: string, now: string) => e.status === 'pending_contact_verification' && e.contactVerification.linkHash === hash && e.contactVerification.expiresAt > now;

/** The enrollment a live verification link belongs to; any other token is gone. Reads only (ENR-7: GET changes nothing). */
export async function enrollmentForLink(p: { links: LinkLookup; enrollments: LifecycleReader<Enrollment>; clock: Clock }, token: string): Promise<{ enrollment: Enrollment; hash: string; stored: Stored<Enrollment> }> {
  const { entity, hash, stored } = await entityForLink(p, 'verify', token, (id) => p.enrollments.load(id), isCurrentLink);
  return { enrollment: entity, hash, stored };
}

/**
 * ENR-6/7: the contact confirms. The enrollment's versioned move to review is the link's
 * single use (the link is current only while the enrollment awaits this generation's
 * confirmation), so of many concurrent clicks exactly one confirms; the rest lose the race,
 * read the enrollment again and see the link gone. (A lost race can also be the workflow
 * parking a new token meanwhile: then the retry simply confirms.)
 */
export async function confirmContact(p: EnrollmentPorts, token: string): Promise<Enrollment> {
  const { enrollment, hash, stored } = await enrollmentForLink(p, token);
  const { after } = await change(
    enrollmentLifecycle(p),
    enrollment.id,
    ({ entity: e }, now) => {
      if (!isCurrentLink(e, hash, now)) throw linkGone();
      const next = transition(
        e,
        { now, actor: `contact:${e.primaryContact.email}`, action: 'contact.confirmed', status: 'under_review' },
        { contactVerification: { ...e.contactVerification, verifiedAt: now }, vetting: { ...e.vetting, status: 'pending' } },
      );
      return { next };
    },
    { read: stored },
  );
  return after;
}

/** `POST /enrollments/{id}/verification-email` (ENR-11): the same link again, rate-limited. */
export async function resendVerificationEmail(p: EnrollmentPorts, caller: Caller, id: string) {
  const read = await ownEnrollment(p, caller, id);
  const c = config();
  const { after } = await change(enrollmentLifecycle(p), id, ({ entity: e }, now) => {
    if (e.status !== 'pending_contact_verification') throw conflict('contact_already_confirmed', 'The contact has confirmed already; nothing to resend.', 'ENR-11');
    if (!e.contactVerification.deliverable) throw ruleViolation('ENR-12', 'contact_undeliverable', 'Email to this contact bounced; change the primary contact instead.');
    assertAllowed(resendRefusal(e.contactVerification.resends, now, c.RESEND_MIN_INTERVAL_SECONDS, c.RESEND_MAX_PER_DAY));
    return { next: transition(e, { now, actor: actorOf(caller), action: 'verification.resent' }, { contactVerification: { ...e.contactVerification, resends: [...resendsInLastDay(e.contactVerification.resends, now), now] } }), wake: false };
  }, { read });
  const message = await notificationEmail(p, after, `verification#${after.contactVerification.generation}`);
  await sendToContact(p, after, message!);
  return { id: after.id, sentTo: after.primaryContact.email, expiresAt: after.contactVerification.expiresAt };
}
