import { createHmac, randomBytes } from 'node:crypto';
import { hashToken, type LinkKind } from '#domain/links.js';
import type { LinkLookup, Links } from '#domain/ports.js';
import { config } from '#lib/config.js';
import { secret } from '#lib/secrets.js';
import { findLink } from './dynamodb/lifecycle-reader.js';

const paths: Record<LinkKind, string> = { verify: '/verify/', invitation: '/invitations/', 'customer-invitation': '/customer-links/' };

async function tokenOf(kind: LinkKind, nonce: string): Promise<string> {
  return createHmac('sha256', await secret('link-signing')).update(`${kind}:${nonce}`).digest('base64url');
}

/**
 * The links port: a token is the HMAC of a random per-link nonce (256 bits from the
 * CSPRNG) under the link key; links are stored under the token's hash in the table.
 */
export const links: Links = {
  async issue(kind) {
    const nonce = randomBytes(32).toString('base64url');
    const token = await tokenOf(kind, nonce);
    return { token, hash: hashToken(token), nonce };
  },
  tokenOf,
  url: (kind, token) => `${config().PUBLIC_BASE_URL.replace(/\/$/, '')}${paths[kind]}${token}`,
  find: findLink,
};

/** Looking links up only: a link's view page needs no key (no secret read) and writes nothing. */
export const linkLookup: LinkLookup = { find: findLink };
