import type { AgreementAcceptance, Company, Contact, HistoryEntry, Language } from './partners.js';
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
  contact: ContactVerification;
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
export function currentlyDue(e: Pick<Enrollment, 'status' | 'vetting' | 'agreement' | 'contact'>): string[] {
  switch (e.status) {
    case 'pending_contact_verification':
      // ENR-12: an undeliverable contact must be replaced before anything else can happen.
      return [...(e.contact.deliverable ? [] : ['primary_contact']), 'contact_verification', 'vetting', 'agreement_acceptance'];
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
export function notificationKey(e: Pick<Enrollment, 'status' | 'vetting' | 'agreement' | 'contact'>): string {
  switch (e.status) {
    case 'pending_contact_verification':
      return `verification#${e.contact.generation}`;
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
      const reminderOffset = t.verificationRemindersSeconds[e.contact.remindersSent];
      // ENR-12: an undeliverable contact gets no reminders, but the deadline still holds.
      const reminder = e.contact.deliverable && reminderOffset !== undefined ? plus(e.contact.linkIssuedAt, reminderOffset) : undefined;
      return pick([
        [e.contact.expiresAt, 'expire'],
        [reminder && reminder < e.contact.expiresAt ? reminder : undefined, 'verification_reminder'],
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
      const since = e.contact.verifiedAt ?? e.updatedAt;
      const reminder =
        !e.agreement.accepted && e.agreementRemindersSent < t.agreementReminderMax
          ? plus(since, t.agreementReminderIntervalSeconds * (e.agreementRemindersSent + 1))
          : undefined;
      return pick([[reminder, 'agreement_reminder']]);
    }
  }
}

/** ENR-10 / ENR-8: the phase's deadline has passed. */
export const isOverdue = (e: Pick<Enrollment, 'status' | 'contact' | 'deadline'>, now: string): boolean =>
  (e.status === 'pending_contact_verification' && e.contact.expiresAt <= now) ||
  (e.status === 'more_info_needed' && e.deadline !== undefined && e.deadline <= now);

/** Fields the partner may correct under more_info_needed (ENR-8), as JSON paths. */
export const correctableFields = [
  'company.legalName',
  'company.address.line1',
  'company.address.line2',
  'company.address.city',
  'company.address.region',
  'company.address.postalCode',
  'supportContact.email',
  'supportContact.phone',
  'supportContact.website',
  'primaryContact.firstName',
  'primaryContact.lastName',
  'primaryContact.phone',
] as const;

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

export type ResendRefusal = { retryAfterSeconds: number };

/** ENR-11: resending the verification email is rate-limited (a minimum interval and a daily cap). */
export function resendRefusal(resends: string[], now: string, minIntervalSeconds: number, maxPerDay: number): ResendRefusal | undefined {
  const nowMs = Date.parse(now);
  const lastDay = resends.filter((at) => nowMs - Date.parse(at) < 86_400_000).sort();
  const last = lastDay.at(-1);
  if (last && nowMs - Date.parse(last) < minIntervalSeconds * 1000) {
    return { retryAfterSeconds: Math.ceil(minIntervalSeconds - (nowMs - Date.parse(last)) / 1000) };
  }
  if (lastDay.length >= maxPerDay) {
    return { retryAfterSeconds: Math.ceil((Date.parse(lastDay[0]!) + 86_400_000 - nowMs) / 1000) };
  }
  return undefined;
}

/** The public enrollment resource of API.md. */
export function enrollmentResource(e: Enrollment) {
  const due = currentlyDue(e);
  return {
    id: e.id,
    tenantId: e.tenantId,
    partnerId: e.partnerId,
    status: e.status,
    company: e.company,
    primaryContact: e.primaryContact,
    supportContact: e.supportContact,
    region: e.region,
    agreement: e.agreement,
    vetting: { status: e.vetting.status, reasons: e.vetting.reasons },
    requirements: {
      currentlyDue: due,
      ...(e.status === 'pending_contact_verification' ? { deadline: e.contact.expiresAt } : e.deadline ? { deadline: e.deadline } : {}),
    },
    contactDeliverable: e.contact.deliverable,
    contactVerifiedAt: e.contact.verifiedAt,
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
    history: e.history,
  };
}

/** Records an enrollment's state change (GEN-1); see recordChange. */
export const transition = (e: Enrollment, change: StateChange<EnrollmentStatus>, patch: Partial<Enrollment> = {}): Enrollment => recordChange(e, change, patch);

export type { Language };
