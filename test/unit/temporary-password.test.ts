import { randomInt } from 'node:crypto';
import { inspect } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  customerPasswordPolicy,
  generateTemporaryPassword,
  passwordPolicyViolations,
  TemporaryPassword,
  temporaryPasswordLength,
  type PasswordPolicy,
} from '../../functions/domain/temporary-password.js';

/** A random source that replays `draws` (then zeros), each taken modulo the range asked for. */
const replay = (draws: number[]) => {
  let i = 0;
  return (max: number) => (draws[i++] ?? 0) % max;
};

const policies = fc.record({
  minimumLength: fc.integer({ min: 1, max: 64 }),
  requireLowercase: fc.boolean(),
  requireUppercase: fc.boolean(),
  requireNumbers: fc.boolean(),
  requireSymbols: fc.boolean(),
  temporaryPasswordValidityDays: fc.constant(7),
}) satisfies fc.Arbitrary<PasswordPolicy>;

describe('CUS-2 temporary password', () => {
  it('meets the customer pool policy whatever the random source draws', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 64 }), (draws) => {
        const password = generateTemporaryPassword(replay(draws));
        expect(passwordPolicyViolations(password, customerPasswordPolicy)).toEqual([]);
        expect(password).toHaveLength(temporaryPasswordLength);
      }),
      { numRuns: 500 },
    );
  });

  it('meets any policy it is generated for', () => {
    fc.assert(
      fc.property(policies, fc.array(fc.nat(), { maxLength: 80 }), (policy, draws) => {
        const password = generateTemporaryPassword(replay(draws), policy);
        expect(passwordPolicyViolations(password, policy)).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it('uses only characters a person can tell apart and type', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 64 }), (draws) => {
        expect(generateTemporaryPassword(replay(draws))).toMatch(/^[a-km-np-zA-HJ-NP-Z2-9!#%*+\-=?@^_]+$/);
      }),
    );
  });

  it('takes every character from the random source: the CSPRNG gives a new password each time', () => {
    const seen = new Set(Array.from({ length: 200 }, () => generateTemporaryPassword((max) => randomInt(max))));
    expect(seen.size).toBe(200);
  });

  it('names each rule a password breaks', () => {
    expect(passwordPolicyViolations('short')).toEqual(['at least 12 characters', 'an uppercase letter', 'a number', 'a symbol']);
    expect(passwordPolicyViolations('ALLUPPERCASE123!')).toEqual(['a lowercase letter']);
    expect(passwordPolicyViolations(' Leading-space-1')).toEqual(['no leading or trailing space']);
    expect(passwordPolicyViolations('Good-enough-pw-1')).toEqual([]);
  });

  it('prints as [redacted] however it is logged or serialised; only reveal() gives the value', () => {
    const secret = new TemporaryPassword('Sup3r-Secret-pw!');
    const printed = [JSON.stringify({ secret }), String(secret), `${secret}`, inspect({ secret }), inspect(secret, { showHidden: true, depth: 5 })];
    for (const text of printed) expect(text).not.toContain('Sup3r');
    expect(secret.reveal()).toBe('Sup3r-Secret-pw!');
  });
});
