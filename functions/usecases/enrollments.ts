import type { z } from 'zod';
import type { EnrollmentInput, PrimaryContactChange, Correction, VettingDecision } from '#api/schemas.js';
import { isConditionFailed } from '#adapters/dynamodb/client.js';
import {
  contactMailDelete,
  contactMailPut,
  enrollmentPut,
  getEnrollment,
  linkDelete,
  linkPut,
  newEnrollmentGuards,
  releaseGuards,
  transact,
} from '#adapters/dynamodb/enrollments.js';
import { getPartner, getRegistryEntry } from '#adapters/dynamodb/partners.js';
import { partnerStatusUpdate } from '#adapters/dynamodb/partner-updates.js';
import { startWorkflow } from '#adapters/sfn/workflows.js';
import {
  applyCorrection,
  blocksNewEnrollment,
  canChangeContact,
  fieldNotDue,
  touchedFields,
  transition,
  type Enrollment,
  type VettingReason,
} from '#domain/enrollment.js';
import type { Partner } from '#domain/partners.js';
import { regionOf } from '#domain/regions.js';
import { partnerIdRefusal } from '#domain/registry.js';
import { isWebmailAddress } from '#domain/webmail.js';
import type { Caller } from '#lib/auth.js';
import { systemClock } from '#lib/clock.js';
import { config } from '#lib/config.js';
import { conflict, invalidRequest, notFound, ruleViolation } from '#lib/errors.js';
import { newId } from '#lib/ids.js';
import { issueLink } from '#lib/links.js';
import { logger } from '#lib/observability.js';
import { changeEnrollment, timing } from './enrollment-store.js';

const plusSeconds = (iso: string, s: number) => new Date(Date.parse(iso) + s * 1000).toISOString();
const ttlOf = (iso: string, extraDays = 30) => Math.floor(Date.parse(iso) / 1000) + extraDays * 86_400;
const actorOf = (caller: Caller) => `user:${caller.sub}`;

/** ENR-4: the primary contact must not use a web-based mail service. */
function assertNotWebmail(email: string, param: string): void {
  if (isWebmailAddress(email)) {
    throw ruleViolation('ENR-4', 'webmail_not_allowed', 'The primary contact needs an address of the company’s own domain, not a web-based mail service.', param);
  }
}

/** `POST /enrollments` (ENR-1..6, TYP-2): records the enrollment and starts its workflow. */
export async function submitEnrollment(caller: Caller, input: z.output<typeof EnrollmentInput>): Promise<Enrollment> {
  assertNotWebmail(input.primaryContact.email, 'primaryContact.email');
  const registry = await getRegistryEntry(input.partnerId);
  const refusal = partnerIdRefusal(registry, caller.tenantId, caller.tenantCountry);
  if (refusal) throw ruleViolation(refusal.rule, refusal.code, refusal.message, 'partnerId');
  const existing = await getPartner(caller.tenantId);
  if (existing && (existing.type !== 'indirect_reseller' || existing.status === 'active')) {
    throw conflict('tenant_already_partner', 'This tenant is already a partner of the program.', 'ENR-5');
  }
  if (existing?.enrollmentId) {
    const open = await getEnrollment(existing.enrollmentId);
    if (open && blocksNewEnrollment(open.enrollment.status)) {
      throw conflict('enrollment_exists', 'This tenant already has an open enrollment.', 'ENR-5');
    }
  }

  const now = systemClock.now().toISOString();
  const t = timing();
  const link = await issueLink('verify');
  const id = newId('enr');
  const region = regionOf(input.company.address.country)!;
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
    contact: { generation: 1, linkHash: link.hash, linkNonce: link.nonce, linkIssuedAt: now, expiresAt: plusSeconds(now, t.verificationExpirySeconds), remindersSent: 0, deliverable: true, resends: [] },
    vetting: { status: 'not_started', reasons: [], fieldsDue: [], round: 0 },
    enrolledBy: { sub: caller.sub, email: caller.email },
    agreementRemindersSent: 0,
    moreInfoRemindersSent: 0,
    version: 1,
    execution: { generation: 1, name: `${id}-g1` },
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
  try {
    await transact([
      enrollmentPut(enrollment, t, now),
      ...newEnrollmentGuards(enrollment, partner),
      linkPut(link.hash, { kind: 'verify', subjectId: id, generation: 1, expiresAt: enrollment.contact.expiresAt }, ttlOf(enrollment.contact.expiresAt)),
      contactMailPut(input.primaryContact.email, id),
    ]);
  } catch (error) {
    if (isConditionFailed(error)) throw conflict('enrollment_exists', 'This tenant or partner ID has an enrollment already (a concurrent request won).', 'ENR-5');
    throw error;
  }
  try {
    await startWorkflow(config().ENROLLMENT_STATE_MACHINE_ARN, enrollment.execution.name, { enrollmentId: id, wakeups: 0 });
  } catch (error) {
    // Recorded is recorded (principle 1): the scheduled job re-drives it (GEN-4).
    logger.error('could not start the enrollment workflow', { enrollmentId: id, error: error as Error });
  }
  return enrollment;
}

/** Reads an enrollment as the caller may see it: its tenant or an operator; others learn nothing (404). */
export async function readEnrollment(caller: Caller, id: string): Promise<Enrollment> {
  const record = await getEnrollment(id);
  if (!record || (record.enrollment.tenantId !== caller.tenantId && !caller.roles.includes('operator'))) throw notFound('enrollment');
  return record.enrollment;
}

async function ownEnrollment(caller: Caller, id: string) {
  const record = await getEnrollment(id);
  if (!record || record.enrollment.tenantId !== caller.tenantId) throw notFound('enrollment');
  return record;
}

