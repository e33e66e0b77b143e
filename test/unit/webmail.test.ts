import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isWebmailAddress,
  isWebmailDomain,
  normaliseEmail,
  webmailProviderOf,
  webmailProviders,
} from '#domain/webmail.js';

/** Domains of every provider ENR-4 names, including brand domains under country TLDs. */
const webmailDomains = [
  'gmail.com',
  'googlemail.com',
  'yahoo.com',
  'yahoo.de',
  'yahoo.co.uk',
  'yahoo.com.au',
  'yahoo.co.jp',
  'ymail.com',
  'rocketmail.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'aol.com',
  'aol.de',
  'aol.co.uk',
  'aim.com',
  'outlook.com',
  'outlook.se',
  'outlook.com.br',
  'hotmail.com',
  'hotmail.de',
  'hotmail.co.uk',
  'live.com',
  'live.nl',
  'msn.com',
  'passport.com',
  'windowslive.com',
] as const;

/** Company domains that merely contain a provider's name. */
const lookAlikeCompanyDomains = [
  'notgmail.com',
  'mygmail.com',
  'gmail.company.de',
  'gmail.com.example',
  'live-events.com',
  'outlookconsulting.com',
  'live.company.de',
  'hotmail.example.co.uk',
  'yahoo.example.com',
  'outlook.contoso.com',
  'icloud.com.evil.example',
  'me.example',
  'mac.contoso.com',
  'aol-partners.de',
  'msn.example',
  'contoso.com',
] as const;

const label = fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,14}[a-z0-9])?$/).filter((l) => !l.startsWith('xn--'));
const localPart = fc.stringMatching(/^[a-z0-9+_-]{1,10}(?:\.[a-z0-9+_-]{1,10}){0,2}$/);
const brandWords = webmailProviders.flatMap((p) => [...p.brands, ...p.domains.map((d) => d.split('.')[0] ?? '')]);

function toFullwidth(text: string): string {
  return text.replace(/[a-z0-9.]/g, (c) => (c === '.' ? '\uff0e' : String.fromCodePoint(c.codePointAt(0)! + 0xfee0)));
}

describe('ENR-4 primary contact email: webmail domains', () => {
  it.each(webmailDomains)('ENR-4 rejects addresses at %s', (domain) => {
    expect(isWebmailDomain(domain)).toBe(true);
    expect(isWebmailAddress(`jane.doe@${domain}`)).toBe(true);
  });

  it.each(lookAlikeCompanyDomains)('ENR-4 accepts company domain %s', (domain) => {
    expect(isWebmailDomain(domain)).toBe(false);
    expect(isWebmailAddress(`jane.doe@${domain}`)).toBe(false);
  });

  it('ENR-4 rejects subdomains of webmail domains', () => {
    expect(isWebmailDomain('mail.gmail.com')).toBe(true);
    expect(isWebmailDomain('x.hotmail.co.uk')).toBe(true);
    expect(isWebmailAddress('a@eu.mail.yahoo.co.jp')).toBe(true);
  });

  it('ENR-4 rejects regardless of letter case', () => {
    expect(isWebmailAddress('Jane.Doe@GMAIL.COM')).toBe(true);
    expect(isWebmailDomain('HotMail.Co.UK')).toBe(true);
  });

  it('ENR-4 rejects a trailing root dot', () => {
    expect(isWebmailAddress('jane@gmail.com.')).toBe(true);
    expect(isWebmailDomain('live.nl.')).toBe(true);
  });

  it('ENR-4 rejects forms that IDNA folds to a webmail domain', () => {
    expect(isWebmailAddress('jane@ｇｍａｉｌ.com')).toBe(true); // full-width letters
    expect(isWebmailAddress('jane@ＧＭＡＩＬ．ＣＯＭ')).toBe(true); // full-width capitals and full stop
    expect(isWebmailAddress('jane@gmail。com')).toBe(true); // ideographic full stop
    expect(isWebmailAddress('jane@gma\u00adil.com')).toBe(true); // soft hyphen is ignored
    expect(isWebmailAddress('jane@gmail\u200b.com')).toBe(true); // zero-width space is ignored
  });

  it('ENR-4 accepts look-alikes that IDNA keeps distinct (they are other domains)', () => {
    expect(isWebmailAddress('jane@GMAİL.com')).toBe(false); // dotted capital I → xn--gmail-bgd.com
    expect(isWebmailAddress('jane@gmaıl.com')).toBe(false); // dotless i → xn--gmal-nza.com
    expect(isWebmailDomain('xn--gmail-bgd.com')).toBe(false);
  });

  it('ENR-4 names the provider', () => {
    expect(webmailProviderOf('googlemail.com')).toBe('Gmail');
    expect(webmailProviderOf('yahoo.co.jp')).toBe('Yahoo Mail');
    expect(webmailProviderOf('me.com')).toBe('iCloud Mail');
    expect(webmailProviderOf('aim.com')).toBe('AOL Mail');
    expect(webmailProviderOf('live.nl')).toBe('Outlook.com');
    expect(webmailProviderOf('contoso.com')).toBeUndefined();
  });

  it('ENR-4 does not treat a malformed address as webmail (format is checked separately)', () => {
    expect(normaliseEmail('jane@gmail.com/x')).toBeUndefined();
    expect(isWebmailAddress('jane@gmail.com/x')).toBe(false);
    expect(isWebmailAddress('gmail.com')).toBe(false);
    expect(isWebmailDomain('')).toBe(false);
  });
});

