import { listOffers as route } from '#api/customer-routes.js';
import { offerResource } from '#api/resources.js';
import { decodeCursor, encodeCursor } from '#lib/cursor.js';
import { httpHandler } from '#lib/http.js';
import { activeOffers } from '#usecases/offers.js';
import { offerReadPorts } from '../wiring/customers.js';

export const handler = httpHandler(route, async ({ query }) => {
  const page = await activeOffers(offerReadPorts, query.limit, decodeCursor(query.cursor));
  return { status: 200, json: { data: page.items.map(offerResource), nextCursor: encodeCursor(page.next) } };
});
