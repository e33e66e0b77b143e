import type { AgreementAcceptance, Company, Contact, HistoryEntry, Language, Partner } from './partners.js';
import type { LifecycleReader, LifecycleStore, Page, PartnerWrite } from './ports.js';
import type { Refusal } from './refusal.js';
import { isWebmailAddress } from './webmail.js';
import type { Region } from './regions.js';
import { recordChange, type StateChange } from './history.js';

/** API.md enrollment statuses. `rejected` and `expired` are terminal. */
export type EnrollmentStatus = 'pending_contact_verification' | 'under_review' | 'more_info_needed' | 'active' | 'rejected' | 'expired';
export const terminalStatuses: readonly EnrollmentStatus[] = ['rejected', 'expired'];
export const isTerminal = (status: EnrollmentStatus): boolean => terminalStatuses.includes(status);
/** ENR-5: an enrollment that still blocks a second one for the tenant. */
export const blocksNewEnrollment = (status: EnrollmentStatus): boolean => !isTerminal(status);

export type VettingOutcome = 'approved' | 'rejected' | 'more_info_needed';
export interface VettingReason {
  code: string;
  message: string;
  field?: string;
}

export interface SupportContact {
  email: string;
  phone?: string;
  website?: string;
}

export interface ContactVerification {
  /** Increments whenever the contact changes (ENR-11): the link of an older generation is dead. */
  generation: number;
  /** Hash of the current link's token (only the hash is stored). */
  linkHash: string;
  /** Random per-link value from which the link token is derived with the link key. */
  linkNonce: string;
  linkIssuedAt: string;
  expiresAt: string;
  verifiedAt?: string;
  remindersSent: number;
  deliverable: boolean;
  resends: string[];
}

export interface Vetting {
  status: 'not_started' | 'pending' | VettingOutcome;
  reasons: VettingReason[];
  /** Field paths the partner must correct under more_info_needed (ENR-8). */
  fieldsDue: string[];
  round: number;
  decidedAt?: string;
  decidedBy?: string;
}

export interface Enrollment {
  id: string;
  tenantId: string;
  partnerId: string;
  status: EnrollmentStatus;
  company: Company;
  primaryContact: Contact;
  supportContact: SupportContact;
  region: Region;
  agreement: AgreementAcceptance;
  contactVerification: ContactVerification;
  vetting: Vetting;
  enrolledBy: { sub: string; email: string };
  /** The deadline of the current phase, if it has one. */
  deadline?: string;
  /** Agreement reminders sent while vetting/acceptance are outstanding. */
  agreementRemindersSent: number;
  moreInfoRemindersSent: number;
  /** The notification the primary contact was last sent (ENR-9); see notificationKey. */
  notified?: string;
  /** Optimistic concurrency: bumped by every change. */
  version: number;
  /** The workflow execution driving the enrollment (GEN-4 re-drive bumps it). */
  execution: { generation: number; name: string };
  createdAt: string;
  updatedAt: string;
  history: HistoryEntry[];
}

/**
 * What is still outstanding (Stripe-like `requirements.currentlyDue`): contact
 * verification first (ENR-6), then vetting and agreement acceptance in either order
 * (MPA-5), field paths while more information is needed (ENR-8).
 */
export function currentlyDue(e: Pick<Enrollment, 'status' | 'vetting' | 'agreement' | 'contactVerification'>): string[] {
  switch (e.status) {
    case 'pending_contact_verification':
      // ENR-12: an undeliverable contact must be replaced before anything else can happen.
      return [...(e.contactVerification.deliverable ? [] : ['primary_contact']), 'contact_verification', 'vetting', 'agreement_acceptance'];
    case 'under_review':
    case 'more_info_needed': {
      const due: string[] = [];
      if (e.status === 'more_info_needed') due.push(...e.vetting.fieldsDue);
      if (e.vetting.status !== 'approved') due.push('vetting');
      if (!e.agreement.accepted) due.push('agreement_acceptance');
      return due;
    }
    case 'active':
    case 'rejected':
    case 'expired':
      return [];
  }
}

/** MPA-4: an enrollment becomes active once vetting approved it and the agreement is accepted. */
export const isReadyToActivate = (e: Pick<Enrollment, 'status' | 'vetting' | 'agreement'>): boolean =>
  e.status === 'under_review' && e.vetting.status === 'approved' && e.agreement.accepted;

