/**
 * Orders (CUS-3, CUS-4, PRT-7, MPA-1): a draft of line items that is reviewed, then
 * submitted or cancelled as a whole; a submitted order is provisioned exactly once by
 * `workflows/order.asl.json` — one subscription per line item, or none and the order fails.
 */
import { recordChange, type LifecycleEntity, type StateChange } from './history.js';
import { earliest, type Due } from './lifecycle.js';
import { plusSeconds } from './links.js';
import type { Partner, RegistryEntry } from './partners.js';
import type { LifecycleReader, LifecycleStore, Page } from './ports.js';
import type { Refusal } from './refusal.js';

export type OrderStatus = 'draft' | 'submitted' | 'completed' | 'failed' | 'cancelled' | 'expired';

export interface LineItem {
  lineNumber: number;
  offerId: string;
  /** The offer's name when the line was last checked (for emails and subscriptions). */
  offerName: string;
  quantity: number;
  partnerIdOnRecord?: string;
  subscriptionId?: string;
}

export interface Order extends LifecycleEntity<OrderStatus> {
  customerId: string;
  customerTenantId: string;
  customerName: string;
  /** The ordering partner: an indirect provider or a direct-bill partner (TYP-1). */
  partnerTenantId: string;
  partnerType: 'indirect_provider' | 'direct_bill';
  partnerName: string;
  /** The reseller the customer is associated with through this provider (CUS-1), if any. */
  resellerTenantId?: string;
  lineItems: LineItem[];
  failure?: { code: string; message: string; rule?: string };
  expiresAt: string;
  createdBy: { sub: string; email: string };
  createdAt: string;
  submittedAt?: string;
  completedAt?: string;
}

/** CUS-3: a draft can be reviewed for a day. */
export const DRAFT_LIFETIME_SECONDS = 86_400;

/** The workflow's steps (workflows/order.asl.json routes on them). */
export const orderSteps = ['wait_for_submit', 'provision', 'done'] as const;
export type OrderStep = (typeof orderSteps)[number];

export const orderStep = (o: Pick<Order, 'status'>): OrderStep => (o.status === 'draft' ? 'wait_for_submit' : o.status === 'submitted' ? 'provision' : 'done');

/** The email an order's state owes: the confirmation once it is completed. */
export const orderNotificationKey = (o: Pick<Order, 'status'>): string => (o.status === 'completed' ? 'completed' : '');

export const isOrderOpen = (o: Pick<Order, 'status'>) => o.status === 'draft' || o.status === 'submitted';

/** A draft expires after a day (through the due index); an open order is checked for a live workflow (GEN-4). */
export function orderNextDue(o: Pick<Order, 'status' | 'expiresAt'>, livenessSeconds: number, now: string): Due<'expire'> | undefined {
  if (!isOrderOpen(o)) return undefined;
  return earliest<'expire'>([o.status === 'draft' ? { at: o.expiresAt, action: 'expire' } : undefined, { at: plusSeconds(now, livenessSeconds), action: 'liveness_check' }]);
}

export const isOrderOverdue = (o: Pick<Order, 'status' | 'expiresAt'>, now: string) => o.status === 'draft' && o.expiresAt <= now;

/** CUS-3: only a draft is submitted or cancelled. */
export const notDraftRefusal = (o: Pick<Order, 'status'>): Refusal | undefined =>
  o.status === 'draft' ? undefined : { kind: 'conflict', rule: 'CUS-3', code: 'order_not_draft', message: `The order is ${o.status}; only a draft can be submitted or cancelled.` };

/** MPA-1: a partner does new business only after accepting the partner agreement. */
export const agreementRefusal = (partner: Pick<Partner, 'agreement'>): Refusal | undefined =>
  partner.agreement.accepted
    ? undefined
    : { kind: 'rule', rule: 'MPA-1', code: 'agreement_not_accepted', message: 'Your organisation has not accepted the partner agreement; a global admin accepts it with POST /partners/me/agreements.' };

/** What CUS-4 looks at for a partner ID named as partner of record. */
export interface PartnerOfRecordFacts {
  orderingPartner: Pick<Partner, 'partnerId'>;
  partnerId: string;
  registry: Pick<RegistryEntry, 'linkedTenantId' | 'status'> | undefined;
  reseller: Pick<Partner, 'type' | 'status' | 'agreement' | 'partnerId'> | undefined;
  /** The active relationship of the ordering provider and that reseller, if any. */
  relationshipId: string | undefined;
}

/**
 * CUS-4 / PRT-7: the partner of record is the enrolled partner ID of an indirect reseller
 * with an active partnership with the ordering provider and an accepted agreement. Checked
 * in this order, each naming what would make it pass (Partner Center's 2072, 800016, 900123).
 */
export function partnerOfRecordRefusal(f: PartnerOfRecordFacts, param: string): Refusal | undefined {
  const rule = 'CUS-4';
  if (f.partnerId.toUpperCase() === f.orderingPartner.partnerId.toUpperCase()) {
    return { kind: 'rule', rule, code: 'provider_own_partner_id', param, message: 'This is your own partner ID; name the partner ID of the indirect reseller that earns the incentives, or none.' };
  }
  const enrolled = f.registry?.linkedTenantId !== undefined && f.reseller?.type === 'indirect_reseller' && f.reseller.status !== 'inactive';
  if (!enrolled) {
    return { kind: 'rule', rule, code: 'not_an_indirect_reseller', param, message: 'No indirect reseller is enrolled with this partner ID; name the ID the reseller enrolled with.' };
  }
  if (f.relationshipId === undefined) {
    return { kind: 'rule', rule, code: 'no_active_partnership', param, message: 'You have no active partnership with this reseller; partner with it first (POST /partnership-requests).' };
  }
  if (!f.reseller!.agreement.accepted) {
    return {
      kind: 'rule',
      rule,
      code: 'reseller_agreement_missing',
      param,
      message: `The reseller has not accepted the partner agreement; remind them with POST /relationships/${f.relationshipId}/agreement-reminder.`,
    };
  }
  return undefined;
}

/** Records an order's state change (GEN-1). */
export const transitionOrder = (o: Order, change: StateChange<OrderStatus>, patch: Partial<Order> = {}): Order => recordChange(o, change, patch);

/** The order store: the lifecycle store plus the customer's list. */
/** Orders read only: the routes that change nothing. */
export interface OrderReader extends LifecycleReader<Order> {
  ofCustomer(customerId: string, limit: number, cursor?: Record<string, unknown>): Promise<Page<Order>>;
}

export interface OrderStore extends OrderReader, LifecycleStore<Order, never> {}
