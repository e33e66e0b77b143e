import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Context } from 'aws-lambda';
import { functionByName, type FunctionSpec } from '../catalog.js';

const root = resolve(import.meta.dirname, '../..');

type Handler = (event: unknown, context: Context) => Promise<unknown>;
const loaded = new Map<string, Promise<Handler>>();

/** Imports a catalogue function's handler module once, as Lambda would at cold start. */
export function loadHandler(spec: FunctionSpec): Promise<Handler> {
  let handler = loaded.get(spec.name);
  if (!handler) {
    handler = import(pathToFileURL(resolve(root, spec.entry)).href).then((mod: { handler?: Handler }) => {
      if (typeof mod.handler !== 'function') throw new Error(`${spec.entry} exports no handler`);
      return mod.handler;
    });
    loaded.set(spec.name, handler);
  }
  return handler;
}

/** A Lambda context object as the runtime passes it. */
export function lambdaContext(spec: FunctionSpec): Context {
  const started = Date.now();
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName: spec.name,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:us-east-1:000000000000:function:${spec.name}`,
    memoryLimitInMB: '256',
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${spec.name}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, 30_000 - (Date.now() - started)),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

export interface InvocationCounter {
  invocations: number;
}
export const invocationCounter: InvocationCounter = { invocations: 0 };

/** How an in-process invocation came: through the HTTP gateway, or invoked (workflow task, scheduler). */
export type InvocationSource = 'http' | 'invoke';

/**
 * Runs around every in-process invocation (the gateway's and `invokeFunction`'s). Passes
 * straight through; `npm run bench` replaces `around` to tell which invocation made each
 * AWS SDK call (bench/aws-trace.ts).
 */
export const invocationHooks = {
  around: <T>(_spec: FunctionSpec, _source: InvocationSource, run: () => Promise<T>): Promise<T> => run(),
};

/** Invokes a catalogue function in-process; a thrown error keeps its name (Lambda's errorType). */
export async function invokeFunction(name: string, event: unknown): Promise<unknown> {
  const spec = functionByName(name.replace(/^arn:aws:lambda:[^:]*:[^:]*:function:/, '').split(':')[0]!);
  invocationCounter.invocations += 1;
  const handler = await loadHandler(spec);
  return invocationHooks.around(spec, 'invoke', () => handler(structuredClone(event), lambdaContext(spec)));
}
