import { cancelOrder as route } from '#api/customer-routes.js';
import { orderResource } from '#api/resources.js';
import { httpHandler } from '#lib/http.js';
import { idempotency } from '#lib/idempotency.js';
import { cancelOrder } from '#usecases/orders/actions.js';
import { orderPorts } from '../wiring/orders.js';

export const handler = httpHandler(route, async ({ caller, params }) => ({ status: 200, json: orderResource(await cancelOrder(orderPorts, caller, params.id)) }), idempotency);
