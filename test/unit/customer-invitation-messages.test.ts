import { describe, expect, it } from 'vitest';
import { catalogueFor } from '#messages/catalogues.js';
import { renderEmail } from '#messages/emails.js';
import { LANGUAGES } from '#messages/language.js';
import { customerInvitationRefusedPage, customerInvitationViewPage, renderPage } from '#messages/pages.js';

const link = 'https://program.example/customer-links/abc';
const base = { partnerName: 'Fabrikam <GmbH>', partnerType: 'indirect_reseller' as const, partnerRegionName: 'Europa', providerName: 'Contoso & Co', delegatedAdmin: true, link, expiresAt: '2026-12-30T10:00:00.000Z' };

describe('CUS-7 customer invitation emails and pages in every language (GEN-2)', () => {
  it.each(LANGUAGES)('%s: the invitation names both partners, the delegated-admin grant and the link', (language) => {
    const t = catalogueFor(language);
    const mail = renderEmail({ kind: 'customer.invitation', ...base, message: 'Hallo\nWelt' }, language);
    expect(mail.subject).toBe(t.emails.customerInvitation.subject(base));
    expect(mail.subject).not.toMatch(/[\r\n]/);
    expect(mail.text).toContain(link);
    expect(mail.text).toContain(t.common.customerRelations.asReseller({ name: base.partnerName }));
    expect(mail.text).toContain(t.common.customerRelations.asProvider({ name: base.providerName }));
    expect(mail.text).toContain(t.common.customerRelations.delegatedAdmin(base));
    expect(mail.html).toContain('Fabrikam &lt;GmbH&gt;');
    expect(mail.html).not.toContain('Fabrikam <GmbH>');
    const reminder = renderEmail({ kind: 'customer.invitation_reminder', ...base, reminderNumber: 2 }, language);
    expect(reminder.subject).toBe(t.emails.customerInvitationReminder.subject({ ...base, reminderNumber: 2 }));
    expect(reminder.text).toContain(link);
  });

  it.each(LANGUAGES)('%s: the acceptance notes tell the reseller who orders and the provider whose customer it is', (language) => {
    const t = catalogueFor(language);
    const names = { partnerName: 'Fabrikam', providerName: 'Contoso', customerName: 'Kunde GmbH', delegatedAdmin: true };
    const toPartner = renderEmail({ kind: 'customer.accepted', recipient: 'partner', ...names }, language);
    expect(toPartner.text).toContain(t.emails.customerAccepted.partnerBody(names));
    expect(toPartner.text).toContain(t.emails.customerAccepted.resellerNext(names));
    expect(toPartner.text).toContain(t.emails.customerAccepted.delegatedAdmin);
    const toProvider = renderEmail({ kind: 'customer.accepted', recipient: 'provider', ...names }, language);
    expect(toProvider.text).toContain(t.emails.customerAccepted.providerBody(names));
    expect(toProvider.text).toContain(t.emails.customerAccepted.ordersNext);
    expect(toProvider.text).not.toContain(t.emails.customerAccepted.delegatedAdmin);
  });

  it.each(LANGUAGES)('%s: the pages carry no script, a required checkbox when signed in, and each refusal’s next step', (language) => {
    const t = catalogueFor(language);
    const view = { partnerName: base.partnerName, partnerType: 'direct_bill' as const, partnerRegionName: 'Europa', delegatedAdmin: false };
    const signedOut = renderPage(customerInvitationViewPage({ ...view, signedIn: false, signInUrl: '/_local/sign-in?returnTo=%2Fcustomer-links%2Fabc' }), language);
    expect(signedOut).toContain(`lang="${language}"`);
    expect(signedOut).not.toMatch(/<script/i);
    expect(signedOut).toContain(t.common.customerRelations.noDelegatedAdmin.replace(/'/g, '&#39;'));
    const signedIn = renderPage(customerInvitationViewPage({ ...view, signedIn: true, userEmail: 'a@b.example', acceptAction: '/customer-links/abc/authorize', declineAction: '/customer-links/abc/refuse' }), language);
    expect(signedIn).toContain('<input type="checkbox" id="authorize" name="authorize" value="true" required>');
    for (const reason of ['wrong_role', 'wrong_region', 'program_tenant', 'not_authorized_checkbox'] as const) {
      const html = renderPage(customerInvitationRefusedPage({ reason, partnerName: 'Fabrikam' }), language);
      expect(html).toContain(t.pages.customerInvitationRefused.title.replace(/'/g, '&#39;'));
    }
  });

  it('the German, Swedish and Dutch texts are translated, not copied from English', () => {
    const en = catalogueFor('en');
    for (const language of ['de', 'sv', 'nl'] as const) {
      const t = catalogueFor(language);
      expect(t.pages.customerInvitationView.authorizeButton).not.toBe(en.pages.customerInvitationView.authorizeButton);
      expect(t.emails.customerInvitation.requirements).not.toBe(en.emails.customerInvitation.requirements);
      expect(t.pages.customerInvitationRefused.program_tenant.next).not.toBe(en.pages.customerInvitationRefused.program_tenant.next);
    }
  });
});
