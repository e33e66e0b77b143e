import { randomBytes } from 'node:crypto';
import type { Clock, Ids, Secrets } from '#domain/ports.js';
import { systemClock } from '#lib/clock.js';
import { secret } from '#lib/secrets.js';

/** The process clock (moved forward by the local cloud's `/_local/clock`, never on AWS). */
export const clock: Clock = systemClock;

const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Resource ids: a prefix and 22 base62 characters from the CSPRNG (~131 bits). */
export const ids: Ids = {
  newId(prefix) {
    let out = '';
    for (const b of randomBytes(22)) out += alphabet[b % 62];
    return `${prefix}_${out}`;
  },
};

export const secrets: Secrets = { get: secret };
