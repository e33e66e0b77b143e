import { listPartnershipRequests } from '#api/partnership-routes.js';
import { requestsOfProvider } from '#adapters/dynamodb/partnerships.js';
import { requestResource } from '#domain/partnerships.js';
import { decodeCursor, encodeCursor } from '#lib/cursor.js';
import { httpHandler } from '#lib/http.js';

export const handler = httpHandler(listPartnershipRequests, async ({ caller, query }) => {
  const page = await requestsOfProvider(caller!.tenantId, query.limit, decodeCursor(query.cursor));
  const data = page.items.filter((r) => !query.status || r.status === query.status).map(requestResource);
  return { status: 200, json: { data, nextCursor: encodeCursor(page.next) } };
});
