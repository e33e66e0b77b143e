/**
 * Emails of the partner program: one template per message (`emails/*.ts`), rendered in
 * the recipient's language (GEN-2) into a subject, a text part and an HTML part.
 */
import {
  customerEmailTextsFor,
  enrollmentEmailTextsFor,
  orderEmailTextsFor,
  partnershipEmailTextsFor,
  relationshipEmailTextsFor,
  type CustomerEmailName,
  type EmailTexts,
  type EnrollmentEmailName,
  type PartnershipEmailName,
} from './catalogues.js';
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
import type { Catalogue } from './en.js';
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

/** The enrollment emails (ENR-6, 8, 9, 10, 12; MPA agreement reminders). */
export type EnrollmentEmailMessage =
  | EnrollmentVerificationEmail
  | EnrollmentVerificationReminderEmail
  | EnrollmentStatusEmail
  | EnrollmentAgreementReminderEmail
  | EnrollmentMoreInfoReminderEmail
  | EnrollmentContactUndeliverableEmail;

/** The partnership-request emails (PRT-2, 4, 5). */
export type PartnershipEmailMessage = PartnershipInvitationEmail | PartnershipReminderEmail | PartnershipAcceptedEmail;

/** The customer-invitation emails (CUS). */
export type CustomerEmailMessage = CustomerInvitationEmail | CustomerInvitationReminderEmail | CustomerAcceptedEmail;

/** Every email the program sends, discriminated on `kind`. */
export type EmailMessage =
  | EnrollmentEmailMessage
  | PartnershipEmailMessage
  | OrderConfirmationEmail
  | ResellerAgreementReminderEmail
  | CustomerEmailMessage;

export type EmailKind = EmailMessage['kind'];

/** Values that keep their line breaks; every other string is made single-line. */
const MULTILINE_KEYS = ['message'];

function enrollmentDraft(m: EnrollmentEmailMessage, catalogue: EmailTexts<EnrollmentEmailName>): EmailDraft {
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
  }
}

function partnershipDraft(m: PartnershipEmailMessage, catalogue: EmailTexts<PartnershipEmailName>): EmailDraft {
  switch (m.kind) {
    case 'partnership.invitation':
      return partnershipInvitationEmail(m, catalogue);
    case 'partnership.reminder':
      return partnershipReminderEmail(m, catalogue);
    case 'partnership.accepted':
      return partnershipAcceptedEmail(m, catalogue);
  }
}

function customerDraft(m: CustomerEmailMessage, catalogue: EmailTexts<CustomerEmailName>): EmailDraft {
  switch (m.kind) {
    case 'customer.invitation':
      return customerInvitationEmail(m, catalogue);
    case 'customer.invitation_reminder':
      return customerInvitationReminderEmail(m, catalogue);
    case 'customer.accepted':
      return customerAcceptedEmail(m, catalogue);
  }
}

/** Cleans the message's values and lays the draft out in the language's texts. */
function compose<M extends EmailMessage, K extends keyof Catalogue['emails']>(
  message: M,
  language: Language,
  identity: ProgramIdentity,
  texts: EmailTexts<K>,
  draft: (m: M, texts: EmailTexts<K>) => EmailDraft,
): RenderedEmail {
  return composeEmail(draft(cleanValues(message, MULTILINE_KEYS), texts), texts, language, identity);
}

/*
 * One renderer per part of the program that sends email, each with only its own texts: a
 * function's bundle carries the texts of the emails it can send, not all of them
 * (functions/messages/catalogues.ts). `renderEmail` renders any of them.
 */

/** Renders an enrollment email in a language (see `renderEmail`). */
export function renderEnrollmentEmail(message: EnrollmentEmailMessage, language: Language, identity: ProgramIdentity = programIdentity()): RenderedEmail {
  return compose(message, language, identity, enrollmentEmailTextsFor(language), enrollmentDraft);
}

/** Renders a partnership-request email in a language (see `renderEmail`). */
export function renderPartnershipEmail(message: PartnershipEmailMessage, language: Language, identity: ProgramIdentity = programIdentity()): RenderedEmail {
  return compose(message, language, identity, partnershipEmailTextsFor(language), partnershipDraft);
}

/** Renders a customer-invitation email in a language (see `renderEmail`). */
export function renderCustomerEmail(message: CustomerEmailMessage, language: Language, identity: ProgramIdentity = programIdentity()): RenderedEmail {
  return compose(message, language, identity, customerEmailTextsFor(language), customerDraft);
}

/** Renders an order confirmation in a language (see `renderEmail`). */
export function renderOrderEmail(message: OrderConfirmationEmail, language: Language, identity: ProgramIdentity = programIdentity()): RenderedEmail {
  return compose(message, language, identity, orderEmailTextsFor(language), orderConfirmationEmail);
}

/** Renders a reseller agreement reminder in a language (see `renderEmail`). */
export function renderRelationshipEmail(message: ResellerAgreementReminderEmail, language: Language, identity: ProgramIdentity = programIdentity()): RenderedEmail {
  return compose(message, language, identity, relationshipEmailTextsFor(language), resellerAgreementReminderEmail);
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
  switch (message.kind) {
    case 'enrollment.verification':
    case 'enrollment.verification_reminder':
    case 'enrollment.status':
    case 'enrollment.agreement_reminder':
    case 'enrollment.more_info_reminder':
    case 'enrollment.contact_undeliverable':
      return renderEnrollmentEmail(message, language, identity);
    case 'partnership.invitation':
    case 'partnership.reminder':
    case 'partnership.accepted':
      return renderPartnershipEmail(message, language, identity);
    case 'customer.invitation':
    case 'customer.invitation_reminder':
    case 'customer.accepted':
      return renderCustomerEmail(message, language, identity);
    case 'order.confirmation':
      return renderOrderEmail(message, language, identity);
    case 'relationship.agreement_reminder':
      return renderRelationshipEmail(message, language, identity);
  }
}
