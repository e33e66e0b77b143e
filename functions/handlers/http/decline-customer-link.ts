import { declineCustomerLink } from '#api/customer-invitation-routes.js';
import { httpHandler } from '#lib/http.js';
import { idempotency } from '#lib/idempotency.js';
import { declineCustomerInvitation } from '#usecases/customer-invitation/actions.js';
import { customerInvitationPorts } from '../wiring/customer-invitation.js';

export const handler = httpHandler(declineCustomerLink, async ({ caller, params }) => {
  const invitation = await declineCustomerInvitation(customerInvitationPorts, caller, params.token);
  return { status: 200, json: { id: invitation.id, status: invitation.status, partnerName: invitation.partnerName } };
}, idempotency);
