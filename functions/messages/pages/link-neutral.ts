/** ENR-7/PRT-10: one neutral answer for used, expired and unknown links. */
import type { PageCatalogue } from '../catalogues.js';
import { html } from '../html.js';
import type { PageContent } from './layout.js';

export interface LinkNeutralPage {
  kind: 'link.neutral';
}

/** ENR-7: takes nothing but the language, so it cannot tell used, expired and unknown links apart. */
export function linkNeutralPage(_page: LinkNeutralPage, catalogue: PageCatalogue): PageContent {
  const t = catalogue.pages.linkNeutral;
  return {
    title: t.title,
    body: html`<p>${t.body}</p>
<p>${t.next}</p>
<p class="muted">${t.copyHint}</p>`,
  };
}
