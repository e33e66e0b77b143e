import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { httpRoutes } from '#api/routes.js';
import { AgreementAcceptInput, isWellFormedText } from '#api/schemas.js';
import { bodyExamples } from '../support/route-examples.js';

/** Every string leaf of a JSON value, with a setter for a copy. */
function stringLeaves(value: unknown, path: (string | number)[] = []): { path: (string | number)[]; value: string }[] {
  if (typeof value === 'string') return [{ path, value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringLeaves(v, [...path, i]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => stringLeaves(v, [...path, k]));
  return [];
}

function withLeaf(value: unknown, path: (string | number)[], leaf: unknown): unknown {
  if (path.length === 0) return leaf;
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let at = copy;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
  at[path.at(-1)!] = leaf;
  return copy;
}

/** Characters no request string may carry (issue 14). */
const forbidden = fc.constantFrom(
  '\ud800', // lone high surrogate
  '\udfff', // lone low surrogate
  '\u0000',
  '\u001b',
  '\u007f',
  '\u0085',
  '\u009b',
  '\u061c',
  '\u200e',
  '\u200f',
  '\u202a',
  '\u202b',
  '\u202c',
  '\u202d',
  '\u202e',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
);

const bodyRoutes = httpRoutes.filter((r) => r.body);

describe('request schemas of every route', () => {
  it('every route that reads a body has a valid example to fuzz from', () => {
    for (const route of bodyRoutes) {
      const example = bodyExamples[route.name];
      expect(example, route.name).toBeDefined();
      const parsed = route.body!.safeParse(example);
      expect(parsed.success, `${route.name}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
    }
  });

  const textRoutes = bodyRoutes.filter((r) => stringLeaves(bodyExamples[r.name]).length > 0);
  it('every route but the yes/no ones reads text', () => {
    expect(bodyRoutes.filter((r) => !textRoutes.includes(r)).map((r) => r.name)).toEqual(['accept-invitation']);
  });

  it.each(textRoutes.map((r) => [r.name, r] as const))('%s refuses a lone surrogate, a control or a bidi control in any string field', (_name, route) => {
    const example = bodyExamples[route.name]!;
    const leaves = stringLeaves(example);
    fc.assert(
      fc.property(fc.constantFrom(...leaves), forbidden, fc.nat(), (leaf, bad, at) => {
        const position = at % (leaf.value.length + 1);
        const value = leaf.value.slice(0, position) + bad + leaf.value.slice(position);
        return !route.body!.safeParse(withLeaf(example, leaf.path, value)).success;
      }),
      { numRuns: 200 },
    );
  });

  it('the shared text helper accepts well-formed text, line breaks only where multi-line', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        const clean = s.replace(/[\p{Cc}\p{Bidi_Control}\u2028\u2029]/gu, '');
        return isWellFormedText(clean) && isWellFormedText(`${clean}\n`, true) && !isWellFormedText(`${clean}\n`);
      }),
    );
  });

  it('version and enum-like fields match exactly: a padded or case-folded value is never the real one', () => {
    const padded = AgreementAcceptInput.safeParse({ version: ' 2026-10', accept: true });
    // Kept as sent, so MPA-1 refuses it as not the current version instead of accepting 2026-10.
    expect(padded.success && padded.data.version).toBe(' 2026-10');
    for (const route of bodyRoutes) {
      const example = bodyExamples[route.name]!;
      for (const leaf of stringLeaves(example)) {
        for (const variant of [` ${leaf.value}`, `${leaf.value} `, leaf.value.toUpperCase()]) {
          if (variant === leaf.value) continue;
          const parsed = route.body!.safeParse(withLeaf(example, leaf.path, variant));
          if (!parsed.success) continue;
          // Accepted: then only as a name is trimmed or an address/country normalised, never an enum silently mapped.
          const out = stringLeaves(parsed.data).find((l) => JSON.stringify(l.path) === JSON.stringify(leaf.path));
          const enumLike = ['type', 'status', 'outcome', 'language', 'version'].includes(String(leaf.path.at(-1)));
          if (enumLike) expect(out?.value, `${route.name} ${leaf.path.join('.')}`).toBe(variant);
        }
      }
    }
  });
});
