import { authorizeInvitation } from '#api/partnership-routes.js';
import { refusalPage } from '#api/refusals.js';
import { isLinkGone, Refused } from '#domain/refusal.js';
import { httpHandler } from '#lib/http.js';
import { neutralPage, page, seeOther } from '#lib/pages.js';
import { assertSameOrigin, sessionCaller, sessionCookies } from '#lib/session.js';
import { signInUrl } from '#lib/sign-in.js';
import { FORM_FIELDS, invitationAcceptedPage, invitationRefusedPage } from '#messages/pages.js';
import { acceptInvitation, requestForLink } from '#usecases/partnership-request/actions.js';
import { statusOf } from '#api/refusals.js';
import { partnershipPorts } from '../wiring/partnership.js';

/** PRT-4: the signed-in reseller user ticked the box and chose "Authorize indirect provider". */
export const handler = httpHandler(authorizeInvitation, async ({ params, headers, rawBody }) => {
  assertSameOrigin(headers);
  let providerName: string | undefined;
  let language: string | undefined;
  try {
    ({ providerName, language } = (await requestForLink(partnershipPorts, params.token)).request);
    const caller = await sessionCaller({ headers });
    if (!caller) return seeOther(signInUrl(`/invitations/${params.token}`));
    const authorize = new URLSearchParams(rawBody).get(FORM_FIELDS.authorize) === 'true';
    const { relationship } = await acceptInvitation(partnershipPorts, caller, params.token, authorize);
    return page(200, invitationAcceptedPage({ providerName: relationship.providerName }), headers, language);
  } catch (error) {
    if (isLinkGone(error)) return neutralPage(headers);
    const reason = error instanceof Refused ? refusalPage(error) : undefined;
    if (error instanceof Refused && reason) {
      return page(statusOf(error), invitationRefusedPage({ reason, providerName, switchUserUrl: signInUrl(`/invitations/${params.token}`) }), headers, language);
    }
    throw error;
  }
}).use(sessionCookies());
