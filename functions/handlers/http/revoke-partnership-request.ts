import { revokePartnershipRequest } from '#api/partnership-routes.js';
import { requestResource } from '#api/resources.js';
import { httpHandler } from '#lib/http.js';
import { idempotency } from '#lib/idempotency.js';
import { revokeRequest } from '#usecases/partnership-request/actions.js';
import { partnershipPorts } from '../wiring/partnership.js';

export const handler = httpHandler(revokePartnershipRequest, async ({ caller, params }) => ({
  status: 200,
  json: requestResource(await revokeRequest(partnershipPorts, caller, params.id)),
}), idempotency);
