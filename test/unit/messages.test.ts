import { describe, expect, it } from 'vitest';
import { catalogueFor, catalogues, fieldLabel } from '../../functions/messages/catalogues.js';
import { en } from '../../functions/messages/en.js';
import { escapeHtml, html, raw } from '../../functions/messages/html.js';
import { LANGUAGES, pickLanguage, type Language } from '../../functions/messages/language.js';
import { cleanValues, oneLine, subjectLine } from '../../functions/messages/text.js';

type Shape = Map<string, string>;

/** Every leaf of a catalogue by dotted path, with its `typeof`; nested objects recurse. */
function shapeOf(value: unknown, path = '', out: Shape = new Map()): Shape {
  if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) shapeOf(child, path ? `${path}.${key}` : key, out);
  } else {
    out.set(path, typeof value);
  }
  return out;
}

/** Differences of a catalogue from the reference one: missing, extra and wrongly typed keys. */
function shapeDifferences(reference: unknown, candidate: unknown): string[] {
  const want = shapeOf(reference);
  const got = shapeOf(candidate);
  const problems: string[] = [];
  for (const [path, type] of want) {
    const actual = got.get(path);
    if (actual === undefined) problems.push(`missing ${path}`);
    else if (actual !== type) problems.push(`${path} is ${actual}, expected ${type}`);
  }
  for (const path of got.keys()) if (!want.has(path)) problems.push(`extra ${path}`);
  return problems;
}

/** A parameter object that answers any property with a marker, to call catalogue functions blindly. */
const anyParams = new Proxy({}, { get: (_target, key) => (key === 'reminderNumber' ? 2 : `«${String(key)}»`) });

/** Every leaf rendered to text: strings as they are, functions called with {@link anyParams}. */
function leavesOf(value: unknown, path = '', out = new Map<string, string>()): Map<string, string> {
  if (typeof value === 'function') out.set(path, String(value(anyParams)));
  else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) leavesOf(child, path ? `${path}.${key}` : key, out);
  } else out.set(path, String(value));
  return out;
}

describe('GEN-2 message catalogues', () => {
  it('GEN-2 the shape check catches a missing nested key, an extra key and a non-function', () => {
    const { copyHint: _dropped, ...linkNeutral } = en.pages.linkNeutral;
    const broken = {
      ...en,
      pages: { ...en.pages, linkNeutral },
      emails: { ...en.emails, verification: { ...en.emails.verification, subject: 'not a function', extra: 'x' } },
    };
    expect(shapeDifferences(en, broken)).toEqual([
      'emails.verification.subject is string, expected function',
      'missing pages.linkNeutral.copyHint',
      'extra emails.verification.extra',
    ]);
  });

  it.each(LANGUAGES.filter((l) => l !== 'en'))('GEN-2 the %s catalogue has exactly the keys and kinds of the English one', (language) => {
    expect(shapeDifferences(en, catalogues[language])).toEqual([]);
  });

  it.each(LANGUAGES)('GEN-2 every %s text is non-empty, and every function returns a string', (language) => {
    for (const [path, text] of leavesOf(catalogues[language])) {
      expect(text.trim(), path).not.toBe('');
      expect(text, path).not.toMatch(/undefined|\[object Object\]/);
    }
  });

  it.each(LANGUAGES.filter((l) => l !== 'en'))('GEN-2 the %s catalogue is translated, not a copy of English', (language) => {
    const english = leavesOf(en);
    const same = [...leavesOf(catalogues[language])].filter(([path, text]) => english.get(path) === text);
    expect(same.map(([path]) => path)).toEqual([]);
  });

  it('GEN-2 uses Microsoft Partner Center vocabulary for the program roles', () => {
    expect(catalogueFor('de').pages.invitationView.authorizeButton).toBe('Indirekten Anbieter autorisieren');
    expect(catalogueFor('sv').pages.invitationView.authorizeButton).toBe('Auktorisera indirekt leverantör');
    expect(catalogueFor('nl').pages.invitationView.authorizeButton).toBe('Indirecte provider autoriseren');
    expect(catalogueFor('de').emails.verification.intro({ requestedBy: 'a', companyName: 'b' })).toContain('indirekten Vertriebspartner');
    expect(catalogueFor('sv').emails.verification.intro({ requestedBy: 'a', companyName: 'b' })).toContain('indirekt återförsäljare');
    expect(catalogueFor('nl').emails.verification.intro({ requestedBy: 'a', companyName: 'b' })).toContain('indirecte reseller');
  });

  it('ENR-8 labels known field paths and shows unknown ones as they are', () => {
    expect(fieldLabel(catalogueFor('de'), 'company.address.postalCode')).toBe('Postleitzahl');
    expect(fieldLabel(catalogueFor('en'), 'company.taxId')).toBe('company.taxId');
    expect(fieldLabel(catalogueFor('en'), 'constructor')).toBe('constructor');
  });
});

