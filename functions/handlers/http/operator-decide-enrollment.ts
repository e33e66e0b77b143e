import { operatorDecision } from '#api/enrollment-routes.js';
import { enrollmentResource } from '#domain/enrollment.js';
import { httpHandler } from '#lib/http.js';
import { decideVetting } from '#usecases/enrollments.js';

export const handler = httpHandler(operatorDecision, async ({ caller, params, body }) => ({
  status: 200,
  json: enrollmentResource(await decideVetting(params.id, body, `operator:${caller.sub}`)),
}));
