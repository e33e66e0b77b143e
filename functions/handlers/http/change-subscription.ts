import { changeSubscription as route } from '#api/customer-routes.js';
import { subscriptionResource } from '#api/resources.js';
import { httpHandler } from '#lib/http.js';
import { idempotency } from '#lib/idempotency.js';
import { patchSubscription } from '#usecases/subscriptions.js';
import { subscriptionPorts } from '../wiring/orders.js';

export const handler = httpHandler(route, async ({ caller, params, body }) => ({ status: 200, json: subscriptionResource(await patchSubscription(subscriptionPorts, caller, params.id, body)) }), idempotency);
