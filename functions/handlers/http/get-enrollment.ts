import { getEnrollment } from '#api/enrollment-routes.js';
import { enrollmentResource } from '#api/resources.js';
import { httpHandler } from '#lib/http.js';
import { readEnrollment } from '#usecases/enrollment/actions.js';
import { enrollmentLoadPorts } from '../wiring/enrollment.js';

export const handler = httpHandler(getEnrollment, async ({ caller, params }) => ({
  status: 200,
  json: enrollmentResource(await readEnrollment(enrollmentLoadPorts, caller, params.id)),
}));
