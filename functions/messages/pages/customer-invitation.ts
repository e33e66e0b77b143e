/** CUS-7: the pages behind a customer invitation link: the invitation, its outcome, why it was refused. */
import { customerInvitationViewTexts, customerInvitationAcceptedTexts, customerInvitationDeclinedTexts, customerInvitationRefusedTexts, type PageTexts } from '../catalogues.js';
import { customerRelationLines, type CustomerInvitationParams } from '../emails/customer-invitation.js';
import { html, type SafeHtml } from '../html.js';
import { pageOf, type Page, type PageContent } from './layout.js';
import { pageUrl } from '../urls.js';

type ViewBase = Pick<CustomerInvitationParams, 'partnerName' | 'partnerType' | 'partnerRegionName' | 'providerName' | 'delegatedAdmin'>;

export type CustomerInvitationViewPage =
  | (ViewBase & { signedIn: false; signInUrl: string })
  | (ViewBase & {
      signedIn: true;
      userEmail: string;
      /** POST target of the authorize form; the checkbox is sent as `authorize=true`. */
      acceptAction: string;
      /** POST target of the decline form. */
      declineAction: string;
    });

export interface CustomerInvitationAcceptedPage {
  partnerName: string;
}

export interface CustomerInvitationDeclinedPage {
  partnerName: string;
}

export type CustomerInvitationRefusal = 'wrong_role' | 'wrong_region' | 'program_tenant' | 'not_authorized_checkbox';

export interface CustomerInvitationRefusedPage {
  reason: CustomerInvitationRefusal;
  partnerName?: string;
}

function respond(p: CustomerInvitationViewPage, catalogue: PageTexts<'customerInvitationView'>): SafeHtml {
  const t = catalogue.pages.customerInvitationView;
  if (!p.signedIn) {
    return html`<p>${t.signInPrompt}</p>
<p><a class="button" href="${pageUrl(p.signInUrl)}">${t.signInButton}</a></p>`;
  }
  return html`<p class="muted">${t.signedInAs(p)}</p>
<form method="post" action="${pageUrl(p.acceptAction)}">
<div class="check">
<input type="checkbox" id="authorize" name="authorize" value="true" required>
<label for="authorize">${t.authorizeLabel}</label>
</div>
<button type="submit">${t.authorizeButton}</button>
</form>
<h2>${t.declineHeading}</h2>
<p>${t.declineText(p)}</p>
<form method="post" action="${pageUrl(p.declineAction)}">
<button type="submit" class="secondary">${t.declineButton}</button>
</form>`;
}

function customerInvitationViewContent(p: CustomerInvitationViewPage, catalogue: PageTexts<'customerInvitationView'>): PageContent {
  const t = catalogue.pages.customerInvitationView;
  const lines = customerRelationLines(p, catalogue);
  return {
    title: t.title(p),
    body: html`<p>${t.intro(p)}</p>
<p>${catalogue.common.customerRelations.intro}</p>
<ul>
${lines.partners.map((line) => html`<li>${line}</li>\n`)}</ul>
<p>${lines.delegatedAdmin}</p>
${respond(p, catalogue)}`,
  };
}

/** CUS-7: who invites, which partners will be related, what delegated admin grants; signed in: checkbox and "Authorize partners". */
export const customerInvitationViewPage = (p: CustomerInvitationViewPage): Page => pageOf('customerInvitation.view', p, customerInvitationViewTexts, customerInvitationViewContent);

function customerInvitationAcceptedContent(p: CustomerInvitationAcceptedPage, catalogue: PageTexts<'customerInvitationAccepted'>): PageContent {
  const t = catalogue.pages.customerInvitationAccepted;
  return { title: t.title, body: html`<p>${t.body(p)}</p>\n<p>${t.next}</p>` };
}

export const customerInvitationAcceptedPage = (p: CustomerInvitationAcceptedPage): Page => pageOf('customerInvitation.accepted', p, customerInvitationAcceptedTexts, customerInvitationAcceptedContent);

function customerInvitationDeclinedContent(p: CustomerInvitationDeclinedPage, catalogue: PageTexts<'customerInvitationDeclined'>): PageContent {
  const t = catalogue.pages.customerInvitationDeclined;
  return { title: t.title, body: html`<p>${t.body(p)}</p>\n<p>${t.next(p)}</p>` };
}

export const customerInvitationDeclinedPage = (p: CustomerInvitationDeclinedPage): Page => pageOf('customerInvitation.declined', p, customerInvitationDeclinedTexts, customerInvitationDeclinedContent);

function customerInvitationRefusedContent(p: CustomerInvitationRefusedPage, catalogue: PageTexts<'customerInvitationRefused'>): PageContent {
  const t = catalogue.pages.customerInvitationRefused;
  const reason = t[p.reason];
  const body = typeof reason.body === 'function' ? reason.body({ partnerName: p.partnerName || undefined }) : reason.body;
  return { title: t.title, body: html`<p>${body}</p>\n<h2>${t.nextHeading}</h2>\n<p>${reason.next}</p>` };
}

/** CUS-7 (role, checkbox), CUS-8 (region), CUS-9/PRT-11 (a program tenant): why, and what to do. */
export const customerInvitationRefusedPage = (p: CustomerInvitationRefusedPage): Page => pageOf('customerInvitation.refused', p, customerInvitationRefusedTexts, customerInvitationRefusedContent);
