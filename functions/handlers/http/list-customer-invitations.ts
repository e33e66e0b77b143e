import { listCustomerInvitations } from '#api/customer-invitation-routes.js';
import { customerInvitationResource } from '#api/resources.js';
import { decodeCursor, encodeCursor } from '#lib/cursor.js';
import { httpHandler } from '#lib/http.js';
import { listCustomerInvitations as list } from '#usecases/customer-invitation/actions.js';
import { customerInvitationReadPorts } from '../wiring/customer-invitation.js';

export const handler = httpHandler(listCustomerInvitations, async ({ caller, query }) => {
  const page = await list(customerInvitationReadPorts, caller, query.status, query.limit, decodeCursor(query.cursor));
  return { status: 200, json: { data: page.items.map(customerInvitationResource), nextCursor: encodeCursor(page.next) } };
});
