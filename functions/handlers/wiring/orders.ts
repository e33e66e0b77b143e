/**
 * Composition root of the order, subscription and agreement reminder functions.
 * The read-only routes take the read ports only (see wiring/enrollment.ts).
 */
import { customerReader, customers, partnershipLookup } from '#adapters/dynamodb/customers.js';
import { offers } from '#adapters/dynamodb/offers.js';
import { agreementReminders, orderLoader, orderReader, orders, subscriptionReader, subscriptions } from '#adapters/dynamodb/orders.js';
import { partners } from '#adapters/dynamodb/partners.js';
import { relationships } from '#adapters/dynamodb/partnerships.js';
import { mailer } from '#adapters/ses/mailer.js';
import { workflows } from '#adapters/sfn/workflows.js';
import { clock, ids } from '#adapters/system.js';
import type { ReminderPorts } from '#usecases/agreement-reminders.js';
import type { OrderPorts } from '#usecases/orders/lifecycle.js';
import type { SubscriptionPorts } from '#usecases/subscriptions.js';

export const orderPorts: OrderPorts = { orders, customers, subscriptions, offers, partners, partnerships: partnershipLookup, mailer, workflows, clock, ids };
export const subscriptionPorts: SubscriptionPorts = { subscriptions, customers, offers, partners, partnerships: partnershipLookup, clock };
export const reminderPorts: ReminderPorts = { relationships, partners, reminders: agreementReminders, mailer, clock };

/** The order and subscription GET routes. */
export const orderReadPorts = { orders: orderReader, customers: customerReader };
export const orderLoadPorts = { orders: orderLoader };
export const subscriptionReadPorts = { subscriptions: subscriptionReader, customers: customerReader };
