import { correctEnrollment as route } from '#api/enrollment-routes.js';
import { enrollmentResource } from '#api/resources.js';
import { httpHandler } from '#lib/http.js';
import { idempotency } from '#lib/idempotency.js';
import { correctEnrollment } from '#usecases/enrollment/actions.js';
import { enrollmentPorts } from '../wiring/enrollment.js';

export const handler = httpHandler(route, async ({ caller, params, body }) => ({
  status: 200,
  json: enrollmentResource(await correctEnrollment(enrollmentPorts, caller, params.id, body as Record<string, unknown>)),
}), idempotency);
