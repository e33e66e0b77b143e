import { viewInvitation } from '#api/partnership-routes.js';
import { pickLanguage } from '#messages/language.js';
import { invitationViewPage } from '#messages/pages.js';
import { regionName } from '#messages/regions.js';
import { httpHandler } from '#lib/http.js';
import { neutralPage, page } from '#lib/pages.js';
import { sessionCaller, sessionCookies } from '#lib/session.js';
import { signInUrl } from '#lib/sign-in.js';
import { isLinkGone } from '#domain/refusal.js';
import { requestForLink } from '#usecases/partnership-request/actions.js';
import { partnershipLinkPorts } from '../wiring/partnership.js';

/** PRT-4: signed out, who invites and a sign-in link; signed in (`pp_session`), the authorize and decline forms. */
export const handler = httpHandler(viewInvitation, async ({ params, headers }) => {
  try {
    const { request: r } = await requestForLink(partnershipLinkPorts, params.token);
    const invitation = {
      providerName: r.providerName,
      providerRegionName: regionName(r.providerRegion, pickLanguage(r.language, headers['accept-language'])),
      ...(r.message ? { message: r.message } : {}),
    };
    const path = `/invitations/${params.token}`;
    const caller = await sessionCaller({ headers });
    if (!caller) return page(200, invitationViewPage({ ...invitation, signedIn: false, signInUrl: signInUrl(path) }), headers, r.language);
    const tenantName = (await partnershipLinkPorts.partners.get(caller.tenantId))?.company.legalName;
    return page(200, invitationViewPage({ ...invitation, signedIn: true, userEmail: caller.email, tenantName, acceptAction: `${path}/authorize`, declineAction: `${path}/refuse`, switchUserUrl: signInUrl(path) }), headers, r.language);
  } catch (error) {
    if (isLinkGone(error)) return neutralPage(headers);
    throw error;
  }
}).use(sessionCookies());
