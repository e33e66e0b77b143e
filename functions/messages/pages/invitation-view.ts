/** PRT-2/PRT-4: the page behind a partnership invitation link. */
import { invitationViewTexts, type PageTexts } from '../catalogues.js';
import { html, type SafeHtml } from '../html.js';
import { pageOf, type Page, type PageContent } from './layout.js';
import { pageUrl } from '../urls.js';

interface InvitationViewBase {
  providerName: string;
  providerRegionName: string;
  /** The provider's own words from the request (PRT-2), shown quoted; absent when none. */
  message?: string;
}

export interface InvitationViewSignedOut extends InvitationViewBase {
  signedIn: false;
  signInUrl: string;
}

export interface InvitationViewSignedIn extends InvitationViewBase {
  signedIn: true;
  userEmail: string;
  tenantName?: string;
  /** POST target of the authorize form; the checkbox is sent as `authorize=true`. */
  acceptAction: string;
  /** POST target of the decline form. */
  declineAction: string;
  /** The sign-in again (returning here), to sign out or switch to another account. */
  switchUserUrl?: string;
}

export type InvitationViewPage = InvitationViewSignedOut | InvitationViewSignedIn;

function respond(p: InvitationViewPage, catalogue: PageTexts<'invitationView'>): SafeHtml {
  const t = catalogue.pages.invitationView;
  if (!p.signedIn) {
    return html`<p>${t.signInPrompt}</p>
<p><a class="button" href="${pageUrl(p.signInUrl)}">${t.signInButton}</a></p>`;
  }
  return html`<p class="muted">${t.signedInAs(p)}${p.switchUserUrl ? html` <a href="${pageUrl(p.switchUserUrl)}">${t.switchUser}</a>` : ''}</p>
<form method="post" action="${pageUrl(p.acceptAction)}">
<div class="check">
<input type="checkbox" id="authorize" name="authorize" value="true" required>
<label for="authorize">${t.authorizeLabel(p)}</label>
</div>
<button type="submit">${t.authorizeButton}</button>
</form>
<h2>${t.declineHeading}</h2>
<p>${t.declineText(p)}</p>
<form method="post" action="${pageUrl(p.declineAction)}">
<button type="submit" class="secondary">${t.declineButton}</button>
</form>`;
}

function invitationViewContent(p: InvitationViewPage, catalogue: PageTexts<'invitationView'>): PageContent {
  const t = catalogue.pages.invitationView;
  const { grants } = catalogue.common;
  return {
    title: t.title(p),
    body: html`<p>${t.intro(p)}</p>
${p.message ? html`<h2>${t.messageHeading(p)}</h2>
<blockquote>${p.message}</blockquote>
` : ''}<p>${grants.intro(p)}</p>
<ul>
<li>${grants.placeOrders}</li>
<li>${grants.addSubscriptions}</li>
<li>${grants.delegatedAdmin}</li>
</ul>
${respond(p, catalogue)}`,
  };
}

/** PRT-4: who invites, what authorising grants; signed in: a required checkbox and "Authorize indirect provider". */
export const invitationViewPage = (p: InvitationViewPage): Page => pageOf('invitation.view', p, invitationViewTexts, invitationViewContent);
