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
/** What pages are rendered from: every part of a catalogue but the emails. */
export type PageCatalogue = Omit<Catalogue, 'emails'>;

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

const pageCatalogues: Readonly<Record<Language, PageCatalogue>> = {
  en: { meta: en.meta, common: en.common, fields: en.fields, pages: en.pages },
  de: { meta: de.meta, common: de.common, fields: de.fields, pages: de.pages },
  sv: { meta: sv.meta, common: sv.common, fields: sv.fields, pages: sv.pages },
  nl: { meta: nl.meta, common: nl.common, fields: nl.fields, pages: nl.pages },
};

/** The texts pages are rendered from, for a language. */
export function pageCatalogueFor(language: Language): PageCatalogue {
  return pageCatalogues[language];
}

/** A readable label for an enrollment field path (ENR-8); unknown paths are shown as they are. */
export function fieldLabel(catalogue: Pick<Catalogue, 'fields'>, path: string): string {
  const labels: Readonly<Record<string, string>> = catalogue.fields;
  return Object.hasOwn(labels, path) ? (labels[path] ?? path) : path;
}
