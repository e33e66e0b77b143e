import { terminateRelationship } from '#api/partnership-routes.js';
import { relationshipResource } from '#api/resources.js';
import { httpHandler } from '#lib/http.js';
import { idempotency } from '#lib/idempotency.js';
import { operatorTerminate } from '#usecases/relationships.js';
import { relationshipPorts } from '../wiring/partnership.js';

export const handler = httpHandler(terminateRelationship, async ({ caller, params, body }) => {
  const { relationship, reseller } = await operatorTerminate(relationshipPorts, caller, params.id, body);
  return { status: 200, json: relationshipResource(relationship, reseller) };
}, idempotency);
