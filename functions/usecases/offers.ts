/** The offer catalogue (CUS-3): the operator keeps it, partners read the active offers. */
import { offerBoundsRefusal, type Offer, type OfferReader, type Offers } from '#domain/offers.js';
import type { Clock } from '#domain/ports.js';
import { assertAllowed } from '#domain/refusal.js';

export interface OfferPorts {
  offers: Pick<Offers, 'put'>;
  clock: Clock;
}

/** `PUT /operator/offers/{offerId}`: creates or replaces the entry; its creation time stays. */
export async function putOffer(p: OfferPorts, id: string, input: Pick<Offer, 'name' | 'minQuantity' | 'maxQuantity' | 'status'>) {
  assertAllowed(offerBoundsRefusal(input));
  const now = p.clock.now().toISOString();
  return p.offers.put({ id, ...input, createdAt: now, updatedAt: now });
}

/** `GET /offers`: what partners can order. */
export const activeOffers = (p: { offers: Pick<OfferReader, 'active'> }, limit: number, cursor?: Record<string, unknown>) => p.offers.active(limit, cursor);
