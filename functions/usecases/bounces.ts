import { isTerminal, transition, type Enrollment } from '#domain/enrollment.js';
import { conflict } from '#domain/refusal.js';
import { config } from '#lib/config.js';
import { renderEnrollmentEmail } from '#messages/emails.js';
import { pickLanguage } from '#messages/language.js';
import { change } from './lifecycle.js';
import { enrollmentLifecycle, type EnrollmentPorts } from './enrollment/lifecycle.js';

/**
 * ENR-12: a bounce or complaint of an email an enrollment sent its primary contact (SES
 * names the enrollment in the event: the email's `enrollment` tag) marks that contact
 * undeliverable, which stops reminders; the enrolling admin is asked to change it. Nothing
 * happens if the address is no longer the enrollment's contact, or the enrollment is over.
 */
export async function contactUndeliverable(p: EnrollmentPorts, enrollmentId: string, email: string, cause: 'bounce' | 'complaint'): Promise<boolean> {
  const address = email.toLowerCase();
  const stillOwed = (e: Enrollment) =>
    !isTerminal(e.status) && e.status !== 'active' && e.primaryContact.email.toLowerCase() === address && e.contactVerification.deliverable;
  const read = await p.enrollments.load(enrollmentId);
  if (!read || !stillOwed(read.entity)) return false;
  let after;
  try {
    ({ after } = await change(
      enrollmentLifecycle(p),
      enrollmentId,
      ({ entity: current }, now) => {
        if (!stillOwed(current)) throw nothingToMark;
        return {
          next: transition(current, { now, actor: `ses:${cause}`, action: 'contact.undeliverable', note: email }, { contactVerification: { ...current.contactVerification, deliverable: false } }),
          wake: false,
        };
      },
      { read },
    ));
  } catch (error) {
    if (error === nothingToMark) return false;
    throw error;
  }
  const rendered = renderEnrollmentEmail(
    { kind: 'enrollment.contact_undeliverable', companyName: after.company.legalName, contactEmail: email, cause, portalUrl: config().PORTAL_URL },
    pickLanguage(after.primaryContact.language, undefined),
  );
  await p.mailer.send({ to: after.enrolledBy.email, ...rendered });
  return true;
}
const nothingToMark = conflict('contact_not_marked', 'The address is no longer an open enrollment\'s deliverable contact.');
