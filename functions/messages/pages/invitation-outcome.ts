/** PRT-4/PRT-5: the pages after a reseller accepted or declined an invitation. */
import { invitationAcceptedTexts, invitationDeclinedTexts, type PageTexts } from '../catalogues.js';
import { html } from '../html.js';
import { pageOf, type Page, type PageContent } from './layout.js';

export interface InvitationAcceptedPage {
  providerName: string;
}

export interface InvitationDeclinedPage {
  providerName: string;
}

function invitationAcceptedContent(p: InvitationAcceptedPage, catalogue: PageTexts<'invitationAccepted'>): PageContent {
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

/** PRT-5: the provider is now in the reseller's list of indirect providers. */
export const invitationAcceptedPage = (p: InvitationAcceptedPage): Page => pageOf('invitation.accepted', p, invitationAcceptedTexts, invitationAcceptedContent);

function invitationDeclinedContent(p: InvitationDeclinedPage, catalogue: PageTexts<'invitationDeclined'>): PageContent {
  const t = catalogue.pages.invitationDeclined;
  return { title: t.title, body: html`<p>${t.body(p)}</p>\n<p>${t.next(p)}</p>` };
}

/** PRT-10: the request is declined; a new one needs a new invitation. */
export const invitationDeclinedPage = (p: InvitationDeclinedPage): Page => pageOf('invitation.declined', p, invitationDeclinedTexts, invitationDeclinedContent);
