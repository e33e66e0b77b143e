/** ENR-6/ENR-7: the page behind the verification link; GET shows it, only the POST confirms. */
import type { PageCatalogue } from '../catalogues.js';
import { formatDateTime } from '../dates.js';
import { html } from '../html.js';
import type { PageContent } from './layout.js';
import { pageUrl } from '../urls.js';

export interface VerifyConfirmPage {
  kind: 'verify.confirm';
  companyName: string;
  contactName: string;
  requestedBy: string;
  /** Where the form POSTs: the same URL as the page (`/verify/{token}`). */
  formAction: string;
  /** ISO-8601 expiry of the link. */
  expiresAt: string;
}

/** ENR-6: the two statements and a real POST form with a "Confirm" button (never auto-submitted, ENR-7). */
export function verifyConfirmPage(p: VerifyConfirmPage, catalogue: PageCatalogue): PageContent {
  const t = catalogue.pages.verifyConfirm;
  const { statements } = catalogue.common;
  return {
    title: t.title,
    body: html`<p>${t.intro(p)}</p>
<p>${t.ask}</p>
<ul>
<li>${statements.signedUp(p)}</li>
<li>${statements.addressBelongs(p)}</li>
</ul>
<form method="post" action="${pageUrl(p.formAction)}">
<button type="submit">${t.button}</button>
</form>
<p class="muted">${t.validity({ expiresAt: formatDateTime(p.expiresAt, catalogue.meta.dateLocale) })}</p>
<p class="muted">${t.notYou(p)}</p>`,
  };
}
