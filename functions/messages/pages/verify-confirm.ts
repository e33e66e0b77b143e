/** ENR-6/ENR-7: the page behind the verification link; GET shows it, only the POST confirms. */
import { verifyConfirmTexts, type PageTexts } from '../catalogues.js';
import { formatDateTime } from '../dates.js';
import { html } from '../html.js';
import { pageOf, type Page, type PageContent } from './layout.js';
import { pageUrl } from '../urls.js';

export interface VerifyConfirmPage {
  companyName: string;
  contactName: string;
  requestedBy: string;
  /** Where the form POSTs: the same URL as the page (`/verify/{token}`). */
  formAction: string;
  /** ISO-8601 expiry of the link. */
  expiresAt: string;
}

function verifyConfirmContent(p: VerifyConfirmPage, catalogue: PageTexts<'verifyConfirm'>): PageContent {
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

/** ENR-6: the two statements and a real POST form with a "Confirm" button (never auto-submitted, ENR-7). */
export const verifyConfirmPage = (p: VerifyConfirmPage): Page => pageOf('verify.confirm', p, verifyConfirmTexts, verifyConfirmContent);
