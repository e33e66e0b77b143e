import { createHash } from 'node:crypto';

/**
 * Emailed links (ARCHITECTURE principle 2), the pure half: kinds, what is stored, and
 * whether a stored link is live. A token is 256 bits (the HMAC of a random per-link nonce
 * under the link key, see the Links port); only its SHA-256 and the nonce are stored, so
 * a reader of the table cannot forge or recover a link, while a reminder can name the very
 * same link again (ENR-10).
 */
export const linkKinds = ['verify', 'invitation', 'customer-invitation'] as const;
export type LinkKind = (typeof linkKinds)[number];

/** What is stored under a link's hash. */
export interface LinkRecord {
  kind: LinkKind;
  subjectId: string;
  generation: number;
  expiresAt: string;
}

/** A freshly issued link: the token goes into the email only; hash and nonce are stored. */
export interface IssuedLink {
  token: string;
  hash: string;
  nonce: string;
}

/** The link an entity carries for its current generation. */
export interface EntityLink {
  generation: number;
  hash: string;
  nonce: string;
  issuedAt: string;
  expiresAt: string;
}

/** Only this hash of a link token is ever stored. */
export const hashToken = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

/** A syntactically possible token (43 base64url characters); anything else is unknown. */
export const isWellFormedToken = (token: string): boolean => /^[A-Za-z0-9_-]{43}$/.test(token);

/**
 * ENR-7 / PRT-10: a link of this kind, unexpired at `now`. Whether it is still unused is the
 * entity's to say (principle 2, links carry secrets, not state): it is current only while
 * its entity awaits the answer of this link's generation, and the answer's versioned change
 * ends that.
 */
export const isLive = (link: LinkRecord | undefined, kind: LinkKind, now: string): link is LinkRecord => link !== undefined && link.kind === kind && link.expiresAt > now;

/** The entity's next link generation, valid `seconds` from `now`. */
export function nextEntityLink(issued: IssuedLink, previousGeneration: number, now: string, seconds: number): EntityLink {
  return { generation: previousGeneration + 1, hash: issued.hash, nonce: issued.nonce, issuedAt: now, expiresAt: plusSeconds(now, seconds) };
}

export const plusSeconds = (iso: string, seconds: number): string => new Date(Date.parse(iso) + seconds * 1000).toISOString();
