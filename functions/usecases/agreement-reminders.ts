/** MPA-6: `POST /relationships/{id}/agreement-reminder`. */
import { REMINDER_INTERVAL_SECONDS, reminderRefusal, retryAfterSeconds, type AgreementReminders } from '#domain/agreement-reminders.js';
import type { Caller } from '#domain/caller.js';
import type { Relationships } from '#domain/partnerships.js';
import type { Clock, Mailer, Partners } from '#domain/ports.js';
import { plusSeconds } from '#domain/links.js';
import { assertAllowed, notFound, rateLimited } from '#domain/refusal.js';
import { config } from '#lib/config.js';
import { renderRelationshipEmail } from '#messages/emails.js';
import { pickLanguage } from '#messages/language.js';

export interface ReminderPorts {
  relationships: Pick<Relationships, 'get'>;
  partners: Pick<Partners, 'get'>;
  reminders: AgreementReminders;
  mailer: Mailer;
  clock: Clock;
}

/** One email to the reseller's primary contact, at most one per partnership a day (429 with Retry-After). */
export async function remindAgreement(p: ReminderPorts, caller: Caller, relationshipId: string) {
  const rel = await p.relationships.get(relationshipId);
  if (!rel || (rel.providerTenantId !== caller.tenantId && rel.resellerTenantId !== caller.tenantId)) throw notFound('relationship');
  const reseller = await p.partners.get(rel.resellerTenantId);
  assertAllowed(reminderRefusal(rel, caller.tenantId, reseller));
  const now = p.clock.now().toISOString();
  const claim = await p.reminders.claim(relationshipId, now, REMINDER_INTERVAL_SECONDS);
  if (!claim.claimed) throw rateLimited('A reminder for this partnership went out within the last 24 hours.', retryAfterSeconds(claim.lastSentAt, now, REMINDER_INTERVAL_SECONDS), 'MPA-6');
  const contact = reseller!.primaryContact;
  const c = config();
  try {
    await p.mailer.send({
      to: contact.email,
      ...renderRelationshipEmail(
        { kind: 'relationship.agreement_reminder', contactName: contact.firstName, providerName: rel.providerName, resellerName: rel.resellerName, agreementUrl: c.AGREEMENT_URL, portalUrl: c.PORTAL_URL },
        pickLanguage(contact.language, undefined),
      ),
      tags: { relationship: relationshipId },
    });
  } catch (error) {
    await p.reminders.release(relationshipId, now).catch(() => undefined);
    throw error;
  }
  return { relationshipId, sentTo: contact.email, sentAt: now, nextPossibleAt: plusSeconds(now, REMINDER_INTERVAL_SECONDS) };
}