/** MPA-5: the agreement may be accepted once the contact is confirmed. */
export const canAcceptAgreement = (status: EnrollmentStatus): boolean => status === 'under_review' || status === 'more_info_needed' || status === 'active';

/** ENR-11: the contact may be changed until it is confirmed. */
export const canChangeContact = (status: EnrollmentStatus): boolean => status === 'pending_contact_verification';

/**
 * ENR-9: the notification the primary contact is owed in the enrollment's current state.
 * The workflow sends it when it differs from `notified`, so each state change is told
 * exactly once however often the workflow wakes.
 */
export function notificationKey(e: Pick<Enrollment, 'status' | 'vetting' | 'agreement' | 'contactVerification'>): string {
  switch (e.status) {
    case 'pending_contact_verification':
      return `verification#${e.contactVerification.generation}`;
    case 'under_review':
      return e.vetting.status === 'approved' ? 'approved' : `under_review#${e.vetting.round}`;
    case 'more_info_needed':
      return `more_info_needed#${e.vetting.round}`;
    case 'active':
    case 'rejected':
    case 'expired':
      return e.status;
  }
}

export interface Timing {
  verificationRemindersSeconds: number[];
  verificationExpirySeconds: number;
  agreementReminderIntervalSeconds: number;
  agreementReminderMax: number;
  moreInfoRemindersSeconds: number[];
  moreInfoExpirySeconds: number;
  /** GEN-4: how often an open enrollment is checked for a lost workflow. */
  livenessCheckSeconds: number;
}

const plus = (iso: string, seconds: number) => new Date(Date.parse(iso) + seconds * 1000).toISOString();
const earliest = (...isos: (string | undefined)[]) => isos.filter((x): x is string => x !== undefined).sort()[0];

export type DueAction = 'verification_reminder' | 'agreement_reminder' | 'more_info_reminder' | 'expire' | 'liveness_check';

/**
 * ENR-10 and the reminder schedule: when the sweep must next look at the enrollment and
 * what it will do then. Undefined for finished enrollments (they leave the due index).
 */
export function nextDue(e: Enrollment, t: Timing, now: string): { at: string; action: DueAction } | undefined {
  if (e.status === 'active' || isTerminal(e.status)) return undefined;
  const liveness = plus(now, t.livenessCheckSeconds);
  const pick = (candidates: [string | undefined, DueAction][]) => {
    const at = earliest(...candidates.map(([a]) => a), liveness)!;
    const action = candidates.find(([a]) => a === at)?.[1] ?? 'liveness_check';
    return { at, action };
  };
  switch (e.status) {
    case 'pending_contact_verification': {
      const reminderOffset = t.verificationRemindersSeconds[e.contactVerification.remindersSent];
      // ENR-12: an undeliverable contact gets no reminders, but the deadline still holds.
      const reminder = e.contactVerification.deliverable && reminderOffset !== undefined ? plus(e.contactVerification.linkIssuedAt, reminderOffset) : undefined;
      return pick([
        [e.contactVerification.expiresAt, 'expire'],
        [reminder && reminder < e.contactVerification.expiresAt ? reminder : undefined, 'verification_reminder'],
      ]);
    }
    case 'more_info_needed': {
      const since = e.vetting.decidedAt ?? e.updatedAt;
      const offset = t.moreInfoRemindersSeconds[e.moreInfoRemindersSent];
      return pick([
        [e.deadline, 'expire'],
        [offset === undefined ? undefined : plus(since, offset), 'more_info_reminder'],
      ]);
    }
    case 'under_review': {
      const since = e.contactVerification.verifiedAt ?? e.updatedAt;
      const reminder =
        !e.agreement.accepted && e.agreementRemindersSent < t.agreementReminderMax
          ? plus(since, t.agreementReminderIntervalSeconds * (e.agreementRemindersSent + 1))
          : undefined;
      return pick([[reminder, 'agreement_reminder']]);
    }
  }
}

/** ENR-10 / ENR-8: the phase's deadline has passed. */
export const isOverdue = (e: Pick<Enrollment, 'status' | 'contactVerification' | 'deadline'>, now: string): boolean =>
  (e.status === 'pending_contact_verification' && e.contactVerification.expiresAt <= now) ||
  (e.status === 'more_info_needed' && e.deadline !== undefined && e.deadline <= now);

