import * as z from 'zod/mini';
import { route } from './contract.js';
import { Cursor, CustomerInput, Id, Limit, OfferId, OfferInput, OrderInput, SubscriptionChange, SupportContactInput } from './schemas.js';

/** Routes of API.md "Customers, orders and subscriptions". */

const withoutCredentials = (json: unknown): unknown => {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return json;
  const { adminCredentials: _credentials, ...customer } = json as Record<string, unknown>;
  return customer;
};
const idParam = z.object({ id: Id });
const adminRoles = ['global_admin', 'admin_agent'] as const;
const TenantFilter = z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(100)));

export const putOffer = /* @__PURE__ */ route({
  name: 'operator-put-offer',
  method: 'PUT',
  path: '/operator/offers/{offerId}',
  auth: 'jwt',
  roles: ['operator'],
  summary: 'Create or update a catalogue offer with its licence quantity bounds (CUS-3)',
  tag: 'Operator setup',
  params: z.object({ offerId: OfferId }),
  body: OfferInput,
  responses: { 200: 'The updated offer', 201: 'The new offer', 400: 'Invalid input (maxQuantity below minQuantity)' },
});

export const listOffers = /* @__PURE__ */ route({
  name: 'list-offers',
  method: 'GET',
  path: '/offers',
  auth: 'jwt',
  summary: 'The active offers',
  tag: 'Customers',
  query: z.object({ limit: Limit, cursor: Cursor }),
  responses: { 200: '{data, nextCursor}' },
});

export const createCustomer = /* @__PURE__ */ route({
  name: 'create-customer',
  method: 'POST',
  path: '/customers',
  auth: 'jwt',
  roles: adminRoles,
  roleRule: 'TYP-1',
  summary:
    'Create a customer with its customer tenant and first admin (CUS-1, CUS-2, CUS-8): the 201 carries adminCredentials once; a replay with the same Idempotency-Key answers 200 without them',
  tag: 'Customers',
  body: CustomerInput,
  // CUS-2 / API.md: a replay answers 200, the same customer, without the one-time credentials (never stored).
  replay: ({ json }) => ({ status: 200, json: withoutCredentials(json) }),
  responses: {
    201: 'The customer with adminCredentials:{userName, temporaryPassword}, shown this once (CUS-2)',
    200: 'A replay: the same customer, without adminCredentials',
    403: 'partner_type_not_allowed (TYP-1)',
    409: 'domain_taken',
    422: 'CUS-1 reseller not partnered, CUS-8 region, CUS-9/PRT-11 program tenant',
  },
});

export const listCustomers = /* @__PURE__ */ route({
  name: 'list-customers',
  method: 'GET',
  path: '/customers',
  auth: 'jwt',
  summary: 'A provider’s customers (filter by reseller), a reseller’s (filter by provider), a direct-bill partner’s (CUS-6)',
  tag: 'Customers',
  query: z.object({ resellerTenantId: TenantFilter, providerTenantId: TenantFilter, limit: Limit, cursor: Cursor }),
  responses: { 200: '{data, nextCursor}' },
});

export const getCustomer = /* @__PURE__ */ route({
  name: 'get-customer',
  method: 'GET',
  path: '/customers/{id}',
  auth: 'jwt',
  summary: 'A customer, for its related partners, its own users and the operator (CUS-7)',
  tag: 'Customers',
  params: idParam,
  responses: { 200: 'The customer (no credentials)', 404: 'Unknown, or no relationship to it' },
});

export const createOrder = /* @__PURE__ */ route({
  name: 'create-order',
  method: 'POST',
  path: '/customers/{id}/orders',
  auth: 'jwt',
  roles: adminRoles,
  roleRule: 'TYP-1',
  summary: 'A draft order; every rule is checked here and again at submit (CUS-3, CUS-4, MPA-1)',
  tag: 'Orders',
  params: idParam,
  body: OrderInput,
  responses: {
    201: 'The draft order',
    400: 'quantity_out_of_range (param names the line item)',
    403: 'partner_type_not_allowed',
    404: 'Unknown customer, or no relationship to it',
    422: 'CUS-4 provider_own_partner_id | not_an_indirect_reseller | no_active_partnership | reseller_agreement_missing, MPA-1, CUS-3 offer_not_available, CUS-8',
  },
});

export const listOrders = /* @__PURE__ */ route({
  name: 'list-orders',
  method: 'GET',
  path: '/customers/{id}/orders',
  auth: 'jwt',
  summary: 'The customer’s orders the caller placed or is the associated reseller of (all for the operator)',
  tag: 'Orders',
  params: idParam,
  query: z.object({ limit: Limit, cursor: Cursor }),
  responses: { 200: '{data, nextCursor}', 404: 'Unknown customer, or no relationship to it' },
});

