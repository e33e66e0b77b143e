import { revokePartnershipRequest } from '#api/partnership-routes.js';
import { requestResource } from '#domain/partnerships.js';
import { httpHandler } from '#lib/http.js';
import { revokeRequest } from '#usecases/partnerships.js';

export const handler = httpHandler(revokePartnershipRequest, async ({ caller, params }) => ({
  status: 200,
  json: requestResource(await revokeRequest(caller, params.id)),
}));
