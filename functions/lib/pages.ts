import { PAGE_CONTENT_SECURITY_POLICY, renderPage, type Page } from '#messages/pages.js';
import { pickLanguage } from '#messages/language.js';
import type { HttpResult } from './http.js';

/**
 * An HTML page result in the language of a stored preference, else Accept-Language (GEN-2),
 * under the Content-Security-Policy the pages are built for (no scripts, inline styles only).
 */
export function page(status: number, content: Page, headers: Record<string, string>, stored?: string): HttpResult {
  const language = pickLanguage(stored, headers['accept-language']);
  return {
    status,
    html: renderPage(content, language),
    headers: { 'content-security-policy': PAGE_CONTENT_SECURITY_POLICY, 'content-language': language, vary: 'Accept-Language, Cookie' },
  };
}

/** ENR-7: the one neutral page, whatever made the link invalid. */
export const neutralPage = (headers: Record<string, string>): HttpResult => page(410, { kind: 'link.neutral' }, headers);

/** 303 See Other: after a form post, the browser GETs `location`. */
export const seeOther = (location: string): HttpResult => ({ status: 303, headers: { location } });

export const wantsJson = (headers: Record<string, string>): boolean => (headers.accept ?? '').includes('application/json');
