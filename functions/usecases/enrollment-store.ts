import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { isConditionFailed } from '#adapters/dynamodb/client.js';
import { enrollmentUpdate, getEnrollment, transact, type EnrollmentRecord } from '#adapters/dynamodb/enrollments.js';
import { wakeWorkflow } from '#adapters/sfn/workflows.js';
import type { Enrollment, Timing } from '#domain/enrollment.js';
import { systemClock } from '#lib/clock.js';
import { config } from '#lib/config.js';
import { conflict, notFound } from '#lib/errors.js';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** The reminder and deadline schedule, from the configuration. */
export function timing(): Timing {
  const c = config();
  return {
    verificationRemindersSeconds: c.VERIFICATION_REMINDERS_SECONDS,
    verificationExpirySeconds: c.VERIFICATION_EXPIRY_SECONDS,
    agreementReminderIntervalSeconds: c.AGREEMENT_REMINDER_INTERVAL_SECONDS,
    agreementReminderMax: c.AGREEMENT_REMINDER_MAX,
    moreInfoRemindersSeconds: c.MORE_INFO_REMINDERS_SECONDS,
    moreInfoExpirySeconds: c.MORE_INFO_EXPIRY_SECONDS,
    livenessCheckSeconds: c.LIVENESS_CHECK_SECONDS,
  };
}

export interface Change {
  next: Enrollment;
  /** Further writes that must happen atomically with the change (links, locks, partner). */
  with?: TransactItem[];
  /** Wake the workflow after the write (ARCHITECTURE principle 1). Default true. */
  wake?: boolean;
}

/**
 * Applies a change to an enrollment: `decide` reads the current state and returns the
 * next one (or throws the refusal); the write is conditional on the version read, so a
 * concurrent change makes `decide` run again on fresh state. Then the workflow is woken.
 */
export async function changeEnrollment(
  id: string,
  decide: (current: EnrollmentRecord, now: string) => Change | Promise<Change>,
  onLostRace?: (error: unknown) => Error | undefined,
): Promise<{ before: EnrollmentRecord; after: Enrollment }> {
  for (let attempt = 0; attempt < 4; attempt++) {
    const record = await getEnrollment(id);
    if (!record) throw notFound('enrollment');
    const now = systemClock.now().toISOString();
    const change = await decide(record, now);
    try {
      await transact([enrollmentUpdate(change.next, record.enrollment.version, timing(), now), ...(change.with ?? [])]);
    } catch (error) {
      if (!isConditionFailed(error)) throw error;
      const mapped = onLostRace?.(error);
      if (mapped) throw mapped;
      continue;
    }
    if (change.wake !== false) await wakeWorkflow(record.waitToken);
    return { before: record, after: change.next };
  }
  throw conflict('concurrent_update', 'The enrollment changed concurrently; nothing was changed. Retry.');
}
