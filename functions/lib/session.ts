import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { callerFromClaims, type Caller } from './auth.js';
import { systemClock } from './clock.js';
import { config } from './config.js';
import { forbidden } from './errors.js';

/**
 * The browser session of the link pages. A person who opens an invitation link signs in
 * (the program's OIDC sign-in on AWS, `/_local/sign-in` locally); the sign-in sets the
 * `pp_session` cookie to an ID token of the program's issuer. Public page routes read it
 * here and verify it like the HTTP API's JWT authorizer verifies bearer tokens: signature
 * against the issuer's JWKS (`JWKS_URL`), issuer, audience and expiry.
 */
export const SESSION_COOKIE = 'pp_session';

/** Where a cookie can be: API Gateway v2 moves it to `cookies`, other callers keep the header. */
export interface CookieSource {
  cookies?: string[] | undefined;
  headers?: Record<string, string | undefined> | undefined;
}

const MAX_TOKEN_LENGTH = 8_192;

/** The raw `pp_session` value, or undefined. */
export function sessionToken(source: CookieSource): string | undefined {
  const header = source.headers?.cookie ?? source.headers?.Cookie;
  const pairs = [...(source.cookies ?? []), ...(header ? header.split(';') : [])];
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at < 0 || pair.slice(0, at).trim() !== SESSION_COOKIE) continue;
    const value = pair.slice(at + 1).trim();
    return value && value.length <= MAX_TOKEN_LENGTH ? value : undefined;
  }
  return undefined;
}

const keySets = new Map<string, ReturnType<typeof createRemoteJWKSet>>();

/** One remote key set per URL per container: jose caches the keys and refetches on an unknown `kid`. */
function keySet(url: string) {
  let set = keySets.get(url);
  if (!set) {
    set = createRemoteJWKSet(new URL(url));
    keySets.set(url, set);
  }
  return set;
}

/** The signed-in caller of a valid session cookie; undefined when there is none or it does not verify. */
export async function sessionCaller(source: CookieSource): Promise<Caller | undefined> {
  const token = sessionToken(source);
  if (!token) return undefined;
  const { JWKS_URL, JWT_ISSUER, JWT_AUDIENCE } = config();
  try {
    const { payload } = await jwtVerify(token, keySet(JWKS_URL), {
      issuer: JWT_ISSUER,
      audience: JWT_AUDIENCE,
      algorithms: ['ES256', 'RS256'],
      currentDate: systemClock.now(),
    });
    return callerFromClaims(payload);
  } catch {
    return undefined;
  }
}

/**
 * Middleware for page routes built with `httpHandler`: API Gateway v2 hands cookies on in
 * `event.cookies` and drops the Cookie header; put them back into the header so the use
 * case finds them in `request.headers`.
 */
export function sessionCookies(): MiddlewareObj<APIGatewayProxyEventV2> {
  return {
    before: function restoreCookieHeader(request) {
      const { event } = request;
      if (!event.cookies?.length) return;
      event.headers = { ...event.headers };
      if (!event.headers.cookie) event.headers.cookie = event.cookies.join('; ');
    },
  };
}

/**
 * CSRF defence for form posts authenticated by the session cookie, on top of
 * `SameSite=Lax`: is this POST from a page of the program's own origin?
 *
 * - A browser that sends Fetch Metadata says where the form was: only `same-origin` passes.
 * - An `Origin` header must be the program's origin. Our pages send no referrer
 *   (`Referrer-Policy: no-referrer`), and with that policy browsers send their form posts
 *   with `Origin: null`; `null` passes only together with `Sec-Fetch-Site: same-origin`.
 * - Neither header (a script, not a browser): passes; the session cookie still has to verify.
 */
export function isSameOriginForm(headers: Record<string, string | string[] | undefined>, expectedOrigin: string): boolean {
  const site = headers['sec-fetch-site'];
  const origin = headers.origin;
  if (site !== undefined && site !== 'same-origin') return false;
  if (origin === undefined || origin === expectedOrigin) return true;
  return origin === 'null' && site === 'same-origin';
}

/** {@link isSameOriginForm} against `PUBLIC_BASE_URL`, else 403. */
export function assertSameOrigin(headers: Record<string, string>): void {
  if (!isSameOriginForm(headers, new URL(config().PUBLIC_BASE_URL).origin)) {
    throw forbidden('cross_origin_form', 'This form can only be sent from the partner program’s own pages.');
  }
}
