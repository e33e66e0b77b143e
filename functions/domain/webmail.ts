/**
 * ENR-4: the primary contact's email must not be on a web-based mail service.
 *
 * Matching works on the domain after IDNA (UTS #46, as WHATWG URL hosts do) — so case,
 * full-width forms (`ｇｍａｉｌ.com`), ideographic full stops (`gmail。com`) and ignorable
 * characters (soft hyphen, zero-width space) fold to the ASCII domain mail is delivered to
 * — and a trailing root dot is dropped. Look-alikes that IDNA does NOT fold (`gmaıl.com`
 * with a dotless ı, `GMAİL.com` with a dotted capital İ → `xn--gmail-bgd.com`) are other
 * domains; mail to them never reaches the provider, so they are not webmail.
 */
import { domainToASCII } from 'node:url';

/** A web-based mail service named by ENR-4 and the domains it hands out. */
export interface WebmailProvider {
  readonly name: string;
  /** Exact registrable domains; any subdomain of them matches too. */
  readonly domains: readonly string[];
  /**
   * Brand labels used under many country domains: `<brand>.<tld>` and
   * `<brand>.<generic second level>.<country tld>` (`hotmail.de`, `yahoo.co.jp`,
   * `outlook.com.br`), and any subdomain of those.
   */
  readonly brands: readonly string[];
}

/** ENR-4: the web-based mail services and their sibling domains. */
export const webmailProviders: readonly WebmailProvider[] = [
  { name: 'Gmail', domains: ['gmail.com', 'googlemail.com'], brands: [] },
  { name: 'Yahoo Mail', domains: ['ymail.com', 'rocketmail.com'], brands: ['yahoo'] },
  { name: 'iCloud Mail', domains: ['icloud.com', 'me.com', 'mac.com'], brands: [] },
  { name: 'AOL Mail', domains: ['aim.com'], brands: ['aol'] },
  {
    name: 'Outlook.com',
    // passport.com: legacy Microsoft account addresses, still delivered by Outlook.com.
    domains: ['msn.com', 'passport.com', 'windowslive.com'],
    brands: ['outlook', 'hotmail', 'live'],
  },
];

/**
 * Second-level labels under which country registries sell names to anyone
 * (`co.uk`, `com.au`, `co.jp`, `ne.jp`, `or.kr`, `net.br`, `org.mx`). Deliberately short:
 * `live.company.de` must not match, so arbitrary labels never count as a public suffix.
 */
const genericSecondLevels: ReadonlySet<string> = new Set(['co', 'com', 'ne', 'net', 'or', 'org']);

const exactDomains: ReadonlyMap<string, string> = new Map(
  webmailProviders.flatMap((p) => p.domains.map((d) => [d, p.name] as const)),
);
const brandLabels: ReadonlyMap<string, string> = new Map(
  webmailProviders.flatMap((p) => p.brands.map((b) => [b, p.name] as const)),
);

const ldhLabel = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const topLevelLabel = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;
const countryTopLevelLabel = /^[a-z]{2}$/;
/** ASCII characters allowed in a domain before IDNA; anything else ASCII (`/`, `%`, `:`, `_`, space…) is malformed. */
const rawAsciiOutsideLdh = /[\u0000-\u002c\u002f\u003a-\u0040\u005b-\u0060\u007b-\u007f]/;
/** RFC 5322 dot-atom local part, with UTF-8 (RFC 6531) characters allowed. */
const dotAtomLocalPart = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~\u0080-\u{10FFFF}-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~\u0080-\u{10FFFF}-]+)*$/u;
const unicodeControlOrSpace = /[\p{Cc}\p{Cf}\p{Z}]/u;

/**
 * The ASCII (A-label), lower-case form of a mail domain, or `undefined` when it is not a
 * usable host name: IDNA-mapped, trailing dots dropped, LDH labels of 1–63 characters,
 * at most 253 characters, at least two labels, an alphabetic (or `xn--`) top-level label.
 * IP literals and `[…]` address literals are refused.
 */
function asciiDomain(domain: string): string | undefined {
  if (domain === '' || rawAsciiOutsideLdh.test(domain) || !domain.isWellFormed()) return undefined;
  const ascii = domainToASCII(domain).replace(/\.+$/, '');
  if (ascii === '' || ascii.length > 253) return undefined;
  const labels = ascii.split('.');
  if (labels.length < 2 || !labels.every((label) => ldhLabel.test(label))) return undefined;
  if (!topLevelLabel.test(labels[labels.length - 1] ?? '')) return undefined;
  return ascii;
}

function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}

/**
 * Splits and normalises an email address (ENR-2, ENR-4): surrounding whitespace is
 * trimmed, the local part is kept as written (it is case-sensitive by RFC 5321), the
 * domain is IDNA-normalised to lower-case ASCII without a trailing dot.
 * Returns `undefined` for anything malformed: no `@`, an empty or over-long (> 64 octets)
 * local part, a quoted or otherwise non-dot-atom local part, a domain that is not a
 * usable host name (see above), or a total length over 254.
 */
export function normaliseEmail(email: string): { local: string; domain: string } | undefined {
  const trimmed = email.trim();
  const at = trimmed.lastIndexOf('@');
  if (at <= 0) return undefined;
  const local = trimmed.slice(0, at);
  if (!local.isWellFormed() || unicodeControlOrSpace.test(local) || !dotAtomLocalPart.test(local)) {
    return undefined;
  }
  if (utf8Length(local) > 64) return undefined;
  const domain = asciiDomain(trimmed.slice(at + 1));
  if (domain === undefined) return undefined;
  if (utf8Length(local) + 1 + domain.length > 254) return undefined;
  return { local, domain };
}

/**
 * ENR-4: the web-based mail service a domain belongs to, or `undefined`.
 * Matches the provider's domains and their subdomains (`mail.gmail.com`), and brand
 * domains under any top-level domain (`hotmail.de`, `live.nl`, `yahoo.co.jp`,
 * `x.hotmail.co.uk`). Does not match look-alikes that merely contain a name
 * (`notgmail.com`, `gmail.company.de`, `live-events.com`, `outlookconsulting.com`).
 * Malformed domains give `undefined`.
 */
export function webmailProviderOf(domain: string): string | undefined {
  const ascii = asciiDomain(domain);
  if (ascii === undefined) return undefined;
  const labels = ascii.split('.');
  for (let i = 0; i < labels.length - 1; i++) {
    const exact = exactDomains.get(labels.slice(i).join('.'));
    if (exact !== undefined) return exact;
    const brand = brandLabels.get(labels[i] ?? '');
    if (brand !== undefined && isPublicSuffix(labels.slice(i + 1))) return brand;
  }
  return undefined;
}

/** `de`, `com` (any top-level label) or `co.uk`, `com.au` (a generic second level under a country code). */
function isPublicSuffix(labels: readonly string[]): boolean {
  const [first, second] = labels;
  if (labels.length === 1) return first !== undefined && topLevelLabel.test(first);
  if (labels.length === 2 && first !== undefined && second !== undefined) {
    return genericSecondLevels.has(first) && countryTopLevelLabel.test(second);
  }
  return false;
}

/** ENR-4: whether the domain (or a subdomain of it) is a web-based mail service's. */
export function isWebmailDomain(domain: string): boolean {
  return webmailProviderOf(domain) !== undefined;
}

/**
 * ENR-4: whether the address is on a web-based mail service. A malformed address gives
 * `false` — format is checked separately (use {@link normaliseEmail}).
 */
export function isWebmailAddress(email: string): boolean {
  const parts = normaliseEmail(email);
  return parts !== undefined && isWebmailDomain(parts.domain);
}
