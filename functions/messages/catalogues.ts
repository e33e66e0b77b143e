import { de } from './de.js';
import { en, type Catalogue } from './en.js';
import type { Language } from './language.js';
import { nl } from './nl.js';
import { sv } from './sv.js';

export type { Catalogue } from './en.js';

/** Every message catalogue, by language (GEN-2). All have the shape of the English one. */
export const catalogues: Readonly<Record<Language, Catalogue>> = { en, de, sv, nl };

/** The catalogue for a language. */
export function catalogueFor(language: Language): Catalogue {
  return catalogues[language];
}

/** A readable label for an enrollment field path (ENR-8); unknown paths are shown as they are. */
export function fieldLabel(catalogue: Catalogue, path: string): string {
  const labels: Readonly<Record<string, string>> = catalogue.fields;
  return Object.hasOwn(labels, path) ? (labels[path] ?? path) : path;
}
