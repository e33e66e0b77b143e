import { listCustomers as route } from '#api/customer-routes.js';
import { customerResource } from '#api/resources.js';
import { decodeCursor, encodeCursor } from '#lib/cursor.js';
import { httpHandler } from '#lib/http.js';
import { listCustomers } from '#usecases/customers/actions.js';
import { customerReadPorts } from '../wiring/customers.js';

export const handler = httpHandler(route, async ({ caller, query }) => {
  const page = await listCustomers(customerReadPorts, caller, query, query.limit, decodeCursor(query.cursor));
  return { status: 200, json: { data: page.items.map(customerResource), nextCursor: encodeCursor(page.next) } };
});