describe('GEN-2 pickLanguage', () => {
  const cases: [string | undefined, string | undefined, Language][] = [
    ['de', 'sv-SE,sv;q=0.9', 'de'],
    ['NL', undefined, 'nl'],
    ['sv-SE', 'de', 'sv'],
    ['fr', 'nl-BE,nl;q=0.9,en;q=0.8', 'nl'],
    [undefined, 'de-AT', 'de'],
    [undefined, 'sv-SE', 'sv'],
    [undefined, 'nl-BE', 'nl'],
    [undefined, 'fr-FR,fr;q=0.9,de;q=0.5,en;q=0.4', 'de'],
    [undefined, 'en;q=0.2, sv;q=0.8', 'sv'],
    [undefined, 'de;q=0, nl', 'nl'],
    [undefined, 'nl;q=0.5, de;q=0.5', 'nl'],
    [undefined, 'fr-CA, ja', 'en'],
    [undefined, '*', 'en'],
    [undefined, 'de;q=banana, sv', 'sv'],
    [undefined, '', 'en'],
    [undefined, undefined, 'en'],
    ['', '', 'en'],
  ];
  it.each(cases)('GEN-2 stored %j + Accept-Language %j → %s', (stored, header, expected) => {
    expect(pickLanguage(stored, header)).toBe(expected);
  });
});

describe('html helper', () => {
  it('escapes every interpolation by default', () => {
    const evil = `<script>alert("x")</script>&'`;
    expect(html`<p title="${evil}">${evil}</p>`.toString()).toBe(
      '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;</p>',
    );
  });

  it('keeps nested templates and raw() fragments, joins arrays and drops false/null/undefined', () => {
    const items = ['a<b', 'c'].map((item) => html`<li>${item}</li>`);
    expect(html`<ul>${items}</ul>${false}${null}${undefined}${raw('<br>')}${3}`.toString()).toBe(
      '<ul><li>a&lt;b</li><li>c</li></ul><br>3',
    );
  });

  it('escapeHtml escapes the five special characters', () => {
    expect(escapeHtml(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&#39;');
  });
});

describe('plain-text hygiene', () => {
  it('subject lines never carry CR, LF or other control characters', () => {
    expect(subjectLine('Hello\r\nBcc: evil@x\u0000\u2028there')).toBe('Hello Bcc: evil@x there');
    expect(oneLine('  a\t\tb  ')).toBe('a b');
  });

  it('cleanValues keeps line breaks only under the named keys, recursing into arrays and objects', () => {
    const cleaned = cleanValues(
      { name: 'A\r\nB', message: 'line 1\r\nline 2\u0007', reasons: [{ message: 'x\ny', code: 'c\rd' }], n: 2 },
      ['message'],
    );
    expect(cleaned).toEqual({ name: 'A B', message: 'line 1\nline 2', reasons: [{ message: 'x\ny', code: 'c d' }], n: 2 });
  });
});
