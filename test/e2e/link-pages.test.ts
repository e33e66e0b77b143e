import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { catalogueFor } from '../../functions/messages/catalogues.js';
import { LANGUAGES, type Language } from '../../functions/messages/language.js';
import { api, baseUrl, type User } from '../support/api.js';
import { enroll, getEnrollment, newReseller, waitForEmail, waitForStatus } from '../support/enrollment.js';
import { enrolledReseller, newProvider, requestPartnership } from '../support/partnerships.js';
import { launchBrowser, openSession, type BrowserSession } from './browser.js';

/**
 * Issue 5, seen by a person: only the local inbox, the emailed links and the pages, in a
 * real Chromium with JavaScript irrelevant (the pages have none). Screenshots of every
 * page land in `screenshots/`.
 */
const locales: Record<Language, string> = { en: 'en-GB', de: 'de-DE', sv: 'sv-SE', nl: 'nl-NL' };
const inviteeOf = (tenantId: string) => `partners-${tenantId}@fabrikam.example`;

let browser: Browser;
const sessions: BrowserSession[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
});
afterEach(async () => {
  for (const s of sessions.splice(0)) await s.context.close();
});
afterAll(async () => {
  await browser?.close();
});

async function session(locale: string) {
  const s = await openSession(browser, locale);
  sessions.push(s);
  return s;
}

const heading = (s: BrowserSession) => s.page.getByRole('heading', { level: 1 }).textContent();
const htmlLang = (s: BrowserSession) => s.page.locator('html').getAttribute('lang');
const mainText = async (s: BrowserSession) => (await s.page.locator('main').textContent()) ?? '';

/** Opens the local inbox for one address and follows the email's link whose URL contains `part`. */
async function openFromInbox(s: BrowserSession, to: string, subject: string, part: string, shot?: string) {
  await s.page.goto(`${baseUrl()}/_local/inbox?to=${encodeURIComponent(to)}`);
  expect(await s.page.getByRole('heading', { level: 2 }).allTextContents()).toContain(subject);
  if (shot) await s.shot(shot);
  const link = s.page.getByRole('link', { name: new RegExp(part) }).first();
  const href = await link.getAttribute('href');
  const [response] = await Promise.all([s.page.waitForResponse((r) => r.url() === href && r.request().method() === 'GET'), link.click()]);
  await s.page.waitForURL(href!);
  return { href: href!, status: response.status() };
}

/** Clicks a submit button and returns the status of the form's POST. */
async function submit(s: BrowserSession, button: string) {
  const [response] = await Promise.all([
    s.page.waitForResponse((r) => r.request().method() === 'POST'),
    s.page.getByRole('button', { name: button }).click(),
  ]);
  await s.page.waitForLoadState('load');
  return response.status();
}

describe('ENR-6/ENR-7 verification in the browser, in every language (GEN-2)', () => {
  it.each(LANGUAGES)('a %s-speaking contact confirms from the inbox, sees the result, and the link then shows the neutral page', async (language) => {
    const t = catalogueFor(language);
    const r = await newReseller({ language });
    const { id } = await enroll(r);
    const mail = await waitForEmail(r.contactEmail);
    expect(mail.subject).toBe(t.emails.verification.subject({ companyName: r.body.company.legalName }));

    const s = await session(locales[language]);
    const opened = await openFromInbox(s, r.contactEmail, mail.subject, '/verify/', `${language}-verify-1-inbox`);
    expect(opened.status).toBe(200);
    expect(await htmlLang(s)).toBe(language);
    expect(await heading(s)).toBe(t.pages.verifyConfirm.title);
    expect(await mainText(s)).toContain(t.common.statements.addressBelongs({ companyName: r.body.company.legalName }));
    await s.shot(`${language}-verify-2-confirm`);
    // Opening the page confirmed nothing: only the button does (ENR-7).
    expect((await getEnrollment(r.admin, id)).status).toBe('pending_contact_verification');

    expect(await submit(s, t.pages.verifyConfirm.button)).toBe(200);
    expect(await heading(s)).toBe(t.pages.verifyDone.title);
    await s.shot(`${language}-verify-3-done`);
    await waitForStatus(r.admin, id, 'under_review');

    const again = await s.page.goto(opened.href);
    expect(again?.status()).toBe(410);
    expect(await heading(s)).toBe(t.pages.linkNeutral.title);
    await s.shot(`${language}-verify-4-neutral`);
    expect(s.problems).toEqual([]);
  });

  it('a German contact gets German mail and pages even in an English browser', async () => {
    const de = catalogueFor('de');
    const r = await newReseller({ language: 'de' });
    const { id } = await enroll(r);
    const mail = await waitForEmail(r.contactEmail);
    expect(mail.subject).toBe(de.emails.verification.subject({ companyName: r.body.company.legalName }));
    expect(mail.text).toContain(de.emails.verification.ask);

    const s = await session('en-US');
    await openFromInbox(s, r.contactEmail, mail.subject, '/verify/');
    expect(await htmlLang(s)).toBe('de');
    expect(await heading(s)).toBe(de.pages.verifyConfirm.title);
    await s.shot('de-verify-english-browser-confirm');
    expect(await submit(s, de.pages.verifyConfirm.button)).toBe(200);
    expect(await htmlLang(s)).toBe('de');
    expect(await heading(s)).toBe(de.pages.verifyDone.title);
    await waitForStatus(r.admin, id, 'under_review');
    expect(s.problems).toEqual([]);
  });
});

