import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { functions, type FunctionSpec } from '../catalog.js';
import { systemClock } from '../../functions/lib/clock.js';
import { config } from '../../functions/lib/config.js';
import { authorizerClaims, type LocalIssuer } from './jwt.js';
import { invocationHooks, lambdaContext, loadHandler } from './functions.js';

type HttpSpec = FunctionSpec & { trigger: { kind: 'http' } };

interface CompiledRoute {
  spec: HttpSpec;
  pattern: RegExp;
  names: string[];
}

/** Past this much, an over-limit body is no longer drained: the socket is closed after the 413. */
const maxDrainBytes = 16 * 1024 * 1024;

function compile(spec: HttpSpec): CompiledRoute {
  const names: string[] = [];
  const source = spec.trigger.path
    .split('/')
    .map((part) => {
      const m = /^\{(\w+)\}$/.exec(part);
      if (!m) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(m[1]!);
      return '([^/]*)';
    })
    .join('/');
  return { spec, pattern: new RegExp(`^${source}$`), names };
}

export type LocalRouteHandler = (request: { method: string; url: URL; body: string; headers: IncomingMessage['headers'] }) => Promise<{
  status: number;
  headers?: Record<string, string>;
  body: string;
} | undefined>;

function envelope(status: number, type: string, code: string, message: string) {
  return {
    statusCode: status,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ error: { type, code, message, requestId: randomUUID() } }),
  };
}

/**
 * The body, or undefined when it is over the limit (`MAX_BODY_BYTES`). An over-limit body
 * is read to its end without being kept, so that the client, still sending, gets its 413
 * instead of a reset connection; only a body beyond 16 MB is cut off after the answer.
 */
function readBody(req: IncomingMessage, limit: number, tooLarge: () => void): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        over = true;
        chunks.length = 0;
        if (size > maxDrainBytes) {
          req.pause();
          tooLarge();
          resolve(undefined);
        }
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(over ? undefined : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * The local stand-in for the HTTP API: turns requests into API Gateway v2 events for
 * the catalogue's handlers, verifying bearer tokens like the JWT authorizer.
 */
export function createGateway(options: { issuer: LocalIssuer; localRoutes?: LocalRouteHandler }): Server {
  const routes = functions.filter((f): f is HttpSpec => f.trigger.kind === 'http').map(compile);

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = (req.method ?? 'GET').toUpperCase();
    const limit = config().MAX_BODY_BYTES;
    const tooLarge = envelope(413, 'invalid_request', 'payload_too_large', `The request body is larger than ${limit} bytes.`);
    const declared = Number(req.headers['content-length'] ?? 0);
    let answered = false;
    const refuse = () => {
      if (answered) return;
      answered = true;
      send(res, { ...tooLarge, headers: { ...tooLarge.headers, connection: 'close' } });
      res.on('finish', () => req.destroy());
    };
    // A declared length over the drain cap is refused at once; anything else is read first.
    if (declared > maxDrainBytes) return refuse();
    const body = await readBody(req, limit, refuse);
    if (body === undefined) return refuse();

    if (url.pathname.startsWith('/_local/') && options.localRoutes) {
      const local = await options.localRoutes({ method, url, body, headers: req.headers });
      if (local) return send(res, { statusCode: local.status, headers: local.headers ?? {}, body: local.body });
    }

    // HEAD is routed like GET (link scanners send it); the handler leaves the body out.
    const routeMethod = method === 'HEAD' ? 'GET' : method;
    let match: { route: CompiledRoute; params: Record<string, string> } | undefined;
    for (const route of routes) {
      if (route.spec.trigger.method !== routeMethod) continue;
      const m = route.pattern.exec(url.pathname);
      if (!m) continue;
      // A segment that does not decode is passed on as is: the route's schema judges it.
      const decode = (raw: string) => {
        try {
          return decodeURIComponent(raw);
        } catch {
          return raw;
        }
      };
      match = { route, params: Object.fromEntries(route.names.map((n, i) => [n, decode(m[i + 1]!)])) };
      break;
    }
    if (!match) return send(res, envelope(404, 'not_found', 'route_not_found', `No route ${method} ${url.pathname}.`));

    const now = systemClock.now();
    let claims: Record<string, string> | undefined;
    const authorization = req.headers.authorization ?? '';
    const bearer = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1];
    if (bearer) {
      const payload = await options.issuer.verify(bearer, Math.floor(now.getTime() / 1000));
      if (payload) claims = authorizerClaims(payload);
      else if (match.route.spec.trigger.auth === 'jwt') return send(res, envelope(401, 'authentication', 'invalid_token', 'The bearer token is invalid or expired.'));
    }
    if (match.route.spec.trigger.auth === 'jwt' && !claims) {
      return send(res, envelope(401, 'authentication', 'unauthenticated', 'A valid bearer token is required.'));
    }

    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers[k.toLowerCase()] = Array.isArray(v) ? v.join(',') : v;
    const query = url.searchParams.size ? Object.fromEntries([...url.searchParams.keys()].map((k) => [k, url.searchParams.getAll(k).join(',')])) : undefined;
    const routeKey = `${routeMethod} ${match.route.spec.trigger.path}`;
    const event: APIGatewayProxyEventV2 & { requestContext: { authorizer?: unknown } } = {
      version: '2.0',
      routeKey,
      rawPath: url.pathname,
      rawQueryString: url.search.replace(/^\?/, ''),
      headers,
      ...(query ? { queryStringParameters: query } : {}),
      ...(match.route.names.length ? { pathParameters: match.params } : {}),
      ...(body ? { body } : {}),
      isBase64Encoded: false,
      ...(headers.cookie ? { cookies: headers.cookie.split(/;\s*/) } : {}),
      requestContext: {
        accountId: '000000000000',
        apiId: 'local',
        domainName: headers.host ?? '127.0.0.1',
        domainPrefix: 'local',
        http: { method, path: url.pathname, protocol: 'HTTP/1.1', sourceIp: req.socket.remoteAddress ?? '127.0.0.1', userAgent: headers['user-agent'] ?? '' },
        requestId: randomUUID(),
        routeKey,
        stage: '$default',
        time: now.toUTCString(),
        timeEpoch: now.getTime(),
        ...(claims ? { authorizer: { jwt: { claims, scopes: null } } } : {}),
      },
    };
    const handler = await loadHandler(match.route.spec);
    const spec = match.route.spec;
    const result = (await invocationHooks.around(spec, 'http', () => handler(event, lambdaContext(spec)))) as APIGatewayProxyStructuredResultV2 | string;
    if (typeof result === 'string') return send(res, { statusCode: 200, headers: { 'content-type': 'application/json' }, body: method === 'HEAD' ? '' : result });
    send(res, method === 'HEAD' ? { ...result, body: '' } : result);
  }

  return createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error('gateway error', error);
      if (!res.headersSent) send(res, envelope(500, 'internal', 'internal_error', 'Something went wrong on our side; nothing was changed.'));
    });
  });
}

function send(res: ServerResponse, result: APIGatewayProxyStructuredResultV2): void {
  const headers: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(result.headers ?? {})) headers[k] = String(v);
  if (result.cookies?.length) headers['set-cookie'] = result.cookies;
  res.writeHead(result.statusCode ?? 200, headers);
  res.end(result.isBase64Encoded && result.body ? Buffer.from(result.body, 'base64') : (result.body ?? ''));
}
