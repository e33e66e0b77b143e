import { createOrder as route } from '#api/customer-routes.js';
import { orderResource } from '#api/resources.js';
import { httpHandler } from '#lib/http.js';
import { idempotency } from '#lib/idempotency.js';
import { createOrder } from '#usecases/orders/actions.js';
import { orderPorts } from '../wiring/orders.js';

export const handler = httpHandler(route, async ({ caller, params, body }) => ({ status: 201, json: orderResource(await createOrder(orderPorts, caller, params.id, body.lineItems)) }), idempotency);
