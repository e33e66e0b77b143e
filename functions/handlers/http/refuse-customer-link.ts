import { refuseCustomerLink } from '#api/customer-invitation-routes.js';
import { isLinkGone } from '#domain/refusal.js';
import { httpHandler } from '#lib/http.js';
import { neutralPage, page, seeOther } from '#lib/pages.js';
import { assertSameOrigin, sessionCaller, sessionCookies } from '#lib/session.js';
import { signInUrl } from '#lib/sign-in.js';
import { declineCustomerInvitation, invitationOfLink } from '#usecases/customer-invitation/actions.js';
import { customerInvitationPorts } from '../wiring/customer-invitation.js';
import { customerInvitationDeclinedPage } from '#messages/pages.js';

/** The signed-in customer user declined the invitation from its page; the link dies. */
export const handler = httpHandler(refuseCustomerLink, async ({ params, headers }) => {
  assertSameOrigin(headers);
  try {
    await invitationOfLink(customerInvitationPorts, params.token);
    const caller = await sessionCaller({ headers });
    if (!caller) return seeOther(signInUrl(`/customer-links/${params.token}`));
    const invitation = await declineCustomerInvitation(customerInvitationPorts, caller, params.token);
    return page(200, customerInvitationDeclinedPage({ partnerName: invitation.partnerName }), headers, invitation.language);
  } catch (error) {
    if (isLinkGone(error)) return neutralPage(headers);
    throw error;
  }
}).use(sessionCookies());
