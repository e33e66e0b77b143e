/**
 * Subscriptions (CUS-3, CUS-4, CUS-5): one per line item of a completed order, changed by
 * the partner that transacts it; every change is in its history (GEN-1).
 */
import type { HistoryEntry } from './partners.js';
import type { Order } from './orders.js';
import type { Page } from './ports.js';
import type { Refusal } from './refusal.js';

export interface Subscription {
  id: string;
  customerId: string;
  customerTenantId: string;
  orderId: string;
  lineNumber: number;
  offerId: string;
  offerName: string;
  quantity: number;
  status: 'active' | 'suspended';
  partnerIdOnRecord?: string;
  providerTenantId?: string;
  resellerTenantId?: string;
  directBillTenantId?: string;
  supportContact: { tenantId: string; name: string };
  version: number;
  createdAt: string;
  updatedAt: string;
  history: HistoryEntry[];
}

/** A line item's subscription id: derived from the order and the line, so a re-run names the same one (CUS-3 exactly once). */
export const subscriptionIdOf = (orderId: string, lineNumber: number) => `sub_${orderId.slice(orderId.indexOf('_') + 1)}L${String(lineNumber).padStart(2, '0')}`;

/** The subscriptions a submitted order yields, one per line item. */
export function subscriptionsOf(o: Order, now: string): Subscription[] {
  return o.lineItems.map((line) => ({
    id: subscriptionIdOf(o.id, line.lineNumber),
    customerId: o.customerId,
    customerTenantId: o.customerTenantId,
    orderId: o.id,
    lineNumber: line.lineNumber,
    offerId: line.offerId,
    offerName: line.offerName,
    quantity: line.quantity,
    status: 'active',
    ...(line.partnerIdOnRecord ? { partnerIdOnRecord: line.partnerIdOnRecord } : {}),
    ...(o.partnerType === 'direct_bill' ? { directBillTenantId: o.partnerTenantId } : { providerTenantId: o.partnerTenantId }),
    ...(o.resellerTenantId ? { resellerTenantId: o.resellerTenantId } : {}),
    supportContact: { tenantId: o.partnerTenantId, name: o.partnerName },
    version: 1,
    createdAt: now,
    updatedAt: now,
    history: [{ at: now, actor: 'system:order-workflow', action: 'subscription.created', to: 'active', note: `order ${o.id} line ${line.lineNumber}` }],
  }));
}

/** The partner that transacts the subscription: its provider or direct-bill partner. */
export const transactingTenantOf = (s: Pick<Subscription, 'providerTenantId' | 'directBillTenantId'>) => s.providerTenantId ?? s.directBillTenantId;

/** Who sees a subscription: the partner transacting it, its reseller, its support contact, the customer's users, the operator. */
export const canSeeSubscription = (s: Subscription, viewer: { tenantId: string; roles: readonly string[] }) =>
  viewer.roles.includes('operator') ||
  viewer.tenantId === s.customerTenantId ||
  viewer.tenantId === transactingTenantOf(s) ||
  viewer.tenantId === s.resellerTenantId ||
  viewer.tenantId === s.supportContact.tenantId;

/** Only the transacting partner changes a subscription. */
export const notTransactingRefusal = (s: Subscription, tenantId: string): Refusal | undefined =>
  transactingTenantOf(s) === tenantId ? undefined : { kind: 'forbidden', rule: 'TYP-1', code: 'partner_type_not_allowed', message: 'Only the provider or direct-bill partner that transacts this subscription changes it.' };

/** CUS-5: the support contact is the partner itself or a reseller it has an active partnership with. */
export const supportContactRefusal = (transacting: string, target: string, partnered: boolean): Refusal | undefined =>
  target === transacting || partnered
    ? undefined
    : { kind: 'rule', rule: 'CUS-5', code: 'support_contact_not_allowed', param: 'tenantId', message: 'The support contact is your own organisation or a reseller you have an active partnership with.' };

/** The subscription store. `provisioningItems` are what the order workflow writes directly, one per subscription. */
/** Subscriptions read only: the routes that change nothing. */
export type SubscriptionReader = Pick<SubscriptionStore, 'load' | 'ofCustomer'>;

export interface SubscriptionStore {
  load(id: string): Promise<Subscription | undefined>;
  /** Replaces the subscription if it is still at `expectVersion`. */
  commit(next: Subscription, expectVersion: number): Promise<boolean>;
  ofCustomer(customerId: string, limit: number, cursor?: Record<string, unknown>): Promise<Page<Subscription>>;
  /** The table items of new subscriptions as the workflow's direct DynamoDB integration writes them. */
  provisioningItems(subscriptions: Subscription[]): Record<string, unknown>[];
}
