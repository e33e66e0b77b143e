import { describe, expect, it } from 'vitest';
import { catalogueFor } from '../../functions/messages/catalogues.js';
import { escapeHtml } from '../../functions/messages/html.js';
import { LANGUAGES } from '../../functions/messages/language.js';
import { FORM_FIELDS, invitationAcceptedPage, invitationDeclinedPage, invitationRefusedPage, invitationViewPage, linkNeutralPage, type LocalSignInPage, localSignInPage, type Page, renderPage, verifyConfirmPage, verifyDonePage, type VerifyConfirmPage } from '../../functions/messages/pages.js';
import { programIdentity } from '#messages/identity.js';

const expiresAt = '2026-12-01T09:30:00.000Z';
const verifyAction = '/verify/tok_abc123';

const confirm: VerifyConfirmPage = { companyName: 'Contoso GmbH', contactName: 'Erika', requestedBy: 'admin@contoso.de', formAction: verifyAction, expiresAt };
const signIn: LocalSignInPage = {
  returnTo: '/invitations/tok',
  users: [
    { label: 'Operator', value: 'operator' },
    { label: 'Reseller admin', value: 'reseller-admin' },
  ],
};

const samples: { name: string; page: Page }[] = [
  { name: 'verify.confirm', page: verifyConfirmPage(confirm) },
  { name: 'verify.done', page: verifyDonePage({ companyName: 'Contoso GmbH' }) },
  { name: 'link.neutral', page: linkNeutralPage() },
  {
    name: 'invitation.view signed out',
    page: invitationViewPage({
      providerName: 'Fabrikam',
      providerRegionName: 'Europe',
      signedIn: false,
      signInUrl: '/_local/sign-in?returnTo=%2Finvitations%2Ftok',
    }),
  },
  {
    name: 'invitation.view signed in',
    page: invitationViewPage({
      providerName: 'Fabrikam',
      providerRegionName: 'Europe',
      signedIn: true,
      userEmail: 'agent@contoso.de',
      tenantName: 'Contoso',
      acceptAction: '/invitations/tok/accept',
      declineAction: '/invitations/tok/decline',
    }),
  },
  { name: 'invitation.accepted', page: invitationAcceptedPage({ providerName: 'Fabrikam' }) },
  { name: 'invitation.declined', page: invitationDeclinedPage({ providerName: 'Fabrikam' }) },
  ...(['wrong_region', 'not_enrolled', 'wrong_role', 'already_partnered', 'not_authorized_checkbox'] as const).map(
    (reason) => ({ name: `invitation.refused ${reason}`, page: invitationRefusedPage({ reason, providerName: 'Fabrikam' }) }),
  ),
  {
    name: 'local.signIn',
    page: localSignInPage(signIn),
  },
];

const cases = LANGUAGES.flatMap((language) => samples.map((sample) => ({ ...sample, language })));

/** Ids of the labelled form controls, and of those that need a label. */
function labelling(page: string): { needing: string[]; labelled: Set<string> } {
  const inputs = [...page.matchAll(/<input\b[^>]*>/g)].map((m) => m[0]).filter((tag) => !/type="hidden"/.test(tag));
  const needing = inputs.map((tag) => /\bid="([^"]+)"/.exec(tag)?.[1] ?? `(no id) ${tag}`);
  const labelled = new Set([...page.matchAll(/<label for="([^"]+)">/g)].map((m) => m[1] ?? ''));
  return { needing, labelled };
}

const identity = programIdentity();

