/**
 * The error envelope of API.md. Handlers and use cases throw these; the HTTP middleware
 * turns them into `{"error": {type, code, message, param?, rule?, requestId}}`.
 */
export type ErrorType =
  | 'invalid_request'
  | 'authentication'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'rule_violation'
  | 'rate_limited'
  | 'gone'
  | 'internal';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly type: ErrorType,
    readonly code: string,
    message: string,
    readonly extra: { param?: string; rule?: string; retryAfterSeconds?: number } = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const invalidRequest = (code: string, message: string, param?: string) =>
  new ApiError(400, 'invalid_request', code, message, param === undefined ? {} : { param });
export const unauthenticated = (message = 'A valid bearer token is required.') =>
  new ApiError(401, 'authentication', 'unauthenticated', message);
export const forbidden = (code: string, message: string, rule?: string) =>
  new ApiError(403, 'forbidden', code, message, rule === undefined ? {} : { rule });
export const notFound = (what: string) => new ApiError(404, 'not_found', `${what}_not_found`, `No such ${what.replaceAll('_', ' ')}.`);
export const conflict = (code: string, message: string, rule?: string) =>
  new ApiError(409, 'conflict', code, message, rule === undefined ? {} : { rule });
export const ruleViolation = (rule: string, code: string, message: string, param?: string) =>
  new ApiError(422, 'rule_violation', code, message, param === undefined ? { rule } : { rule, param });
export const rateLimited = (message: string, retryAfterSeconds: number, rule?: string) =>
  new ApiError(429, 'rate_limited', 'rate_limited', message, rule === undefined ? { retryAfterSeconds } : { retryAfterSeconds, rule });
