import { refuseInvitation } from '#api/partnership-routes.js';
import { isLinkGone } from '#domain/refusal.js';
import { httpHandler } from '#lib/http.js';
import { neutralPage, page, seeOther } from '#lib/pages.js';
import { assertSameOrigin, sessionCaller, sessionCookies } from '#lib/session.js';
import { signInUrl } from '#lib/sign-in.js';
import { declineInvitation, requestForLink } from '#usecases/partnership-request/actions.js';
import { partnershipPorts } from '../wiring/partnership.js';
import { invitationDeclinedPage } from '#messages/pages.js';

/** The signed-in reseller user declined the invitation from its page; the link dies. */
export const handler = httpHandler(refuseInvitation, async ({ params, headers }) => {
  assertSameOrigin(headers);
  try {
    await requestForLink(partnershipPorts, params.token);
    const caller = await sessionCaller({ headers });
    if (!caller) return seeOther(signInUrl(`/invitations/${params.token}`));
    const request = await declineInvitation(partnershipPorts, caller, params.token);
    return page(200, invitationDeclinedPage({ providerName: request.providerName }), headers, request.language);
  } catch (error) {
    if (isLinkGone(error)) return neutralPage(headers);
    throw error;
  }
}).use(sessionCookies());
