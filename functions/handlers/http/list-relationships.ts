import { listRelationships as route } from '#api/partnership-routes.js';
import { decodeCursor, encodeCursor } from '#lib/cursor.js';
import { httpHandler } from '#lib/http.js';
import { listRelationships } from '#usecases/relationships.js';

export const handler = httpHandler(route, async ({ caller, query }) => {
  const page = await listRelationships(caller, query.type, query.state, query.limit, decodeCursor(query.cursor));
  return { status: 200, json: { data: page.data, nextCursor: encodeCursor(page.next) } };
});