/** Flattens a correction body into the field paths it touches. */
export function touchedFields(patch: Record<string, unknown>, prefix = ''): string[] {
  const out: string[] = [];
  for (const [key, value] of Object.entries(patch)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) out.push(...touchedFields(value as Record<string, unknown>, path));
    else out.push(path);
  }
  return out;
}

/**
 * ENR-8: a correction may only touch fields the vetting named; returns the first field
 * it may not touch, or undefined. A named group (`company.address`) covers its members.
 */
export function fieldNotDue(touched: string[], fieldsDue: string[]): string | undefined {
  return touched.find((path) => !fieldsDue.some((due) => path === due || path.startsWith(`${due}.`)));
}

/** Deep-merges a correction into the enrollment's data. */
export function applyCorrection<T extends Record<string, unknown>>(target: T, patch: Record<string, unknown>): T {
  const out: Record<string, unknown> = { ...target };
  for (const [key, value] of Object.entries(patch)) {
    const current = out[key];
    out[key] =
      value !== null && typeof value === 'object' && !Array.isArray(value) && current !== null && typeof current === 'object'
        ? applyCorrection(current as Record<string, unknown>, value as Record<string, unknown>)
        : value;
  }
  return out as T;
}

const DAY_MS = 86_400_000;

/** ENR-11: the resends of the last 24 hours (the window the daily cap counts). */
export const resendsInLastDay = (resends: string[], now: string): string[] => resends.filter((at) => Date.parse(now) - Date.parse(at) < DAY_MS).sort();

/** ENR-11: resending the verification email is rate-limited (a minimum interval and a daily cap). */
export function resendRefusal(resends: string[], now: string, minIntervalSeconds: number, maxPerDay: number): Refusal | undefined {
  const nowMs = Date.parse(now);
  const lastDay = resendsInLastDay(resends, now);
  const last = lastDay.at(-1);
  const message = 'The verification email was resent recently; try again later.';
  if (last && nowMs - Date.parse(last) < minIntervalSeconds * 1000) {
    return { kind: 'rate_limited', rule: 'ENR-11', code: 'rate_limited', message, retryAfterSeconds: Math.ceil(minIntervalSeconds - (nowMs - Date.parse(last)) / 1000) };
  }
  if (lastDay.length >= maxPerDay) {
    return { kind: 'rate_limited', rule: 'ENR-11', code: 'rate_limited', message, retryAfterSeconds: Math.ceil((Date.parse(lastDay[0]!) + DAY_MS - nowMs) / 1000) };
  }
  return undefined;
}

/** ENR-4: the primary contact must not use a web-based mail service. */
export const webmailRefusal = (email: string, param: string): Refusal | undefined =>
  isWebmailAddress(email) ? { kind: 'rule', rule: 'ENR-4', code: 'webmail_not_allowed', message: 'The primary contact needs an address of the company’s own domain, not a web-based mail service.', param } : undefined;

/** ENR-5: one enrollment per tenant; a provider, direct-bill partner or active reseller cannot enroll. */
export function tenantEnrollmentRefusal(existing: Pick<Partner, 'type' | 'status'> | undefined, open: Pick<Enrollment, 'status'> | undefined): Refusal | undefined {
  if (existing && (existing.type !== 'indirect_reseller' || existing.status === 'active')) {
    return { kind: 'conflict', rule: 'ENR-5', code: 'tenant_already_partner', message: 'This tenant is already a partner of the program.' };
  }
  if (open && blocksNewEnrollment(open.status)) return { kind: 'conflict', rule: 'ENR-5', code: 'enrollment_exists', message: 'This tenant already has an open enrollment.' };
  return undefined;
}

/** ENR-11: the contact may be changed until it is confirmed. */
export const contactChangeRefusal = (e: Pick<Enrollment, 'status'>): Refusal | undefined =>
  canChangeContact(e.status) ? undefined : { kind: 'conflict', rule: 'ENR-11', code: 'contact_already_confirmed', message: 'The primary contact can only be changed until it has confirmed.' };

