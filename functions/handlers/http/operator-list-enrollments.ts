import { reviewQueue } from '#api/enrollment-routes.js';
import { enrollmentsByStatus } from '#adapters/dynamodb/enrollments.js';
import { enrollmentResource } from '#domain/enrollment.js';
import { decodeCursor, encodeCursor } from '#lib/cursor.js';
import { httpHandler } from '#lib/http.js';

export const handler = httpHandler(reviewQueue, async ({ query }) => {
  const page = await enrollmentsByStatus(query.status, query.limit, decodeCursor(query.cursor));
  return { status: 200, json: { data: page.items.map(enrollmentResource), nextCursor: encodeCursor(page.next) } };
});
