import { onboardPartner as route } from '#api/partner-routes.js';
import { partnerProfile } from '#domain/partners.js';
import { httpHandler } from '#lib/http.js';
import { idempotency } from '#lib/idempotency.js';
import { onboardPartner } from '#usecases/operator-setup.js';
import { operatorPorts } from '../wiring/operator.js';

export const handler = httpHandler(route, async ({ caller, body }) => ({
  status: 201,
  json: partnerProfile(await onboardPartner(operatorPorts, caller, body)),
}), idempotency);
