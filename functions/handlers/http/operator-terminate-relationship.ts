import { terminateRelationship } from '#api/partnership-routes.js';
import { httpHandler } from '#lib/http.js';
import { operatorTerminate } from '#usecases/relationships.js';

export const handler = httpHandler(terminateRelationship, async ({ caller, params, body }) => ({ status: 200, json: await operatorTerminate(caller, params.id, body) }));
