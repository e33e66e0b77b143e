import { listOrders as route } from '#api/customer-routes.js';
import { orderResource } from '#api/resources.js';
import { decodeCursor, encodeCursor } from '#lib/cursor.js';
import { httpHandler } from '#lib/http.js';
import { listOrders } from '#usecases/orders/actions.js';
import { orderReadPorts } from '../wiring/orders.js';

export const handler = httpHandler(route, async ({ caller, params, query }) => {
  const page = await listOrders(orderReadPorts, caller, params.id, query.limit, decodeCursor(query.cursor));
  return { status: 200, json: { data: page.items.map(orderResource), nextCursor: encodeCursor(page.next) } };
});
