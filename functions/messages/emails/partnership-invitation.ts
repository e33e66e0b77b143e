/** PRT-2: the partnership request an indirect provider sends to an indirect reseller. */
import type { EmailTexts, PartnershipEmailName } from '../catalogues.js';
import { formatDateTime } from '../dates.js';
import { action, note, paragraph, quote, type Block, type EmailDraft } from './layout.js';
import { grantList } from './parts.js';

export interface InvitationParams {
  providerName: string;
  providerRegionName: string;
  /** The provider's personal note: user-supplied, shown verbatim (escaped). */
  message?: string;
  /** Absolute URL of the invitation page (`GET /invitations/{token}`). */
  link: string;
  /** ISO-8601 expiry of the request (PRT-10). */
  expiresAt: string;
}

export interface PartnershipInvitationEmail extends InvitationParams {
  kind: 'partnership.invitation';
}

/** The body shared by the invitation and its reminders. */
export function invitationBlocks(m: InvitationParams, intro: string, catalogue: EmailTexts<PartnershipEmailName>): Block[] {
  const e = catalogue.emails.invitation;
  return [
    paragraph(intro),
    ...(m.message ? [quote(e.noteHeading(m), m.message)] : []),
    paragraph(catalogue.common.grants.intro(m)),
    grantList(catalogue),
    paragraph(e.requirements),
    action(e.action, m.link),
    paragraph(e.validity({ expiresAt: formatDateTime(m.expiresAt, catalogue.meta.dateLocale) })),
    note(e.notExpected(m)),
  ];
}

/** PRT-2/PRT-4: invites the reseller to authorize the provider and says what that grants. */
export function partnershipInvitationEmail(m: PartnershipInvitationEmail, catalogue: EmailTexts<PartnershipEmailName>): EmailDraft {
  const e = catalogue.emails.invitation;
  return {
    subject: e.subject(m),
    greeting: catalogue.common.greetingNoName,
    blocks: invitationBlocks(m, e.intro(m), catalogue),
  };
}
