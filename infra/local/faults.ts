import { Agent, createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';

/**
 * Fault injection for the local cloud (issue 14): a thin HTTP proxy in front of each
 * emulator the functions call (DynamoDB Local, the SES emulator, the Step Functions
 * server). Normally it forwards every request untouched; armed through
 * `POST /_local/faults`, it answers the next N calls (of one operation, or any) with the
 * error AWS would send, in that service's protocol, so the SDK's retries, the workflow's
 * `Retry`, the re-drive (GEN-4) and the use cases' error paths are exercised for real.
 */
export const services = ['dynamodb', 'ses', 'stepfunctions'] as const;
export type FaultService = (typeof services)[number];

export const FaultRequest = z.strictObject({
  service: z.enum(services),
  /** The API action, e.g. `TransactWriteItems`, `SendEmail`, `StartExecution`; any when absent. */
  operation: z.string().regex(/^[A-Z][A-Za-z]{1,63}$/).optional(),
  failNext: z.number().int().min(0).max(1000),
  /** Only calls whose request body contains this text (e.g. an id), so a test hits its own calls. */
  bodyContains: z.string().min(1).max(200).optional(),
  error: z.enum(['Throttling', 'InternalServerError', 'ServiceUnavailable', 'AccessDenied', 'ValidationError']).default('Throttling'),
});
export type FaultRule = z.output<typeof FaultRequest>;

interface AwsError {
  status: number;
  type: string;
  message: string;
}

/** The error each service answers for a fault kind, as its real endpoint would. */
const errors: Record<FaultService, Record<FaultRule['error'], AwsError>> = {
  dynamodb: {
    Throttling: { status: 400, type: 'com.amazonaws.dynamodb.v20120810#ThrottlingException', message: 'Rate of requests exceeds the allowed throughput.' },
    InternalServerError: { status: 500, type: 'com.amazonaws.dynamodb.v20120810#InternalServerError', message: 'Internal server error' },
    ServiceUnavailable: { status: 503, type: 'com.amazonaws.dynamodb.v20120810#ServiceUnavailable', message: 'Service unavailable' },
    AccessDenied: { status: 400, type: 'com.amazon.coral.service#AccessDeniedException', message: 'Access denied' },
    ValidationError: { status: 400, type: 'com.amazon.coral.validate#ValidationException', message: 'Injected validation error' },
  },
  stepfunctions: {
    Throttling: { status: 400, type: 'ThrottlingException', message: 'Rate exceeded' },
    InternalServerError: { status: 500, type: 'InternalFailure', message: 'Internal failure' },
    ServiceUnavailable: { status: 503, type: 'ServiceUnavailable', message: 'Service unavailable' },
    AccessDenied: { status: 400, type: 'AccessDeniedException', message: 'Access denied' },
    ValidationError: { status: 400, type: 'ValidationException', message: 'Injected validation error' },
  },
  ses: {
    Throttling: { status: 429, type: 'TooManyRequestsException', message: 'Too many requests' },
    InternalServerError: { status: 500, type: 'InternalFailure', message: 'Internal failure' },
    ServiceUnavailable: { status: 503, type: 'ServiceUnavailable', message: 'Service unavailable' },
    AccessDenied: { status: 403, type: 'AccessDeniedException', message: 'Access denied' },
    ValidationError: { status: 400, type: 'BadRequestException', message: 'Injected validation error' },
  },
};

/** The API action of a request: `X-Amz-Target` for JSON protocols, the REST route for SES v2. */
function operationOf(service: FaultService, req: IncomingMessage): string {
  const target = req.headers['x-amz-target'];
  if (typeof target === 'string') return target.split('.').at(-1) ?? '';
  if (service === 'ses' && req.method === 'POST' && (req.url ?? '').startsWith('/v2/email/outbound-emails')) return 'SendEmail';
  return `${req.method ?? ''} ${req.url ?? ''}`;
}

export interface FaultProxy {
  endpoint: string;
  close(): Promise<void>;
}

export interface Faults {
  arm(rule: FaultRule): void;
  /** Disarms every rule; answers what was still armed. */
  clear(): FaultRule[];
  /** Calls answered with an injected error, per service and operation. */
  injected(): Record<string, number>;
  /**
   * `settle`: awaited before a successful answer is passed on, with the request and the
   * answer (DynamoDB Local's queued commits; what SES was asked to send).
   */
  proxy(service: FaultService, target: string, settle?: (operation: string, request: Buffer, answer: Buffer) => Promise<void>): Promise<FaultProxy>;
}

export function createFaults(): Faults {
  let rules: FaultRule[] = [];
  const counts: Record<string, number> = {};

  function take(service: FaultService, operation: string, body: string): AwsError | undefined {
    const rule = rules.find(
      (r) => r.service === service && r.failNext > 0 && (r.operation === undefined || r.operation === operation) && (r.bodyContains === undefined || body.includes(r.bodyContains)),
    );
    if (!rule) return undefined;
    rule.failNext -= 1;
    rules = rules.filter((r) => r.failNext > 0);
    const key = `${service}:${operation}`;
    counts[key] = (counts[key] ?? 0) + 1;
    return errors[service][rule.error];
  }

  return {
    arm(rule) {
      rules = [...rules.filter((r) => !(r.service === rule.service && r.operation === rule.operation && r.bodyContains === rule.bodyContains)), ...(rule.failNext > 0 ? [{ ...rule }] : [])];
    },
    clear() {
      const armed = rules;
      rules = [];
      return armed;
    },
    injected: () => ({ ...counts }),
    async proxy(service, target, settle) {
      const to = new URL(target);
      const agent = new Agent({ keepAlive: true });
      const server: Server = createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (chunk: Buffer) => chunks.push(chunk));
        req.on('end', () => forward(req, res, Buffer.concat(chunks)));
      });
      const forward = (req: IncomingMessage, res: ServerResponse, payload: Buffer) => {
        const operation = operationOf(service, req);
        const fault = take(service, operation, payload.toString('utf8'));
        if (fault) {
          const body = service === 'ses' ? JSON.stringify({ message: fault.message }) : JSON.stringify({ __type: fault.type, message: fault.message });
          res.writeHead(fault.status, {
            'content-type': service === 'ses' ? 'application/json' : 'application/x-amz-json-1.0',
            'x-amzn-errortype': fault.type,
            'x-amzn-requestid': 'injected-fault',
          });
          res.end(body);
          return;
        }
        const upstream = httpRequest({ host: to.hostname, port: to.port, method: req.method, path: req.url, headers: req.headers, agent }, (answer) => {
          const status = answer.statusCode ?? 502;
          if (!settle || status !== 200) {
            res.writeHead(status, answer.headers);
            answer.pipe(res);
            return;
          }
          // A success is passed on only once it is durable; an emulator that cannot say so
          // answers 500 and the caller retries (its write is then found, or redone).
          const body: Buffer[] = [];
          answer.on('data', (chunk: Buffer) => body.push(chunk));
          answer.on('end', () => {
            settle(operation, payload, Buffer.concat(body)).then(
              () => {
                res.writeHead(status, answer.headers);
                res.end(Buffer.concat(body));
              },
              () => {
                res.writeHead(500, { 'content-type': 'application/x-amz-json-1.0' });
                res.end(JSON.stringify({ __type: 'com.amazonaws.dynamodb.v20120810#InternalServerError', message: 'The write may not be durable.' }));
              },
            );
          });
        });
        upstream.on('error', () => {
          if (!res.headersSent) res.writeHead(502);
          res.end();
        });
        upstream.end(payload);
      };
      server.keepAliveTimeout = 5_000;
      await new Promise<void>((ok) => server.listen(0, '127.0.0.1', () => ok()));
      const { port } = server.address() as AddressInfo;
      return {
        endpoint: `http://127.0.0.1:${port}`,
        close: () =>
          new Promise<void>((ok) => {
            server.closeAllConnections();
            agent.destroy();
            server.close(() => ok());
          }),
      };
    },
  };
}
