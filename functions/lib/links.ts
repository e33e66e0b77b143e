import { createHmac, randomBytes } from 'node:crypto';
import { config } from './config.js';
import { hashToken } from './ids.js';
import { secret } from './secrets.js';

/**
 * Emailed links (ARCHITECTURE principle 2). A link's token is 256 bits: the HMAC of a
 * random per-link nonce (CSPRNG) under the link key. Only the token's SHA-256 and the
 * nonce are stored, so a reader of the table cannot forge or recover a link, while a
 * reminder can name the very same link again (ENR-10).
 */
export type LinkKind = 'verify' | 'invitation';

export interface IssuedLink {
  token: string;
  hash: string;
  nonce: string;
}

export async function linkToken(kind: LinkKind, nonce: string): Promise<string> {
  return createHmac('sha256', await secret('link-signing')).update(`${kind}:${nonce}`).digest('base64url');
}

export async function issueLink(kind: LinkKind): Promise<IssuedLink> {
  const nonce = randomBytes(32).toString('base64url');
  const token = await linkToken(kind, nonce);
  return { token, hash: hashToken(token), nonce };
}

const paths: Record<LinkKind, string> = { verify: '/verify/', invitation: '/invitations/' };

export const linkUrl = (kind: LinkKind, token: string): string => `${config().PUBLIC_BASE_URL.replace(/\/$/, '')}${paths[kind]}${token}`;

/** A syntactically possible token (43 base64url characters); anything else is unknown. */
export const isWellFormedToken = (token: string): boolean => /^[A-Za-z0-9_-]{43}$/.test(token);
