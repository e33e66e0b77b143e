import { acceptCustomerLink } from '#api/customer-invitation-routes.js';
import { customerResource } from '#api/resources.js';
import { httpHandler } from '#lib/http.js';
import { idempotency } from '#lib/idempotency.js';
import { acceptCustomerInvitation } from '#usecases/customer-invitation/actions.js';
import { customerInvitationPorts } from '../wiring/customer-invitation.js';

export const handler = httpHandler(acceptCustomerLink, async ({ caller, params, body }) => ({
  status: 201,
  json: customerResource(await acceptCustomerInvitation(customerInvitationPorts, caller, params.token, body.authorize, body.company)),
}), idempotency);
