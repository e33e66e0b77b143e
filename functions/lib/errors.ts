import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { logger } from './observability.js';
import { toResponse, type Result } from './response.js';

/**
 * The one error style of the API. Use cases, rules' refusals as mapped by the API layer,
 * and every HTTP middleware throw an `ApiError`; {@link errorEnvelope} turns it into
 * API.md's `{"error": {type, code, message, param?, rule?, requestId}}`. Anything else
 * thrown is a 500 `internal_error` with nothing of the cause in the answer.
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
export const gone = () => new ApiError(410, 'gone', 'link_invalid', 'This link is no longer valid.');
export const payloadTooLarge = (limit: number) =>
  new ApiError(413, 'invalid_request', 'payload_too_large', `The request body is larger than ${limit} bytes.`);
export const unsupportedMediaType = (expected: string) =>
  new ApiError(415, 'invalid_request', 'unsupported_media_type', `This route accepts only ${expected} bodies.`, { param: 'Content-Type' });
export const ruleViolation = (rule: string, code: string, message: string, param?: string) =>
  new ApiError(422, 'rule_violation', code, message, param === undefined ? { rule } : { rule, param });
export const rateLimited = (message: string, retryAfterSeconds: number, rule?: string) =>
  new ApiError(429, 'rate_limited', 'rate_limited', message, rule === undefined ? { retryAfterSeconds } : { retryAfterSeconds, rule });

/** The API.md error envelope for any thrown value; never a stack trace. */
export function errorResponse(error: unknown, requestId: string): Result {
  if (error instanceof ApiError) {
    const { param, rule, retryAfterSeconds } = error.extra;
    return toResponse({
      status: error.status,
      json: {
        error: {
          type: error.type,
          code: error.code,
          message: error.message,
          ...(param === undefined ? {} : { param }),
          ...(rule === undefined ? {} : { rule }),
          requestId,
        },
      },
      headers: retryAfterSeconds === undefined ? {} : { 'retry-after': String(retryAfterSeconds) },
    });
  }
  logger.error('unhandled error', { error: error as Error });
  return toResponse({
    status: 500,
    json: { error: { type: 'internal', code: 'internal_error', message: 'Something went wrong on our side; nothing was changed.', requestId } },
  });
}

/**
 * Middleware (outermost): whatever was thrown, the caller gets the envelope. `map` turns
 * other error shapes (the domain's refusals) into an `ApiError` first.
 */
export function errorEnvelope(map: (thrown: unknown) => unknown = (thrown) => thrown): MiddlewareObj<APIGatewayProxyEventV2, Result> {
  return {
    onError: function errorEnvelopeOnError(request) {
      return errorResponse(map(request.error), request.event.requestContext?.requestId ?? 'unknown');
    },
  };
}
