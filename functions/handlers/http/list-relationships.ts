import { listRelationships as route } from '#api/partnership-routes.js';
import { relationshipResource } from '#api/resources.js';
import { decodeCursor, encodeCursor } from '#lib/cursor.js';
import { httpHandler } from '#lib/http.js';
import { listRelationships } from '#usecases/relationships.js';
import { relationshipReadPorts } from '../wiring/partnership.js';

export const handler = httpHandler(route, async ({ caller, query }) => {
  const page = await listRelationships(relationshipReadPorts, caller, query.type, query.state, query.limit, decodeCursor(query.cursor));
  return { status: 200, json: { data: page.items.map((v) => relationshipResource(v.relationship, v.reseller)), nextCursor: encodeCursor(page.next) } };
});
