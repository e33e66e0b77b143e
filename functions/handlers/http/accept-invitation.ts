import { acceptInvitation as route } from '#api/partnership-routes.js';
import { getPartner } from '#adapters/dynamodb/partners.js';
import { relationshipResource } from '#domain/partnerships.js';
import { httpHandler } from '#lib/http.js';
import { acceptInvitation } from '#usecases/partnerships.js';

export const handler = httpHandler(route, async ({ caller, params, body }) => {
  const relationship = await acceptInvitation(caller, params.token, body.authorize);
  return { status: 201, json: relationshipResource(relationship, await getPartner(relationship.resellerTenantId)) };
});
