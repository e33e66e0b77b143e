/**
 * CUS-2: the customer admin's temporary password. The identity service keeps only its own
 * hash; the program generates the password, hands it to the identity service and shows it
 * once in the creating response. The policy here is the customer user pool's
 * (`infra/identity.ts` builds the pool from it, locally and in the CDK stack), so a
 * generated password is never refused.
 */
export interface PasswordPolicy {
  minimumLength: number;
  requireLowercase: boolean;
  requireUppercase: boolean;
  requireNumbers: boolean;
  requireSymbols: boolean;
  /** Days a temporary password works before an administrator has to set a new one. */
  temporaryPasswordValidityDays: number;
}

/** The customer user pool's password policy. */
export const customerPasswordPolicy: PasswordPolicy = {
  minimumLength: 12,
  requireLowercase: true,
  requireUppercase: true,
  requireNumbers: true,
  requireSymbols: true,
  temporaryPasswordValidityDays: 7,
};

/** Cognito's longest password. */
export const maximumPasswordLength = 256;

/** What Cognito counts as a symbol in a password policy. */
const policySymbols = new Set('^$*.[]{}()?"!@#%&/\\,><\':;|_~`=+-');

/** Generated passwords are typed by a person: no look-alikes (0/O, 1/l/I), symbols that are easy to type. */
const generatedClasses = {
  lowercase: 'abcdefghijkmnpqrstuvwxyz',
  uppercase: 'ABCDEFGHJKLMNPQRSTUVWXYZ',
  numbers: '23456789',
  symbols: '!#%*+-=?@^_',
} as const;

/** Length of a generated temporary password: ~96 bits over a 67-character alphabet. */
export const temporaryPasswordLength = 16;

/** A uniform integer in [0, maxExclusive); the CSPRNG in production (`crypto.randomInt`). */
export type RandomInt = (maxExclusive: number) => number;

/** The rules of `policy` that `password` breaks, in words; empty when it meets the policy. */
export function passwordPolicyViolations(password: string, policy: PasswordPolicy = customerPasswordPolicy): string[] {
  const out: string[] = [];
  const length = [...password].length;
  if (length < policy.minimumLength) out.push(`at least ${policy.minimumLength} characters`);
  if (length > maximumPasswordLength) out.push(`at most ${maximumPasswordLength} characters`);
  if (/^\s|\s$/.test(password)) out.push('no leading or trailing space');
  if (policy.requireLowercase && !/[a-z]/.test(password)) out.push('a lowercase letter');
  if (policy.requireUppercase && !/[A-Z]/.test(password)) out.push('an uppercase letter');
  if (policy.requireNumbers && !/[0-9]/.test(password)) out.push('a number');
  if (policy.requireSymbols && ![...password].some((c) => policySymbols.has(c))) out.push('a symbol');
  return out;
}

/**
 * A temporary password that meets `policy`: one character of every required class, the
 * rest from all classes, then shuffled (Fisher–Yates), every choice from `random`.
 */
export function generateTemporaryPassword(random: RandomInt, policy: PasswordPolicy = customerPasswordPolicy): string {
  const pick = (chars: string) => chars[random(chars.length)]!;
  const all = Object.values(generatedClasses).join('');
  const chars = [
    policy.requireLowercase ? pick(generatedClasses.lowercase) : undefined,
    policy.requireUppercase ? pick(generatedClasses.uppercase) : undefined,
    policy.requireNumbers ? pick(generatedClasses.numbers) : undefined,
    policy.requireSymbols ? pick(generatedClasses.symbols) : undefined,
  ].filter((c): c is string => c !== undefined);
  const length = Math.min(maximumPasswordLength, Math.max(temporaryPasswordLength, policy.minimumLength));
  while (chars.length < length) chars.push(pick(all));
  for (let i = chars.length - 1; i > 0; i--) {
    const j = random(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join('');
}

/**
 * A password that is shown once and kept nowhere. It prints as `[redacted]` in JSON, string
 * conversion and `util.inspect`, so a log line or an idempotency record that serialises a
 * result by mistake carries no secret; only `reveal()` gives the value (for the one response).
 */
export class TemporaryPassword {
  readonly #value: string;
  constructor(value: string) {
    this.#value = value;
  }
  reveal(): string {
    return this.#value;
  }
  toJSON(): string {
    return '[redacted]';
  }
  toString(): string {
    return '[redacted]';
  }
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return 'TemporaryPassword [redacted]';
  }
}
