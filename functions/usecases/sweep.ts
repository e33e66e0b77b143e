import { dueEnrollments, getEnrollment } from '#adapters/dynamodb/enrollments.js';
import { wakeWorkflow } from '#adapters/sfn/workflows.js';
import { isTerminal, nextDue, transition, type Enrollment } from '#domain/enrollment.js';
import { systemClock } from '#lib/clock.js';
import { config } from '#lib/config.js';
import { changeEnrollment, timing } from './enrollment-store.js';
import { redriveIfStranded } from './redrive.js';
import { sendToContact, verificationLink } from './enrollment-emails.js';
import { expireIfOverdue } from './enrollment-workflow.js';
import { sweepRequest } from './partnership-workflow.js';
import { dueRequests } from '#adapters/dynamodb/partnerships.js';
import { drainDue, type SweepResult } from './due.js';

const MAX_PER_RUN = 1000;

/**
 * The scheduled job: reminders and deadlines (ENR-10, ENR-8, MPA agreement reminders)
 * and GEN-4 re-drive, for the enrollments and partnership requests the sparse due index
 * says are due now.
 */
export async function sweep(): Promise<SweepResult> {
  const result: SweepResult = { reminded: 0, expired: 0, redriven: 0, examined: 0 };
  await drainDue('an enrollment', dueEnrollments, (id) => sweepOne(id, result), result, MAX_PER_RUN);
  await drainDue('a partnership request', dueRequests, (id) => sweepRequest(id, result), result, MAX_PER_RUN);
  return result;
}

export type { SweepResult };

async function sweepOne(id: string, result: SweepResult): Promise<void> {
  const record = await getEnrollment(id);
  if (!record) return;
  const now = systemClock.now().toISOString();
  const due = nextDue(record.enrollment, timing(), now);
  if (due && due.at <= now) {
    switch (due.action) {
      case 'expire':
        if (await expireIfOverdue(id, 'system:sweep')) {
          result.expired++;
          await wakeWorkflow(record.waitToken);
        }
        break;
      case 'verification_reminder':
      case 'agreement_reminder':
      case 'more_info_reminder':
        if (await remind(id, due.action)) result.reminded++;
        break;
      case 'liveness_check':
        break;
    }
  } else {
    // Nothing but the liveness check (GEN-4) was due, or the index entry is stale:
    // rewriting the index attributes moves the item's dueAt to its next real due time.
    await changeEnrollment(id, ({ enrollment: e }) => ({ next: e, wake: false }));
  }
  if (await redriveEnrollment(id)) result.redriven++;
}

/** Sends a reminder once: counting it is the conditional write; the email follows it. */
async function remind(id: string, action: 'verification_reminder' | 'agreement_reminder' | 'more_info_reminder'): Promise<boolean> {
  const counters = { verification_reminder: 'contact', agreement_reminder: 'agreementRemindersSent', more_info_reminder: 'moreInfoRemindersSent' } as const;
  const { after } = await changeEnrollment(id, ({ enrollment: e }, now) => {
    const patch: Partial<Enrollment> =
      counters[action] === 'contact'
        ? { contact: { ...e.contact, remindersSent: e.contact.remindersSent + 1 } }
        : { [counters[action]]: (e[counters[action] as 'agreementRemindersSent' | 'moreInfoRemindersSent'] ?? 0) + 1 };
    return { next: transition(e, { now, actor: 'system:sweep', action: `reminder.${action}` }, patch), wake: false };
  });
  const base = { contactName: `${after.primaryContact.firstName} ${after.primaryContact.lastName}`, companyName: after.company.legalName };
  const c = config();
  switch (action) {
    case 'verification_reminder':
      await sendToContact(after, {
        kind: 'enrollment.verification_reminder',
        ...base,
        requestedBy: after.enrolledBy.email,
        link: await verificationLink(after),
        expiresAt: after.contact.expiresAt,
        reminderNumber: after.contact.remindersSent,
      });
      break;
    case 'agreement_reminder':
      await sendToContact(after, { kind: 'enrollment.agreement_reminder', ...base, agreementTitle: `Partner Agreement (${c.AGREEMENT_VERSION})`, agreementUrl: c.AGREEMENT_URL, portalUrl: c.PORTAL_URL });
      break;
    case 'more_info_reminder':
      await sendToContact(after, { kind: 'enrollment.more_info_reminder', ...base, fields: after.vetting.fieldsDue, deadline: after.deadline ?? after.updatedAt, portalUrl: c.PORTAL_URL });
      break;
  }
  return true;
}

/** GEN-4: an open enrollment whose execution is gone gets a new one, which picks up from the recorded state. */
async function redriveEnrollment(id: string): Promise<boolean> {
  return redriveIfStranded(
    config().ENROLLMENT_STATE_MACHINE_ARN,
    (await getEnrollment(id))?.enrollment,
    (e) => e.status !== 'active' && !isTerminal(e.status),
    async (next) => (await changeEnrollment(id, ({ enrollment: e }, now) => ({ next: next(e, now), wake: false }))).after,
    { enrollmentId: id },
  );
}
