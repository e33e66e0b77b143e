import { getOrder as route } from '#api/customer-routes.js';
import { orderResource } from '#api/resources.js';
import { httpHandler } from '#lib/http.js';
import { readOrder } from '#usecases/orders/actions.js';
import { orderLoadPorts } from '../wiring/orders.js';

export const handler = httpHandler(route, async ({ caller, params }) => ({ status: 200, json: orderResource(await readOrder(orderLoadPorts, caller, params.id)) }));
