/** ENR-6: shown after the primary contact confirmed. */
import { verifyDoneTexts, type PageTexts } from '../catalogues.js';
import { html } from '../html.js';
import { pageOf, type Page, type PageContent } from './layout.js';

export interface VerifyDonePage {
  companyName: string;
}

function verifyDoneContent(p: VerifyDonePage, catalogue: PageTexts<'verifyDone'>): PageContent {
  const t = catalogue.pages.verifyDone;
  return {
    title: t.title,
    body: html`<p>${t.body(p)}</p>
<h2>${t.nextHeading}</h2>
<ul>
<li>${t.vetting}</li>
<li>${t.agreement}</li>
<li>${t.emails}</li>
</ul>
<p class="muted">${t.close}</p>`,
  };
}

/** ENR-6/ENR-8/MPA-5/ENR-9: confirmed; next come vetting and agreement acceptance, in either order. */
export const verifyDonePage = (p: VerifyDonePage): Page => pageOf('verify.done', p, verifyDoneTexts, verifyDoneContent);