export const getOrder = /* @__PURE__ */ route({
  name: 'get-order',
  method: 'GET',
  path: '/orders/{id}',
  auth: 'jwt',
  summary: 'An order, for the ordering partner, the associated reseller and the operator',
  tag: 'Orders',
  params: idParam,
  responses: { 200: 'The order', 404: 'Unknown, or not a party' },
});

export const submitOrder = /* @__PURE__ */ route({
  name: 'submit-order',
  method: 'POST',
  path: '/orders/{id}/submit',
  auth: 'jwt',
  roles: adminRoles,
  roleRule: 'TYP-1',
  summary: 'Submit a draft: the rules are checked again, then workflows/order.asl.json provisions one subscription per line item exactly once (CUS-3)',
  tag: 'Orders',
  params: idParam,
  responses: { 202: 'The submitted order', 409: 'order_not_draft', 422: 'A rule no longer holds; the order stays a draft' },
});

export const cancelOrder = /* @__PURE__ */ route({
  name: 'cancel-order',
  method: 'POST',
  path: '/orders/{id}/cancel',
  auth: 'jwt',
  roles: adminRoles,
  roleRule: 'TYP-1',
  summary: 'Cancel a draft as a whole (CUS-3)',
  tag: 'Orders',
  params: idParam,
  responses: { 200: 'The cancelled order', 409: 'order_not_draft' },
});

export const listSubscriptions = /* @__PURE__ */ route({
  name: 'list-subscriptions',
  method: 'GET',
  path: '/customers/{id}/subscriptions',
  auth: 'jwt',
  summary: 'The customer’s subscriptions the caller transacts, is reseller or support contact of; all of them for the customer’s users',
  tag: 'Subscriptions',
  params: idParam,
  query: z.object({ limit: Limit, cursor: Cursor }),
  responses: { 200: '{data, nextCursor}', 404: 'Unknown customer, or no relationship to it' },
});

export const getSubscription = /* @__PURE__ */ route({
  name: 'get-subscription',
  method: 'GET',
  path: '/subscriptions/{id}',
  auth: 'jwt',
  summary: 'A subscription',
  tag: 'Subscriptions',
  params: idParam,
  responses: { 200: 'The subscription', 404: 'Unknown, or not visible to the caller' },
});

export const changeSubscription = /* @__PURE__ */ route({
  name: 'change-subscription',
  method: 'PATCH',
  path: '/subscriptions/{id}',
  auth: 'jwt',
  roles: adminRoles,
  roleRule: 'TYP-1',
  summary: 'Change the quantity, suspend or reactivate, name a new partner of record (CUS-4)',
  tag: 'Subscriptions',
  params: idParam,
  body: SubscriptionChange,
  responses: { 200: 'The subscription', 400: 'quantity_out_of_range', 403: 'Not the transacting partner', 422: 'CUS-4' },
});

export const putSupportContact = /* @__PURE__ */ route({
  name: 'put-support-contact',
  method: 'PUT',
  path: '/subscriptions/{id}/support-contact',
  auth: 'jwt',
  roles: adminRoles,
  roleRule: 'TYP-1',
  summary: 'Designate the support contact: the partner itself or a reseller it has an active partnership with (CUS-5)',
  tag: 'Subscriptions',
  params: idParam,
  body: SupportContactInput,
  responses: { 200: 'The subscription', 403: 'Not the transacting partner', 422: 'CUS-5' },
});

export const remindAgreement = /* @__PURE__ */ route({
  name: 'remind-agreement',
  method: 'POST',
  path: '/relationships/{id}/agreement-reminder',
  auth: 'jwt',
  roles: adminRoles,
  roleRule: 'MPA-6',
  summary: 'Remind the reseller of an active partnership to accept the partner agreement: one email, at most one per 24 h (MPA-6)',
  tag: 'Partnerships',
  params: idParam,
  responses: { 202: '{relationshipId, sentTo, nextPossibleAt}', 404: 'Unknown, or not the provider', 409: 'agreement_already_accepted, relationship_not_active', 429: 'Sent within the last 24 h (Retry-After)' },
});

export const customerRoutes = [putOffer, listOffers, createCustomer, listCustomers, getCustomer];
export const orderRoutes = [createOrder, listOrders, getOrder, submitOrder, cancelOrder, listSubscriptions, getSubscription, changeSubscription, putSupportContact, remindAgreement];
