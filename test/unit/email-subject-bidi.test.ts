import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderEmail } from '../../functions/messages/emails.js';
import { LANGUAGES } from '../../functions/messages/language.js';

/**
 * Requests refuse bidirectional controls (issue 14); a name stored before that, or from
 * another source, still never reaches a subject raw: U+202E could make a subject read
 * differently from what it says.
 */
const bidi = ['\u061c', '\u200e', '\u200f', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069'];

describe('email subjects carry no bidirectional controls or lone surrogates', () => {
  it('for any name with them, in every language', () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom(...bidi, '\udfff', '\ud800'), fc.string(), fc.constantFrom(...LANGUAGES), (before, bad, after, language) => {
        const { subject } = renderEmail(
          { kind: 'partnership.invitation', providerName: `${before}${bad}${after}`, providerRegionName: 'Europe', link: 'https://p.example/invitations/t', expiresAt: '2026-12-01T00:00:00.000Z' },
          language,
        );
        return subject.isWellFormed() && !/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/.test(subject);
      }),
    );
    const { subject } = renderEmail({ kind: 'partnership.invitation', providerName: 'Evil\u202eKCATTA', providerRegionName: 'Europe', link: 'https://p.example/invitations/t', expiresAt: '2026-12-01T00:00:00.000Z' }, 'en');
    expect(subject).toContain('Evil KCATTA');
  });
});
