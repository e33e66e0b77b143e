import { sendEmail } from '#adapters/ses/mailer.js';
import { changeEnrollment } from './enrollment-store.js';
import { getEnrollment } from '#adapters/dynamodb/enrollments.js';
import { resendRefusal, transition, type Enrollment } from '#domain/enrollment.js';
import type { Caller } from '#lib/auth.js';
import { config } from '#lib/config.js';
import { conflict, notFound, rateLimited, ruleViolation } from '#lib/errors.js';
import { linkToken, linkUrl } from '#lib/links.js';
import { renderEmail, type EmailMessage } from '#messages/emails.js';
import { pickLanguage } from '#messages/language.js';

const contactName = (e: Enrollment) => `${e.primaryContact.firstName} ${e.primaryContact.lastName}`;

/** The verification link of the enrollment's current contact generation (the same across reminders). */
export async function verificationLink(e: Enrollment): Promise<string> {
  return linkUrl('verify', await linkToken('verify', e.contact.linkNonce));
}

/** ENR-9: the email owed for a notification key (see notificationKey), or undefined for none. */
export async function notificationEmail(e: Enrollment, key: string): Promise<EmailMessage | undefined> {
  const base = { contactName: contactName(e), companyName: e.company.legalName, portalUrl: config().PORTAL_URL };
  const [kind] = key.split('#');
  switch (kind) {
    case 'verification':
      return { kind: 'enrollment.verification', contactName: base.contactName, companyName: base.companyName, requestedBy: e.enrolledBy.email, link: await verificationLink(e), expiresAt: e.contact.expiresAt };
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

/** Sends an enrollment email to its primary contact, in the contact's language (GEN-2). */
export async function sendToContact(e: Enrollment, message: EmailMessage): Promise<void> {
  const rendered = renderEmail(message, pickLanguage(e.primaryContact.language, undefined));
  await sendEmail({ to: e.primaryContact.email, ...rendered, tags: { enrollment: e.id } });
}

/** `POST /enrollments/{id}/verification-email` (ENR-11): the same link again, rate-limited. */
export async function resendVerificationEmail(caller: Caller, id: string) {
  const record = await getEnrollment(id);
  if (!record || record.enrollment.tenantId !== caller.tenantId) throw notFound('enrollment');
  const c = config();
  const { after } = await changeEnrollment(
    id,
    ({ enrollment: e }, now) => {
      if (e.status !== 'pending_contact_verification') throw conflict('contact_already_confirmed', 'The contact has confirmed already; nothing to resend.', 'ENR-11');
      if (!e.contact.deliverable) throw ruleViolation('ENR-12', 'contact_undeliverable', 'Email to this contact bounced; change the primary contact instead.');
      const refusal = resendRefusal(e.contact.resends, now, c.RESEND_MIN_INTERVAL_SECONDS, c.RESEND_MAX_PER_DAY);
      if (refusal) throw rateLimited('The verification email was resent recently; try again later.', refusal.retryAfterSeconds, 'ENR-11');
      const recent = e.contact.resends.filter((at) => Date.parse(now) - Date.parse(at) < 86_400_000);
      return { next: transition(e, { now, actor: `user:${caller.sub}`, action: 'verification.resent' }, { contact: { ...e.contact, resends: [...recent, now] } }), wake: false };
    },
  );
  const message = await notificationEmail(after, `verification#${after.contact.generation}`);
  await sendToContact(after, message!);
  return { id: after.id, sentTo: after.primaryContact.email, expiresAt: after.contact.expiresAt };
}
