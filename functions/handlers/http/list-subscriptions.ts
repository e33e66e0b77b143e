import { listSubscriptions as route } from '#api/customer-routes.js';
import { subscriptionResource } from '#api/resources.js';
import { decodeCursor, encodeCursor } from '#lib/cursor.js';
import { httpHandler } from '#lib/http.js';
import { listSubscriptions } from '#usecases/subscriptions.js';
import { subscriptionReadPorts } from '../wiring/orders.js';

export const handler = httpHandler(route, async ({ caller, params, query }) => {
  const page = await listSubscriptions(subscriptionReadPorts, caller, params.id, query.limit, decodeCursor(query.cursor));
  return { status: 200, json: { data: page.items.map(subscriptionResource), nextCursor: encodeCursor(page.next) } };
});
