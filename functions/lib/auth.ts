import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import * as z from 'zod/mini';
import { forbidden, unauthenticated } from './errors.js';
import { requestState } from './request-state.js';

import { roles, type Caller, type Role } from '#domain/caller.js';

export { roles, type Caller, type Role };

/**
 * API Gateway's JWT authorizer hands claims on as strings; array claims arrive as
 * "[a b c]". Accept both shapes so the same code reads AWS and the local gateway.
 */
const roleClaim = z.pipe(
  z.transform((value: unknown) => {
    if (Array.isArray(value)) return value as unknown[];
    if (typeof value === 'string') return value.replace(/^\[|\]$/g, '').split(/[\s,]+/).filter(Boolean);
    return value;
  }),
  z.array(z.string()),
);

const claimsSchema = z.object({
  sub: z.string().check(z.minLength(1)),
  email: z.string().check(z.minLength(3)),
  tid: z.string().check(z.minLength(1)),
  tenant_ctry: z.string().check(z.regex(/^[A-Za-z]{2}$/)),
  roles: z._default(roleClaim, []),
});

type JwtEvent = APIGatewayProxyEventV2 & {
  requestContext: { authorizer?: { jwt?: { claims?: Record<string, unknown> } } };
};

/** Reads the caller from the authorizer's claims; undefined when absent or malformed. */
export function callerFrom(event: APIGatewayProxyEventV2): Caller | undefined {
  return callerFromClaims((event as JwtEvent).requestContext.authorizer?.jwt?.claims);
}

/**
 * The caller named by a token's claims — as the JWT authorizer passes them on, or as a
 * verified JWT payload (the session cookie); undefined when absent or malformed.
 */
export function callerFromClaims(claims: unknown): Caller | undefined {
  const parsed = claimsSchema.safeParse(claims ?? {});
  if (!parsed.success) return undefined;
  const known = parsed.data.roles.filter((r): r is Role => (roles as readonly string[]).includes(r));
  return {
    sub: parsed.data.sub,
    email: parsed.data.email.toLowerCase(),
    tenantId: parsed.data.tid,
    tenantCountry: parsed.data.tenant_ctry.toUpperCase(),
    roles: known,
  };
}

export const hasAnyRole = (caller: Caller, wanted: readonly Role[]): boolean =>
  wanted.some((role) => caller.roles.includes(role));

/**
 * Middleware: who calls, and may they? On `jwt` routes a caller is required (401) — the
 * authorizer already checked the token on AWS; this also covers a misrouted call — and a
 * route's roles are checked here, once, for every route (403 citing the route's rule).
 */
export function authorize(route: { auth: 'jwt' | 'public'; roles?: readonly Role[]; roleRule?: string }): MiddlewareObj<APIGatewayProxyEventV2> {
  return {
    before: function authorizeBefore({ event }) {
      const caller = callerFrom(event);
      if (route.auth === 'jwt' && !caller) throw unauthenticated();
      if (caller && route.roles && !hasAnyRole(caller, route.roles)) {
        throw forbidden('role_not_allowed', `This action needs one of the roles: ${route.roles.join(', ')}.`, route.roleRule);
      }
      if (caller) requestState(event).caller = caller;
    },
  };
}
