import { submitOrder as route } from '#api/customer-routes.js';
import { orderResource } from '#api/resources.js';
import { httpHandler } from '#lib/http.js';
import { idempotency } from '#lib/idempotency.js';
import { submitOrder } from '#usecases/orders/actions.js';
import { orderPorts } from '../wiring/orders.js';

export const handler = httpHandler(route, async ({ caller, params }) => ({ status: 202, json: orderResource(await submitOrder(orderPorts, caller, params.id)) }), idempotency);
