import { getEnrollment } from '#api/enrollment-routes.js';
import { enrollmentResource } from '#api/resources.js';
import { enrollments } from '#adapters/dynamodb/enrollments.js';
import { httpHandler } from '#lib/http.js';
import { readEnrollment } from '#usecases/enrollment/actions.js';

export const handler = httpHandler(getEnrollment, async ({ caller, params }) => ({
  status: 200,
  json: enrollmentResource(await readEnrollment({ enrollments }, caller, params.id)),
}));
