/**
 * The order lifecycle (CUS-3) on the lifecycle mechanism: a draft waits for submit or cancel
 * and expires after a day through the due index; a submitted order is provisioned by the
 * workflow's Map of direct DynamoDB writes (`plan` → Map → `complete`, or `fail` after the
 * writes are undone); a completed order owes its confirmation email once.
 */
import type { CustomerStore, PartnershipLookup } from '#domain/customers.js';
import type { Offers } from '#domain/offers.js';
import { isOrderOpen, isOrderOverdue, orderNextDue, orderNotificationKey, orderStep, transitionOrder, type Order, type OrderStep, type OrderStore } from '#domain/orders.js';
import type { Clock, Ids, Mailer, Partners, Workflows } from '#domain/ports.js';
import { subscriptionsOf, type SubscriptionStore } from '#domain/subscriptions.js';
import { config } from '#lib/config.js';
import { renderOrderEmail } from '#messages/emails.js';
import { pickLanguage } from '#messages/language.js';
import { change, expireIf, type Lifecycle } from '../lifecycle.js';

export interface OrderPorts {
  orders: OrderStore;
  customers: Pick<CustomerStore, 'load'>;
  subscriptions: SubscriptionStore;
  offers: Pick<Offers, 'getMany'>;
  partners: Pick<Partners, 'get' | 'getMany' | 'registryEntry'>;
  partnerships: PartnershipLookup;
  mailer: Mailer;
  workflows: Workflows;
  clock: Clock;
  ids: Ids;
}

export type OrderLifecycle = Lifecycle<Order, never, OrderStep, 'expire'> & { ports: OrderPorts };

const HOUR = 3600;

/** CUS-3: the confirmation to the customer's primary contact and to the associated reseller, each in its language (GEN-2). */
async function confirmationEmails(p: OrderPorts, o: Order): Promise<void> {
  const customer = (await p.customers.load(o.customerId))?.entity;
  const lines = o.lineItems.map((l) => ({ offerName: l.offerName, quantity: l.quantity, ...(l.subscriptionId ? { subscriptionId: l.subscriptionId } : {}) }));
  const base = { orderId: o.id, customerName: o.customerName, partnerName: o.partnerName, lines };
  if (customer) {
    await p.mailer.send({ to: customer.primaryContact.email, ...renderOrderEmail({ kind: 'order.confirmation', recipient: 'customer', ...base }, pickLanguage(customer.primaryContact.language, undefined)), tags: { order: o.id } });
  }
  const reseller = o.resellerTenantId ? await p.partners.get(o.resellerTenantId) : undefined;
  if (reseller) {
    await p.mailer.send({ to: reseller.primaryContact.email, ...renderOrderEmail({ kind: 'order.confirmation', recipient: 'reseller', ...base }, pickLanguage(reseller.primaryContact.language, undefined)), tags: { order: o.id } });
  }
}

export function orderLifecycle(p: OrderPorts): OrderLifecycle {
  const lc: OrderLifecycle = {
    ports: p,
    name: 'order',
    what: 'order',
    store: p.orders,
    workflows: p.workflows,
    clock: p.clock,
    nextStep: orderStep,
    waitSeconds: (o, now) => (o.status === 'draft' ? Math.max(60, Math.ceil((Date.parse(o.expiresAt) - Date.parse(now)) / 1000) + HOUR) : 60),
    owedNotification: orderNotificationKey,
    async send(o, key) {
      if (key === 'completed') await confirmationEmails(p, o);
    },
    isOpen: isOrderOpen,
    nextDue: (o, now) => orderNextDue(o, config().LIVENESS_CHECK_SECONDS, now),
    async onDue(id, action) {
      if (action === 'expire') return (await lc.expireIfOverdue(id, 'system:sweep')) ? 'expired' : undefined;
      return undefined;
    },
    /** CUS-3: a draft not submitted within a day expires. */
    expireIfOverdue: (id, actor) => expireIf(lc, id, isOrderOverdue, ({ entity: o }, now) => ({ next: transitionOrder(o, { now, actor, action: 'order.expired', status: 'expired' }) })),
  };
  return lc;
}

/**
 * The workflow's `plan` step: the subscriptions a submitted order yields, as the items its
 * Map writes with conditional puts (ids derive from order and line, so a re-run or a
 * re-drive writes nothing twice). Anything but a submitted order plans nothing.
 */
export async function planProvisioning(p: OrderPorts, id: string): Promise<{ items: { subscriptionId: string; item: Record<string, unknown> }[] }> {
  const o = (await p.orders.load(id))?.entity;
  if (!o || o.status !== 'submitted') return { items: [] };
  const subscriptions = subscriptionsOf(o, p.clock.now().toISOString());
  const items = p.subscriptions.provisioningItems(subscriptions);
  return { items: subscriptions.map((s, i) => ({ subscriptionId: s.id, item: items[i]! })) };
}

/**
 * The workflow's `complete` step: every line's subscription exists (the Map wrote it, now
 * or in an earlier run), so the order is `completed` with their ids. A missing one is an
 * error: the workflow undoes the writes and fails the order.
 */
export async function completeProvisioning(p: OrderPorts, id: string): Promise<void> {
  const stored = await p.orders.load(id);
  const o = stored?.entity;
  if (!stored || !o || o.status !== 'submitted') return;
  const ids = subscriptionsOf(o, o.updatedAt).map((s) => s.id);
  const found = await Promise.all(ids.map((sid) => p.subscriptions.load(sid)));
  if (found.some((s) => s?.orderId !== o.id)) throw Object.assign(new Error(`order ${id}: a subscription is missing after provisioning`), { name: 'ProvisioningIncomplete' });
  await change(orderLifecycle(p), id, ({ entity: current }, now) => {
    if (current.status !== 'submitted') return { next: current, wake: false };
    return {
      next: transitionOrder(current, { now, actor: 'system:order-workflow', action: 'order.completed', status: 'completed' }, { completedAt: now, lineItems: current.lineItems.map((l, i) => ({ ...l, subscriptionId: ids[i]! })) }),
      wake: false,
    };
  }, { read: stored });
}

/** The workflow's `fail` step, after it removed what it wrote: the order is `failed` with a reason (CUS-3: none or all). */
export async function failProvisioning(p: OrderPorts, id: string, error: string | undefined): Promise<void> {
  await change(orderLifecycle(p), id, ({ entity: current }, now) => {
    if (current.status !== 'submitted') return { next: current, wake: false };
    const failure = { code: 'provisioning_failed', message: `The subscriptions could not be provisioned (${error ?? 'unknown error'}); none was created. Place the order again.`, rule: 'CUS-3' };
    return { next: transitionOrder(current, { now, actor: 'system:order-workflow', action: 'order.failed', status: 'failed', note: error ?? '' }, { failure }), wake: false };
  });
}
