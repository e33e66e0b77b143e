import { acceptInvitation as route } from '#api/partnership-routes.js';
import { relationshipResource } from '#api/resources.js';
import { httpHandler } from '#lib/http.js';
import { idempotency } from '#lib/idempotency.js';
import { acceptInvitation } from '#usecases/partnership-request/actions.js';
import { partnershipPorts } from '../wiring/partnership.js';

export const handler = httpHandler(route, async ({ caller, params, body }) => {
  const { relationship, reseller } = await acceptInvitation(partnershipPorts, caller, params.token, body.authorize);
  return { status: 201, json: relationshipResource(relationship, reseller) };
}, idempotency);
