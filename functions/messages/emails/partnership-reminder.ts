/** PRT-10: reminders for a pending partnership request. */
import type { EmailTexts, PartnershipEmailName } from '../catalogues.js';
import type { EmailDraft } from './layout.js';
import { invitationBlocks, type InvitationParams } from './partnership-invitation.js';

export interface PartnershipReminderEmail extends InvitationParams {
  kind: 'partnership.reminder';
  reminderNumber: number;
}

/** PRT-10: reminds the reseller of a pending request, with the same link and grants. */
export function partnershipReminderEmail(m: PartnershipReminderEmail, catalogue: EmailTexts<PartnershipEmailName>): EmailDraft {
  const e = catalogue.emails.invitationReminder;
  return {
    subject: e.subject(m),
    greeting: catalogue.common.greetingNoName,
    blocks: invitationBlocks(m, e.intro(m), catalogue),
  };
}
