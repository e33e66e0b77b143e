import { getSubscription as route } from '#api/customer-routes.js';
import { subscriptionResource } from '#api/resources.js';
import { httpHandler } from '#lib/http.js';
import { readSubscription } from '#usecases/subscriptions.js';
import { subscriptionReadPorts } from '../wiring/orders.js';

export const handler = httpHandler(route, async ({ caller, params }) => ({ status: 200, json: subscriptionResource(await readSubscription(subscriptionReadPorts, caller, params.id)) }));
