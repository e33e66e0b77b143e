import { viewCustomerLink } from '#api/customer-invitation-routes.js';
import type { CustomerInvitation } from '#domain/customer-invitations.js';
import { isLinkGone } from '#domain/refusal.js';
import { httpHandler } from '#lib/http.js';
import { neutralPage, page } from '#lib/pages.js';
import { sessionCaller, sessionCookies } from '#lib/session.js';
import { signInUrl } from '#lib/sign-in.js';
import { pickLanguage } from '#messages/language.js';
import { customerInvitationViewPage } from '#messages/pages.js';
import { regionName } from '#messages/regions.js';
import { invitationOfLink } from '#usecases/customer-invitation/actions.js';
import { customerInvitationLinkPorts } from '../wiring/customer-invitation.js';

/** What the page says about an invitation: who invites, who is related, whether delegated admin is asked for. */
const viewOf = (e: CustomerInvitation, language: string | undefined, acceptLanguage: string | undefined) =>
  ({
    partnerName: e.partnerName,
    partnerType: e.partnerType,
    partnerRegionName: regionName(e.partnerRegion, pickLanguage(language, acceptLanguage)),
    ...(e.provider ? { providerName: e.provider.name } : {}),
    delegatedAdmin: e.delegatedAdmin,
  });

/** CUS-7: signed out, who invites and a sign-in link; signed in (`pp_session`), the authorize and decline forms. */
export const handler = httpHandler(viewCustomerLink, async ({ params, headers }) => {
  try {
    const { invitation: e } = await invitationOfLink(customerInvitationLinkPorts, params.token);
    const view = viewOf(e, e.language, headers['accept-language']);
    const path = `/customer-links/${params.token}`;
    const caller = await sessionCaller({ headers });
    if (!caller) return page(200, customerInvitationViewPage({ ...view, signedIn: false, signInUrl: signInUrl(path) }), headers, e.language);
    return page(200, customerInvitationViewPage({ ...view, signedIn: true, userEmail: caller.email, acceptAction: `${path}/authorize`, declineAction: `${path}/refuse` }), headers, e.language);
  } catch (error) {
    if (isLinkGone(error)) return neutralPage(headers);
    throw error;
  }
}).use(sessionCookies());
