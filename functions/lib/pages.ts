import { linkNeutralPage, type Page, PAGE_CONTENT_SECURITY_POLICY, renderPage } from '#messages/pages.js';
import { pickLanguage } from '#messages/language.js';
import { config } from './config.js';
import type { HttpResult } from './response.js';

/**
 * The Content-Security-Policy the pages are built for: no scripts, inline styles only,
 * forms to this origin. A form post whose session has lapsed is redirected (303) to the
 * program's sign-in; browsers check `form-action` on that redirect too, so an external
 * sign-in (`SIGN_IN_URL` on AWS) is allowed there as well.
 */
function contentSecurityPolicy(): string {
  const signIn = config().SIGN_IN_URL;
  const origin = signIn ? new URL(signIn).origin : undefined;
  const logo = config().LOGO_URL;
  // A configured logo (LOGO_URL, https) is the one image the footer loads, from exactly that URL.
  const policy = logo ? `${PAGE_CONTENT_SECURITY_POLICY}; img-src ${logo.replace(/[;,\s]/g, encodeURIComponent)}` : PAGE_CONTENT_SECURITY_POLICY;
  if (!origin || origin === new URL(config().PUBLIC_BASE_URL).origin) return policy;
  return policy.replace("form-action 'self'", `form-action 'self' ${origin}`);
}

/** An HTML page result in the language of a stored preference, else Accept-Language (GEN-2). */
export function page(status: number, content: Page, headers: Record<string, string>, stored?: string): HttpResult {
  const language = pickLanguage(stored, headers['accept-language']);
  return {
    status,
    html: renderPage(content, language),
    headers: { 'content-security-policy': contentSecurityPolicy(), 'content-language': language, vary: 'Accept-Language, Cookie' },
  };
}

/** ENR-7: the one neutral page, whatever made the link invalid. */
export const neutralPage = (headers: Record<string, string>): HttpResult => page(410, linkNeutralPage(), headers);

/** 303 See Other: after a form post, the browser GETs `location`. */
export const seeOther = (location: string): HttpResult => ({ status: 303, headers: { location } });

export const wantsJson = (headers: Record<string, string>): boolean => (headers.accept ?? '').includes('application/json');
