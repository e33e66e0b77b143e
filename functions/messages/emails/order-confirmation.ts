/** CUS-3: a completed order's confirmation, to the customer's primary contact and the associated reseller. */
import type { EmailTexts, OrderEmailName } from '../catalogues.js';
import { list, paragraph, type EmailDraft } from './layout.js';

export interface OrderConfirmationEmail {
  kind: 'order.confirmation';
  recipient: 'customer' | 'reseller';
  orderId: string;
  customerName: string;
  partnerName: string;
  lines: { offerName: string; quantity: number; subscriptionId?: string }[];
}

export function orderConfirmationEmail(m: OrderConfirmationEmail, catalogue: EmailTexts<OrderEmailName>): EmailDraft {
  const e = catalogue.emails.orderConfirmation;
  return {
    subject: e.subject(m),
    greeting: catalogue.common.greetingNoName,
    blocks: [
      paragraph(m.recipient === 'customer' ? e.customerIntro(m) : e.resellerIntro(m)),
      list(m.lines.map((l) => e.line({ quantity: l.quantity, offerName: l.offerName, subscriptionId: l.subscriptionId ?? '' }))),
      paragraph(m.recipient === 'customer' ? e.customerNext(m) : e.resellerNext),
    ],
  };
}
