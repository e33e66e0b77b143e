import { declineInvitation as route } from '#api/partnership-routes.js';
import { httpHandler } from '#lib/http.js';
import { idempotency } from '#lib/idempotency.js';
import { declineInvitation } from '#usecases/partnership-request/actions.js';
import { partnershipPorts } from '../wiring/partnership.js';

export const handler = httpHandler(route, async ({ caller, params }) => {
  const request = await declineInvitation(partnershipPorts, caller, params.token);
  return { status: 200, json: { id: request.id, status: request.status, providerName: request.providerName } };
}, idempotency);
