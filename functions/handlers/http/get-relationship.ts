import { getRelationship } from '#api/partnership-routes.js';
import { relationshipResource } from '#api/resources.js';
import { httpHandler } from '#lib/http.js';
import { readRelationship } from '#usecases/relationships.js';
import { relationshipReadPorts } from '../wiring/partnership.js';

export const handler = httpHandler(getRelationship, async ({ caller, params }) => {
  const { relationship, reseller } = await readRelationship(relationshipReadPorts, caller, params.id);
  return { status: 200, json: relationshipResource(relationship, reseller) };
});
