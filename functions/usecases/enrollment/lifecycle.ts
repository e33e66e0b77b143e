/**
 * The enrollment lifecycle (ENR-6..13, MPA-4/5) on the lifecycle mechanism: its store,
 * its steps, the email each state owes the primary contact, reminders and deadlines.
 */
import { enrollmentStep, isOverdue, isReadyToActivate, nextDue, notificationKey, transition, type DueAction, type Enrollment, type EnrollmentStep, type EnrollmentStore, type EnrollmentWrite, type Timing } from '#domain/enrollment.js';
import { isTerminal } from '#domain/enrollment.js';
import type { Clock, CommonWrite, Ids, Links, Mailer, Partners, Stored, Workflows } from '#domain/ports.js';
import { conflict } from '#domain/refusal.js';
import { change, expireIf, type Change, type Changed, type Lifecycle } from '../lifecycle.js';
import { notificationEmail, reminderEmail, sendToContact } from './emails.js';

export interface EnrollmentPorts {
  enrollments: EnrollmentStore;
  partners: Partners;
  links: Links;
  mailer: Mailer;
  workflows: Workflows;
  clock: Clock;
  ids: Ids;
  /** The reminder and deadline schedule. */
  timing: () => Timing;
}

export type EnrollmentLifecycle = Lifecycle<Enrollment, EnrollmentWrite, EnrollmentStep, Exclude<DueAction, 'liveness_check'>>;

const HOUR = 3600;
const REVIEW_WAIT_SECONDS = 30 * 86_400;

/** The callback's TimeoutSeconds: the phase deadline plus an hour of grace, a backstop for the sweep. */
function waitSeconds(e: Enrollment, now: string): number {
  const deadline = e.status === 'pending_contact_verification' ? e.contactVerification.expiresAt : e.status === 'more_info_needed' ? e.deadline : undefined;
  if (!deadline) return REVIEW_WAIT_SECONDS;
  return Math.max(60, Math.ceil((Date.parse(deadline) - Date.parse(now)) / 1000) + HOUR);
}

const reminderCounters = { verification_reminder: 'contactVerification', agreement_reminder: 'agreementRemindersSent', more_info_reminder: 'moreInfoRemindersSent' } as const;

export function enrollmentLifecycle(p: EnrollmentPorts): EnrollmentLifecycle {
  const lc: EnrollmentLifecycle = {
    name: 'enrollment',
    what: 'enrollment',
    store: p.enrollments,
    workflows: p.workflows,
    clock: p.clock,
    nextStep: enrollmentStep,
    /** MPA-4 / ENR-13: activation needs no signal, only code: Load does it and reads again. */
    advance: async (stored) => (isReadyToActivate(stored.entity) ? activate(p, stored) : undefined),
    fold: withActivation,
    waitSeconds,
    owedNotification: notificationKey,
    async send(e, key) {
      const message = await notificationEmail(p, e, key);
      // ENR-12: nothing more goes to an address that bounced.
      if (message && e.contactVerification.deliverable) await sendToContact(p, e, message);
    },
    isOpen: (e) => e.status !== 'active' && !isTerminal(e.status),
    nextDue: (e, now) => nextDue(e, p.timing(), now),
    async onDue(id, action) {
      if (action === 'expire') return (await lc.expireIfOverdue(id, 'system:sweep')) ? 'expired' : undefined;
      // Counting the reminder is the conditional write; the email follows it.
      const counter = reminderCounters[action];
      const { after } = await change(lc, id, ({ entity: e }, now) => {
        const patch: Partial<Enrollment> = counter === 'contactVerification' ? { contactVerification: { ...e.contactVerification, remindersSent: e.contactVerification.remindersSent + 1 } } : { [counter]: (e[counter] ?? 0) + 1 };
        return { next: transition(e, { now, actor: 'system:sweep', action: `reminder.${action}` }, patch), wake: false };
      });
      await sendToContact(p, after, await reminderEmail(p, after, action));
      return 'reminded';
    },
    /** ENR-10 / ENR-8 deadlines: an overdue enrollment expires; the tenant and partner ID are freed. */
    expireIfOverdue: (id, actor) =>
      expireIf(lc, id, isOverdue, ({ entity: e }, now) => ({
        next: transition(e, { now, actor, action: 'enrollment.expired', status: 'expired' }),
        writes: endWrites(e, { at: now, actor, action: 'partner.enrollment_expired', to: 'inactive' }),
      })),
  };
  return lc;
}

/** ENR-5: an ended enrollment (rejected/expired) frees the partner ID; the reseller profile goes inactive, which frees the tenant. */
export function endWrites(e: Enrollment, entry: { at: string; actor: string; action: string; to: string }): (CommonWrite | EnrollmentWrite)[] {
  return [
    { type: 'enrollment.release', enrollment: e },
    { type: 'partner.status', tenantId: e.tenantId, status: 'inactive', entry },
  ];
}

/**
 * MPA-4 / ENR-13: vetting approved and agreement accepted → active; the enrolling user
 * becomes the first admin agent. Added to `made` (the change that made the enrollment
 * ready): an acceptance's own write of the partner profile carries the activation too.
 */
export function withActivation(made: Change<Enrollment, EnrollmentWrite>, now: string): Change<Enrollment, EnrollmentWrite> {
  const e = made.next;
  if (!isReadyToActivate(e)) return made;
  const actor = 'system:activation';
  const entry = { at: now, actor, action: 'partner.activated', from: 'enrolling', to: 'active' };
  const writes = made.writes ?? [];
  const acceptance = writes.find((w) => w.type === 'partner.agreement' && w.tenantId === e.tenantId);
  return {
    ...made,
    next: transition(e, { now, actor, action: 'enrollment.activated', status: 'active' }),
    writes: acceptance
      ? writes.map((w) => (w === acceptance ? { ...acceptance, activation: { entry, adminAgent: e.enrolledBy.sub } } : w))
      : [...writes, { type: 'partner.status', tenantId: e.tenantId, status: 'active', entry, adminAgent: e.enrolledBy.sub }],
  };
}

/** The activation on its own, for an enrollment found ready (the Load step's `advance`). */
export async function activate(p: EnrollmentPorts, read: Stored<Enrollment>): Promise<Changed<Enrollment> | undefined> {
  try {
    return await change(
      enrollmentLifecycle(p),
      read.entity.id,
      ({ entity: e }, now) => {
        if (!isReadyToActivate(e)) throw notReady;
        return withActivation({ next: e, wake: false }, now);
      },
      { read },
    );
  } catch (error) {
    if (error === notReady) return undefined;
    throw error;
  }
}
const notReady = conflict('not_ready', 'Not ready to activate any more.');
