import { operatorDecision } from '#api/enrollment-routes.js';
import { enrollmentResource } from '#api/resources.js';
import { httpHandler } from '#lib/http.js';
import { idempotency } from '#lib/idempotency.js';
import { decideVetting } from '#usecases/enrollment/actions.js';
import { enrollmentPorts } from '../wiring/enrollment.js';

export const handler = httpHandler(operatorDecision, async ({ caller, params, body }) => ({
  status: 200,
  json: enrollmentResource(await decideVetting(enrollmentPorts, params.id, body, `operator:${caller.sub}`)),
}), idempotency);
