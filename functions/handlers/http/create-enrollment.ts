import { createEnrollment } from '#api/enrollment-routes.js';
import { enrollmentResource } from '#domain/enrollment.js';
import { httpHandler } from '#lib/http.js';
import { submitEnrollment } from '#usecases/enrollments.js';

export const handler = httpHandler(createEnrollment, async ({ caller, body }) => ({
  status: 202,
  json: enrollmentResource(await submitEnrollment(caller, body)),
}));
