import type { APIGatewayProxyResultV2 } from 'aws-lambda';

/** What a route's use case answers: JSON, an HTML page, or only a status and headers. */
export interface HttpResult {
  status: number;
  json?: unknown;
  html?: string;
  headers?: Record<string, string>;
}

/** The API Gateway v2 response a handler returns. */
export type Result = Exclude<APIGatewayProxyResultV2, string>;

const securityHeaders = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

/** Pages may override the Content-Security-Policy (the sign-in origin); the rest always hold. */
export const pageSecurityHeaders = {
  ...securityHeaders,
  'content-security-policy':
    "default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'x-frame-options': 'DENY',
};

/** Adds the security headers every answer carries, under the ones a result set itself. */
export function withSecurityHeaders(response: Result): Result {
  const headers = response.headers ?? {};
  const html = String(headers['content-type'] ?? '').startsWith('text/html');
  return { ...response, headers: { ...(html ? pageSecurityHeaders : securityHeaders), ...headers } };
}

/** Renders a handler result as the API Gateway v2 response (security headers included). */
export function toResponse(result: HttpResult): Result {
  if (result.html !== undefined) {
    return withSecurityHeaders({ statusCode: result.status, headers: { 'content-type': 'text/html; charset=utf-8', ...result.headers }, body: result.html });
  }
  return withSecurityHeaders({
    statusCode: result.status,
    headers: { ...(result.json === undefined ? {} : { 'content-type': 'application/json' }), ...result.headers },
    body: result.json === undefined ? '' : JSON.stringify(result.json),
  });
}
