import * as de from './de.js';
import * as en from './en.js';
import type { Catalogue } from './en.js';
import type { Language } from './language.js';
import * as nl from './nl.js';
import * as sv from './sv.js';

export type { Catalogue } from './en.js';

/** What emails are rendered from: every part of a catalogue but the pages. */
export type EmailCatalogue = Omit<Catalogue, 'pages'>;
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
 * catalogues above, so that a bundle rendering only emails (or only pages) carries only
 * those texts: esbuild keeps the parts a module reaches, never part of an object.
 */
const emailCatalogues: Readonly<Record<Language, EmailCatalogue>> = {
  en: { meta: en.meta, common: en.common, fields: en.fields, emails: en.emails },
  de: { meta: de.meta, common: de.common, fields: de.fields, emails: de.emails },
  sv: { meta: sv.meta, common: sv.common, fields: sv.fields, emails: sv.emails },
  nl: { meta: nl.meta, common: nl.common, fields: nl.fields, emails: nl.emails },
};

const pageCatalogues: Readonly<Record<Language, PageCatalogue>> = {
  en: { meta: en.meta, common: en.common, fields: en.fields, pages: en.pages },
  de: { meta: de.meta, common: de.common, fields: de.fields, pages: de.pages },
  sv: { meta: sv.meta, common: sv.common, fields: sv.fields, pages: sv.pages },
  nl: { meta: nl.meta, common: nl.common, fields: nl.fields, pages: nl.pages },
};

/** The texts emails are rendered from, for a language. */
export function emailCatalogueFor(language: Language): EmailCatalogue {
  return emailCatalogues[language];
}

/** The texts pages are rendered from, for a language. */
export function pageCatalogueFor(language: Language): PageCatalogue {
  return pageCatalogues[language];
}

/** A readable label for an enrollment field path (ENR-8); unknown paths are shown as they are. */
export function fieldLabel(catalogue: Pick<Catalogue, 'fields'>, path: string): string {
  const labels: Readonly<Record<string, string>> = catalogue.fields;
  return Object.hasOwn(labels, path) ? (labels[path] ?? path) : path;
}