describe('PRT-4 invitation in the browser, in every language (GEN-2)', () => {
  it.each(LANGUAGES)('a %s-speaking reseller admin opens the invitation, signs in, ticks, authorises, and the provider is listed (PRT-5)', async (language) => {
    const t = catalogueFor(language);
    const provider = await newProvider();
    const reseller = await enrolledReseller();
    const invitee = inviteeOf(reseller.admin.tenantId);
    await requestPartnership(provider, invitee, { language });
    const mail = await waitForEmail(invitee);
    expect(mail.subject).toBe(t.emails.invitation.subject({ providerName: provider.name }));

    const s = await session(locales[language]);
    const opened = await openFromInbox(s, invitee, mail.subject, '/invitations/', `${language}-invite-1-inbox`);
    expect(opened.status).toBe(200);
    expect(await htmlLang(s)).toBe(language);
    expect(await heading(s)).toBe(t.pages.invitationView.title({ providerName: provider.name }));
    await s.shot(`${language}-invite-2-signed-out`);

    await s.page.getByRole('link', { name: t.pages.invitationView.signInButton }).click();
    await s.page.waitForURL(/\/_local\/sign-in\?returnTo=/);
    expect(await heading(s)).toBe(t.pages.localSignIn.title);
    await s.shot(`${language}-invite-3-local-sign-in`);
    // Nobody is chosen in advance; the fresh reseller is no demo user: type it in.
    expect(await s.page.locator('input[name="user"]:checked').count()).toBe(0);
    await s.page.getByLabel(t.pages.localSignIn.tenantIdLabel).fill(reseller.admin.tenantId);
    await s.page.getByLabel(t.pages.localSignIn.countryLabel).fill(reseller.admin.tenantCountry);
    await s.page.getByLabel(t.pages.localSignIn.emailLabel).fill(reseller.admin.email);
    await s.page.getByLabel(t.pages.localSignIn.roleLabel).selectOption('global_admin');
    await s.shot(`${language}-invite-4-local-sign-in-as-reseller`);
    await s.page.getByRole('button', { name: t.pages.localSignIn.otherButton }).click();
    await s.page.waitForURL(opened.href);

    const cookies = await s.context.cookies(baseUrl());
    expect(cookies.find((c) => c.name === 'pp_session')).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const label = t.pages.invitationView.authorizeLabel({ providerName: provider.name });
    const checkbox = s.page.getByLabel(label);
    await checkbox.waitFor();
    // The box is required: unticked, the browser would not send the form.
    expect(await s.page.locator('#authorize:invalid').count()).toBe(1);
    await s.shot(`${language}-invite-5-signed-in`);
    await s.page.setViewportSize({ width: 360, height: 740 });
    await s.shot(`${language}-invite-5-signed-in-phone`);
    await s.page.setViewportSize({ width: 1000, height: 800 });
    await checkbox.check();
    expect(await s.page.locator('#authorize:invalid').count()).toBe(0);

    expect(await submit(s, t.pages.invitationView.authorizeButton)).toBe(200);
    expect(await htmlLang(s)).toBe(language);
    expect(await heading(s)).toBe(t.pages.invitationAccepted.title);
    await s.shot(`${language}-invite-6-accepted`);

    const providers = await api('GET', '/relationships?type=indirect_provider', { user: reseller.admin });
    expect(providers.body.data.map((r: { providerTenantId: string; providerName: string }) => [r.providerTenantId, r.providerName])).toEqual([[provider.admin.tenantId, provider.name]]);
    expect(s.problems).toEqual([]);
  });

  it('a user without the role sees why (403 page); a colleague may decline, and the link is then dead', async () => {
    const en = catalogueFor('en');
    const provider = await newProvider();
    const reseller = await enrolledReseller();
    const invitee = inviteeOf(reseller.admin.tenantId);
    await requestPartnership(provider, invitee);
    const mail = await waitForEmail(invitee);
    const salesAgent: User = { ...reseller.admin, roles: ['sales_agent'], sub: `${reseller.admin.sub}-sales`, email: `sales-${reseller.admin.email}` };

    const s = await session('en-GB');
    const opened = await openFromInbox(s, invitee, mail.subject, '/invitations/');
    await s.page.getByRole('link', { name: en.pages.invitationView.signInButton }).click();
    await s.page.waitForURL(/\/_local\/sign-in/);
    const signInUrl = new URL(s.page.url());
    signInUrl.searchParams.set('user', JSON.stringify(salesAgent));
    await s.page.goto(signInUrl.href);
    await s.page.getByRole('button', { name: en.pages.localSignIn.button, exact: true }).click();
    await s.page.waitForURL(opened.href);

    await s.page.getByLabel(en.pages.invitationView.authorizeLabel({ providerName: provider.name })).check();
    expect(await submit(s, en.pages.invitationView.authorizeButton)).toBe(403);
    expect(await heading(s)).toBe(en.pages.invitationRefused.title);
    expect(await mainText(s)).toContain(en.pages.invitationRefused.wrong_role.body({ providerName: provider.name }));
    // The wrong account: the refusal page leads back to the sign-in, returning to the invitation.
    expect(await s.page.getByRole('link', { name: en.pages.invitationRefused.switchUser }).getAttribute('href')).toContain(`/_local/sign-in?returnTo=${encodeURIComponent(new URL(opened.href).pathname)}`);
    await s.shot('en-invite-refused-wrong-role');

    await s.page.goto(opened.href);
    expect(await submit(s, en.pages.invitationView.declineButton)).toBe(200);
    expect(await heading(s)).toBe(en.pages.invitationDeclined.title);
    await s.shot('en-invite-declined');
    const declined = await api('GET', '/partnership-requests?status=declined', { user: provider.admin });
    expect(declined.body.data.map((r: { email: string }) => r.email)).toEqual([invitee]);

    const again = await s.page.goto(opened.href);
    expect(again?.status()).toBe(410);
    expect(await heading(s)).toBe(en.pages.linkNeutral.title);
    await s.shot('en-invite-neutral');
    expect(s.problems).toEqual([]);
  });
});
