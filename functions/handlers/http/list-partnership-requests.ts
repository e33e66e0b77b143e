import { listPartnershipRequests } from '#api/partnership-routes.js';
import { requestsOfProvider } from '#adapters/dynamodb/partnerships.js';
import { requestResource } from '#domain/partnerships.js';
import { decodeCursor, encodeCursor } from '#lib/cursor.js';
import { httpHandler } from '#lib/http.js';

export const handler = httpHandler(listPartnershipRequests, async ({ caller, query }) => {
  const page = await requestsOfProvider(caller.tenantId, query.status, query.limit, decodeCursor(query.cursor));
  return { status: 200, json: { data: page.items.map(requestResource), nextCursor: encodeCursor(page.next) } };
});
