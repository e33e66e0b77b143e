import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, jwtVerify, SignJWT, type CryptoKey, type JSONWebKeySet, type JWTPayload } from 'jose';
import { z } from 'zod';

export const localIssuer = 'http://127.0.0.1/_local';
export const localAudience = 'partner-program';

export const TokenRequest = z.strictObject({
  tenantId: z.string().min(1).max(100),
  tenantCountry: z.string().regex(/^[A-Za-z]{2}$/),
  email: z.email(),
  roles: z.array(z.enum(['global_admin', 'user_admin', 'admin_agent', 'sales_agent', 'operator'])),
  sub: z.string().min(1).max(100).optional(),
});

export interface LocalIssuer {
  issue(request: z.output<typeof TokenRequest>, nowSeconds: number): Promise<string>;
  /** Verifies like the HTTP API JWT authorizer: signature, issuer, audience, expiry. */
  verify(token: string, nowSeconds: number): Promise<JWTPayload | undefined>;
  /** The public key as a JSON Web Key Set (served at `GET /_local/jwks.json`). */
  jwks(): Promise<JSONWebKeySet>;
}

/** Signs local tokens with a key generated at start (ES256), named by a `kid` in the JWKS. */
export async function createLocalIssuer(): Promise<LocalIssuer> {
  const { privateKey, publicKey } = (await generateKeyPair('ES256')) as { privateKey: CryptoKey; publicKey: CryptoKey };
  const kid = `local-${randomUUID()}`;
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' };
  return {
    issue: (request, now) =>
      new SignJWT({ email: request.email.toLowerCase(), tid: request.tenantId, tenant_ctry: request.tenantCountry.toUpperCase(), roles: request.roles })
        .setProtectedHeader({ alg: 'ES256', typ: 'JWT', kid })
        .setSubject(request.sub ?? `user-${request.email.toLowerCase()}`)
        .setIssuer(localIssuer)
        .setAudience(localAudience)
        .setIssuedAt(now)
        .setExpirationTime(now + 12 * 3600)
        .sign(privateKey),
    verify: async (token, now) => {
      try {
        const { payload } = await jwtVerify(token, publicKey, { issuer: localIssuer, audience: localAudience, currentDate: new Date(now * 1000), algorithms: ['ES256'] });
        return payload;
      } catch {
        return undefined;
      }
    },
    jwks: async () => ({ keys: [publicJwk] }),
  };
}

/** Claims as the HTTP API JWT authorizer hands them on: strings, arrays as "[a b]". */
export function authorizerClaims(payload: JWTPayload): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(payload)) {
    out[key] = Array.isArray(value) ? `[${value.join(' ')}]` : String(value);
  }
  return out;
}
