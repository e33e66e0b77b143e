/**
 * The offer catalogue (CUS-3): what customers can buy, with the licence quantities an
 * order or a subscription may name. Offers are data in the table, kept by the operator.
 */
import type { Page } from './ports.js';
import type { Refusal } from './refusal.js';

export interface Offer {
  id: string;
  name: string;
  minQuantity: number;
  maxQuantity: number;
  status: 'active' | 'retired';
  createdAt: string;
  updatedAt: string;
}

/** The offer catalogue port. */
/** The offer catalogue read only. */
export type OfferReader = Omit<Offers, 'put'>;

export interface Offers {
  get(id: string): Promise<Offer | undefined>;
  getMany(ids: string[]): Promise<Map<string, Offer>>;
  /** Creates or replaces an offer; answers whether it was new. */
  put(offer: Offer): Promise<{ created: boolean; offer: Offer }>;
  active(limit: number, cursor?: Record<string, unknown>): Promise<Page<Offer>>;
}

/** CUS-3: an order names only offers that exist and are active. */
export const offerRefusal = (offer: Pick<Offer, 'status'> | undefined, param: string): Refusal | undefined =>
  offer?.status === 'active' ? undefined : { kind: 'rule', rule: 'CUS-3', code: 'offer_not_available', message: 'This offer is unknown or retired; GET /offers lists what can be ordered.', param };

/** A licence quantity within the offer's bounds (API.md: 400 `quantity_out_of_range` with `param`). */
export const quantityRefusal = (offer: Pick<Offer, 'minQuantity' | 'maxQuantity'>, quantity: number, param: string): Refusal | undefined =>
  quantity >= offer.minQuantity && quantity <= offer.maxQuantity
    ? undefined
    : { kind: 'invalid', code: 'quantity_out_of_range', message: `The quantity must be between ${offer.minQuantity} and ${offer.maxQuantity} for this offer.`, param };

/** The operator's bounds are a range. */
export const offerBoundsRefusal = (input: Pick<Offer, 'minQuantity' | 'maxQuantity'>): Refusal | undefined =>
  input.minQuantity <= input.maxQuantity ? undefined : { kind: 'invalid', code: 'invalid_field', message: 'maxQuantity must not be below minQuantity.', param: 'maxQuantity' };