/** ENR-8: corrections only while more information is needed, and only of the fields vetting named. */
export function correctionRefusal(e: Pick<Enrollment, 'status' | 'vetting'>, touched: string[]): Refusal | undefined {
  if (e.status !== 'more_info_needed') return { kind: 'conflict', rule: 'ENR-8', code: 'not_awaiting_information', message: 'Corrections are accepted only while more information is needed.' };
  const notDue = fieldNotDue(touched, e.vetting.fieldsDue);
  return notDue ? { kind: 'rule', rule: 'ENR-8', code: 'field_not_requested', message: `The vetting did not ask to correct ${notDue}.`, param: notDue } : undefined;
}

/** ENR-8: a vetting outcome is expected only while under review with vetting pending. */
export const vettingRefusal = (e: Pick<Enrollment, 'status' | 'vetting'>): Refusal | undefined =>
  e.status === 'under_review' && e.vetting.status === 'pending'
    ? undefined
    : { kind: 'conflict', rule: 'ENR-8', code: 'not_awaiting_vetting', message: `The enrollment is ${e.status}${e.vetting.status === 'approved' ? ' (vetting already approved)' : ''}; no vetting outcome is expected.` };

/** MPA-1: only the current agreement version can be accepted. */
export const agreementVersionRefusal = (version: string, current: string): Refusal | undefined =>
  version === current ? undefined : { kind: 'rule', rule: 'MPA-1', code: 'agreement_version_not_current', message: `The current agreement is version ${current}.`, param: 'version' };

/** MPA-5: the agreement can be accepted once the primary contact has confirmed. */
export const agreementTimingRefusal = (open: Pick<Enrollment, 'status'> | undefined): Refusal | undefined =>
  open && !canAcceptAgreement(open.status) ? { kind: 'rule', rule: 'MPA-5', code: 'contact_not_confirmed', message: 'The agreement can be accepted once the primary contact has confirmed.' } : undefined;

/** MPA-3: indirect providers and the operator may check a partner's agreement status. */
export const agreementStatusViewerRefusal = (isOperator: boolean, me: Pick<Partner, 'type'> | undefined): Refusal | undefined =>
  isOperator || me?.type === 'indirect_provider' ? undefined : { kind: 'forbidden', rule: 'MPA-3', code: 'not_indirect_provider', message: 'Only indirect providers and the operator may check agreement status.' };

/** The workflow's steps (workflows/enrollment.asl.json routes on them). */
export const enrollmentSteps = ['wait_for_contact', 'wait_for_review', 'wait_for_correction', 'done'] as const;
export type EnrollmentStep = (typeof enrollmentSteps)[number];

/**
 * What the workflow does next, decided from the enrollment as recorded (principle 1). An
 * enrollment ready to activate is activated by the Load step itself (see isReadyToActivate).
 */
export function enrollmentStep(e: Pick<Enrollment, 'status' | 'vetting' | 'agreement'>): EnrollmentStep {
  switch (e.status) {
    case 'pending_contact_verification':
      return 'wait_for_contact';
    case 'under_review':
      return 'wait_for_review';
    case 'more_info_needed':
      return 'wait_for_correction';
    case 'active':
    case 'rejected':
    case 'expired':
      return 'done';
  }
}

/** Writes of the enrollment lifecycle besides links and locks. */
export type EnrollmentWrite =
  | PartnerWrite
  /** ENR-5: a new enrollment links its partner ID to the tenant and records the reseller as enrolling. */
  | { type: 'enrollment.open'; enrollment: Enrollment; partner: Partner }
  /** ENR-5: an ended enrollment (rejected/expired) frees the tenant and the partner ID. */
  | { type: 'enrollment.release'; enrollment: Enrollment };

/** The enrollment store: the lifecycle store plus the operator's queue. */
/** Enrollments read only: the routes that change nothing. */
export interface EnrollmentReader extends LifecycleReader<Enrollment> {
  byStatus(status: EnrollmentStatus, limit: number, cursor?: Record<string, unknown>): Promise<Page<Enrollment>>;
}

export type EnrollmentStore = EnrollmentReader & LifecycleStore<Enrollment, EnrollmentWrite>;


/** Records an enrollment's state change (GEN-1); see recordChange. */
export const transition = (e: Enrollment, change: StateChange<EnrollmentStatus>, patch: Partial<Enrollment> = {}): Enrollment => recordChange(e, change, patch);

export type { Language };
