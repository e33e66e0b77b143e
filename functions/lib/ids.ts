import { createHash, randomBytes } from 'node:crypto';

const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** A resource id such as `enr_4fQ…`: a prefix and 22 base62 characters (~131 bits). */
export function newId(prefix: string): string {
  const bytes = randomBytes(22);
  let out = '';
  for (const b of bytes) out += alphabet[b % 62];
  return `${prefix}_${out}`;
}

/** A link secret (ARCHITECTURE principle 2): 256 bits from the CSPRNG, base64url. */
export function newLinkToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Only this hash of a link token is ever stored. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