/** ENR-11: replaces the primary contact before confirmation; the old link dies, a new email goes out. */
export async function changePrimaryContact(caller: Caller, id: string, contact: z.output<typeof PrimaryContactChange>): Promise<Enrollment> {
  await ownEnrollment(caller, id);
  assertNotWebmail(contact.email, 'email');
  const link = await issueLink('verify');
  const { after } = await changeEnrollment(id, (record, now) => {
    const e = record.enrollment;
    if (!canChangeContact(e.status)) throw conflict('contact_already_confirmed', 'The primary contact can only be changed until it has confirmed.', 'ENR-11');
    const expiresAt = plusSeconds(now, timing().verificationExpirySeconds);
    const next = transition(
      e,
      { now, actor: actorOf(caller), action: 'contact.changed', note: `${e.primaryContact.email} → ${contact.email}` },
      {
        primaryContact: contact,
        contact: { generation: e.contact.generation + 1, linkHash: link.hash, linkNonce: link.nonce, linkIssuedAt: now, expiresAt, remindersSent: 0, deliverable: true, resends: [] },
      },
    );
    return {
      next,
      with: [
        linkDelete(e.contact.linkHash),
        linkPut(link.hash, { kind: 'verify', subjectId: id, generation: next.contact.generation, expiresAt }, ttlOf(expiresAt)),
        ...(e.primaryContact.email === contact.email ? [] : [contactMailDelete(e.primaryContact.email, id), contactMailPut(contact.email, id)]),
      ],
    };
  });
  return after;
}

/** ENR-8: corrects the fields vetting named while more information is needed; back to review. */
export async function correctEnrollment(caller: Caller, id: string, patch: z.output<typeof Correction>): Promise<Enrollment> {
  await ownEnrollment(caller, id);
  const touched = touchedFields(patch as Record<string, unknown>);
  if (touched.length === 0) throw invalidRequest('empty_correction', 'Name at least one field to correct.');
  const { after } = await changeEnrollment(id, (record, now) => {
    const e = record.enrollment;
    if (e.status !== 'more_info_needed') throw conflict('not_awaiting_information', 'Corrections are accepted only while more information is needed.', 'ENR-8');
    const notDue = fieldNotDue(touched, e.vetting.fieldsDue);
    if (notDue) throw ruleViolation('ENR-8', 'field_not_requested', `The vetting did not ask to correct ${notDue}.`, notDue);
    const merged = applyCorrection({ company: e.company, supportContact: e.supportContact, primaryContact: e.primaryContact } as Record<string, unknown>, patch as Record<string, unknown>);
    const next = transition(
      e,
      { now, actor: actorOf(caller), action: 'enrollment.corrected', status: 'under_review', note: touched.join(', ') },
      { ...(merged as Pick<Enrollment, 'company' | 'supportContact' | 'primaryContact'>), vetting: { ...e.vetting, status: 'pending', fieldsDue: [] }, moreInfoRemindersSent: 0 },
    );
    delete next.deadline;
    return { next };
  });
  return after;
}

/**
 * ENR-8: applies a vetting outcome (webhook or operator decision). `approved` keeps the
 * enrollment under review until the agreement is accepted (MPA-4/5); `rejected` ends it
 * and frees the tenant and the partner ID; `more_info_needed` names the fields to correct.
 */
export async function decideVetting(
  id: string,
  decision: z.output<typeof VettingDecision>,
  actor: string,
  extra: { with?: Parameters<typeof transact>[0]; onLostRace?: (error: unknown) => Error | undefined } = {},
): Promise<Enrollment> {
  const { after } = await changeEnrollment(
    id,
    (record, now) => {
      const e = record.enrollment;
      if (e.status !== 'under_review' || e.vetting.status !== 'pending') {
        throw conflict('not_awaiting_vetting', `The enrollment is ${e.status}${e.vetting.status === 'approved' ? ' (vetting already approved)' : ''}; no vetting outcome is expected.`, 'ENR-8');
      }
      const reasons: VettingReason[] = decision.reasons ?? [];
      const decided = { decidedAt: now, decidedBy: actor, reasons };
      switch (decision.outcome) {
        case 'approved':
          return { next: transition(e, { now, actor, action: 'vetting.approved' }, { vetting: { ...e.vetting, ...decided, status: 'approved', fieldsDue: [] } }), with: extra.with ?? [] };
        case 'rejected': {
          const next = transition(e, { now, actor, action: 'vetting.rejected', status: 'rejected', note: reasons.map((r) => r.code).join(', ') }, { vetting: { ...e.vetting, ...decided, status: 'rejected', fieldsDue: [] } });
          return {
            next,
            with: [...releaseGuards(e), partnerStatusUpdate(e.tenantId, 'inactive', { at: now, actor, action: 'partner.enrollment_rejected', to: 'inactive' }), ...(extra.with ?? [])],
          };
        }
        case 'more_info_needed': {
          const fieldsDue = [...new Set(reasons.map((r) => r.field).filter((f): f is string => Boolean(f)))];
          if (fieldsDue.length === 0) throw invalidRequest('fields_required', 'more_info_needed needs at least one reason naming a field.', 'reasons');
          const next = transition(
            e,
            { now, actor, action: 'vetting.more_info_needed', status: 'more_info_needed', note: fieldsDue.join(', ') },
            { vetting: { ...e.vetting, ...decided, status: 'more_info_needed', fieldsDue, round: e.vetting.round + 1 }, deadline: plusSeconds(now, timing().moreInfoExpirySeconds), moreInfoRemindersSent: 0 },
          );
          return { next, with: extra.with ?? [] };
        }
      }
    },
    extra.onLostRace,
  );
  return after;
}

