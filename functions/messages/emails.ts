/**
 * Emails of the partner program: one template per message (`emails/*.ts`), rendered in
 * the recipient's language (GEN-2) into a subject, a text part and an HTML part.
 */
import { emailCatalogueFor, type EmailCatalogue } from './catalogues.js';
import {
  enrollmentAgreementReminderEmail,
  type EnrollmentAgreementReminderEmail,
} from './emails/enrollment-agreement-reminder.js';
import {
  enrollmentContactUndeliverableEmail,
  type EnrollmentContactUndeliverableEmail,
} from './emails/enrollment-contact-undeliverable.js';
import {
  enrollmentMoreInfoReminderEmail,
  type EnrollmentMoreInfoReminderEmail,
} from './emails/enrollment-more-info-reminder.js';
import { enrollmentStatusEmail, type EnrollmentStatusEmail } from './emails/enrollment-status.js';
import {
  enrollmentVerificationEmail,
  type EnrollmentVerificationEmail,
} from './emails/enrollment-verification.js';
import {
  enrollmentVerificationReminderEmail,
  type EnrollmentVerificationReminderEmail,
} from './emails/enrollment-verification-reminder.js';
import { programIdentity, type ProgramIdentity } from './identity.js';
import {
  customerAcceptedEmail,
  customerInvitationEmail,
  customerInvitationReminderEmail,
  type CustomerAcceptedEmail,
  type CustomerInvitationEmail,
  type CustomerInvitationReminderEmail,
} from './emails/customer-invitation.js';
import { composeEmail, type EmailDraft, type RenderedEmail } from './emails/layout.js';
import { partnershipAcceptedEmail, type PartnershipAcceptedEmail } from './emails/partnership-accepted.js';
import {
  partnershipInvitationEmail,
  type PartnershipInvitationEmail,
} from './emails/partnership-invitation.js';
import { partnershipReminderEmail, type PartnershipReminderEmail } from './emails/partnership-reminder.js';
import { orderConfirmationEmail, type OrderConfirmationEmail } from './emails/order-confirmation.js';
import { resellerAgreementReminderEmail, type ResellerAgreementReminderEmail } from './emails/reseller-agreement-reminder.js';
import type { Language } from './language.js';
import { cleanValues } from './text.js';

export type { RenderedEmail } from './emails/layout.js';
export type { Reason } from './emails/parts.js';
export type { EnrollmentStatusForEmail } from './emails/enrollment-status.js';
export type {
  CustomerAcceptedEmail,
  CustomerInvitationEmail,
  CustomerInvitationReminderEmail,
  EnrollmentAgreementReminderEmail,
  EnrollmentContactUndeliverableEmail,
  EnrollmentMoreInfoReminderEmail,
  EnrollmentStatusEmail,
  EnrollmentVerificationEmail,
  EnrollmentVerificationReminderEmail,
  PartnershipAcceptedEmail,
  PartnershipInvitationEmail,
  PartnershipReminderEmail,
  OrderConfirmationEmail,
  ResellerAgreementReminderEmail,
};

/** Every email the program sends, discriminated on `kind`. */
export type EmailMessage =
  | EnrollmentVerificationEmail
  | EnrollmentVerificationReminderEmail
  | EnrollmentStatusEmail
  | EnrollmentAgreementReminderEmail
  | EnrollmentMoreInfoReminderEmail
  | EnrollmentContactUndeliverableEmail
  | PartnershipInvitationEmail
  | PartnershipReminderEmail
  | PartnershipAcceptedEmail
  | OrderConfirmationEmail
  | ResellerAgreementReminderEmail
  | CustomerInvitationEmail
  | CustomerInvitationReminderEmail
  | CustomerAcceptedEmail;

export type EmailKind = EmailMessage['kind'];

/** Values that keep their line breaks; every other string is made single-line. */
const MULTILINE_KEYS = ['message'];

function draftFor(m: EmailMessage, catalogue: EmailCatalogue): EmailDraft {
  switch (m.kind) {
    case 'enrollment.verification':
      return enrollmentVerificationEmail(m, catalogue);
    case 'enrollment.verification_reminder':
      return enrollmentVerificationReminderEmail(m, catalogue);
    case 'enrollment.status':
      return enrollmentStatusEmail(m, catalogue);
    case 'enrollment.agreement_reminder':
      return enrollmentAgreementReminderEmail(m, catalogue);
    case 'enrollment.more_info_reminder':
      return enrollmentMoreInfoReminderEmail(m, catalogue);
    case 'enrollment.contact_undeliverable':
      return enrollmentContactUndeliverableEmail(m, catalogue);
    case 'partnership.invitation':
      return partnershipInvitationEmail(m, catalogue);
    case 'partnership.reminder':
      return partnershipReminderEmail(m, catalogue);
    case 'partnership.accepted':
      return partnershipAcceptedEmail(m, catalogue);
    case 'order.confirmation':
      return orderConfirmationEmail(m, catalogue);
    case 'relationship.agreement_reminder':
      return resellerAgreementReminderEmail(m, catalogue);
    case 'customer.invitation':
      return customerInvitationEmail(m, catalogue);
    case 'customer.invitation_reminder':
      return customerInvitationReminderEmail(m, catalogue);
    case 'customer.accepted':
      return customerAcceptedEmail(m, catalogue);
  }
}

/**
 * Renders an email in a language (GEN-2): ENR-6/ENR-10 verification and reminders,
 * ENR-9 status changes, ENR-8 more-information reminders, MPA agreement reminders,
 * ENR-12 undeliverable contact, PRT-2/PRT-4 invitations and reminders, PRT-5 acceptance.
 *
 * Both parts show every link as plain text (HTML also as a button); links must be
 * absolute http(s) URLs (else it throws `TypeError`). Every value is escaped in HTML,
 * and control characters (CR, LF…) are removed from values — so a subject is always a
 * single line. Every email ends with the program's identity and support contact.
 * Pure: no I/O, no clock.
 */
export function renderEmail(message: EmailMessage, language: Language, identity: ProgramIdentity = programIdentity()): RenderedEmail {
  const catalogue = emailCatalogueFor(language);
  const clean = cleanValues(message, MULTILINE_KEYS);
  return composeEmail(draftFor(clean, catalogue), catalogue, language, identity);
}
