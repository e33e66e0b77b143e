import { revokeCustomerInvitation } from '#api/customer-invitation-routes.js';
import { customerInvitationResource } from '#api/resources.js';
import { httpHandler } from '#lib/http.js';
import { idempotency } from '#lib/idempotency.js';
import { revokeCustomerInvitation as revoke } from '#usecases/customer-invitation/actions.js';
import { customerInvitationPorts } from '../wiring/customer-invitation.js';

export const handler = httpHandler(revokeCustomerInvitation, async ({ caller, params }) => ({
  status: 200,
  json: customerInvitationResource(await revoke(customerInvitationPorts, caller, params.id)),
}), idempotency);
