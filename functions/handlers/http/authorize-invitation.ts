import { authorizeInvitation } from '#api/partnership-routes.js';
import { httpHandler } from '#lib/http.js';
import { neutralPage, page, seeOther } from '#lib/pages.js';
import { assertSameOrigin, sessionCaller, sessionCookies } from '#lib/session.js';
import { signInUrl } from '#lib/sign-in.js';
import { FORM_FIELDS } from '#messages/pages.js';
import { AcceptRefused, acceptInvitation, requestForLink } from '#usecases/partnerships.js';
import { LinkGone } from '#usecases/verification.js';

/** PRT-4: the signed-in reseller user ticked the box and chose "Authorize indirect provider". */
export const handler = httpHandler(authorizeInvitation, async ({ params, headers, rawBody }) => {
  assertSameOrigin(headers);
  let providerName: string | undefined;
  let language: string | undefined;
  try {
    ({ providerName, language } = (await requestForLink(params.token)).request);
    const caller = await sessionCaller({ headers });
    if (!caller) return seeOther(signInUrl(`/invitations/${params.token}`));
    const authorize = new URLSearchParams(rawBody).get(FORM_FIELDS.authorize) === 'true';
    const relationship = await acceptInvitation(caller, params.token, authorize);
    return page(200, { kind: 'invitation.accepted', providerName: relationship.providerName }, headers, language);
  } catch (error) {
    if (error instanceof LinkGone) return neutralPage(headers);
    if (error instanceof AcceptRefused) return page(error.status, { kind: 'invitation.refused', reason: error.page, providerName }, headers, language);
    throw error;
  }
}).use(sessionCookies());
