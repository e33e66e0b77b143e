/** ENR-8: reminds the partner to correct the fields vetting asked about. */
import type { EmailTexts, EnrollmentEmailName } from '../catalogues.js';
import { action, paragraph, type EmailDraft } from './layout.js';
import { requirementBlocks } from './parts.js';

export interface EnrollmentMoreInfoReminderEmail {
  kind: 'enrollment.more_info_reminder';
  contactName: string;
  companyName: string;
  /** Field paths from `requirements.currentlyDue`. */
  fields: string[];
  /** ISO-8601 deadline. */
  deadline: string;
  portalUrl: string;
}

/** ENR-8: lists what is still due and by when. */
export function enrollmentMoreInfoReminderEmail(m: EnrollmentMoreInfoReminderEmail, catalogue: EmailTexts<EnrollmentEmailName>): EmailDraft {
  const e = catalogue.emails.moreInfoReminder;
  return {
    subject: e.subject(m),
    greeting: catalogue.common.greeting({ name: m.contactName }),
    blocks: [
      paragraph(e.intro(m)),
      ...requirementBlocks(m.fields, undefined, m.deadline, catalogue),
      paragraph(catalogue.emails.status.moreInfoNext),
      action(catalogue.common.portalAction, m.portalUrl),
    ],
  };
}
