import { createEnrollment } from '#api/enrollment-routes.js';
import { enrollmentResource } from '#api/resources.js';
import { httpHandler } from '#lib/http.js';
import { idempotency } from '#lib/idempotency.js';
import { submitEnrollment } from '#usecases/enrollment/actions.js';
import { enrollmentPorts } from '../wiring/enrollment.js';

export const handler = httpHandler(createEnrollment, async ({ caller, body }) => ({
  status: 202,
  json: enrollmentResource(await submitEnrollment(enrollmentPorts, caller, body)),
}), idempotency);
