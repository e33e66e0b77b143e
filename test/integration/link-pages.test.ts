import { randomBytes } from 'node:crypto';
import { decodeProtectedHeader, generateKeyPair, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { catalogueFor } from '../../functions/messages/catalogues.js';
import { escapeHtml } from '../../functions/messages/html.js';
import type { InvitationRefusal } from '../../functions/messages/pages.js';
import { advanceClock, api, baseUrl, emailsTo, uniqueTenant, type User } from '../support/api.js';
import { enroll, newReseller, verifyLinkOf, waitForEmail } from '../support/enrollment.js';
import { getPage, pathOf, postForm, signIn, type PageOptions, type PageResponse } from '../support/pages.js';
import { enrolledReseller, invitationLinkIn, newProvider, requestPartnership, tokenOf } from '../support/partnerships.js';

const DAY = 86_400;
const en = catalogueFor('en');
const de = catalogueFor('de');
const sv = catalogueFor('sv');
/** A catalogue text as it must appear in a page: escaped. */
const shown = (text: string) => escapeHtml(text);
const inviteeOf = (tenantId: string) => `partners-${tenantId}@fabrikam.example`;
const as = (user: User, roles: User['roles']): User => ({ ...user, roles, sub: `${user.sub}-${roles.join('-')}` });
const unknownToken = () => randomBytes(32).toString('base64url');

/** Issue 5: every page is HTML under a script-free CSP, sends no referrer and carries no script. */
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

/** A fresh reseller (not enrolled) and its pending verification link. */
async function pendingVerification(options: Parameters<typeof newReseller>[0] = {}) {
  const r = await newReseller(options);
  const { id } = await enroll(r);
  const mail = await waitForEmail(r.contactEmail);
  return { ...r, enrollmentId: id, mail, path: verifyLinkOf(mail) };
}

/** A provider's invitation to a fresh address, and the link's path. */
async function invitation(provider: Awaited<ReturnType<typeof newProvider>>, extra: Record<string, unknown> = {}) {
  const invitee = inviteeOf(uniqueTenant('invitee'));
  const created = await requestPartnership(provider, invitee, extra);
  return { invitee, created, path: pathOf(created.link), token: tokenOf(created.link) };
}

describe('link pages: CSP, no referrer, no script (issue 5)', () => {
  it('every page — verification, invitation in each state, refusals, neutral, local sign-in — has the page security headers', async () => {
    const seen: [string, PageResponse][] = [];
    const v = await pendingVerification();
    seen.push(['verify.confirm', await getPage(v.path)]);
    seen.push(['verify.done', await postForm(v.path)]);
    seen.push(['link.neutral (GET)', await getPage(v.path)]);
    seen.push(['link.neutral (POST)', await postForm(v.path)]);

    const provider = await newProvider();
    const reseller = await enrolledReseller();
    const first = await invitation(provider);
    seen.push(['invitation.view signed out', await getPage(first.path)]);
    seen.push(['local.signIn', await getPage(`/_local/sign-in?returnTo=${encodeURIComponent(first.path)}`)]);
    const { cookie } = await signIn(reseller.admin, first.path);
    seen.push(['invitation.view signed in', await getPage(first.path, { cookie })]);
    seen.push(['invitation.refused', await postForm(`${first.path}/authorize`, {}, { cookie })]);
    seen.push(['invitation.accepted', await postForm(`${first.path}/authorize`, { authorize: 'true' }, { cookie })]);
    const second = await invitation(provider);
    seen.push(['invitation.declined', await postForm(`${second.path}/refuse`, {}, { cookie })]);
    seen.push(['link.neutral (invitation)', await getPage(second.path)]);

    expect(seen.map(([name, res]) => [name, res.status])).toEqual([
      ['verify.confirm', 200],
      ['verify.done', 200],
      ['link.neutral (GET)', 410],
      ['link.neutral (POST)', 410],
      ['invitation.view signed out', 200],
      ['local.signIn', 200],
      ['invitation.view signed in', 200],
      ['invitation.refused', 422],
      ['invitation.accepted', 200],
      ['invitation.declined', 200],
      ['link.neutral (invitation)', 410],
    ]);
    for (const [name, res] of seen) expectSafePage(res, name);
  });
});

describe('GEN-2 user-supplied strings are escaped in pages and emails', () => {
  const evilCompany = `Evil <script>alert("company")</script> & 'Sons' GmbH`;
  const evilFirst = '<script>alert(1)</script>';
  const evilLast = `O'Brien <img src=x onerror=alert(2)>`;
  const evilProvider = `Contoso <script>alert("provider")</script> & Co`;
  const evilMessage = `Hello <script>alert("message")</script>\r\nBcc: victim@example.com\r\n\r\n<b>bold</b>`;

  it('company and contact names with markup stay text in the verification email and pages', async () => {
    const v = await pendingVerification({ companyName: evilCompany, firstName: evilFirst });
    expect(v.mail.subject).toContain(evilCompany); // the subject is plain text…
    expect(v.mail.subject).not.toMatch(/[\r\n]/); // …on one header line
    expect(v.mail.to).toEqual([v.contactEmail]);
    expect(v.mail.html).toContain(escapeHtml(evilCompany));
    expect(v.mail.html).toContain(escapeHtml(evilFirst));
    expect(v.mail.html).not.toMatch(/<script|<img/i);
    expect(v.mail.text).toContain(evilCompany); // the text part shows the name as typed

    const view = await getPage(v.path);
    expect(view.status).toBe(200);
    expect(view.html).toContain(escapeHtml(evilCompany));
    expect(view.html).toContain(escapeHtml(evilFirst));
    expect(view.html).not.toMatch(/<script|<img/i);
    const done = await postForm(v.path);
    expect(done.status).toBe(200);
    expect(done.html).toContain(escapeHtml(evilCompany));
    expect(done.html).not.toMatch(/<script/i);

    // The status email that follows the confirmation names the company too.
    const status = await waitForEmail(v.contactEmail, 2);
    expect(status.subject).not.toMatch(/[\r\n]/);
    expect(status.html).not.toMatch(/<script/i);
  });

  it('a contact last name with markup is escaped in the verification page and email', async () => {
    const r = await newReseller();
    r.body.primaryContact.lastName = evilLast;
    const { id } = await enroll(r);
    expect(id).toBeTruthy();
    const mail = await waitForEmail(r.contactEmail);
    expect(mail.html).toContain(escapeHtml(evilLast));
    expect(mail.html).not.toMatch(/<img/i);
    const view = await getPage(verifyLinkOf(mail));
    expect(view.html).toContain(escapeHtml(evilLast));
    expect(view.html).not.toMatch(/<img/i);
  });

  it('header-breaking newlines in company, contact and provider names are refused before anything is stored or sent', async () => {
    const r = await newReseller();
    const broken = [
      { company: { ...r.body.company, legalName: 'Evil GmbH\r\nBcc: victim@example.com' } },
      { primaryContact: { ...r.body.primaryContact, firstName: 'Jonas\nBcc: victim@example.com' } },
      { primaryContact: { ...r.body.primaryContact, lastName: 'Keller\r\nX-Injected: 1' } },
    ];
    const params = [];
    for (const patch of broken) {
      const res = await api('POST', '/enrollments', { user: r.admin, body: { ...r.body, ...patch } });
      expect(res.status).toBe(400);
      params.push(res.body.error.param);
    }
    expect(params).toEqual(['company.legalName', 'primaryContact.firstName', 'primaryContact.lastName']);
    expect(await emailsTo(r.contactEmail)).toEqual([]);
    expect((await api('GET', '/partners/me', { user: r.admin })).status).toBe(404);

    const provider = await api('POST', '/operator/partners', {
      user: { tenantId: 'tenant-operator', tenantCountry: 'US', email: 'operator@partner-program.example', roles: ['operator'] },
      body: {
        tenantId: uniqueTenant('provider'),
        type: 'indirect_provider',
        partnerId: '4100001',
        company: { legalName: 'Contoso\r\nBcc: victim@example.com', address: { line1: 'Hafenstraße 2', city: 'Hamburg', postalCode: '20457', country: 'DE' } },
        primaryContact: { firstName: 'Greta', lastName: 'Becker', email: 'greta@contoso.example' },
      },
    });
    expect(provider.status).toBe(400);
    expect(provider.body.error.param).toBe('company.legalName');
  });

  it('a provider name and message with markup and CRLF stay text in the invitation email, its pages and the draft', async () => {
    const provider = await newProvider('DE', { name: evilProvider });
    const reseller = await enrolledReseller();
    const inv = await invitation(provider, { message: evilMessage });
    expect(inv.created.draft.subject).not.toMatch(/[\r\n]/);
    expect(inv.created.draft.body).toContain(inv.created.link);

    const { mail } = await invitationLinkIn(inv.invitee);
    expect(mail.to).toEqual([inv.invitee]);
    expect(mail.subject).not.toMatch(/[\r\n]/);
    expect(mail.html).toContain(escapeHtml(evilProvider));
    expect(mail.html).toContain(escapeHtml('<script>alert("message")</script>'));
    expect(mail.html).not.toMatch(/<script|<b>/i);

    const signedOut = await getPage(inv.path);
    expect(signedOut.html).toContain(escapeHtml(evilProvider));
    expect(signedOut.html).not.toMatch(/<script/i);
    const { cookie } = await signIn(reseller.admin, inv.path);
    const signedIn = await getPage(inv.path, { cookie });
    expect(signedIn.html).toContain(shown(en.pages.invitationView.authorizeLabel({ providerName: evilProvider })));
    expect(signedIn.html).not.toMatch(/<script/i);
    const refused = await postForm(`${inv.path}/authorize`, {}, { cookie });
    expect(refused.html).toContain(shown(en.pages.invitationRefused.not_authorized_checkbox.body({ providerName: evilProvider })));
    expect(refused.html).not.toMatch(/<script/i);
    const accepted = await postForm(`${inv.path}/authorize`, { authorize: 'true' }, { cookie });
    expect(accepted.status).toBe(200);
    expect(accepted.html).toContain(shown(en.pages.invitationAccepted.body({ providerName: evilProvider })));
    expect(accepted.html).not.toMatch(/<script/i);
  });
});

describe('ENR-7 / PRT-10 the neutral page', () => {
  it('is byte-identical for used, expired and unknown verification and invitation links', async () => {
    const provider = await newProvider();
    const reseller = await enrolledReseller();

    const used = await pendingVerification();
    expect((await postForm(used.path)).status).toBe(200);
    const usedInvitation = await invitation(provider);
    expect((await api('POST', `/invitations/${usedInvitation.token}/accept`, { user: reseller.admin, body: { authorize: true } })).status).toBe(201);
    const declinedInvitation = await invitation(provider);
    expect((await api('POST', `/invitations/${declinedInvitation.token}/decline`, { user: reseller.admin })).status).toBe(200);

    const expiring = await pendingVerification();
    const expiringInvitation = await invitation(provider);
    expect((await getPage(expiring.path)).status).toBe(200);
    expect((await getPage(expiringInvitation.path)).status).toBe(200);
    await advanceClock(31 * DAY); // past both the verification (7 days) and the invitation (30 days) expiry

    const answers: [string, PageResponse][] = [
      ['used verification link', await getPage(used.path)],
      ['used verification link, POST', await postForm(used.path)],
      ['expired verification link', await getPage(expiring.path)],
      ['expired verification link, POST', await postForm(expiring.path)],
      ['unknown verification link', await getPage(`/verify/${unknownToken()}`)],
      ['malformed verification link', await getPage('/verify/not-a-token')],
      ['used invitation link', await getPage(usedInvitation.path)],
      ['declined invitation link', await getPage(declinedInvitation.path)],
      ['expired invitation link', await getPage(expiringInvitation.path)],
      ['unknown invitation link', await getPage(`/invitations/${unknownToken()}`)],
      ['unknown invitation link, authorize form', await postForm(`/invitations/${unknownToken()}/authorize`, { authorize: 'true' })],
      ['unknown invitation link, decline form', await postForm(`/invitations/${unknownToken()}/refuse`)],
    ];
    const reference = answers[0]![1].html;
    expect(reference).toContain(shown(en.pages.linkNeutral.title));
    for (const [what, res] of answers) {
      expect(res.status, what).toBe(410);
      expect(res.html, what).toBe(reference);
      expectSafePage(res, what);
    }
  });

  it('speaks the language the browser asks for (GEN-2), the same for every dead link', async () => {
    const a = await getPage(`/verify/${unknownToken()}`, { acceptLanguage: 'de-DE,de;q=0.9,en;q=0.5' });
    const b = await getPage(`/invitations/${unknownToken()}`, { acceptLanguage: 'de-DE,de;q=0.9,en;q=0.5' });
    expect(a.html).toContain('<html lang="de">');
    expect(a.html).toContain(shown(de.pages.linkNeutral.title));
    expect(b.html).toBe(a.html);
  });
});

describe('PRT-4 the invitation page with a cookie session', () => {
  it('sign in from the page, tick, authorize: the provider is listed on both sides (PRT-5) and the link is used', async () => {
    const provider = await newProvider();
    const reseller = await enrolledReseller();
    const inv = await invitation(provider);

    const signedOut = await getPage(inv.path);
    expect(signedOut.status).toBe(200);
    expect(signedOut.html).toContain(shown(en.pages.invitationView.title({ providerName: provider.name })));
    expect(signedOut.html).toContain(shown(en.common.grants.delegatedAdmin));
    const signInHref = /<a class="button" href="([^"]+)">/.exec(signedOut.html)?.[1];
    expect(signInHref).toBe(`${baseUrl()}/_local/sign-in?returnTo=${encodeURIComponent(inv.path)}`);
    expect(signedOut.html).not.toContain('name="authorize"');

    const signInPage = await getPage(pathOf(signInHref!) + new URL(signInHref!).search);
    expect(signInPage.status).toBe(200);
    expect(signInPage.html).toContain('<form method="post" action="/_local/sign-in">');
    expect(signInPage.html).toContain(`<input type="hidden" name="returnTo" value="${escapeHtml(inv.path)}">`);

    const session = await signIn(reseller.admin, inv.path);
    expect(session.location).toBe(inv.path);
    expect(session.setCookie).toMatch(/^pp_session=[\w-]+\.[\w-]+\.[\w-]+; HttpOnly; SameSite=Lax; Path=\/$/);

    const signedIn = await getPage(inv.path, { cookie: session.cookie });
    expect(signedIn.status).toBe(200);
    expect(signedIn.html).toContain(`<form method="post" action="${inv.path}/authorize">`);
    expect(signedIn.html).toContain('<input type="checkbox" id="authorize" name="authorize" value="true" required>');
    expect(signedIn.html).toContain(`<form method="post" action="${inv.path}/refuse">`);
    expect(signedIn.html).toContain(shown(en.pages.invitationView.authorizeButton));
    expect(signedIn.html).toContain(shown(en.pages.invitationView.signedInAs({ userEmail: reseller.admin.email, tenantName: reseller.body.company.legalName })));

    const accepted = await postForm(`${inv.path}/authorize`, { authorize: 'true' }, { cookie: session.cookie });
    expect(accepted.status).toBe(200);
    expect(accepted.html).toContain(shown(en.pages.invitationAccepted.title));

    const providers = await api('GET', '/relationships?type=indirect_provider', { user: reseller.admin });
    expect(providers.body.data).toEqual([expect.objectContaining({ providerTenantId: provider.admin.tenantId, providerName: provider.name, state: 'active' })]);
    const resellers = await api('GET', '/relationships?type=indirect_reseller', { user: provider.admin });
    expect(resellers.body.data.map((r: { resellerTenantId: string }) => r.resellerTenantId)).toEqual([reseller.admin.tenantId]);
    const requests = await api('GET', '/partnership-requests?status=accepted', { user: provider.admin });
    expect(requests.body.data.map((r: { id: string }) => r.id)).toContain(inv.created.id);

    const again = await postForm(`${inv.path}/authorize`, { authorize: 'true' }, { cookie: session.cookie });
    expect(again.status).toBe(410);
  });

  it('without a session the forms send the browser to sign in and change nothing', async () => {
    const provider = await newProvider();
    const inv = await invitation(provider);
    for (const action of ['authorize', 'refuse']) {
      const res = await postForm(`${inv.path}/${action}`, { authorize: 'true' });
      expect(res.status, action).toBe(303);
      expect(res.headers.get('location'), action).toBe(`${baseUrl()}/_local/sign-in?returnTo=${encodeURIComponent(inv.path)}`);
    }
    const pending = await api('GET', '/partnership-requests?status=pending', { user: provider.admin });
    expect(pending.body.data.map((r: { id: string }) => r.id)).toContain(inv.created.id);
  });

  it('a forged, tampered or foreign-issuer cookie is no session', async () => {
    const provider = await newProvider();
    const reseller = await enrolledReseller();
    const inv = await invitation(provider);
    const { cookie } = await signIn(reseller.admin, inv.path);
    const token = cookie.slice('pp_session='.length);
    const [head, body, signature] = token.split('.') as [string, string, string];
    const tampered = `${head}.${Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(body, 'base64url').toString()), roles: ['global_admin', 'operator'] })).toString('base64url')}.${signature}`;
    const { privateKey } = await generateKeyPair('ES256');
    const foreign = await new SignJWT({ email: reseller.admin.email, tid: reseller.admin.tenantId, tenant_ctry: 'DE', roles: ['global_admin'] })
      .setProtectedHeader({ alg: 'ES256', kid: decodeProtectedHeader(token).kid! })
      .setSubject('intruder')
      .setIssuer('http://127.0.0.1/_local')
      .setAudience('partner-program')
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(privateKey);
    for (const [what, value] of [['tampered', tampered], ['foreign key', foreign], ['garbage', 'not-a-jwt']] as const) {
      const view = await getPage(inv.path, { cookie: `pp_session=${value}` });
      expect(view.status, what).toBe(200);
      expect(view.html, what).not.toContain('name="authorize"');
      const post = await postForm(`${inv.path}/authorize`, { authorize: 'true' }, { cookie: `pp_session=${value}` });
      expect(post.status, what).toBe(303);
    }
    // The genuine cookie still works, so the checks above could have failed.
    expect((await getPage(inv.path, { cookie })).html).toContain('name="authorize"');
  });

  it('serves the local issuer’s key as a JWKS whose kid signs the session tokens', async () => {
    const jwks = await api<{ keys: { kid: string; alg: string; kty: string; d?: string }[] }>('GET', '/_local/jwks.json');
    expect(jwks.status).toBe(200);
    expect(jwks.body.keys).toEqual([expect.objectContaining({ kty: 'EC', alg: 'ES256', kid: expect.any(String) })]);
    expect(jwks.body.keys[0]!.d).toBeUndefined(); // public half only
    const { cookie } = await signIn({ tenantId: uniqueTenant(), tenantCountry: 'DE', email: 'someone@fabrikam.example', roles: ['admin_agent'] }, '/_local/inbox');
    expect(decodeProtectedHeader(cookie.slice('pp_session='.length)).kid).toBe(jwks.body.keys[0]!.kid);
  });

  it('the local sign-in returns only to paths of this site', async () => {
    const user = JSON.stringify({ tenantId: uniqueTenant(), tenantCountry: 'DE', email: 'someone@fabrikam.example', roles: ['global_admin'] });
    for (const returnTo of ['//evil.example/x', 'https://evil.example/', '/\\evil.example', 'invitations/x', '/a b']) {
      const res = await postForm('/_local/sign-in', { user, returnTo });
      expect(res.status, returnTo).toBe(400);
      expect(res.headers.get('set-cookie'), returnTo).toBeNull();
      expect((await getPage(`/_local/sign-in?returnTo=${encodeURIComponent(returnTo)}`)).status, returnTo).toBe(400);
    }
    const badUser = await postForm('/_local/sign-in', { user: '{"tenantId":"x"}', returnTo: '/_local/inbox' });
    expect(badUser.status).toBe(400);
    const demo = await postForm('/_local/sign-in', { user: 'resellerDe', returnTo: '/invitations/abc?x=1' });
    expect(demo.status).toBe(303);
    expect(demo.headers.get('location')).toBe('/invitations/abc?x=1');
  });

  it('declines from the page: the request is declined and the link is dead', async () => {
    const provider = await newProvider();
    const reseller = await enrolledReseller();
    const inv = await invitation(provider);
    const { cookie } = await signIn(as(reseller.admin, ['sales_agent']), inv.path);
    const declined = await postForm(`${inv.path}/refuse`, {}, { cookie });
    expect(declined.status).toBe(200);
    expect(declined.html).toContain(shown(en.pages.invitationDeclined.body({ providerName: provider.name })));
    const requests = await api('GET', '/partnership-requests?status=declined', { user: provider.admin });
    expect(requests.body.data.map((r: { id: string }) => r.id)).toContain(inv.created.id);
    expect((await getPage(inv.path, { cookie })).status).toBe(410);
  });

  it('refuses a form posted from another origin (CSRF) with 403, changing nothing', async () => {
    const provider = await newProvider();
    const reseller = await enrolledReseller();
    const inv = await invitation(provider);
    const { cookie } = await signIn(reseller.admin, inv.path);
    const foreign: PageOptions[] = [
      { origin: 'https://evil.example' },
      { origin: `${baseUrl()}.evil.example` },
      { origin: 'null' }, // an opaque origin without Fetch Metadata: a sandboxed frame, a data: URL
      { origin: 'https://evil.example', secFetchSite: 'same-origin' },
      { origin: null, secFetchSite: 'cross-site' },
      { origin: null, secFetchSite: 'same-site' },
      { origin: 'null', secFetchSite: 'cross-site' },
    ];
    for (const headers of foreign) {
      for (const action of ['authorize', 'refuse']) {
        const what = `${action} ${JSON.stringify(headers)}`;
        const res = await postForm(`${inv.path}/${action}`, { authorize: 'true' }, { cookie, ...headers });
        expect(res.status, what).toBe(403);
        expect(JSON.parse(res.html).error.code, what).toBe('cross_origin_form');
      }
    }
    expect((await api('GET', '/relationships?type=indirect_provider', { user: reseller.admin })).body.data).toEqual([]);
    const view = await getPage(inv.path, { cookie });
    expect(view.status).toBe(200);
    expect(view.html).toContain('name="authorize"');
    // What a browser sends from the invitation page itself: under `Referrer-Policy: no-referrer` its
    // form posts carry `Origin: null`, and Fetch Metadata says `same-origin`.
    expect((await postForm(`${inv.path}/authorize`, { authorize: 'true' }, { cookie, origin: 'null', secFetchSite: 'same-origin' })).status).toBe(200);
  });

  it('the local sign-in refuses a form from another origin (login CSRF)', async () => {
    const user = JSON.stringify({ tenantId: uniqueTenant(), tenantCountry: 'DE', email: 'someone@fabrikam.example', roles: ['global_admin'] });
    const res = await postForm('/_local/sign-in', { user, returnTo: '/_local/inbox' }, { origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect(res.headers.get('set-cookie')).toBeNull();
    const ok = await postForm('/_local/sign-in', { user, returnTo: '/_local/inbox' }, { origin: 'null', secFetchSite: 'same-origin' });
    expect(ok.status).toBe(303);
  });
});

describe('PRT-3/4/6/10 refusals each get their own page and status', () => {
  it.each<[InvitationRefusal, number]>([
    ['not_authorized_checkbox', 422],
    ['wrong_role', 403],
    ['not_enrolled', 422],
    ['wrong_region', 422],
    ['already_partnered', 409],
  ])('%s → %i with its explanation', async (reason, status) => {
    const provider = await newProvider();
    const inv = await invitation(provider);
    let user: User;
    const form: Record<string, string> = { authorize: 'true' };
    switch (reason) {
      case 'not_authorized_checkbox':
        user = (await enrolledReseller()).admin;
        delete form.authorize;
        break;
      case 'wrong_role':
        user = as((await enrolledReseller()).admin, ['sales_agent', 'user_admin']);
        break;
      case 'not_enrolled':
        user = { tenantId: uniqueTenant('stranger'), tenantCountry: 'DE', email: 'admin@stranger.example', roles: ['global_admin'], sub: uniqueTenant('sub') };
        break;
      case 'wrong_region':
        user = (await enrolledReseller({ country: 'US' })).admin;
        break;
      case 'already_partnered': {
        const reseller = await enrolledReseller();
        const earlier = await invitation(provider);
        expect((await api('POST', `/invitations/${earlier.token}/accept`, { user: reseller.admin, body: { authorize: true } })).status).toBe(201);
        user = reseller.admin;
        break;
      }
    }
    const { cookie } = await signIn(user, inv.path);
    const res = await postForm(`${inv.path}/authorize`, form, { cookie });
    expect(res.status).toBe(status);
    expect(res.html).toContain(shown(en.pages.invitationRefused.title));
    expect(res.html).toContain(shown(en.pages.invitationRefused[reason].body({ providerName: provider.name })));
    expectSafePage(res, reason);
    // A refusal uses nothing up: the invitation is still open.
    expect((await getPage(inv.path)).status).toBe(200);
  });
});

describe('GEN-2 the contact’s language, else the browser’s', () => {
  it('a German contact gets a German verification email, page and result, whatever the browser says', async () => {
    const v = await pendingVerification({ language: 'de' });
    expect(v.mail.subject).toBe(de.emails.verification.subject({ companyName: v.body.company.legalName }));
    const view = await getPage(v.path, { acceptLanguage: 'en-US,en;q=0.9' });
    expect(view.status).toBe(200);
    expect(view.html).toContain('<html lang="de">');
    expect(view.headers.get('content-language')).toBe('de');
    expect(view.html).toContain(shown(de.pages.verifyConfirm.title));
    expect(view.html).toContain(`<button type="submit">${shown(de.pages.verifyConfirm.button)}</button>`);
    const done = await postForm(v.path, {}, { acceptLanguage: 'en-US,en;q=0.9' });
    expect(done.html).toContain('<html lang="de">');
    expect(done.html).toContain(shown(de.pages.verifyDone.title));
  });

  it('without a stored language the page follows Accept-Language, and English is the fallback', async () => {
    const v = await pendingVerification();
    const swedish = await getPage(v.path, { acceptLanguage: 'fr-FR,fr;q=0.9,sv;q=0.8' });
    expect(swedish.html).toContain('<html lang="sv">');
    expect(swedish.html).toContain(shown(sv.pages.verifyConfirm.title));
    const french = await getPage(v.path, { acceptLanguage: 'fr-FR' });
    expect(french.html).toContain('<html lang="en">');
    expect(french.html).toContain(shown(en.pages.verifyConfirm.title));
  });

  it('an invitation sent in German shows German pages before and after signing in', async () => {
    const provider = await newProvider();
    const reseller = await enrolledReseller();
    const inv = await invitation(provider, { language: 'de' });
    const signedOut = await getPage(inv.path, { acceptLanguage: 'en' });
    expect(signedOut.html).toContain('<html lang="de">');
    expect(signedOut.html).toContain(shown(de.pages.invitationView.signInButton));
    const { cookie } = await signIn(reseller.admin, inv.path);
    const signedIn = await getPage(inv.path, { cookie, acceptLanguage: 'en' });
    expect(signedIn.html).toContain(shown(de.pages.invitationView.authorizeButton));
    const accepted = await postForm(`${inv.path}/authorize`, { authorize: 'true' }, { cookie, acceptLanguage: 'en' });
    expect(accepted.status).toBe(200);
    expect(accepted.html).toContain('<html lang="de">');
    expect(accepted.html).toContain(shown(de.pages.invitationAccepted.title));
  });
});