describe('GEN-2 every page renders in every language', () => {
  it.each(cases)('$name in $language is a small, self-contained, accessible document', ({ page, language }) => {
    const out = renderPage(page, language);
    expect(out.startsWith('<!doctype html>\n')).toBe(true);
    expect(out).toContain(`<html lang="${language}">`);
    expect(out).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(out.match(/<style>/g)).toHaveLength(1);
    expect(out).toContain(':focus-visible');
    expect(out.match(/<h1>/g)).toHaveLength(1);
    expect(out).toContain('<main>');
    expect(out).not.toMatch(/<script|\bon[a-z]+=|<link|\bsrc=|url\(|@import|http-equiv/i);
    // Nothing from elsewhere: the only absolute URLs are the footer's links to the program's support and privacy pages.
    const [main, footer = ''] = out.split('<footer>');
    expect(main).not.toMatch(/https?:\/\//);
    expect([...footer.matchAll(/https?:\/\/[^"<\s]+/g)].map((m) => m[0]).every((url) => [identity.supportUrl, identity.privacyUrl].includes(url))).toBe(true);
    const { needing, labelled } = labelling(out);
    for (const id of needing) expect(labelled.has(id), `input ${id} has a label`).toBe(true);
  });
});

describe('ENR-6 / ENR-7 verification page', () => {
  const page = samples[0]!.page;

  it('ENR-7 confirms only with an explicit POST: a real form with a Confirm button, never auto-submitted', () => {
    const out = renderPage(page, 'en');
    expect(out).toContain(`<form method="post" action="${verifyAction}">`);
    expect(out).toContain('<button type="submit">Confirm</button>');
    expect(out).not.toMatch(/<script|http-equiv|autofocus/i);
  });

  it.each(LANGUAGES)('ENR-6 states both things the contact confirms (%s)', (language) => {
    const { statements } = catalogueFor(language).common;
    const out = renderPage(page, language);
    expect(out).toContain(statements.signedUp({ companyName: 'Contoso GmbH' }));
    expect(out).toContain(statements.addressBelongs({ companyName: 'Contoso GmbH' }));
    expect(out).toContain(catalogueFor(language).pages.verifyConfirm.button);
  });

  it('ENR-7 rejects a form action that could leave the site through a scheme', () => {
    expect(() => renderPage(verifyConfirmPage({ ...confirm, formAction: 'javascript:alert(1)' }), 'en')).toThrow(TypeError);
    expect(() => renderPage(verifyConfirmPage({ ...confirm, formAction: '//evil.example/x' }), 'en')).toThrow(TypeError);
  });

  it('MPA-5 the done page says what happens next: vetting and agreement acceptance', () => {
    const out = renderPage(verifyDonePage({ companyName: 'Contoso GmbH' }), 'de');
    expect(out).toContain('Wir prüfen Ihre Unternehmensangaben');
    expect(out).toContain('Partnervereinbarung');
  });
});

describe('ENR-7 neutral link page', () => {
  it.each(LANGUAGES)('ENR-7 is byte-identical on every call (%s)', (language) => {
    const first = renderPage(linkNeutralPage(), language);
    expect(renderPage(linkNeutralPage(), language)).toBe(first);
    expect(first).toContain(catalogueFor(language).pages.linkNeutral.next);
  });

  it('ENR-7 ignores anything but the language, so no cause can leak into it', () => {
    const withExtra = (linkNeutralPage as (extra: unknown) => Page)({ reason: 'cause_marker', token: 'tok_SECRET' });
    expect(renderPage(withExtra, 'sv')).toBe(renderPage(linkNeutralPage(), 'sv'));
    expect(renderPage(withExtra, 'sv')).not.toMatch(/cause_marker|tok_SECRET/);
  });
});

describe('PRT-4 invitation page', () => {
  const signedIn = samples.find((s) => s.name === 'invitation.view signed in')!.page;
  const signedOut = samples.find((s) => s.name === 'invitation.view signed out')!.page;

  it('PRT-4 signed in: a required checkbox, "Authorize indirect provider", and a separate decline form', () => {
    const out = renderPage(signedIn, 'en');
    expect(out).toContain('<form method="post" action="/invitations/tok/accept">');
    expect(out).toMatch(new RegExp(`<input type="checkbox" id="authorize" name="${FORM_FIELDS.authorize}" value="true" required>`));
    expect(out).toContain('<label for="authorize">I authorize Fabrikam as our indirect provider');
    expect(out).toContain('<button type="submit">Authorize indirect provider</button>');
    expect(out).toContain('<form method="post" action="/invitations/tok/decline">');
    expect(out).toContain('Signed in as agent@contoso.de (Contoso).');
  });

  it.each(LANGUAGES)('PRT-4 names the grants in plain words (%s)', (language) => {
    const { grants } = catalogueFor(language).common;
    const out = renderPage(signedOut, language);
    for (const grant of [grants.placeOrders, grants.addSubscriptions, grants.delegatedAdmin]) {
      expect(out).toContain(escapeHtml(grant));
    }
  });

  it('PRT-4 signed out: a sign-in link and no authorize form', () => {
    const out = renderPage(signedOut, 'nl');
    expect(out).toContain('<a class="button" href="/_local/sign-in?returnTo=%2Finvitations%2Ftok">Aanmelden</a>');
    expect(out).not.toContain('<form');
  });

  it.each(LANGUAGES)('PRT-4 uses the translated button label (%s)', (language) => {
    expect(renderPage(signedIn, language)).toContain(catalogueFor(language).pages.invitationView.authorizeButton);
  });
});

describe('PRT-3 / PRT-6 refusals', () => {
  const reasons = ['wrong_region', 'not_enrolled', 'wrong_role', 'already_partnered', 'not_authorized_checkbox'] as const;

  it.each(LANGUAGES)('each reason has its own explanation and next step (%s)', (language) => {
    const bodies = new Set(reasons.map((reason) => renderPage(invitationRefusedPage({ reason, providerName: 'Fabrikam' }), language)));
    expect(bodies.size).toBe(reasons.length);
  });

  it('PRT-6 wrong region explains that the business address decides the region', () => {
    const out = renderPage(invitationRefusedPage({ reason: 'wrong_region', providerName: 'Fabrikam' }), 'en');
    expect(out).toContain('different region from Fabrikam');
    expect(out).toContain('official business address decides your region');
  });

  it.each(LANGUAGES)('every reason reads well without a provider name (%s)', (language) => {
    for (const reason of reasons) {
      const out = renderPage(invitationRefusedPage({ reason, providerName: '' }), language);
      expect(out).not.toMatch(/undefined|null|\$\{/);
    }
  });

  it('without a provider name it speaks of "this indirect provider"', () => {
    const out = renderPage(invitationRefusedPage({ reason: 'not_enrolled' }), 'en');
    expect(out).toContain('cannot authorize this indirect provider yet');
  });
});

describe('local sign-in page', () => {
  const page = samples.at(-1)!.page;

  it('posts the chosen demo user and returnTo to /_local/sign-in, choosing nobody in advance', () => {
    const out = renderPage(page, 'en');
    expect(out).toContain('<form method="post" action="/_local/sign-in">');
    expect(out).toContain(`<input type="hidden" name="${FORM_FIELDS.returnTo}" value="/invitations/tok">`);
    expect(out).toContain(`<input type="radio" id="user-0" name="${FORM_FIELDS.user}" value="operator" required>`);
    expect(out).toContain('<input type="radio" id="user-1" name="user" value="reseller-admin" required>');
    expect(out).not.toContain(' checked');
    expect(out).toContain('<legend>Demo user</legend>');
  });

  it('also takes a typed tenant, country, email and role, and offers to sign out', () => {
    const out = renderPage(page, 'de');
    for (const field of ['tenantId', 'tenantCountry', 'email']) expect(out).toMatch(new RegExp(`<label for="${field}">[^<]+</label><input id="${field}" name="${field}"[^>]* required`));
    expect(out).toContain('<select id="role" name="role"><option value="global_admin">global_admin</option>');
    expect(out).toContain('<form method="post" action="/_local/sign-out">');
  });

  it('checks only a user the URL named explicitly', () => {
    const named = renderPage(localSignInPage({ ...signIn, users: [{ label: 'x', value: '{"tenantId":"t"}', checked: true }, ...signIn.users] }), 'en');
    expect(named.match(/ checked>/g)).toHaveLength(1);
    expect(named).toContain('value="{&quot;tenantId&quot;:&quot;t&quot;}" required checked>');
  });
});

describe('user-supplied values are escaped on pages', () => {
  const evil = '<script>alert(1)</script>"\r\nBcc: evil@x';
  const evilPages: Page[] = [
    verifyConfirmPage({ companyName: evil, contactName: evil, requestedBy: evil, formAction: verifyAction, expiresAt }),
    verifyDonePage({ companyName: evil }),
    invitationViewPage({ providerName: evil, providerRegionName: evil, signedIn: false, signInUrl: '/sign-in' }),
    invitationViewPage({
      providerName: evil,
      providerRegionName: evil,
      signedIn: true,
      userEmail: evil,
      tenantName: evil,
      acceptAction: '/a?x="><script>',
      declineAction: '/d',
    }),
    invitationAcceptedPage({ providerName: evil }),
    invitationDeclinedPage({ providerName: evil }),
    invitationRefusedPage({ reason: 'wrong_role', providerName: evil }),
    localSignInPage({ returnTo: evil, users: [{ label: evil, value: evil }] }),
  ];

  it.each(evilPages.map((page) => ({ kind: page.kind, page })))('$kind escapes every value', ({ page }) => {
    const out = renderPage(page, 'de');
    expect(out).not.toMatch(/<script/i);
    expect(out).toContain('&lt;script&gt;');
  });
});

describe('program identity in the page footer', () => {
  const configured = { ...identity, programName: 'Contoso Partner Network', operatorName: 'Contoso <Ops> & Co', supportEmail: 'help@contoso-partners.example' };

  it.each(LANGUAGES)('every page in %s names the program, its operator, support and privacy, escaped', (language) => {
    const footerText = catalogueFor(language).common.footer;
    for (const { page } of samples) {
      const out = renderPage(page, language, configured);
      const footer = out.slice(out.indexOf('<footer>'));
      expect(footer).toContain('Contoso Partner Network');
      expect(footer).toContain(escapeHtml(footerText.operatedBy({ operatorName: 'Contoso <Ops> & Co' })));
      expect(footer).not.toContain('<Ops>');
      expect(footer).toContain('href="mailto:help@contoso-partners.example"');
      expect(footer).toContain(`href="${configured.supportUrl}"`);
      expect(footer).toContain(`href="${configured.privacyUrl}">${escapeHtml(footerText.privacy)}</a>`);
      expect(out).toContain('<title>');
      expect(out).toMatch(/<title>[^<]* – Contoso Partner Network<\/title>/);
    }
  });

  it('shows a configured logo, and refuses one that is not http(s)', () => {
    const out = renderPage(samples[0]!.page, 'en', { ...configured, logoUrl: 'https://cdn.example/logo.svg' });
    expect(out).toContain('<img src="https://cdn.example/logo.svg" alt="Contoso Partner Network">');
    expect(() => renderPage(samples[0]!.page, 'en', { ...configured, logoUrl: 'data:image/svg+xml,<svg/>' })).toThrow(TypeError);
  });
});
