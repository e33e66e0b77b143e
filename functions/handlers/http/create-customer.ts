import { createCustomer as route } from '#api/customer-routes.js';
import { customerResource } from '#api/resources.js';
import { httpHandler } from '#lib/http.js';
import { idempotency } from '#lib/idempotency.js';
import { createCustomer } from '#usecases/customers/actions.js';
import { customerPorts } from '../wiring/customers.js';

/** CUS-2: the one response that carries the temporary password (the route's replay omits it). */
export const handler = httpHandler(route, async ({ caller, body }) => {
  const { customer, adminCredentials } = await createCustomer(customerPorts, caller, body);
  return {
    status: 201,
    json: { ...customerResource(customer), adminCredentials: { userName: adminCredentials.userName, temporaryPassword: adminCredentials.temporaryPassword.reveal() } },
  };
}, idempotency);
