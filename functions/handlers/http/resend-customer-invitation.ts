import { resendCustomerInvitation } from '#api/customer-invitation-routes.js';
import { customerInvitationResource } from '#api/resources.js';
import { httpHandler } from '#lib/http.js';
import { idempotency } from '#lib/idempotency.js';
import { resendCustomerInvitation as resend } from '#usecases/customer-invitation/actions.js';
import { customerInvitationPorts } from '../wiring/customer-invitation.js';

export const handler = httpHandler(resendCustomerInvitation, async ({ caller, params }) => {
  const { invitation, link } = await resend(customerInvitationPorts, caller, params.id);
  return { status: 200, json: { ...customerInvitationResource(invitation), link } };
}, idempotency);
