import { resendPartnershipRequest } from '#api/partnership-routes.js';
import { requestResource } from '#domain/partnerships.js';
import { httpHandler } from '#lib/http.js';
import { resendRequest } from '#usecases/partnerships.js';

export const handler = httpHandler(resendPartnershipRequest, async ({ caller, params }) => {
  const { request, link } = await resendRequest(caller, params.id);
  return { status: 200, json: { ...requestResource(request), link } };
});
