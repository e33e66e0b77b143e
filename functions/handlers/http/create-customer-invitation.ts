import { createCustomerInvitation } from '#api/customer-invitation-routes.js';
import { httpHandler } from '#lib/http.js';
import { idempotency } from '#lib/idempotency.js';
import { createCustomerInvitation as create } from '#usecases/customer-invitation/actions.js';
import { customerInvitationPorts } from '../wiring/customer-invitation.js';

export const handler = httpHandler(createCustomerInvitation, async ({ caller, body }) => {
  const { invitation, link, draft } = await create(customerInvitationPorts, caller, body);
  return { status: 201, json: { id: invitation.id, status: invitation.status, email: invitation.email, expiresAt: invitation.link.expiresAt, link, draft, sent: invitation.sendEmails } };
}, idempotency);
