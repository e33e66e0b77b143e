/**
 * Server-rendered link pages (GEN-2): complete HTML documents with one inline `<style>`,
 * no scripts, no external assets; forms are plain POSTs that work without JavaScript.
 * One template per page in `pages/*.ts`: a function that makes the page from its values
 * (`verifyDonePage({ companyName })`) and holds the page's texts in every language, so a
 * Lambda bundle carries the pages its code renders and no others.
 */
import type { Language } from './language.js';
import { programIdentity, type ProgramIdentity } from './identity.js';
import { pageDocument, type Page } from './pages/layout.js';

export type { Page } from './pages/layout.js';
export { customerInvitationAcceptedPage, customerInvitationDeclinedPage, customerInvitationRefusedPage, customerInvitationViewPage } from './pages/customer-invitation.js';
export type { CustomerInvitationRefusal, CustomerInvitationViewPage } from './pages/customer-invitation.js';
export { invitationAcceptedPage, invitationDeclinedPage } from './pages/invitation-outcome.js';
export { invitationRefusedPage, type InvitationRefusal } from './pages/invitation-refused.js';
export { invitationViewPage, type InvitationViewPage, type InvitationViewSignedIn, type InvitationViewSignedOut } from './pages/invitation-view.js';
export { linkNeutralPage } from './pages/link-neutral.js';
export { localSignInPage, type LocalSignInPage } from './pages/local-sign-in.js';
export { verifyConfirmPage, type VerifyConfirmPage } from './pages/verify-confirm.js';
export { verifyDonePage } from './pages/verify-done.js';

/**
 * The Content-Security-Policy these pages are built for: inline styles only, no scripts,
 * no other resources, forms posting to the same origin, no framing.
 */
export const PAGE_CONTENT_SECURITY_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/** Names of the form fields the pages post. */
export const FORM_FIELDS = {
  /** `invitation.view` authorize form: `authorize=true` when the box is ticked (PRT-4). */
  authorize: 'authorize',
  /** `local.signIn`: the chosen demo user's `value`. */
  user: 'user',
  /** `local.signIn`: where to go afterwards. */
  returnTo: 'returnTo',
} as const;

/**
 * Renders a page (made by its template) as a complete HTML document in a language (GEN-2): `verify.confirm`
 * (ENR-6; a POST form, GET changes nothing — ENR-7), `verify.done`, `link.neutral` (ENR-7:
 * byte-identical for used, expired and unknown links), `invitation.view` (PRT-4: grants,
 * required checkbox, "Authorize indirect provider"), `invitation.accepted`,
 * `invitation.declined`, `invitation.refused` (PRT-3/4/6/10) and `local.signIn`.
 *
 * Every page ends with the program's identity (footer). Every value is escaped. Form actions and links must be same-origin paths or absolute
 * http(s) URLs (else it throws `TypeError`). Pure: no I/O, no clock.
 */
export function renderPage(page: Page, language: Language, identity: ProgramIdentity = programIdentity()): string {
  const { content, common } = page.in(language);
  return pageDocument(content, common, language, identity);
}
