/**
 * The local sign-in and what the invitation pages offer around it: nobody is chosen in
 * advance; any tenant can be typed in (a fresh reseller, later a customer tenant's admin);
 * the invitation page quotes the provider's message and, like the refusal page, offers
 * "sign out or switch user"; the "provider authorized" page lists all three grants (PRT-4).
 */
import { describe, expect, it } from 'vitest';
import { en } from '../../functions/messages/en.js';
import { escapeHtml } from '../../functions/messages/html.js';
import { baseUrl, uniqueTenant } from '../support/api.js';
import { getPage, pathOf, postForm } from '../support/pages.js';
import { enrolledReseller, newProvider, requestPartnership } from '../support/partnerships.js';

const shown = (text: string) => escapeHtml(text);
const cookieOf = (setCookie: string | null) => /^pp_session=[^;]*/.exec(setCookie ?? '')?.[0] ?? '';

describe('local sign-in', () => {
  it('chooses nobody in advance: Continue without a choice is not possible', async () => {
    const page = await getPage('/_local/sign-in?returnTo=/_local/inbox');
    expect(page.status).toBe(200);
    expect(page.html).toContain('name="user"');
    expect(page.html).not.toMatch(/\schecked[\s>]/);
    expect(page.html).toContain('name="tenantId"');
    expect(page.html).toContain('<option value="global_admin">global_admin</option>');
  });

  it('PRT-4 signs in as a typed tenant, country, email and role; the invitation page shows who; sign out ends it', async () => {
    const provider = await newProvider();
    const reseller = await enrolledReseller();
    const message = 'Hallo Fabrikam,\nwir liefern gern. <b>Grüße</b>';
    const created = await requestPartnership(provider, `partners-${uniqueTenant()}@fabrikam.example`, { message });
    const path = pathOf(created.link);

    const signedIn = await postForm('/_local/sign-in', {
      tenantId: reseller.admin.tenantId,
      tenantCountry: reseller.admin.tenantCountry.toLowerCase(),
      email: reseller.admin.email,
      role: 'admin_agent',
      returnTo: path,
    });
    expect(signedIn.status).toBe(303);
    expect(signedIn.headers.get('location')).toBe(path);
    const cookie = cookieOf(signedIn.headers.get('set-cookie'));
    expect(cookie).toMatch(/^pp_session=.+/);

    const view = await getPage(path, { cookie });
    expect(view.html).toContain(shown(en.pages.invitationView.signedInAs({ userEmail: reseller.admin.email })).replace(/\.$/, ''));
    expect(view.html).toContain(`href="${baseUrl()}/_local/sign-in?returnTo=${encodeURIComponent(path)}">${shown(en.pages.invitationView.switchUser)}</a>`);
    expect(view.html).toContain(shown(en.pages.invitationView.messageHeading({ providerName: provider.name })));
    expect(view.html).toContain(`<blockquote>${escapeHtml(message)}</blockquote>`);
    expect(view.html).not.toContain('<b>Grüße</b>');

    const out = await postForm('/_local/sign-out', { returnTo: path }, { cookie });
    expect(out.status).toBe(303);
    expect(out.headers.get('location')).toBe(`/_local/sign-in?returnTo=${encodeURIComponent(path)}`);
    expect(out.headers.get('set-cookie')).toMatch(/^pp_session=; .*Max-Age=0/);
    const afterSignOut = await getPage(path);
    expect(afterSignOut.html).toContain(shown(en.pages.invitationView.signInButton));

    const crossSite = await postForm('/_local/sign-out', { returnTo: path }, { cookie, origin: 'https://evil.example' });
    expect(crossSite.status).toBe(403);
  });

  it('refuses a typed user with a bad country or an unknown role, changing nothing', async () => {
    const badCountry = await postForm('/_local/sign-in', { tenantId: 't', tenantCountry: 'Germany', email: 'a@b.example', role: 'global_admin', returnTo: '/' });
    expect(badCountry.status).toBe(400);
    expect(badCountry.headers.get('set-cookie')).toBeNull();
    const badRole = await postForm('/_local/sign-in', { tenantId: 't', tenantCountry: 'DE', email: 'a@b.example', role: 'king', returnTo: '/' });
    expect(badRole.status).toBe(400);
  });

  it('PRT-4 the refusal page offers to switch user, and the authorized page lists all three grants', async () => {
    const provider = await newProvider();
    const reseller = await enrolledReseller();
    const path = pathOf((await requestPartnership(provider, `partners-${uniqueTenant()}@fabrikam.example`)).link);
    const asSalesAgent = await postForm('/_local/sign-in', { tenantId: reseller.admin.tenantId, tenantCountry: 'DE', email: `sales-${reseller.admin.email}`, role: 'sales_agent', returnTo: path });
    const refused = await postForm(`${path}/authorize`, { authorize: 'true' }, { cookie: cookieOf(asSalesAgent.headers.get('set-cookie')) });
    expect(refused.status).toBe(403);
    expect(refused.html).toContain(`href="${baseUrl()}/_local/sign-in?returnTo=${encodeURIComponent(path)}">${shown(en.pages.invitationRefused.switchUser)}</a>`);

    const asAdmin = await postForm('/_local/sign-in', { tenantId: reseller.admin.tenantId, tenantCountry: 'DE', email: reseller.admin.email, role: 'global_admin', returnTo: path });
    const accepted = await postForm(`${path}/authorize`, { authorize: 'true' }, { cookie: cookieOf(asAdmin.headers.get('set-cookie')) });
    expect(accepted.status).toBe(200);
    for (const grant of [en.common.grants.placeOrders, en.common.grants.addSubscriptions, en.common.grants.delegatedAdmin]) {
      expect(accepted.html).toContain(`<li>${shown(grant)}</li>`);
    }
  });
});
