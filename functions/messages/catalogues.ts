import * as de from './de.js';
import * as en from './en.js';
import type { Catalogue } from './en.js';
import type { Language } from './language.js';
import * as nl from './nl.js';
import * as sv from './sv.js';

export type { Catalogue } from './en.js';

/** The emails of the program by name (`verification`, `status`…). */
export type EmailName = keyof Catalogue['emails'];
/** What some emails are rendered from: an email catalogue with only their texts. */
export type EmailTexts<K extends EmailName> = Omit<Catalogue, 'pages' | 'emails'> & { emails: Pick<Catalogue['emails'], K> };

/** Every message catalogue, by language (GEN-2). All have the shape of the English one. */
export const catalogues: Readonly<Record<Language, Catalogue>> = { en: en.en, de: de.de, sv: sv.sv, nl: nl.nl };

/** The catalogue for a language. */
export function catalogueFor(language: Language): Catalogue {
  return catalogues[language];
}

/*
 * The email and page catalogues are built from the parts themselves, not from the whole
 * catalogues above, so that a bundle carries only the texts it renders: esbuild keeps the
 * parts a module reaches, never part of an object. Emails come in groups, one per part of
 * the program that sends them (functions/messages/emails.ts renders each group on its own).
 */
export type EnrollmentEmailName = keyof typeof en.enrollmentEmails;
export type PartnershipEmailName = keyof typeof en.partnershipEmails;
export type CustomerEmailName = keyof typeof en.customerEmails;
export type OrderEmailName = keyof typeof en.orderEmails;
export type RelationshipEmailName = keyof typeof en.relationshipEmails;

const enrollmentEmailTexts: Readonly<Record<Language, EmailTexts<EnrollmentEmailName>>> = {
  en: { meta: en.meta, common: en.common, fields: en.fields, emails: en.enrollmentEmails },
  de: { meta: de.meta, common: de.common, fields: de.fields, emails: de.enrollmentEmails },
  sv: { meta: sv.meta, common: sv.common, fields: sv.fields, emails: sv.enrollmentEmails },
  nl: { meta: nl.meta, common: nl.common, fields: nl.fields, emails: nl.enrollmentEmails },
};
const partnershipEmailTexts: Readonly<Record<Language, EmailTexts<PartnershipEmailName>>> = {
  en: { meta: en.meta, common: en.common, fields: en.fields, emails: en.partnershipEmails },
  de: { meta: de.meta, common: de.common, fields: de.fields, emails: de.partnershipEmails },
  sv: { meta: sv.meta, common: sv.common, fields: sv.fields, emails: sv.partnershipEmails },
  nl: { meta: nl.meta, common: nl.common, fields: nl.fields, emails: nl.partnershipEmails },
};
const customerEmailTexts: Readonly<Record<Language, EmailTexts<CustomerEmailName>>> = {
  en: { meta: en.meta, common: en.common, fields: en.fields, emails: en.customerEmails },
  de: { meta: de.meta, common: de.common, fields: de.fields, emails: de.customerEmails },
  sv: { meta: sv.meta, common: sv.common, fields: sv.fields, emails: sv.customerEmails },
  nl: { meta: nl.meta, common: nl.common, fields: nl.fields, emails: nl.customerEmails },
};
const orderEmailTexts: Readonly<Record<Language, EmailTexts<OrderEmailName>>> = {
  en: { meta: en.meta, common: en.common, fields: en.fields, emails: en.orderEmails },
  de: { meta: de.meta, common: de.common, fields: de.fields, emails: de.orderEmails },
  sv: { meta: sv.meta, common: sv.common, fields: sv.fields, emails: sv.orderEmails },
  nl: { meta: nl.meta, common: nl.common, fields: nl.fields, emails: nl.orderEmails },
};
const relationshipEmailTexts: Readonly<Record<Language, EmailTexts<RelationshipEmailName>>> = {
  en: { meta: en.meta, common: en.common, fields: en.fields, emails: en.relationshipEmails },
  de: { meta: de.meta, common: de.common, fields: de.fields, emails: de.relationshipEmails },
  sv: { meta: sv.meta, common: sv.common, fields: sv.fields, emails: sv.relationshipEmails },
  nl: { meta: nl.meta, common: nl.common, fields: nl.fields, emails: nl.relationshipEmails },
};

/** The texts of the enrollment emails (ENR-6, 8, 9, 10, 12; MPA reminders), for a language. */
export const enrollmentEmailTextsFor = (language: Language): EmailTexts<EnrollmentEmailName> => enrollmentEmailTexts[language];
/** The texts of the partnership-request emails (PRT-2, 4, 5), for a language. */
export const partnershipEmailTextsFor = (language: Language): EmailTexts<PartnershipEmailName> => partnershipEmailTexts[language];
/** The texts of the customer-invitation emails (CUS), for a language. */
export const customerEmailTextsFor = (language: Language): EmailTexts<CustomerEmailName> => customerEmailTexts[language];
/** The texts of the order emails, for a language. */
export const orderEmailTextsFor = (language: Language): EmailTexts<OrderEmailName> => orderEmailTexts[language];
/** The texts of the relationship emails (reseller agreement reminders), for a language. */
export const relationshipEmailTextsFor = (language: Language): EmailTexts<RelationshipEmailName> => relationshipEmailTexts[language];

