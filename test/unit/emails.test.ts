import { describe, expect, it } from 'vitest';
import { catalogueFor } from '../../functions/messages/catalogues.js';
import { renderEmail, type EmailMessage } from '../../functions/messages/emails.js';
import { escapeHtml } from '../../functions/messages/html.js';
import { LANGUAGES } from '../../functions/messages/language.js';
import type { ProgramIdentity } from '#messages/identity.js';

const identity: ProgramIdentity = {
  programName: 'Contoso Partner Network',
  operatorName: 'Contoso Partner Operations Ltd.',
  supportEmail: 'help@contoso-partners.example',
  supportUrl: 'https://contoso-partners.example/help',
  privacyUrl: 'https://contoso-partners.example/privacy',
};

const verifyLink = 'https://partners.example.com/verify/tok_abc123?lang=de&x=1';
const inviteLink = 'https://partners.example.com/invitations/tok_def456';
const portalUrl = 'https://partners.example.com/portal';
const agreementUrl = 'https://partners.example.com/agreements/mpa-2026.pdf';
const expiresAt = '2026-12-01T09:30:00.000Z';

const verification = {
  contactName: 'Erika Mustermann',
  companyName: 'Contoso GmbH',
  requestedBy: 'admin@contoso.de',
  link: verifyLink,
  expiresAt,
};
const invitation = {
  providerName: 'Fabrikam Distribution',
  providerRegionName: 'Europe',
  message: 'Looking forward\nto working with you!',
  link: inviteLink,
  expiresAt,
};

/** One sample of every message kind and variant, with the links it must carry. */
const samples: { name: string; message: EmailMessage; links: string[] }[] = [
  { name: 'verification', message: { kind: 'enrollment.verification', ...verification }, links: [verifyLink] },
  {
    name: 'verification reminder',
    message: { kind: 'enrollment.verification_reminder', ...verification, reminderNumber: 2 },
    links: [verifyLink],
  },
  ...(['under_review', 'more_info_needed', 'approved', 'rejected', 'active', 'expired'] as const).map((status) => ({
    name: `status ${status}`,
    message: {
      kind: 'enrollment.status' as const,
      contactName: 'Erika',
      companyName: 'Contoso GmbH',
      status,
      reasons: [{ code: 'address_mismatch', message: 'The address does not match the registry.', field: 'company.address.line1' }],
      deadline: expiresAt,
      agreementAccepted: false,
      portalUrl,
    },
    links: [portalUrl],
  })),
  {
    name: 'agreement reminder',
    message: {
      kind: 'enrollment.agreement_reminder',
      contactName: 'Erika',
      companyName: 'Contoso GmbH',
      agreementTitle: 'Partner Agreement 2026',
      agreementUrl,
      portalUrl,
    },
    links: [agreementUrl, portalUrl],
  },
  {
    name: 'more info reminder',
    message: {
      kind: 'enrollment.more_info_reminder',
      contactName: 'Erika',
      companyName: 'Contoso GmbH',
      fields: ['company.address.postalCode', 'supportContact.website'],
      deadline: expiresAt,
      portalUrl,
    },
    links: [portalUrl],
  },
  {
    name: 'contact undeliverable',
    message: {
      kind: 'enrollment.contact_undeliverable',
      companyName: 'Contoso GmbH',
      contactEmail: 'erika@contoso.de',
      cause: 'bounce',
      portalUrl,
    },
    links: [portalUrl],
  },
  { name: 'invitation', message: { kind: 'partnership.invitation', ...invitation }, links: [inviteLink] },
  {
    name: 'invitation reminder',
    message: { kind: 'partnership.reminder', ...invitation, reminderNumber: 1 },
    links: [inviteLink],
  },
  ...(['provider', 'reseller'] as const).map((recipient) => ({
    name: `accepted (${recipient})`,
    message: {
      kind: 'partnership.accepted' as const,
      recipient,
      providerName: 'Fabrikam Distribution',
      resellerName: 'Contoso GmbH',
    },
    links: [],
  })),
];

const cases = LANGUAGES.flatMap((language) => samples.map((sample) => ({ ...sample, language })));

