import { isTerminal, transition } from '#domain/enrollment.js';
import { config } from '#lib/config.js';
import { renderEmail } from '#messages/emails.js';
import { pickLanguage } from '#messages/language.js';
import { change } from './lifecycle.js';
import { enrollmentLifecycle, type EnrollmentPorts } from './enrollment/lifecycle.js';

/**
 * ENR-12: a bounce or complaint for a primary contact marks the contact undeliverable on
 * its open enrollments, which stops reminders; the enrolling admin is asked to change it.
 */
export async function contactUndeliverable(p: EnrollmentPorts, email: string, cause: 'bounce' | 'complaint'): Promise<number> {
  let marked = 0;
  const lc = enrollmentLifecycle(p);
  for (const id of await p.enrollments.idsByContact(email)) {
    const e = (await p.enrollments.load(id))?.entity;
    if (!e || isTerminal(e.status) || e.status === 'active' || e.primaryContact.email !== email.toLowerCase() || !e.contactVerification.deliverable) continue;
    const { after } = await change(lc, id, ({ entity: current }, now) => ({
      next: transition(current, { now, actor: `ses:${cause}`, action: 'contact.undeliverable', note: email }, { contactVerification: { ...current.contactVerification, deliverable: false } }),
      wake: false,
    }));
    marked++;
    const rendered = renderEmail(
      { kind: 'enrollment.contact_undeliverable', companyName: after.company.legalName, contactEmail: email, cause, portalUrl: config().PORTAL_URL },
      pickLanguage(after.primaryContact.language, undefined),
    );
    await p.mailer.send({ to: after.enrolledBy.email, ...rendered });
  }
  return marked;
}
