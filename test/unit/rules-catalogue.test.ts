/**
 * docs/rules.md cannot drift from the code: its coverage table is what `npm run rules`
 * generates from the files that name each rule, and every rule is named by a test unless
 * it is listed under "Not yet enforced".
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { coverage, rulesFile, withTable } from '../../scripts/rules.js';

const text = readFileSync(rulesFile, 'utf8');
const result = coverage(text);

describe('docs/rules.md', () => {
  it('defines the rule IDs once each, in families', () => {
    expect(result.ids.length).toBeGreaterThan(40);
    expect(new Set(result.ids).size).toBe(result.ids.length);
    for (const family of ['TYP', 'ENR', 'MPA', 'PRT', 'CUS', 'GEN']) expect(result.ids.some((id) => id.startsWith(`${family}-`)), family).toBe(true);
  });

  it('has a coverage table matching the code (run `npm run rules` to regenerate it)', () => {
    expect(withTable(text, result.table)).toBe(text);
  });

  it('names every rule in a test, except the ones listed as not yet enforced', () => {
    expect(result.unproven).toEqual([]);
    expect(result.unknownPending).toEqual([]);
  });
});
