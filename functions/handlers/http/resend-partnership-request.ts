import { resendPartnershipRequest } from '#api/partnership-routes.js';
import { requestResource } from '#api/resources.js';
import { httpHandler } from '#lib/http.js';
import { idempotency } from '#lib/idempotency.js';
import { resendRequest } from '#usecases/partnership-request/actions.js';
import { partnershipPorts } from '../wiring/partnership.js';

export const handler = httpHandler(resendPartnershipRequest, async ({ caller, params }) => {
  const { request, link } = await resendRequest(partnershipPorts, caller, params.id);
  return { status: 200, json: { ...requestResource(request), link } };
}, idempotency);
