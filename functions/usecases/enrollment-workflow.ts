import { getEnrollment, markNotified, registerWait, releaseGuards } from '#adapters/dynamodb/enrollments.js';
import { partnerStatusUpdate } from '#adapters/dynamodb/partner-updates.js';
import { wakeWorkflow } from '#adapters/sfn/workflows.js';
import { isOverdue, isReadyToActivate, notificationKey, transition, type Enrollment } from '#domain/enrollment.js';
import { systemClock } from '#lib/clock.js';
import { logger } from '#lib/observability.js';
import { changeEnrollment } from './enrollment-store.js';
import { notificationEmail, sendToContact } from './enrollment-emails.js';
import { notifyOnce } from './notify-once.js';

/** What the workflow does next, decided from the enrollment as recorded (principle 1). */
export type NextStep = 'wait_for_contact' | 'wait_for_review' | 'wait_for_correction' | 'activate' | 'done';

const HOUR = 3600;
const REVIEW_WAIT_SECONDS = 30 * 86_400;

function nextStep(e: Enrollment): NextStep {
  switch (e.status) {
    case 'pending_contact_verification':
      return 'wait_for_contact';
    case 'under_review':
      return isReadyToActivate(e) ? 'activate' : 'wait_for_review';
    case 'more_info_needed':
      return 'wait_for_correction';
    case 'active':
    case 'rejected':
    case 'expired':
      return 'done';
  }
}

/** The callback's TimeoutSeconds: the phase deadline plus an hour of grace, a backstop for the sweep. */
function waitSeconds(e: Enrollment, now: string): number {
  const deadline = e.status === 'pending_contact_verification' ? e.contact.expiresAt : e.status === 'more_info_needed' ? e.deadline : undefined;
  if (!deadline) return REVIEW_WAIT_SECONDS;
  return Math.max(60, Math.ceil((Date.parse(deadline) - Date.parse(now)) / 1000) + HOUR);
}

/**
 * The workflow's "Load" step: reads the enrollment, sends the one email its current state
 * owes the primary contact (ENR-9, claimed before sending so a re-run cannot repeat it),
 * and answers what to do next.
 */
export async function syncEnrollment(id: string) {
  const record = await getEnrollment(id);
  if (!record) return { next: 'done' as NextStep, version: 0, waitSeconds: 60 };
  const e = record.enrollment;
  const key = notificationKey(e);
  await notifyOnce(key, record.notified, (next, previous) => markNotified(id, next, previous), async () => {
    const message = await notificationEmail(e, key);
    // ENR-12: nothing more goes to an address that bounced.
    if (message && e.contact.deliverable) await sendToContact(e, message);
  });
  return { next: nextStep(e), version: e.version, waitSeconds: waitSeconds(e, systemClock.now().toISOString()) };
}

/** The callback task: park the token, or wake at once if the enrollment moved since it was read. */
export async function parkWorkflow(id: string, taskToken: string, expectVersion: number): Promise<void> {
  if (!(await registerWait(id, taskToken, expectVersion))) await wakeWorkflow(taskToken);
}

/** ENR-10 / ENR-8 deadlines: an overdue enrollment expires; the tenant and partner ID are freed. */
export async function expireIfOverdue(id: string, actor = 'system:deadline'): Promise<boolean> {
  const record = await getEnrollment(id);
  if (!record || !isOverdue(record.enrollment, systemClock.now().toISOString())) return false;
  try {
    await changeEnrollment(id, ({ enrollment: e }, now) => {
      if (!isOverdue(e, now)) throw new NotOverdue();
      return {
        next: transition(e, { now, actor, action: 'enrollment.expired', status: 'expired' }),
        with: [...releaseGuards(e), partnerStatusUpdate(e.tenantId, 'inactive', { at: now, actor, action: 'partner.enrollment_expired', to: 'inactive' })],
      };
    });
    return true;
  } catch (error) {
    if (error instanceof NotOverdue) return false;
    throw error;
  }
}

class NotOverdue extends Error {}

/** MPA-4 / ENR-13: vetting approved and agreement accepted → active; the enrolling user becomes the first admin agent. */
export async function activate(id: string): Promise<void> {
  await changeEnrollment(id, ({ enrollment: e }, now) => {
    if (!isReadyToActivate(e)) return { next: e, wake: false, with: [] };
    const actor = 'system:activation';
    return {
      next: transition(e, { now, actor, action: 'enrollment.activated', status: 'active' }),
      with: [partnerStatusUpdate(e.tenantId, 'active', { at: now, actor, action: 'partner.activated', from: 'enrolling', to: 'active' }, e.enrolledBy.sub)],
      wake: false,
    };
  });
  logger.info('enrollment step activate', { enrollmentId: id });
}

