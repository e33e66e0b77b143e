/** MPA-6: a provider reminds a partnered reseller that has not accepted the agreement, at most once a day per partnership. */
import type { Relationship } from './partnerships.js';
import type { Partner } from './partners.js';
import type { Refusal } from './refusal.js';

export const REMINDER_INTERVAL_SECONDS = 86_400;

/** The send-at-most-once-a-day mark of each partnership. */
export interface AgreementReminders {
  /** Claims the partnership's reminder slot at `now` unless one was claimed within the interval; answers when the last one was. */
  claim(relationshipId: string, now: string, intervalSeconds: number): Promise<{ claimed: true } | { claimed: false; lastSentAt: string }>;
  /** Gives a claim back (the email could not be sent). */
  release(relationshipId: string, sentAt: string): Promise<void>;
}

/** MPA-6: only the provider of an active partnership with a reseller that owes the agreement. */
export function reminderRefusal(rel: Pick<Relationship, 'providerTenantId' | 'resellerTenantId' | 'state'>, tenantId: string, reseller: Pick<Partner, 'agreement'> | undefined): Refusal | undefined {
  if (rel.resellerTenantId === tenantId) return { kind: 'forbidden', rule: 'MPA-6', code: 'partner_type_not_allowed', message: 'Only the provider of the partnership sends agreement reminders.' };
  if (rel.state !== 'active') return { kind: 'conflict', rule: 'MPA-6', code: 'relationship_not_active', message: 'The relationship is no longer active.' };
  if (reseller?.agreement.accepted) return { kind: 'conflict', rule: 'MPA-6', code: 'agreement_already_accepted', message: 'The reseller has accepted the partner agreement already.' };
  return undefined;
}

/** Seconds until the next reminder may go out (429's Retry-After). */
export const retryAfterSeconds = (lastSentAt: string, now: string, intervalSeconds: number) =>
  Math.max(1, Math.ceil((Date.parse(lastSentAt) + intervalSeconds * 1000 - Date.parse(now)) / 1000));
