/** ENR-6: the verification email to the primary contact. */
import type { EmailTexts, EnrollmentEmailName } from '../catalogues.js';
import { formatDateTime } from '../dates.js';
import { action, list, note, paragraph, type Block, type EmailDraft } from './layout.js';

export interface VerificationParams {
  contactName: string;
  companyName: string;
  /** Email of the global admin who enrolled the company. */
  requestedBy: string;
  /** Absolute URL of the verification page (`GET /verify/{token}`). */
  link: string;
  /** ISO-8601 instant after which the link no longer works (ENR-7, ENR-10). */
  expiresAt: string;
}

export interface EnrollmentVerificationEmail extends VerificationParams {
  kind: 'enrollment.verification';
}

/** The body shared by the verification email and its reminders. */
export function verificationBlocks(m: VerificationParams, intro: string, catalogue: EmailTexts<EnrollmentEmailName>): Block[] {
  const e = catalogue.emails.verification;
  const { statements } = catalogue.common;
  return [
    paragraph(intro),
    paragraph(e.ask),
    list([statements.signedUp(m), statements.addressBelongs(m)]),
    action(e.action, m.link),
    paragraph(e.validity({ expiresAt: formatDateTime(m.expiresAt, catalogue.meta.dateLocale) })),
    paragraph(e.afterConfirm),
    note(e.notYou(m)),
  ];
}

/** ENR-6/ENR-7: asks the contact to confirm they signed up and that the address belongs to the company. */
export function enrollmentVerificationEmail(m: EnrollmentVerificationEmail, catalogue: EmailTexts<EnrollmentEmailName>): EmailDraft {
  const e = catalogue.emails.verification;
  return {
    subject: e.subject(m),
    greeting: catalogue.common.greeting({ name: m.contactName }),
    blocks: verificationBlocks(m, e.intro(m), catalogue),
  };
}