/** The page names (`verifyConfirm`, `invitationView`…). */
export type PageName = keyof Catalogue['pages'];
/** What every page is laid out with besides its own texts: the locale and the common texts (footer, grants…). */
export type PageCommon = Pick<Catalogue, 'meta' | 'common'>;
/** What a page is rendered from: its own texts (`pages.<name>`) and the common ones. */
export type PageTexts<K extends PageName> = PageCommon & { pages: Pick<Catalogue['pages'], K> };

const pageCommon: Readonly<Record<Language, PageCommon>> = {
  en: { meta: en.meta, common: en.common },
  de: { meta: de.meta, common: de.common },
  sv: { meta: sv.meta, common: sv.common },
  nl: { meta: nl.meta, common: nl.common },
};

/** One page's texts in every language. */
function pageTexts<K extends PageName>(name: K, texts: Readonly<Record<Language, Catalogue['pages'][K]>>): Readonly<Record<Language, PageTexts<K>>> {
  const of = (language: Language) => ({ ...pageCommon[language], pages: { [name]: texts[language] } as Pick<Catalogue['pages'], K> });
  return { en: of('en'), de: of('de'), sv: of('sv'), nl: of('nl') };
}

/*
 * Each page's texts on their own, like the email groups above: a function's bundle carries
 * the texts of the pages it renders (functions/messages/pages.ts), not all of them. Marked
 * pure so that esbuild drops the ones no code of the bundle reaches.
 */
export const verifyConfirmTexts = /* @__PURE__ */ pageTexts('verifyConfirm', { en: en.verifyConfirmPage, de: de.verifyConfirmPage, sv: sv.verifyConfirmPage, nl: nl.verifyConfirmPage });
export const verifyDoneTexts = /* @__PURE__ */ pageTexts('verifyDone', { en: en.verifyDonePage, de: de.verifyDonePage, sv: sv.verifyDonePage, nl: nl.verifyDonePage });
export const linkNeutralTexts = /* @__PURE__ */ pageTexts('linkNeutral', { en: en.linkNeutralPage, de: de.linkNeutralPage, sv: sv.linkNeutralPage, nl: nl.linkNeutralPage });
export const invitationViewTexts = /* @__PURE__ */ pageTexts('invitationView', { en: en.invitationViewPage, de: de.invitationViewPage, sv: sv.invitationViewPage, nl: nl.invitationViewPage });
export const invitationAcceptedTexts = /* @__PURE__ */ pageTexts('invitationAccepted', { en: en.invitationAcceptedPage, de: de.invitationAcceptedPage, sv: sv.invitationAcceptedPage, nl: nl.invitationAcceptedPage });
export const invitationDeclinedTexts = /* @__PURE__ */ pageTexts('invitationDeclined', { en: en.invitationDeclinedPage, de: de.invitationDeclinedPage, sv: sv.invitationDeclinedPage, nl: nl.invitationDeclinedPage });
export const invitationRefusedTexts = /* @__PURE__ */ pageTexts('invitationRefused', { en: en.invitationRefusedPage, de: de.invitationRefusedPage, sv: sv.invitationRefusedPage, nl: nl.invitationRefusedPage });
export const localSignInTexts = /* @__PURE__ */ pageTexts('localSignIn', { en: en.localSignInPage, de: de.localSignInPage, sv: sv.localSignInPage, nl: nl.localSignInPage });
export const customerInvitationViewTexts = /* @__PURE__ */ pageTexts('customerInvitationView', { en: en.customerInvitationViewPage, de: de.customerInvitationViewPage, sv: sv.customerInvitationViewPage, nl: nl.customerInvitationViewPage });
export const customerInvitationAcceptedTexts = /* @__PURE__ */ pageTexts('customerInvitationAccepted', { en: en.customerInvitationAcceptedPage, de: de.customerInvitationAcceptedPage, sv: sv.customerInvitationAcceptedPage, nl: nl.customerInvitationAcceptedPage });
export const customerInvitationDeclinedTexts = /* @__PURE__ */ pageTexts('customerInvitationDeclined', { en: en.customerInvitationDeclinedPage, de: de.customerInvitationDeclinedPage, sv: sv.customerInvitationDeclinedPage, nl: nl.customerInvitationDeclinedPage });
export const customerInvitationRefusedTexts = /* @__PURE__ */ pageTexts('customerInvitationRefused', { en: en.customerInvitationRefusedPage, de: de.customerInvitationRefusedPage, sv: sv.customerInvitationRefusedPage, nl: nl.customerInvitationRefusedPage });

/** A readable label for an enrollment field path (ENR-8); unknown paths are shown as they are. */
export function fieldLabel(catalogue: Pick<Catalogue, 'fields'>, path: string): string {
  const labels: Readonly<Record<string, string>> = catalogue.fields;
  return Object.hasOwn(labels, path) ? (labels[path] ?? path) : path;
}
