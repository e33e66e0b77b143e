/** The languages emails and link pages speak (GEN-2). */
export type Language = 'en' | 'de' | 'sv' | 'nl';

/** Every supported language, English (the fallback) first. */
export const LANGUAGES: readonly Language[] = ['en', 'de', 'sv', 'nl'];

const MAX_RANGES = 32;

/** Maps a language tag (`de-AT`, `SV_se`, `nl`) to a supported language, or `undefined`. */
export function supportedLanguage(tag: string | undefined): Language | undefined {
  const primary = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return LANGUAGES.find((language) => language === primary);
}

interface Range {
  language: Language | undefined;
  q: number;
  position: number;
}

function parseRange(part: string, position: number): Range | undefined {
  const [tag = '', ...params] = part.split(';').map((s) => s.trim());
  let q = 1;
  for (const param of params) {
    const match = /^q\s*=\s*([01](?:\.\d{0,3})?)$/i.exec(param);
    if (!match) return undefined;
    q = Number(match[1]);
  }
  if (q <= 0 || q > 1) return undefined;
  return { language: supportedLanguage(tag), q, position };
}

/**
 * Picks the language of an email or link page (GEN-2): the contact's stored preference
 * first, else the best supported match of an `Accept-Language` header (q-values honoured,
 * regional tags such as `de-AT` or `nl-BE` match their language), else English.
 */
export function pickLanguage(stored: string | undefined, acceptLanguage: string | undefined): Language {
  const preferred = supportedLanguage(stored);
  if (preferred) return preferred;
  const ranges = (acceptLanguage ?? '')
    .split(',')
    .slice(0, MAX_RANGES)
    .map(parseRange)
    .filter((range): range is Range => range !== undefined)
    .sort((a, b) => b.q - a.q || a.position - b.position);
  return ranges.find((range) => range.language !== undefined)?.language ?? 'en';
}
