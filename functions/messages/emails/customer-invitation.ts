/** CUS-7: the invitation a partner sends a customer, its reminders, and the note on acceptance. */
import type { EmailTexts, CustomerEmailName } from '../catalogues.js';
import { formatDateTime } from '../dates.js';
import { action, list, note, paragraph, quote, type Block, type EmailDraft } from './layout.js';

export interface CustomerInvitationParams {
  partnerName: string;
  partnerType: 'indirect_reseller' | 'indirect_provider' | 'direct_bill';
  partnerRegionName: string;
  /** From a reseller: the provider it buys through. */
  providerName?: string;
  customerName?: string;
  /** The partner's personal note: user-supplied, shown verbatim (escaped). */
  message?: string;
  delegatedAdmin: boolean;
  /** Absolute URL of the invitation page (`GET /customer-links/{token}`). */
  link: string;
  expiresAt: string;
}

export interface CustomerInvitationEmail extends CustomerInvitationParams {
  kind: 'customer.invitation';
}

export interface CustomerInvitationReminderEmail extends CustomerInvitationParams {
  kind: 'customer.invitation_reminder';
  reminderNumber: number;
}

export interface CustomerAcceptedEmail {
  kind: 'customer.accepted';
  /** The inviting partner, or the provider a reseller named. */
  recipient: 'partner' | 'provider';
  partnerName: string;
  providerName?: string;
  customerName: string;
  delegatedAdmin: boolean;
}

/** CUS-7: the partners an acceptance relates to the customer, and whether one gets delegated admin. */
export function customerRelationLines(m: Pick<CustomerInvitationParams, 'partnerName' | 'partnerType' | 'providerName' | 'delegatedAdmin'>, catalogue: Pick<EmailTexts<never>, 'common'>): { partners: string[]; delegatedAdmin: string } {
  const r = catalogue.common.customerRelations;
  const partners =
    m.partnerType === 'indirect_reseller'
      ? [r.asReseller({ name: m.partnerName }), r.asProvider({ name: m.providerName ?? '' })]
      : [m.partnerType === 'indirect_provider' ? r.asProvider({ name: m.partnerName }) : r.asDirectBill({ name: m.partnerName })];
  return { partners, delegatedAdmin: m.delegatedAdmin ? r.delegatedAdmin(m) : r.noDelegatedAdmin };
}

function invitationBlocks(m: CustomerInvitationParams, intro: string, catalogue: EmailTexts<CustomerEmailName>): Block[] {
  const e = catalogue.emails.customerInvitation;
  const lines = customerRelationLines(m, catalogue);
  return [
    paragraph(intro),
    ...(m.message ? [quote(e.noteHeading(m), m.message)] : []),
    paragraph(catalogue.common.customerRelations.intro),
    list(lines.partners),
    paragraph(lines.delegatedAdmin),
    paragraph(e.requirements),
    action(e.action, m.link),
    paragraph(e.validity({ expiresAt: formatDateTime(m.expiresAt, catalogue.meta.dateLocale) })),
    note(e.notExpected(m)),
  ];
}

/** CUS-7: invites the customer's admin to authorise the partners, saying what that grants. */
export function customerInvitationEmail(m: CustomerInvitationEmail, catalogue: EmailTexts<CustomerEmailName>): EmailDraft {
  const e = catalogue.emails.customerInvitation;
  return { subject: e.subject(m), greeting: catalogue.common.greetingNoName, blocks: invitationBlocks(m, e.intro(m), catalogue) };
}

/** Reminds the customer of a pending invitation, with the same link. */
export function customerInvitationReminderEmail(m: CustomerInvitationReminderEmail, catalogue: EmailTexts<CustomerEmailName>): EmailDraft {
  const e = catalogue.emails.customerInvitationReminder;
  return { subject: e.subject(m), greeting: catalogue.common.greetingNoName, blocks: invitationBlocks(m, e.intro(m), catalogue) };
}

/** CUS-7: the customer is in the partner's list; who can now order for it. */
export function customerAcceptedEmail(m: CustomerAcceptedEmail, catalogue: EmailTexts<CustomerEmailName>): EmailDraft {
  const e = catalogue.emails.customerAccepted;
  const body = m.recipient === 'provider' ? e.providerBody(m) : e.partnerBody(m);
  const next = m.recipient === 'partner' && m.providerName ? e.resellerNext({ providerName: m.providerName }) : e.ordersNext;
  return {
    subject: e.subject(m),
    greeting: catalogue.common.greetingNoName,
    blocks: [paragraph(body), ...(m.recipient === 'partner' && m.delegatedAdmin ? [paragraph(e.delegatedAdmin)] : []), paragraph(next)],
  };
}
