/**
 * Why the program says no. Rules and use cases answer with a refusal; what it means in
 * HTTP (status, error type, which page a person sees) is decided in one place in the API
 * layer (`#api/refusals.ts`). The kinds are the program's words, not status codes.
 */
export type RefusalKind =
  /** The input is not what the contract allows. */
  | 'invalid'
  /** The caller may know the resource exists but may not do this (wrong role or partner type). */
  | 'forbidden'
  /** Unknown, or another tenant's resource the caller must not learn about. */
  | 'not_found'
  /** A duplicate, the wrong state for the action, or a concurrent change won. */
  | 'conflict'
  /** An emailed link that is used, expired, revoked or unknown: one neutral answer for all. */
  | 'gone'
  /** A program rule of RULES.md says no. */
  | 'rule'
  /** Too soon; try again after `retryAfterSeconds`. */
  | 'rate_limited';

export interface Refusal {
  kind: RefusalKind;
  code: string;
  message: string;
  rule?: string;
  param?: string;
  retryAfterSeconds?: number;
}

/** A refusal thrown through the use case; nothing was changed when it is thrown. */
export class Refused extends Error implements Refusal {
  readonly kind: RefusalKind;
  readonly code: string;
  readonly rule?: string;
  readonly param?: string;
  readonly retryAfterSeconds?: number;

  constructor(refusal: Refusal) {
    super(refusal.message);
    this.name = 'Refused';
    this.kind = refusal.kind;
    this.code = refusal.code;
    if (refusal.rule !== undefined) this.rule = refusal.rule;
    if (refusal.param !== undefined) this.param = refusal.param;
    if (refusal.retryAfterSeconds !== undefined) this.retryAfterSeconds = refusal.retryAfterSeconds;
  }

  get refusal(): Refusal {
    return { kind: this.kind, code: this.code, message: this.message, ...(this.rule ? { rule: this.rule } : {}), ...(this.param ? { param: this.param } : {}), ...(this.retryAfterSeconds !== undefined ? { retryAfterSeconds: this.retryAfterSeconds } : {}) };
  }
}

/** Throws the refusal a rule returned, if any. */
export function assertAllowed(refusal: Refusal | undefined): void {
  if (refusal) throw new Refused(refusal);
}

const opt = <K extends string>(key: K, value: string | undefined) => (value === undefined ? {} : ({ [key]: value } as Record<K, string>));

export const invalid = (code: string, message: string, param?: string): Refused => new Refused({ kind: 'invalid', code, message, ...opt('param', param) });
export const forbidden = (code: string, message: string, rule?: string): Refused => new Refused({ kind: 'forbidden', code, message, ...opt('rule', rule) });
export const notFound = (what: string): Refused => new Refused({ kind: 'not_found', code: `${what}_not_found`, message: `No such ${what.replaceAll('_', ' ')}.` });
export const conflict = (code: string, message: string, rule?: string): Refused => new Refused({ kind: 'conflict', code, message, ...opt('rule', rule) });
export const ruleViolation = (rule: string, code: string, message: string, param?: string): Refused => new Refused({ kind: 'rule', rule, code, message, ...opt('param', param) });
export const rateLimited = (message: string, retryAfterSeconds: number, rule?: string): Refused =>
  new Refused({ kind: 'rate_limited', code: 'rate_limited', message, retryAfterSeconds, ...opt('rule', rule) });
/** ENR-7 / PRT-10: used, expired, revoked and unknown links all get this one answer. */
export const linkGone = (): Refused => new Refused({ kind: 'gone', code: 'link_invalid', message: 'This link is no longer valid.' });
export const isLinkGone = (error: unknown): error is Refused => error instanceof Refused && error.kind === 'gone';
