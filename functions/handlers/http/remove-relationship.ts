import { removeRelationship as route } from '#api/partnership-routes.js';
import { httpHandler } from '#lib/http.js';
import { removeRelationship } from '#usecases/relationships.js';

export const handler = httpHandler(route, async ({ caller, params, body }) => ({ status: 200, json: await removeRelationship(caller, params.id, body) }));
