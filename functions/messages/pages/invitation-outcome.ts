/** PRT-4/PRT-5: the pages after a reseller accepted or declined an invitation. */
import type { PageCatalogue } from '../catalogues.js';
import { html } from '../html.js';
import type { PageContent } from './layout.js';

export interface InvitationAcceptedPage {
  kind: 'invitation.accepted';
  providerName: string;
}

export interface InvitationDeclinedPage {
  kind: 'invitation.declined';
  providerName: string;
}

/** PRT-5: the provider is now in the reseller's list of indirect providers. */
export function invitationAcceptedPage(p: InvitationAcceptedPage, catalogue: PageCatalogue): PageContent {
  const t = catalogue.pages.invitationAccepted;
  const { grants } = catalogue.common;
  // PRT-4: the same three grants the invitation page and the email list.
  return {
    title: t.title,
    body: html`<p>${t.body(p)}</p>
<p>${t.grantsIntro}</p>
<ul>
<li>${grants.placeOrders}</li>
<li>${grants.addSubscriptions}</li>
<li>${grants.delegatedAdmin}</li>
</ul>
<p>${t.next}</p>`,
  };
}

/** PRT-10: the request is declined; a new one needs a new invitation. */
export function invitationDeclinedPage(p: InvitationDeclinedPage, catalogue: PageCatalogue): PageContent {
  const t = catalogue.pages.invitationDeclined;
  return { title: t.title, body: html`<p>${t.body(p)}</p>\n<p>${t.next(p)}</p>` };
}
