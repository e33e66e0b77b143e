/** ENR-12: the verification email bounced or was complained about. */
import type { EmailTexts, EnrollmentEmailName } from '../catalogues.js';
import { action, paragraph, type EmailDraft } from './layout.js';

export interface EnrollmentContactUndeliverableEmail {
  kind: 'enrollment.contact_undeliverable';
  /** Sent to the global admin who enrolled (`requestedBy`), not to the unreachable contact. */
  companyName: string;
  contactEmail: string;
  cause: 'bounce' | 'complaint';
  portalUrl: string;
}

/** ENR-12: reminders have stopped; asks the partner to change the primary contact (ENR-11). */
export function enrollmentContactUndeliverableEmail(
  m: EnrollmentContactUndeliverableEmail,
  catalogue: EmailTexts<EnrollmentEmailName>,
): EmailDraft {
  const e = catalogue.emails.contactUndeliverable;
  return {
    subject: e.subject(m),
    greeting: catalogue.common.greetingNoName,
    blocks: [
      paragraph(m.cause === 'bounce' ? e.bounce(m) : e.complaint(m)),
      paragraph(e.stopped),
      paragraph(e.next),
      action(catalogue.common.portalAction, m.portalUrl),
    ],
  };
}