describe('ENR-4 primary contact email: properties', () => {
  it('ENR-4 rejects any subdomain of a webmail domain', () => {
    fc.assert(
      fc.property(fc.array(label, { minLength: 1, maxLength: 4 }), fc.constantFrom(...webmailDomains), localPart, (subdomain, domain, local) => {
        const host = `${subdomain.join('.')}.${domain}`;
        expect(isWebmailDomain(host)).toBe(true);
        expect(isWebmailAddress(`${local}@${host}`)).toBe(true);
      }),
    );
  });

  it('ENR-4 rejects any case permutation of a webmail domain', () => {
    fc.assert(
      fc.property(fc.mixedCase(fc.constantFrom(...webmailDomains)), localPart, (domain, local) => {
        expect(isWebmailDomain(domain)).toBe(true);
        expect(isWebmailAddress(`${local}@${domain}`)).toBe(true);
      }),
    );
  });

  it('ENR-4 rejects a webmail domain written in full-width characters', () => {
    fc.assert(
      fc.property(fc.constantFrom(...webmailDomains), (domain) => {
        expect(isWebmailDomain(toFullwidth(domain))).toBe(true);
      }),
    );
  });

  it('ENR-4 never rejects a company domain, even with provider names as subdomain labels', () => {
    const subLabel = fc.oneof(label, fc.constantFrom(...brandWords, 'mail', 'com', 'co', 'uk'));
    const companyLabel = label.filter((l) => !brandWords.includes(l));
    fc.assert(
      fc.property(fc.array(subLabel, { maxLength: 3 }), companyLabel, localPart, (subdomain, company, local) => {
        const host = [...subdomain, company, 'example'].join('.');
        expect(isWebmailDomain(host)).toBe(false);
        expect(isWebmailAddress(`${local}@${host}`)).toBe(false);
      }),
    );
  });
});

describe('ENR-4 normaliseEmail', () => {
  it('ENR-4 lower-cases and IDNA-encodes the domain and keeps the local part as written', () => {
    expect(normaliseEmail('Jane.Doe@ＥＸＡＭＰＬＥ.Com')).toEqual({ local: 'Jane.Doe', domain: 'example.com' });
    expect(normaliseEmail('info@Bücher.de')).toEqual({ local: 'info', domain: 'xn--bcher-kva.de' });
    expect(normaliseEmail('jörg@example.de')).toEqual({ local: 'jörg', domain: 'example.de' });
  });

  it('ENR-4 drops a trailing root dot and surrounding whitespace', () => {
    expect(normaliseEmail('  jane@example.com.  ')).toEqual({ local: 'jane', domain: 'example.com' });
  });

  it.each([
    '',
    'no-at-sign',
    '@example.com',
    'jane@',
    'jane@example',
    'jane@localhost',
    'jane@1.2.3.4',
    'jane@[192.0.2.1]',
    'jane@exa mple.com',
    'jane@gm%61il.com',
    'jane@example.com:25',
    'jane@-example.com',
    'jane@example-.com',
    'jane@example..com',
    'jane@.example.com',
    'jane@ex_ample.com',
    `jane@${'a'.repeat(64)}.com`,
    `${'a'.repeat(65)}@example.com`,
    'ja ne@example.com',
    '.jane@example.com',
    'jane.@example.com',
    'ja..ne@example.com',
    '"jane"@example.com',
    'jane\u0000@example.com',
    'a@b@example.com',
  ])('ENR-4 refuses malformed address %j', (email) => {
    expect(normaliseEmail(email)).toBeUndefined();
  });

  it('ENR-4 normalising twice changes nothing', () => {
    fc.assert(
      fc.property(localPart, fc.array(fc.mixedCase(label), { minLength: 1, maxLength: 3 }), (local, labels) => {
        const once = normaliseEmail(`${local}@${labels.join('.')}.Example`);
        expect(once).toEqual({ local, domain: `${labels.join('.').toLowerCase()}.example` });
        expect(normaliseEmail(`${once!.local}@${once!.domain}`)).toEqual(once);
      }),
    );
  });
});
