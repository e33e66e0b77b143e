import { getEnrollment } from '#api/enrollment-routes.js';
import { enrollmentResource } from '#domain/enrollment.js';
import { httpHandler } from '#lib/http.js';
import { readEnrollment } from '#usecases/enrollments.js';

export const handler = httpHandler(getEnrollment, async ({ caller, params }) => ({
  status: 200,
  json: enrollmentResource(await readEnrollment(caller, params.id)),
}));
