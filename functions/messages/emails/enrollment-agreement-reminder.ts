/** MPA-1/MPA-4: reminds an enrolled company to accept the partner agreement. */
import type { EmailTexts, EnrollmentEmailName } from '../catalogues.js';
import { action, paragraph, type EmailDraft } from './layout.js';

export interface EnrollmentAgreementReminderEmail {
  kind: 'enrollment.agreement_reminder';
  contactName: string;
  companyName: string;
  agreementTitle: string;
  agreementUrl: string;
  portalUrl: string;
}

/** MPA-2/MPA-4: only a global admin can accept; the account is not active until then. */
export function enrollmentAgreementReminderEmail(m: EnrollmentAgreementReminderEmail, catalogue: EmailTexts<EnrollmentEmailName>): EmailDraft {
  const e = catalogue.emails.agreementReminder;
  return {
    subject: e.subject(m),
    greeting: catalogue.common.greeting({ name: m.contactName }),
    blocks: [
      paragraph(e.intro(m)),
      paragraph(e.who),
      action(e.readAction, m.agreementUrl),
      action(e.acceptAction, m.portalUrl),
    ],
  };
}
