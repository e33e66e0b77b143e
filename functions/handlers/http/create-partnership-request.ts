import { createPartnershipRequest } from '#api/partnership-routes.js';
import { httpHandler } from '#lib/http.js';
import { idempotency } from '#lib/idempotency.js';
import { createRequest } from '#usecases/partnership-request/actions.js';
import { partnershipPorts } from '../wiring/partnership.js';

export const handler = httpHandler(createPartnershipRequest, async ({ caller, body }) => {
  const { request, link, draft } = await createRequest(partnershipPorts, caller, body);
  return { status: 201, json: { id: request.id, status: request.status, email: request.email, expiresAt: request.link.expiresAt, link, draft, sent: request.sendEmails } };
}, idempotency);
