/** MPA-6: a provider reminds a partnered reseller to accept the partner agreement. */
import type { EmailTexts, RelationshipEmailName } from '../catalogues.js';
import { action, paragraph, type EmailDraft } from './layout.js';

export interface ResellerAgreementReminderEmail {
  kind: 'relationship.agreement_reminder';
  contactName: string;
  providerName: string;
  resellerName: string;
  agreementUrl: string;
  portalUrl: string;
}

/** MPA-1/MPA-2/PRT-7: what the reseller misses and how a global admin accepts. */
export function resellerAgreementReminderEmail(m: ResellerAgreementReminderEmail, catalogue: EmailTexts<RelationshipEmailName>): EmailDraft {
  const e = catalogue.emails.resellerAgreementReminder;
  return {
    subject: e.subject(m),
    greeting: catalogue.common.greeting({ name: m.contactName }),
    blocks: [paragraph(e.intro(m)), paragraph(e.why(m)), paragraph(e.who), action(e.readAction, m.agreementUrl), action(e.acceptAction, m.portalUrl)],
  };
}
