import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { catalogueFor } from '../../functions/messages/catalogues.js';
import { escapeHtml } from '../../functions/messages/html.js';
import type { CustomerInvitationRefusal } from '../../functions/messages/pages.js';
import { advanceClock, api, type User } from '../support/api.js';
import { customerAdmin, inviteCustomer, newProvider, partneredReseller } from '../support/customer-invitations.js';
import { getPage, pathOf, postForm, signIn, type PageResponse } from '../support/pages.js';

const DAY = 86_400;
const as = (user: User, roles: User['roles']): User => ({ ...user, roles, sub: `${user.sub}-${roles.join('-')}` });

/** The same security headers as every link page: script-free CSP, no referrer, no framing. */
function expectSafePage(res: PageResponse, what: string) {
  expect(res.headers.get('content-type'), what).toMatch(/^text\/html; charset=utf-8/);
  const csp = res.headers.get('content-security-policy') ?? '';
  expect(csp, what).toContain("default-src 'none'");
  expect(csp, what).not.toMatch(/script-src|unsafe-eval/);
  expect(csp, what).toContain("form-action 'self'");
  expect(csp, what).toContain("frame-ancestors 'none'");
  expect(res.headers.get('referrer-policy'), what).toBe('no-referrer');
  expect(res.headers.get('x-content-type-options'), what).toBe('nosniff');
  expect(res.html, what).not.toMatch(/<script/i);
}

describe('customer invitation pages (CUS-7): refusal pages, sign-in, the neutral page', () => {
  it('every refusal has its page with its status, in the invitation’s language; then the admin authorises', async () => {
    const sv = catalogueFor('sv');
    const provider = await newProvider();
    const reseller = await partneredReseller(provider);
    const other = await newProvider();
    const admin = customerAdmin();
    const invitation = await inviteCustomer(provider.admin, { email: `pages-${admin.tenantId}@customer.example`, language: 'sv', send: false });
    const path = pathOf(invitation.link);

    const signedOut = await getPage(path);
    expect(signedOut.status).toBe(200);
    expectSafePage(signedOut, 'signed out');
    expect(signedOut.html).toContain(escapeHtml(sv.pages.customerInvitationView.title({ partnerName: provider.name })));
    expect(signedOut.html).toContain('/_local/sign-in?returnTo=');

    const cases: [CustomerInvitationRefusal, User, Record<string, string>, number][] = [
      ['wrong_role', as(admin, ['admin_agent']), { authorize: 'true' }, 403],
      ['not_authorized_checkbox', admin, {}, 422],
      ['wrong_region', customerAdmin('US'), { authorize: 'true' }, 422],
      ['program_tenant', other.admin, { authorize: 'true' }, 422],
      ['program_tenant', reseller.admin, { authorize: 'true' }, 422],
    ];
    for (const [reason, user, form, status] of cases) {
      const { cookie } = await signIn(user, path);
      const res = await postForm(`${path}/authorize`, form, { cookie });
      expect(res.status, reason).toBe(status);
      expectSafePage(res, reason);
      expect(res.headers.get('content-language')).toBe('sv');
      expect(res.html, reason).toContain(escapeHtml(sv.pages.customerInvitationRefused.title));
      expect(res.html, reason).toContain(escapeHtml(sv.pages.customerInvitationRefused[reason].next));
    }

    const { cookie } = await signIn(admin, path);
    const signedIn = await getPage(path, { cookie });
    expect(signedIn.html).toContain(`<form method="post" action="${path}/authorize">`);
    expect(signedIn.html).toContain(`<form method="post" action="${path}/refuse">`);
    const crossSite = await postForm(`${path}/authorize`, { authorize: 'true' }, { cookie, origin: 'https://evil.example', secFetchSite: 'cross-site' });
    expect(crossSite.status).toBe(403);
    const accepted = await postForm(`${path}/authorize`, { authorize: 'true' }, { cookie });
    expect(accepted.status).toBe(200);
    expect(accepted.html).toContain(escapeHtml(sv.pages.customerInvitationAccepted.title));
    expect((await api('GET', '/customer-invitations?status=accepted', { user: provider.admin })).body.data.map((e: { id: string }) => e.id)).toEqual([invitation.id]);

    const again = await postForm(`${path}/authorize`, { authorize: 'true' }, { cookie });
    expect(again.status).toBe(410);
  });

  it('without a session the forms send the browser to sign in and change nothing; decline from the page kills the link', async () => {
    const en = catalogueFor('en');
    const provider = await newProvider();
    const admin = customerAdmin();
    const invitation = await inviteCustomer(provider.admin, { email: `nosession-${admin.tenantId}@customer.example`, send: false });
    const path = pathOf(invitation.link);
    for (const action of ['authorize', 'refuse']) {
      const res = await postForm(`${path}/${action}`, { authorize: 'true' });
      expect(res.status, action).toBe(303);
      expect(res.headers.get('location'), action).toContain(`/_local/sign-in?returnTo=${encodeURIComponent(path)}`);
    }
    expect((await api('GET', '/customer-invitations?status=pending', { user: provider.admin })).body.data).toHaveLength(1);

    const { cookie } = await signIn(as(admin, ['sales_agent']), path);
    const declined = await postForm(`${path}/refuse`, {}, { cookie });
    expect(declined.status).toBe(200);
    expect(declined.html).toContain(escapeHtml(en.pages.customerInvitationDeclined.title));
    expect((await getPage(path)).status).toBe(410);
  });

  it('expired, revoked, unknown and malformed links all get the one neutral page (410)', async () => {
    const provider = await newProvider();
    const expired = await inviteCustomer(provider.admin, { email: `exp-${Date.now()}@customer.example`, send: false });
    const revoked = await inviteCustomer(provider.admin, { email: `rev-${Date.now()}@customer.example`, send: false });
    await api('POST', `/customer-invitations/${revoked.id}/revoke`, { user: provider.admin });
    await advanceClock(30 * DAY + 60);
    const unknown = `/customer-links/${randomBytes(32).toString('base64url')}`;
    const pages = [await getPage(pathOf(expired.link)), await getPage(pathOf(revoked.link)), await getPage(unknown), await getPage('/customer-links/not-a-token'), await postForm(`${unknown}/authorize`, { authorize: 'true' })];
    expect(pages.map((p) => p.status)).toEqual([410, 410, 410, 410, 410]);
    for (const p of pages) expectSafePage(p, 'neutral');
    expect(new Set(pages.map((p) => p.html)).size).toBe(1);
  });
});
