import { describe, expect, it } from 'vitest';
import { renderEmail, type OrderConfirmationEmail, type ResellerAgreementReminderEmail } from '#messages/emails.js';
import { languages } from '#api/schemas.js';

const confirmation = (recipient: 'customer' | 'reseller'): OrderConfirmationEmail => ({
    kind: 'order.confirmation',
    recipient,
    orderId: 'ord_123',
    customerName: 'Northwind <script>alert(1)</script> & Co',
    partnerName: 'Contoso\r\nBcc: x@evil.example',
    lines: [{ offerName: 'Microsoft 365 "Business"', quantity: 25, subscriptionId: 'sub_1' }],
});

const reminder: ResellerAgreementReminderEmail = {
  kind: 'relationship.agreement_reminder',
  contactName: 'Jonas',
  providerName: 'Contoso <b>Distribution</b>',
  resellerName: 'Fabrikam',
  agreementUrl: 'https://partner-program.example/agreement',
  portalUrl: 'https://partner-program.example/portal',
};

describe('order confirmation and MPA-6 reminder emails', () => {
  for (const language of languages) {
    it(`${language}: both recipients of the confirmation and the reminder render, escaped, with single-line subjects`, () => {
      for (const m of [confirmation('customer'), confirmation('reseller'), reminder]) {
        const mail = renderEmail(m, language);
        expect(mail.subject).not.toMatch(/[\r\n]/);
        expect(mail.html).not.toContain('<script>');
        expect(mail.html).not.toContain('<b>Distribution</b>');
        expect(mail.text).not.toContain('\r\nBcc');
      }
      const customer = renderEmail(confirmation('customer'), language);
      expect(customer.subject).toContain('ord_123');
      expect(customer.text).toContain('25 × Microsoft 365 "Business"');
      expect(customer.html).toContain('&lt;script&gt;');
      expect(renderEmail(reminder, language).text).toContain('https://partner-program.example/agreement');
    });
  }

  it('each language speaks its own words', () => {
    const subjects = new Set(languages.map((l) => renderEmail(reminder, l).subject));
    expect(subjects.size).toBe(languages.length);
  });
});
