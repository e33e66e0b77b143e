/** ENR-7/PRT-10: one neutral answer for used, expired and unknown links. */
import { linkNeutralTexts, type PageTexts } from '../catalogues.js';
import { html } from '../html.js';
import { pageOf, type Page, type PageContent } from './layout.js';

function linkNeutralContent(_nothing: unknown, catalogue: PageTexts<'linkNeutral'>): PageContent {
  const t = catalogue.pages.linkNeutral;
  return {
    title: t.title,
    body: html`<p>${t.body}</p>
<p>${t.next}</p>
<p class="muted">${t.copyHint}</p>`,
  };
}

/** ENR-7: takes nothing but the language, so it cannot tell used, expired and unknown links apart. */
export const linkNeutralPage = (): Page => pageOf('link.neutral', undefined, linkNeutralTexts, linkNeutralContent);
