/**
 * Composition root of the customer and offer functions: the adapters behind their ports.
 * The read-only routes take the read ports only (see wiring/enrollment.ts).
 */
import { customerDirectory } from '#adapters/cognito/customer-directory.js';
import { customerReader, customers, partnershipLookup } from '#adapters/dynamodb/customers.js';
import { offerReader, offerWriter } from '#adapters/dynamodb/offers.js';
import { partners } from '#adapters/dynamodb/partners.js';
import { clock, ids } from '#adapters/system.js';
import type { CustomerPorts } from '#usecases/customers/actions.js';
import type { OfferPorts } from '#usecases/offers.js';

export const customerPorts: CustomerPorts = { customers, partners, partnerships: partnershipLookup, directory: customerDirectory, clock, ids };
export const offerPorts: OfferPorts = { offers: offerWriter, clock };

/** The customer and offer GET routes. */
export const customerReadPorts = { customers: customerReader };
export const offerReadPorts = { offers: offerReader };
