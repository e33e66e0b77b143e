/** ENR-10: reminders for an unconfirmed verification; the same link keeps working. */
import type { EmailTexts, EnrollmentEmailName } from '../catalogues.js';
import { verificationBlocks, type VerificationParams } from './enrollment-verification.js';
import type { EmailDraft } from './layout.js';

export interface EnrollmentVerificationReminderEmail extends VerificationParams {
  kind: 'enrollment.verification_reminder';
  /** 1 for the first reminder, 2 for the second… */
  reminderNumber: number;
}

/** ENR-10: reminds the primary contact to confirm, with the same link and its expiry. */
export function enrollmentVerificationReminderEmail(
  m: EnrollmentVerificationReminderEmail,
  catalogue: EmailTexts<EnrollmentEmailName>,
): EmailDraft {
  const e = catalogue.emails.verificationReminder;
  return {
    subject: e.subject(m),
    greeting: catalogue.common.greeting({ name: m.contactName }),
    blocks: verificationBlocks(m, e.intro(m), catalogue),
  };
}
