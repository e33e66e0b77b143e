import { putOffer as route } from '#api/customer-routes.js';
import { offerResource } from '#api/resources.js';
import { httpHandler } from '#lib/http.js';
import { idempotency } from '#lib/idempotency.js';
import { putOffer } from '#usecases/offers.js';
import { offerPorts } from '../wiring/customers.js';

export const handler = httpHandler(route, async ({ params, body }) => {
  const { created, offer } = await putOffer(offerPorts, params.offerId, body);
  return { status: created ? 201 : 200, json: offerResource(offer) };
}, idempotency);
