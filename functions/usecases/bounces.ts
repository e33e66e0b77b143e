import { enrollmentIdsByContact, getEnrollment } from '#adapters/dynamodb/enrollments.js';
import { sendEmail } from '#adapters/ses/mailer.js';
import { isTerminal, transition } from '#domain/enrollment.js';
import { config } from '#lib/config.js';
import { renderEmail } from '#messages/emails.js';
import { pickLanguage } from '#messages/language.js';
import { changeEnrollment } from './enrollment-store.js';

/**
 * ENR-12: a bounce or complaint for a primary contact marks the contact undeliverable on
 * its open enrollments, which stops reminders; the enrolling admin is asked to change it.
 */
export async function contactUndeliverable(email: string, cause: 'bounce' | 'complaint'): Promise<number> {
  let marked = 0;
  for (const id of await enrollmentIdsByContact(email)) {
    const record = await getEnrollment(id);
    const e = record?.enrollment;
    if (!e || isTerminal(e.status) || e.status === 'active' || e.primaryContact.email !== email.toLowerCase() || !e.contact.deliverable) continue;
    const { after } = await changeEnrollment(id, ({ enrollment: current }, now) => ({
      next: transition(current, { now, actor: `ses:${cause}`, action: 'contact.undeliverable', note: email }, { contact: { ...current.contact, deliverable: false } }),
      wake: false,
    }));
    marked++;
    const rendered = renderEmail(
      { kind: 'enrollment.contact_undeliverable', companyName: after.company.legalName, contactEmail: email, cause, portalUrl: config().PORTAL_URL },
      pickLanguage(after.primaryContact.language, undefined),
    );
    await sendEmail({ to: after.enrolledBy.email, ...rendered });
  }
  return marked;
}
