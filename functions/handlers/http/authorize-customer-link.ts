import { authorizeCustomerLink } from '#api/customer-invitation-routes.js';
import { customerRefusalPage, statusOf } from '#api/refusals.js';
import { isLinkGone, Refused } from '#domain/refusal.js';
import { httpHandler } from '#lib/http.js';
import { neutralPage, page, seeOther } from '#lib/pages.js';
import { assertSameOrigin, sessionCaller, sessionCookies } from '#lib/session.js';
import { signInUrl } from '#lib/sign-in.js';
import { customerInvitationAcceptedPage, customerInvitationRefusedPage, FORM_FIELDS } from '#messages/pages.js';
import { acceptCustomerInvitation, invitationOfLink } from '#usecases/customer-invitation/actions.js';
import { customerInvitationPorts } from '../wiring/customer-invitation.js';

/** CUS-7: the signed-in customer admin ticked the box and chose "Authorize partners". */
export const handler = httpHandler(authorizeCustomerLink, async ({ params, headers, rawBody }) => {
  assertSameOrigin(headers);
  let partnerName: string | undefined;
  let language: string | undefined;
  try {
    ({ partnerName, language } = (await invitationOfLink(customerInvitationPorts, params.token)).invitation);
    const caller = await sessionCaller({ headers });
    if (!caller) return seeOther(signInUrl(`/customer-links/${params.token}`));
    const authorize = new URLSearchParams(rawBody).get(FORM_FIELDS.authorize) === 'true';
    await acceptCustomerInvitation(customerInvitationPorts, caller, params.token, authorize);
    return page(200, customerInvitationAcceptedPage({ partnerName }), headers, language);
  } catch (error) {
    if (isLinkGone(error)) return neutralPage(headers);
    const reason = error instanceof Refused ? customerRefusalPage(error) : undefined;
    if (error instanceof Refused && reason) return page(statusOf(error), customerInvitationRefusedPage({ reason, ...(partnerName ? { partnerName } : {}) }), headers, language);
    throw error;
  }
}).use(sessionCookies());
