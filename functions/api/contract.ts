import type * as z from 'zod/mini';
import type { Role } from '#lib/auth.js';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * A route of API.md as data: the handler wrapper validates against it, the catalogue
 * deploys it, and `GET /openapi.json` is generated from it.
 */
export type Auth = 'jwt' | 'public';

export interface RouteContract<
  P extends z.ZodMiniType = z.ZodMiniType,
  Q extends z.ZodMiniType = z.ZodMiniType,
  B extends z.ZodMiniType = z.ZodMiniType,
  A extends Auth = Auth,
> {
  /** kebab-case; also the function's name and its handler file under functions/handlers/http/. */
  name: string;
  method: Method;
  path: string;
  auth: A;
  /** Roles allowed; absent = any signed-in user (or anyone, for public routes). */
  roles?: readonly Role[];
  /** The rule a wrong role violates (cited in the 403). */
  roleRule?: string;
  summary: string;
  tag: string;
  params?: P;
  query?: Q;
  body?: B;
  /** Response description per status, for the OpenAPI document. */
  responses: Record<number, string>;
  /** Answers HTML (link pages) rather than JSON; its POST reads an HTML form. */
  html?: boolean;
  /** Reads an HTML form (`application/x-www-form-urlencoded`) though it may answer JSON. */
  form?: boolean;
  /** Mutating JSON routes honour Idempotency-Key (GEN-3); on by default for non-GET. */
  idempotent?: boolean;
  /**
   * GEN-3: what a retry with the same key answers instead of the first response, e.g. the
   * same resource without a one-time secret. The replay form is what the idempotency record
   * stores, so the secret is never kept.
   */
  replay?: (first: { status: number; json: unknown }) => { status: number; json: unknown };
  /** Caps concurrent executions on AWS where abuse could cost money. */
  reservedConcurrency?: number;
}

/**
 * Declares a route contract (it only infers the types). The route modules call it as
 * `/* @__PURE__ *\/ route({…})`: a call esbuild may drop when nothing uses its result, so a
 * function's bundle keeps its own contract, not every contract of the module.
 */
export const route = <P extends z.ZodMiniType, Q extends z.ZodMiniType, B extends z.ZodMiniType, A extends Auth>(
  contract: RouteContract<P, Q, B, A>,
): RouteContract<P, Q, B, A> => contract;

/** GEN-3: a mutating route honours Idempotency-Key; GET routes, and those whose contract says otherwise, do not. */
export const isIdempotent = (contract: Pick<RouteContract, 'method' | 'idempotent'>): boolean => contract.idempotent ?? contract.method !== 'GET';
