/**
 * Server-rendered link pages (GEN-2): complete HTML documents with one inline `<style>`,
 * no scripts, no external assets; forms are plain POSTs that work without JavaScript.
 * One template per page in `pages/*.ts`.
 */
import { pageCatalogueFor, type PageCatalogue } from './catalogues.js';
import type { Language } from './language.js';
import { programIdentity, type ProgramIdentity } from './identity.js';
import {
  invitationAcceptedPage,
  invitationDeclinedPage,
  type InvitationAcceptedPage,
  type InvitationDeclinedPage,
} from './pages/invitation-outcome.js';
import {
  customerInvitationAcceptedPage,
  customerInvitationDeclinedPage,
  customerInvitationRefusedPage,
  customerInvitationViewPage,
  type CustomerInvitationAcceptedPage,
  type CustomerInvitationDeclinedPage,
  type CustomerInvitationRefusedPage,
  type CustomerInvitationViewPage,
} from './pages/customer-invitation.js';
import { invitationRefusedPage, type InvitationRefusedPage } from './pages/invitation-refused.js';
import { invitationViewPage, type InvitationViewPage } from './pages/invitation-view.js';
import { pageDocument, type PageContent } from './pages/layout.js';
import { linkNeutralPage, type LinkNeutralPage } from './pages/link-neutral.js';
import { localSignInPage, type LocalSignInPage } from './pages/local-sign-in.js';
import { verifyConfirmPage, type VerifyConfirmPage } from './pages/verify-confirm.js';
import { verifyDonePage, type VerifyDonePage } from './pages/verify-done.js';

export type { InvitationRefusal } from './pages/invitation-refused.js';
export type { CustomerInvitationRefusal } from './pages/customer-invitation.js';
export type { InvitationViewSignedIn, InvitationViewSignedOut } from './pages/invitation-view.js';
export type {
  CustomerInvitationAcceptedPage,
  CustomerInvitationDeclinedPage,
  CustomerInvitationRefusedPage,
  CustomerInvitationViewPage,
  InvitationAcceptedPage,
  InvitationDeclinedPage,
  InvitationRefusedPage,
  InvitationViewPage,
  LinkNeutralPage,
  LocalSignInPage,
  VerifyConfirmPage,
  VerifyDonePage,
};

/** Every page, discriminated on `kind`. */
export type Page =
  | VerifyConfirmPage
  | VerifyDonePage
  | LinkNeutralPage
  | InvitationViewPage
  | InvitationAcceptedPage
  | InvitationDeclinedPage
  | InvitationRefusedPage
  | LocalSignInPage
  | CustomerInvitationViewPage
  | CustomerInvitationAcceptedPage
  | CustomerInvitationDeclinedPage
  | CustomerInvitationRefusedPage;

export type PageKind = Page['kind'];

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

function contentFor(page: Page, catalogue: PageCatalogue): PageContent {
  switch (page.kind) {
    case 'verify.confirm':
      return verifyConfirmPage(page, catalogue);
    case 'verify.done':
      return verifyDonePage(page, catalogue);
    case 'link.neutral':
      return linkNeutralPage(page, catalogue);
    case 'invitation.view':
      return invitationViewPage(page, catalogue);
    case 'invitation.accepted':
      return invitationAcceptedPage(page, catalogue);
    case 'invitation.declined':
      return invitationDeclinedPage(page, catalogue);
    case 'invitation.refused':
      return invitationRefusedPage(page, catalogue);
    case 'local.signIn':
      return localSignInPage(page, catalogue);
    case 'customerInvitation.view':
      return customerInvitationViewPage(page, catalogue);
    case 'customerInvitation.accepted':
      return customerInvitationAcceptedPage(page, catalogue);
    case 'customerInvitation.declined':
      return customerInvitationDeclinedPage(page, catalogue);
    case 'customerInvitation.refused':
      return customerInvitationRefusedPage(page, catalogue);
  }
}

/**
 * Renders a page as a complete HTML document in a language (GEN-2): `verify.confirm`
 * (ENR-6; a POST form, GET changes nothing — ENR-7), `verify.done`, `link.neutral` (ENR-7:
 * byte-identical for used, expired and unknown links), `invitation.view` (PRT-4: grants,
 * required checkbox, "Authorize indirect provider"), `invitation.accepted`,
 * `invitation.declined`, `invitation.refused` (PRT-3/4/6/10) and `local.signIn`.
 *
 * Every page ends with the program's identity (footer). Every value is escaped. Form actions and links must be same-origin paths or absolute
 * http(s) URLs (else it throws `TypeError`). Pure: no I/O, no clock.
 */
export function renderPage(page: Page, language: Language, identity: ProgramIdentity = programIdentity()): string {
  const catalogue = pageCatalogueFor(language);
  return pageDocument(contentFor(page, catalogue), catalogue, language, identity);
}
