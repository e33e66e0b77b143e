import type { MiddlewareObj } from '@middy/core';
import httpJsonBodyParser from '@middy/http-json-body-parser';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type * as z from 'zod/mini';
import { config } from './config.js';
import { invalidRequest, payloadTooLarge, unsupportedMediaType } from './errors.js';
import { requestState } from './request-state.js';

type Event = APIGatewayProxyEventV2;

/**
 * Middleware: one body limit for every route (`MAX_BODY_BYTES`, 64 KB), checked on the
 * bytes as received, before anything is decoded or parsed → 413 `payload_too_large`.
 * API Gateway accepts far larger bodies than we want to parse; the local gateway refuses
 * them before the handler too.
 */
export function bodyLimit(): MiddlewareObj<Event> {
  return {
    before: function bodyLimitBefore({ event }) {
      if (!event.body) return;
      const limit = config().MAX_BODY_BYTES;
      const bytes = event.isBase64Encoded ? Buffer.byteLength(event.body, 'base64') : Buffer.byteLength(event.body, 'utf8');
      if (bytes > limit) throw payloadTooLarge(limit);
    },
  };
}

export type MediaType = 'json' | 'form';

const accepted: Record<MediaType, { pattern: RegExp; name: string }> = {
  json: { pattern: /^application\/json\s*(;\s*charset\s*=\s*"?utf-8"?\s*)?$/i, name: 'application/json' },
  form: { pattern: /^application\/x-www-form-urlencoded\s*(;\s*charset\s*=\s*"?utf-8"?\s*)?$/i, name: 'application/x-www-form-urlencoded' },
};

/**
 * Middleware: a route reads one media type (JSON routes `application/json`, the link pages'
 * forms `application/x-www-form-urlencoded`, UTF-8 if a charset is named) → else 415
 * `unsupported_media_type`, before anything is parsed. A route that declares a body always
 * needs the type; a route without one checks it only when a body was sent anyway.
 */
export function mediaType(media: MediaType, declaresBody: boolean): MiddlewareObj<Event> {
  const { pattern, name } = accepted[media];
  return {
    before: function mediaTypeBefore({ event }) {
      if (!declaresBody && !event.body) return;
      const type = event.headers?.['content-type'];
      if (type === undefined || !pattern.test(type)) throw unsupportedMediaType(name);
    },
  };
}

const zodParam = (prefix: string, issue: z.core.$ZodIssue): string => [prefix, ...issue.path.map(String)].filter(Boolean).join('.');

function parsePart(schema: z.ZodMiniType | undefined, value: unknown, prefix: string): unknown {
  if (!schema) return undefined;
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const param = zodParam(prefix, issue);
    throw invalidRequest('invalid_field', `${param || prefix}: ${issue.message}`, param || prefix);
  }
  return parsed.data;
}

/**
 * Middleware: parses a JSON body (`@middy/http-json-body-parser`, which also refuses
 * `__proto__` keys) and validates path, query and body with the route's zod schemas → 400
 * `malformed_json` / `invalid_field` with `param` = the first bad field. The validated body
 * replaces `event.body`, so idempotency fingerprints what the use case will see.
 */
export function parseAndValidate(route: { params?: z.ZodMiniType; query?: z.ZodMiniType; body?: z.ZodMiniType }, media: MediaType): MiddlewareObj<Event> {
  const json = httpJsonBodyParser({ disableContentTypeCheck: true });
  return {
    before: async function parseAndValidateBefore(request) {
      const { event } = request;
      const state = requestState(event);
      let body: unknown = undefined;
      if (route.body && media === 'json' && state.rawBody !== '') {
        try {
          await json.before!(request);
        } catch {
          throw invalidRequest('malformed_json', 'The request body is not valid JSON.');
        }
        body = event.body;
      } else if (route.body && media === 'form') {
        body = Object.fromEntries(new URLSearchParams(state.rawBody));
      }
      state.params = parsePart(route.params, event.pathParameters ?? {}, 'path');
      state.query = parsePart(route.query, event.queryStringParameters ?? {}, 'query');
      state.body = parsePart(route.body, body, '');
      (event as { body?: unknown }).body = state.body;
    },
  };
}