describe('GEN-2 every email renders in every language', () => {
  it.each(cases)('$name in $language', ({ message, language, links }) => {
    const email = renderEmail(message, language);
    expect(email.subject.trim()).not.toBe('');
    expect(email.subject).not.toMatch(/[\r\n]/);
    expect(email.text).toContain(catalogueFor(language).common.team);
    expect(email.html).toMatch(/^<!doctype html>\n<html lang="(en|de|sv|nl)">/);
    expect(email.html).toContain(`<html lang="${language}">`);
    for (const link of links) {
      expect(email.text).toContain(link);
      expect(email.html).toContain(`href="${escapeHtml(link)}"`);
      expect(email.html).toContain(`>${escapeHtml(link)}</a>`);
    }
  });

  it.each(cases)('$name in $language has no remote images, stylesheets or scripts', ({ message, language }) => {
    const { html } = renderEmail(message, language);
    expect(html).not.toMatch(/<img|<link|<script|<style|<iframe|\bsrc=|url\(/i);
  });

  it.each(cases)('$name in $language names the program, its operator and its support contact in both parts', ({ message, language }) => {
    const footer = catalogueFor(language).common.footer;
    const email = renderEmail(message, language, identity);
    for (const part of [email.text, email.html]) {
      expect(part).toContain(identity.programName);
      expect(part).toContain(footer.operatedBy(identity));
      expect(part).toContain(identity.supportEmail);
      expect(part).toContain(identity.supportUrl);
      expect(part).toContain(footer.privacy);
    }
    expect(email.text).toContain(identity.privacyUrl);
    expect(email.html).toContain(`href="${identity.privacyUrl}"`);
  });
});

describe('program identity in emails', () => {
  const message = samples[0]!.message;

  it('escapes every configured value and shows a configured logo as the only image', () => {
    const hostile = { ...identity, programName: 'Contoso <b>Partners</b>', operatorName: 'Ops "&" <script>x</script>', logoUrl: 'https://cdn.example/logo.png?a=1&b=2' };
    const { html, text } = renderEmail(message, 'de', hostile);
    expect(html).not.toContain('<b>Partners</b>');
    expect(html).not.toContain('<script>');
    expect(html).toContain(escapeHtml('Contoso <b>Partners</b>'));
    expect(html).toContain(escapeHtml('Ops "&" <script>x</script>'));
    expect(html.match(/<img /g)).toHaveLength(1);
    expect(html).toContain(`src="${escapeHtml(hostile.logoUrl)}"`);
    expect(text).toContain('Betrieben von Ops "&" <script>x</script>');
  });

  it('refuses a logo that is not an absolute http(s) URL', () => {
    expect(() => renderEmail(message, 'en', { ...identity, logoUrl: 'javascript:alert(1)' })).toThrow(TypeError);
  });
});

describe('ENR-6 verification email', () => {
  it('ENR-6 German rendering is German', () => {
    const email = renderEmail({ kind: 'enrollment.verification', ...verification }, 'de');
    expect(email.subject).toContain('bestätigen');
    expect(email.text).toContain('Hauptansprechpartner');
    expect(email.text).toContain('E-Mail-Adresse bestätigen');
  });

  it('ENR-6 Swedish and Dutch renderings are Swedish and Dutch', () => {
    expect(renderEmail({ kind: 'enrollment.verification', ...verification }, 'sv').text).toContain('Bekräfta e-postadressen');
    expect(renderEmail({ kind: 'enrollment.verification', ...verification }, 'nl').text).toContain('E-mailadres bevestigen');
  });

  it.each(LANGUAGES)('ENR-6 asks to confirm the sign-up and that the address belongs to the company (%s)', (language) => {
    const { statements } = catalogueFor(language).common;
    const email = renderEmail({ kind: 'enrollment.verification', ...verification }, language);
    for (const statement of [statements.signedUp(verification), statements.addressBelongs(verification)]) {
      expect(email.text).toContain(statement);
      expect(email.html).toContain(escapeHtml(statement));
    }
    expect(email.text).toContain(verification.requestedBy);
  });

  it('ENR-7 says the link works once and until when, and what to do if they did not sign up', () => {
    const { text } = renderEmail({ kind: 'enrollment.verification', ...verification }, 'en');
    expect(text).toContain('The link works once and until 1 December 2026 at 09:30 UTC');
    expect(text).toContain('If you did not sign up');
    expect(text).toContain('ignore this email');
  });

  it('ENR-10 the reminder carries the same link and the reminder number', () => {
    const email = renderEmail({ kind: 'enrollment.verification_reminder', ...verification, reminderNumber: 3 }, 'en');
    expect(email.subject).toContain('Reminder 3');
    expect(email.text).toContain(verifyLink);
  });

  it('emails carry absolute URLs only', () => {
    expect(() => renderEmail({ kind: 'enrollment.verification', ...verification, link: '/verify/tok' }, 'en')).toThrow(TypeError);
    expect(() =>
      renderEmail({ kind: 'enrollment.verification', ...verification, link: 'javascript:alert(1)' }, 'en'),
    ).toThrow(TypeError);
  });
});

describe('user-supplied values cannot inject markup or headers', () => {
  const evil = '<script>alert(1)</script>"\r\nBcc: evil@x';
  const evilMessages: EmailMessage[] = [
    { kind: 'enrollment.verification', ...verification, companyName: evil, contactName: evil, requestedBy: evil },
    { kind: 'enrollment.verification_reminder', ...verification, companyName: evil, contactName: evil, reminderNumber: 1 },
    {
      kind: 'enrollment.status',
      contactName: evil,
      companyName: evil,
      status: 'rejected',
      reasons: [{ code: evil, message: evil, field: evil }],
      portalUrl,
    },
    { kind: 'enrollment.agreement_reminder', contactName: evil, companyName: evil, agreementTitle: evil, agreementUrl, portalUrl },
    { kind: 'enrollment.more_info_reminder', contactName: evil, companyName: evil, fields: [evil], deadline: expiresAt, portalUrl },
    { kind: 'enrollment.contact_undeliverable', companyName: evil, contactEmail: evil, cause: 'complaint', portalUrl },
    { kind: 'partnership.invitation', ...invitation, providerName: evil, providerRegionName: evil, message: evil },
    { kind: 'partnership.reminder', ...invitation, providerName: evil, message: evil, reminderNumber: 2 },
    { kind: 'partnership.accepted', recipient: 'provider', providerName: evil, resellerName: evil },
    { kind: 'partnership.accepted', recipient: 'reseller', providerName: evil, resellerName: evil },
  ];
  const evilCases = LANGUAGES.flatMap((language) => evilMessages.map((message) => ({ kind: message.kind, message, language })));

  it.each(evilCases)('$kind in $language: HTML escaped, subject single-line', ({ message, language }) => {
    const email = renderEmail(message, language);
    expect(email.html).not.toMatch(/<script/i);
    expect(email.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&quot;');
    expect(email.subject).not.toMatch(/[\r\n]/);
    expect(email.subject).toContain('<script>alert(1)</script>" Bcc: evil@x');
  });

  it('PRT-2 the personal note keeps its line breaks but loses other control characters', () => {
    const email = renderEmail({ kind: 'partnership.invitation', ...invitation, message: 'Hi\r\nthere\u0007!' }, 'en');
    expect(email.text).toContain('Personal message from Fabrikam Distribution:\n> Hi\n> there !');
    expect(email.html).toContain('white-space:pre-line;">Hi\nthere !</blockquote>');
  });
});

describe('ENR-9 status emails', () => {
  const base = { kind: 'enrollment.status', contactName: 'Erika', companyName: 'Contoso GmbH', portalUrl } as const;

  it('ENR-9 approved without the agreement tells them a global admin must accept it', () => {
    const { agreementMissing, agreementAccepted } = catalogueFor('en').emails.status;
    expect(renderEmail({ ...base, status: 'approved', agreementAccepted: false }, 'en').text).toContain(agreementMissing);
    expect(renderEmail({ ...base, status: 'approved' }, 'en').text).toContain(agreementMissing);
    const accepted = renderEmail({ ...base, status: 'approved', agreementAccepted: true }, 'en').text;
    expect(accepted).toContain(agreementAccepted);
    expect(accepted).not.toContain(agreementMissing);
  });

  it('ENR-8 more information needed lists the reasons, the fields to correct and the deadline', () => {
    const { text } = renderEmail(
      {
        ...base,
        status: 'more_info_needed',
        reasons: [{ code: 'mismatch', message: 'The postal code does not match.', field: 'company.address.postalCode' }],
        deadline: expiresAt,
      },
      'de',
    );
    expect(text).toContain('The postal code does not match. (Postleitzahl)');
    expect(text).toContain('- Postleitzahl');
    expect(text).toContain('bis 1. Dezember 2026 um 09:30 UTC');
  });

  it('ENR-9 each status has its own subject', () => {
    const statuses = ['under_review', 'more_info_needed', 'approved', 'rejected', 'active', 'expired'] as const;
    const subjects = new Set(statuses.map((status) => renderEmail({ ...base, status }, 'sv').subject));
    expect(subjects.size).toBe(statuses.length);
  });
});

describe('PRT-2 / PRT-4 invitation email', () => {
  it.each(LANGUAGES)('PRT-4 lists what authorizing grants (%s)', (language) => {
    const { grants } = catalogueFor(language).common;
    const { text } = renderEmail({ kind: 'partnership.invitation', ...invitation }, language);
    for (const grant of [grants.placeOrders, grants.addSubscriptions, grants.delegatedAdmin]) expect(text).toContain(grant);
    expect(text).toContain(inviteLink);
  });

  it('PRT-2 the German invitation uses the Partner Center words', () => {
    const { text } = renderEmail({ kind: 'partnership.invitation', ...invitation }, 'de');
    expect(text).toContain('indirekter Anbieter');
    expect(text).toContain('delegierte Administratorrechte');
  });

  it('PRT-2 without a personal note there is no quote block', () => {
    const { message: _note, ...withoutNote } = invitation;
    const email = renderEmail({ kind: 'partnership.invitation', ...withoutNote }, 'en');
    expect(email.text).not.toContain('Personal message');
    expect(email.html).not.toContain('<blockquote');
  });
});

describe('ENR-12 undeliverable primary contact', () => {
  it.each(['bounce', 'complaint'] as const)('ENR-12 after a %s: reminders stopped, change the contact in the portal', (cause) => {
    const e = catalogueFor('en').emails.contactUndeliverable;
    const { text } = renderEmail(
      { kind: 'enrollment.contact_undeliverable', companyName: 'Contoso GmbH', contactEmail: 'erika@contoso.de', cause, portalUrl },
      'en',
    );
    expect(text).toContain(cause === 'bounce' ? 'could not be delivered' : 'reported as unwanted');
    expect(text).toContain(e.stopped);
    expect(text).toContain(e.next);
    expect(text).toContain(portalUrl);
  });
});
