import { removeRelationship as route } from '#api/partnership-routes.js';
import { relationshipResource } from '#api/resources.js';
import { httpHandler } from '#lib/http.js';
import { idempotency } from '#lib/idempotency.js';
import { removeRelationship } from '#usecases/relationships.js';
import { relationshipPorts } from '../wiring/partnership.js';

export const handler = httpHandler(route, async ({ caller, params, body }) => {
  const { relationship, reseller } = await removeRelationship(relationshipPorts, caller, params.id, body);
  return { status: 200, json: relationshipResource(relationship, reseller) };
}, idempotency);
