import { reviewQueue } from '#api/enrollment-routes.js';
import { enrollmentResource } from '#api/resources.js';
import { decodeCursor, encodeCursor } from '#lib/cursor.js';
import { httpHandler } from '#lib/http.js';
import { listEnrollments } from '#usecases/enrollment/actions.js';
import { enrollmentReadPorts } from '../wiring/enrollment.js';

export const handler = httpHandler(reviewQueue, async ({ query }) => {
  const page = await listEnrollments(enrollmentReadPorts, query.status, query.limit, decodeCursor(query.cursor));
  return { status: 200, json: { data: page.items.map(enrollmentResource), nextCursor: encodeCursor(page.next) } };
});
