import { correctEnrollment as route } from '#api/enrollment-routes.js';
import { enrollmentResource } from '#domain/enrollment.js';
import { httpHandler } from '#lib/http.js';
import { correctEnrollment } from '#usecases/enrollments.js';

export const handler = httpHandler(route, async ({ caller, params, body }) => ({
  status: 200,
  json: enrollmentResource(await correctEnrollment(caller, params.id, body)),
}));
