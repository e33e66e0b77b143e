/**
 * A local AWS Step Functions endpoint: an HTTP server speaking the Step Functions JSON 1.0
 * protocol (`POST /`, `X-Amz-Target: AWSStepFunctions.<Action>`), so `@aws-sdk/client-sfn`
 * works unchanged with `endpoint` pointed at it. Executions run on aws-local-stepfunctions;
 * every Task and Wait state is run by this server (see definition.ts, engine.ts,
 * resources.ts, tokens.ts), with time taken from an injected clock.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { SESv2Client } from '@aws-sdk/client-sesv2';
import { createActions } from './api.js';
import { prepareDefinition, type PreparedDefinition } from './definition.js';
import { Engine } from './engine.js';
import { SfnApiError, describeThrown } from './errors.js';
import { isRecord, tryParseJson } from './json.js';
import { LocalTimers } from './local-timers.js';
import { timeoutErrorFactory } from './timeout-error.js';
import { TaskTokenRegistry } from './tokens.js';

/** Options of `startStepFunctionsServer`. */
export interface LocalStepFunctionsOptions {
  /** stateMachineArn -> ASL definition object (already substituted). */
  definitions: Record<string, unknown>;
  /** Runs a Lambda function in-process. Resolves with the function's return value; rejects with an Error whose `name` is the error type the function threw (AWS `errorType`). */
  invokeLambda: (functionName: string, payload: unknown) => Promise<unknown>;
  /** SDK clients for `arn:aws:states:::aws-sdk:<service>:<action>` and optimized `arn:aws:states:::dynamodb:<action>` tasks. */
  clients: { dynamodb?: DynamoDBClient; sesv2?: SESv2Client };
  clock: { now(): Date; onAdvance(listener: (now: Date) => void): () => void };
  host?: string; // default 127.0.0.1
  port?: number; // default 0 = free port
  /** Multiplies every retrier's `IntervalSeconds`/`MaxDelaySeconds` (backoff kept); default 1. Tests use e.g. 0.001. */
  retryIntervalScale?: number;
}

/** A running local Step Functions endpoint. */
export interface LocalStepFunctions {
  url: string; // http://127.0.0.1:<port>
  close(): Promise<void>;
  /** Counts since start, for benchmarks: state transitions (states entered) and Lambda invocations. */
  stats(): { stateTransitions: number; lambdaInvocations: number; executionsStarted: number };
  /** Resolves when no execution is RUNNING with a non-callback step in flight (i.e. all executions are either finished or parked on a waitForTaskToken task — or in a Wait state, which waits on the local clock). Useful for tests. */
  idle(): Promise<void>;
}

const TARGET_PREFIX = 'AWSStepFunctions.';
const MAX_BODY_BYTES = 2 * 1024 * 1024;
const CONTENT_TYPE = 'application/x-amz-json-1.0';

/** Starts the server. Definitions are validated first: an invalid one rejects the promise. */
export async function startStepFunctionsServer(options: LocalStepFunctionsOptions): Promise<LocalStepFunctions> {
  const retryIntervalScale = options.retryIntervalScale ?? 1;
  const definitions = new Map<string, PreparedDefinition>();
  for (const [arn, definition] of Object.entries(options.definitions)) {
    definitions.set(arn, prepareDefinition(arn, definition, { retryIntervalScale }));
  }
  const timeoutError = await timeoutErrorFactory();
  const timers = new LocalTimers(options.clock);
  const tokens = new TaskTokenRegistry(timers, timeoutError);
  const engine = new Engine({
    definitions,
    resources: { invokeLambda: options.invokeLambda, clients: options.clients },
    timers,
    tokens,
    timeoutError,
  });
  const actions = createActions(engine, tokens);

  const server = createServer(function onRequest(request, response) {
    void answer(request, response);
  });

  async function answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const requestId = randomUUID();
    try {
      const body = await handle(request);
      send(response, 200, body, requestId);
    } catch (thrown) {
      const error = thrown instanceof SfnApiError ? thrown : new SfnApiError('InternalFailure', describeThrown(thrown).message, 500);
      send(response, error.status, error.toBody(), requestId);
    }
  }

  async function handle(request: IncomingMessage): Promise<Record<string, unknown>> {
    const target = request.headers['x-amz-target'];
    const actionName = typeof target === 'string' && target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : undefined;
    const text = await readBody(request);
    const action = actionName === undefined || !Object.hasOwn(actions, actionName) ? undefined : actions[actionName];
    if (request.method !== 'POST' || action === undefined) {
      throw new SfnApiError('UnknownOperationException', `Unknown operation ${String(target)}`);
    }
    const parsed = text === '' ? { value: {} } : tryParseJson(text);
    if (parsed === undefined || !isRecord(parsed.value)) throw new SfnApiError('SerializationException', 'The request body is not a JSON object');
    return action(parsed.value);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  return {
    url: `http://${host}:${address.port}`,
    async close() {
      engine.close();
      timers.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
    stats: () => engine.stats(),
    idle: () => engine.idle(),
  };
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new SfnApiError('ValidationException', 'The request body is too large', 413));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function send(response: ServerResponse, status: number, body: unknown, requestId: string): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'Content-Type': CONTENT_TYPE,
    'Content-Length': Buffer.byteLength(text),
    'x-amzn-RequestId': requestId,
  });
  response.end(text);
}
