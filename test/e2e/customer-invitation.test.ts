import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogueFor } from '../../functions/messages/catalogues.js';
import { api, baseUrl } from '../support/api.js';
import { customerAdmin, customerLinkIn, inviteCustomer, newProvider } from '../support/customer-invitations.js';
import { acceptAgreement, putOffer } from '../support/customers.js';
import { launchBrowser, openSession, type BrowserSession } from './browser.js';

/**
 * Issue 12, seen by a person: a German customer admin gets the emailed invitation, opens
 * the link in a real Chromium (the pages have no JavaScript), signs in, ticks the box and
 * authorises; the provider then orders for it. Screenshots land in `screenshots/`.
 */
let browser: Browser;
let s: BrowserSession | undefined;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await s?.context.close();
  await browser?.close();
});

const heading = (session: BrowserSession) => session.page.getByRole('heading', { level: 1 }).textContent();

async function submit(session: BrowserSession, button: string) {
  const [response] = await Promise.all([session.page.waitForResponse((r) => r.request().method() === 'POST'), session.page.getByRole('button', { name: button }).click()]);
  await session.page.waitForLoadState('load');
  return response.status();
}

describe('CUS-7 customer invitation in the browser (German)', () => {
  it('a German customer admin opens the emailed link, signs in, authorises, and the provider then orders for the customer', async () => {
    const de = catalogueFor('de');
    const provider = await newProvider();
    const admin = customerAdmin('DE');
    const invitee = `it-${admin.tenantId}@kunde.example`;
    const invitation = await inviteCustomer(provider.admin, { email: invitee, language: 'de', delegatedAdmin: true, customerName: 'Kunde GmbH' });
    const { mail, link } = await customerLinkIn(invitee);
    expect(mail.subject).toBe(de.emails.customerInvitation.subject({ partnerName: provider.name, customerName: 'Kunde GmbH' }));
    expect(mail.text).toContain(de.common.customerRelations.delegatedAdmin({ partnerName: provider.name }));

    s = await openSession(browser, 'de-DE');
    await s.page.goto(`${baseUrl()}/_local/inbox?to=${encodeURIComponent(invitee)}`);
    const emailed = s.page.getByRole('link', { name: /\/customer-links\// }).first();
    expect(await emailed.getAttribute('href')).toBe(link);
    const [opened] = await Promise.all([s.page.waitForResponse((r) => r.url() === link && r.request().method() === 'GET'), emailed.click()]);
    await s.page.waitForURL(link);
    expect(opened.status()).toBe(200);
    expect(opened.headers()['content-security-policy']).toContain("default-src 'none'");
    expect(await s.page.locator('html').getAttribute('lang')).toBe('de');
    expect(await heading(s)).toBe(de.pages.customerInvitationView.title({ partnerName: provider.name }));
    expect(await s.page.locator('main').textContent()).toContain(de.common.customerRelations.asProvider({ name: provider.name }));
    expect(await s.page.locator('script').count()).toBe(0);
    await s.shot('de-customer-invite-1-signed-out');

    await s.page.getByRole('link', { name: de.pages.customerInvitationView.signInButton }).click();
    await s.page.waitForURL(/\/_local\/sign-in\?returnTo=/);
    // The customer admin is no demo user: it types its tenant, country, email and role.
    expect(await s.page.locator('input[name="user"]:checked').count()).toBe(0);
    await s.page.getByLabel(de.pages.localSignIn.tenantIdLabel).fill(admin.tenantId);
    await s.page.getByLabel(de.pages.localSignIn.countryLabel).fill(admin.tenantCountry);
    await s.page.getByLabel(de.pages.localSignIn.emailLabel).fill(admin.email);
    await s.page.getByLabel(de.pages.localSignIn.roleLabel).selectOption('global_admin');
    await s.shot('de-customer-invite-2-local-sign-in');
    await s.page.getByRole('button', { name: de.pages.localSignIn.otherButton }).click();
    await s.page.waitForURL(link);

    const checkbox = s.page.getByLabel(de.pages.customerInvitationView.authorizeLabel);
    await checkbox.waitFor();
    // The box is required: unticked, the browser would not send the form.
    expect(await s.page.locator('#authorize:invalid').count()).toBe(1);
    await s.shot('de-customer-invite-3-signed-in');
    await checkbox.check();
    expect(await submit(s, de.pages.customerInvitationView.authorizeButton)).toBe(200);
    expect(await heading(s)).toBe(de.pages.customerInvitationAccepted.title);
    await s.shot('de-customer-invite-4-authorized');

    const again = await s.page.goto(link);
    expect(again?.status()).toBe(410);
    expect(await heading(s)).toBe(de.pages.linkNeutral.title);
    expect(s.problems).toEqual([]);

    // The provider has the customer, related with delegated admin, and orders for it (CUS-7).
    const accepted = (await api('GET', '/customer-invitations?status=accepted', { user: provider.admin })).body.data;
    expect(accepted.map((e: { id: string }) => e.id)).toEqual([invitation.id]);
    const customers = (await api('GET', '/customers', { user: provider.admin })).body.data;
    expect(customers.map((c: { id: string; customerTenantId: string }) => [c.id, c.customerTenantId])).toEqual([[accepted[0].customerId, admin.tenantId]]);
    expect(customers[0].relationships).toMatchObject([{ partnerTenantId: provider.admin.tenantId, type: 'provider', delegatedAdmin: true }]);
    await acceptAgreement(provider.admin);
    const offerId = `e2e-offer-${admin.tenantId.slice(-6)}`;
    await putOffer(offerId);
    const order = await api('POST', `/customers/${customers[0].id}/orders`, { user: provider.admin, body: { lineItems: [{ offerId, quantity: 10 }] } });
    expect(order.status).toBe(201);
    expect(order.body).toMatchObject({ customerId: customers[0].id, status: 'draft', lineItems: [{ offerId, quantity: 10 }] });
  });
});
