import { getCustomer as route } from '#api/customer-routes.js';
import { customerResource } from '#api/resources.js';
import { httpHandler } from '#lib/http.js';
import { readCustomer } from '#usecases/customers/actions.js';
import { customerReadPorts } from '../wiring/customers.js';

export const handler = httpHandler(route, async ({ caller, params }) => ({ status: 200, json: customerResource(await readCustomer(customerReadPorts, caller, params.id)) }));
