/** ENR-9 / ENR-10: the emails of an enrollment, in the primary contact's language (GEN-2). */
import type { Enrollment } from '#domain/enrollment.js';
import type { Links, Mailer } from '#domain/ports.js';
import { config } from '#lib/config.js';
import { renderEnrollmentEmail, type EnrollmentEmailMessage } from '#messages/emails.js';
import { pickLanguage } from '#messages/language.js';

const contactName = (e: Enrollment) => `${e.primaryContact.firstName} ${e.primaryContact.lastName}`;

/** The verification link of the enrollment's current contact generation (the same across reminders). */
export const verificationLink = async (p: { links: Links }, e: Enrollment): Promise<string> => p.links.url('verify', await p.links.tokenOf('verify', e.contactVerification.linkNonce));

/** ENR-9: the email owed for a notification key (see notificationKey), or undefined for none. */
export async function notificationEmail(p: { links: Links }, e: Enrollment, key: string): Promise<EnrollmentEmailMessage | undefined> {
  const base = { contactName: contactName(e), companyName: e.company.legalName, portalUrl: config().PORTAL_URL };
  const [kind] = key.split('#');
  switch (kind) {
    case 'verification':
      return { kind: 'enrollment.verification', contactName: base.contactName, companyName: base.companyName, requestedBy: e.enrolledBy.email, link: await verificationLink(p, e), expiresAt: e.contactVerification.expiresAt };
    case 'under_review':
      return { kind: 'enrollment.status', ...base, status: 'under_review' };
    case 'approved':
      return { kind: 'enrollment.status', ...base, status: 'approved', agreementAccepted: e.agreement.accepted };
    case 'more_info_needed':
      return { kind: 'enrollment.status', ...base, status: 'more_info_needed', reasons: e.vetting.reasons, fields: e.vetting.fieldsDue, ...(e.deadline ? { deadline: e.deadline } : {}) };
    case 'rejected':
      return { kind: 'enrollment.status', ...base, status: 'rejected', reasons: e.vetting.reasons };
    case 'active':
    case 'expired':
      return { kind: 'enrollment.status', ...base, status: kind };
    default:
      return undefined;
  }
}

/** The reminder an enrollment's due action sends (ENR-10, MPA agreement reminders, ENR-8). */
export async function reminderEmail(p: { links: Links }, e: Enrollment, action: 'verification_reminder' | 'agreement_reminder' | 'more_info_reminder'): Promise<EnrollmentEmailMessage> {
  const base = { contactName: contactName(e), companyName: e.company.legalName };
  const c = config();
  switch (action) {
    case 'verification_reminder':
      return { kind: 'enrollment.verification_reminder', ...base, requestedBy: e.enrolledBy.email, link: await verificationLink(p, e), expiresAt: e.contactVerification.expiresAt, reminderNumber: e.contactVerification.remindersSent };
    case 'agreement_reminder':
      return { kind: 'enrollment.agreement_reminder', ...base, agreementTitle: `Partner Agreement (${c.AGREEMENT_VERSION})`, agreementUrl: c.AGREEMENT_URL, portalUrl: c.PORTAL_URL };
    case 'more_info_reminder':
      return { kind: 'enrollment.more_info_reminder', ...base, fields: e.vetting.fieldsDue, deadline: e.deadline ?? e.updatedAt, portalUrl: c.PORTAL_URL };
  }
}

/** Sends an enrollment email to its primary contact, in the contact's language (GEN-2). */
export async function sendToContact(p: { mailer: Mailer }, e: Enrollment, message: EnrollmentEmailMessage): Promise<void> {
  const rendered = renderEnrollmentEmail(message, pickLanguage(e.primaryContact.language, undefined));
  await p.mailer.send({ to: e.primaryContact.email, ...rendered, tags: { enrollment: e.id } });
}
