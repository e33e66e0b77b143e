/** PRT-3/PRT-4/PRT-6/PRT-10: why an invitation could not be accepted, and what to do. */
import { invitationRefusedTexts, type PageTexts } from '../catalogues.js';
import { html } from '../html.js';
import { pageOf, type Page, type PageContent } from './layout.js';
import { pageUrl } from '../urls.js';

export type InvitationRefusal =
  | 'wrong_region'
  | 'not_enrolled'
  | 'wrong_role'
  | 'already_partnered'
  | 'not_authorized_checkbox';

export interface InvitationRefusedPage {
  /** PRT-6, PRT-3, PRT-4 (role), PRT-10 (one partnership per pair), PRT-4 (checkbox). */
  reason: InvitationRefusal;
  providerName?: string;
  /** The sign-in again (returning to the invitation), to sign out or switch to another account. */
  switchUserUrl?: string;
}

function invitationRefusedContent(p: InvitationRefusedPage, catalogue: PageTexts<'invitationRefused'>): PageContent {
  const t = catalogue.pages.invitationRefused;
  const reason = t[p.reason];
  // An empty name counts as none: each language has its own words for "this indirect provider".
  const providerName = p.providerName || undefined;
  return {
    title: t.title,
    body: html`<p>${reason.body({ providerName })}</p>
<h2>${t.nextHeading}</h2>
<p>${reason.next}</p>${p.switchUserUrl ? html`\n<p><a href="${pageUrl(p.switchUserUrl)}">${t.switchUser}</a></p>` : ''}`,
  };
}

/** A specific explanation and next step per refusal reason. */
export const invitationRefusedPage = (p: InvitationRefusedPage): Page => pageOf('invitation.refused', p, invitationRefusedTexts, invitationRefusedContent);
