import { enrollmentUpdate, getEnrollment, type EnrollmentRecord } from '#adapters/dynamodb/enrollments.js';
import type { Enrollment, Timing } from '#domain/enrollment.js';
import { config } from '#lib/config.js';
import { notFound } from '#lib/errors.js';
import { changeVersioned, type Change as VersionedChange, type VersionedStore } from './versioned-change.js';

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

export type Change = VersionedChange<Enrollment>;

const store: VersionedStore<Enrollment, EnrollmentRecord> = {
  async load(id) {
    const record = await getEnrollment(id);
    if (!record) throw notFound('enrollment');
    return record;
  },
  entity: (record) => record.enrollment,
  update: (next, read, now) => enrollmentUpdate(next, read, timing(), now),
};

/** Applies a versioned change to an enrollment (see changeVersioned). */
export const changeEnrollment = (
  id: string,
  decide: (current: EnrollmentRecord, now: string) => Change | Promise<Change>,
  onLostRace?: (error: unknown) => Error | undefined | Promise<Error | undefined>,
) => changeVersioned(store, id, decide, onLostRace);
