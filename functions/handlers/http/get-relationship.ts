import { getRelationship } from '#api/partnership-routes.js';
import { httpHandler } from '#lib/http.js';
import { readRelationship } from '#usecases/relationships.js';

export const handler = httpHandler(getRelationship, async ({ caller, params }) => ({ status: 200, json: await readRelationship(caller, params.id) }));
