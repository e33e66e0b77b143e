/** CUS-7: the pages behind a customer invitation link: the invitation, its outcome, why it was refused. */
import type { PageCatalogue } from '../catalogues.js';
import { customerRelationLines, type CustomerInvitationParams } from '../emails/customer-invitation.js';
import { html, type SafeHtml } from '../html.js';
import type { PageContent } from './layout.js';
import { pageUrl } from '../urls.js';

type ViewBase = Pick<CustomerInvitationParams, 'partnerName' | 'partnerType' | 'partnerRegionName' | 'providerName' | 'delegatedAdmin'> & { kind: 'customerInvitation.view' };

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
  kind: 'customerInvitation.accepted';
  partnerName: string;
}

export interface CustomerInvitationDeclinedPage {
  kind: 'customerInvitation.declined';
  partnerName: string;
}

export type CustomerInvitationRefusal = 'wrong_role' | 'wrong_region' | 'program_tenant' | 'not_authorized_checkbox';

export interface CustomerInvitationRefusedPage {
  kind: 'customerInvitation.refused';
  reason: CustomerInvitationRefusal;
  partnerName?: string;
}

function respond(p: CustomerInvitationViewPage, catalogue: PageCatalogue): SafeHtml {
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

/** CUS-7: who invites, which partners will be related, what delegated admin grants; signed in: checkbox and "Authorize partners". */
export function customerInvitationViewPage(p: CustomerInvitationViewPage, catalogue: PageCatalogue): PageContent {
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

export function customerInvitationAcceptedPage(p: CustomerInvitationAcceptedPage, catalogue: PageCatalogue): PageContent {
  const t = catalogue.pages.customerInvitationAccepted;
  return { title: t.title, body: html`<p>${t.body(p)}</p>\n<p>${t.next}</p>` };
}

export function customerInvitationDeclinedPage(p: CustomerInvitationDeclinedPage, catalogue: PageCatalogue): PageContent {
  const t = catalogue.pages.customerInvitationDeclined;
  return { title: t.title, body: html`<p>${t.body(p)}</p>\n<p>${t.next(p)}</p>` };
}

/** CUS-7 (role, checkbox), CUS-8 (region), CUS-9/PRT-11 (a program tenant): why, and what to do. */
export function customerInvitationRefusedPage(p: CustomerInvitationRefusedPage, catalogue: PageCatalogue): PageContent {
  const t = catalogue.pages.customerInvitationRefused;
  const reason = t[p.reason];
  const body = typeof reason.body === 'function' ? reason.body({ partnerName: p.partnerName || undefined }) : reason.body;
  return { title: t.title, body: html`<p>${body}</p>\n<h2>${t.nextHeading}</h2>\n<p>${reason.next}</p>` };
}
