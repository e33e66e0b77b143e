import { putPartnerId } from '#api/partner-routes.js';
import { httpHandler } from '#lib/http.js';
import { idempotency } from '#lib/idempotency.js';
import { registerPartnerId } from '#usecases/operator-setup.js';
import { operatorPorts } from '../wiring/operator.js';

export const handler = httpHandler(putPartnerId, async ({ params, body }) => ({
  status: 200,
  json: await registerPartnerId(operatorPorts, params.partnerId, body),
}), idempotency);
