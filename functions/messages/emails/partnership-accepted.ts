/** PRT-5: the partnership is in place; both sides are told. */
import type { EmailTexts, PartnershipEmailName } from '../catalogues.js';
import { paragraph, type EmailDraft } from './layout.js';
import { grantList } from './parts.js';

export interface PartnershipAcceptedEmail {
  kind: 'partnership.accepted';
  recipient: 'provider' | 'reseller';
  providerName: string;
  resellerName: string;
}

/** PRT-5/PRT-7/PRT-9: who is now in whose list, what the provider may do, how to end it. */
export function partnershipAcceptedEmail(m: PartnershipAcceptedEmail, catalogue: EmailTexts<PartnershipEmailName>): EmailDraft {
  const e = catalogue.emails.accepted;
  const greeting = catalogue.common.greetingNoName;
  switch (m.recipient) {
    case 'provider':
      return {
        subject: e.providerSubject(m),
        greeting,
        blocks: [paragraph(e.providerBody(m)), paragraph(e.providerNext)],
      };
    case 'reseller':
      return {
        subject: e.resellerSubject(m),
        greeting,
        blocks: [paragraph(e.resellerBody(m)), grantList(catalogue), paragraph(e.resellerNext)],
      };
  }
}
