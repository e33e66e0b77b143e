/**
 * Task `Resource` routing: what a Task state calls and how its result and errors look,
 * matching the AWS Step Functions service integrations.
 *
 * - `arn:aws:states:::lambda:invoke` → the local function, result in AWS's Invoke output
 *   shape; a function error keeps the function's `errorType` as the error name.
 * - `arn:aws:lambda:<region>:<account>:function:<name>` → the local function, bare result.
 * - `arn:aws:states:::aws-sdk:<service>:<action>` (dynamodb, sesv2) → `<Action>Command` on
 *   the injected client; errors `DynamoDb.<Exception>` / `SesV2.<Exception>`.
 * - `arn:aws:states:::dynamodb:getItem|putItem|updateItem|deleteItem` (optimized) → the
 *   same call; errors `DynamoDB.<Exception>`.
 * Any of the `arn:aws:states:::` ones may end in `.waitForTaskToken` (see `ParsedResource`).
 */
import { randomUUID } from 'node:crypto';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { SESv2Client } from '@aws-sdk/client-sesv2';
import { UncatchableError, describeThrown, taskError } from './errors.js';
import { isRecord, toJson, type Json } from './json.js';

/** The SDK services the server can call. */
export type SdkService = 'dynamodb' | 'sesv2';

/** What a Task state calls. */
export type TaskTarget =
  | { kind: 'lambda-invoke' }
  | { kind: 'lambda-function'; functionName: string }
  | { kind: 'sdk'; service: SdkService; action: string; errorPrefix: string }
  | { kind: 'unsupported'; resource: string };

/** A parsed `Resource`: the target and whether it is a callback (`.waitForTaskToken`) task. */
export interface ParsedResource {
  target: TaskTarget;
  callback: boolean;
}

/** The dependencies a Task call needs. */
export interface ResourceDeps {
  invokeLambda: (functionName: string, payload: unknown) => Promise<unknown>;
  clients: { dynamodb?: DynamoDBClient; sesv2?: SESv2Client };
  /** Called once per Lambda invocation (for `stats()`). */
  onLambdaInvoked: () => void;
}

const CALLBACK_SUFFIX = '.waitForTaskToken';
/** Error-name prefixes of the `aws-sdk:` integrations, as AWS spells them. */
const SDK_ERROR_PREFIX: Record<SdkService, string> = { dynamodb: 'DynamoDb', sesv2: 'SesV2' };
const OPTIMIZED_DYNAMODB_ACTIONS = new Set(['getItem', 'putItem', 'updateItem', 'deleteItem']);

/** Parses a Task state's `Resource`. Never throws: unknown resources fail when run. */
export function parseResource(resource: string): ParsedResource {
  const callback = resource.startsWith('arn:aws:states:::') && resource.endsWith(CALLBACK_SUFFIX);
  const base = callback ? resource.slice(0, -CALLBACK_SUFFIX.length) : resource;
  return { target: parseTarget(base, resource), callback };
}

function parseTarget(base: string, resource: string): TaskTarget {
  if (base === 'arn:aws:states:::lambda:invoke') return { kind: 'lambda-invoke' };
  const lambdaArn = /^arn:aws[\w-]*:lambda:[^:]*:[^:]*:function:([^:]+)(?::[^:]+)?$/.exec(base);
  if (lambdaArn?.[1] !== undefined) return { kind: 'lambda-function', functionName: lambdaArn[1] };
  const optimized = /^arn:aws:states:::dynamodb:(\w+)$/.exec(base);
  if (optimized?.[1] !== undefined && OPTIMIZED_DYNAMODB_ACTIONS.has(optimized[1])) {
    return { kind: 'sdk', service: 'dynamodb', action: optimized[1], errorPrefix: 'DynamoDB' };
  }
  const sdk = /^arn:aws:states:::aws-sdk:(\w+):(\w+)$/.exec(base);
  if (sdk?.[1] !== undefined && sdk[2] !== undefined && isSdkService(sdk[1])) {
    return { kind: 'sdk', service: sdk[1], action: sdk[2], errorPrefix: SDK_ERROR_PREFIX[sdk[1]] };
  }
  return { kind: 'unsupported', resource };
}

function isSdkService(name: string): name is SdkService {
  return name === 'dynamodb' || name === 'sesv2';
}

/** Strips an ARN or qualifier from a Lambda `FunctionName` (`arn:...:function:name:alias` → `name`). */
export function bareFunctionName(functionName: string): string {
  const marker = ':function:';
  const at = functionName.indexOf(marker);
  const rest = at >= 0 ? functionName.slice(at + marker.length) : functionName;
  return rest.split(':')[0] ?? rest;
}

/** Calls a Task target with the state's effective input and returns the state's result. */
export async function callTarget(target: TaskTarget, payload: Json, deps: ResourceDeps): Promise<Json> {
  switch (target.kind) {
    case 'lambda-invoke':
      return invokeLambdaIntegration(payload, deps);
    case 'lambda-function':
      return invokeFunction(target.functionName, payload, deps);
    case 'sdk':
      return callSdk(target, payload, deps);
    case 'unsupported':
      throw new UncatchableError('States.Runtime', `The local Step Functions server does not support the resource ${target.resource}`);
  }
}

async function invokeLambdaIntegration(parameters: Json, deps: ResourceDeps): Promise<Json> {
  if (!isRecord(parameters) || typeof parameters.FunctionName !== 'string') {
    throw new UncatchableError('States.Runtime', 'lambda:invoke needs Parameters.FunctionName (a string)');
  }
  const payload = parameters.Payload === undefined ? {} : parameters.Payload;
  const result = await invokeFunction(bareFunctionName(parameters.FunctionName), payload, deps);
  const requestId = randomUUID();
  const headers = { 'Content-Type': 'application/json', 'X-Amz-Executed-Version': '$LATEST', 'x-amzn-RequestId': requestId };
  return {
    ExecutedVersion: '$LATEST',
    Payload: result,
    SdkHttpMetadata: {
      AllHttpHeaders: Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, [value]])),
      HttpHeaders: headers,
      HttpStatusCode: 200,
    },
    SdkResponseMetadata: { RequestId: requestId },
    StatusCode: 200,
  };
}

/** Runs a local function; a thrown error keeps its name, its Cause is Lambda's error payload. */
async function invokeFunction(functionName: string, payload: Json, deps: ResourceDeps): Promise<Json> {
  deps.onLambdaInvoked();
  try {
    return toJson(await deps.invokeLambda(functionName, toJson(payload)));
  } catch (thrown) {
    const { name, message } = describeThrown(thrown);
    const trace = thrown instanceof Error && thrown.stack !== undefined ? thrown.stack.split('\n') : [];
    throw taskError(name, JSON.stringify({ errorType: name, errorMessage: message, trace }));
  }
}

/** The part of an AWS SDK v3 client the server uses. */
interface SdkSender {
  send(command: object): Promise<unknown>;
}

type SdkModule = Record<string, unknown>;

const sdkModules: Record<SdkService, () => Promise<SdkModule>> = {
  dynamodb: async function loadDynamoDb() {
    return (await import('@aws-sdk/client-dynamodb')) as SdkModule;
  },
  sesv2: async function loadSesV2() {
    return (await import('@aws-sdk/client-sesv2')) as SdkModule;
  },
};

async function callSdk(target: Extract<TaskTarget, { kind: 'sdk' }>, parameters: Json, deps: ResourceDeps): Promise<Json> {
  const client: SdkSender | undefined = deps.clients[target.service];
  if (client === undefined) {
    throw new UncatchableError('States.Runtime', `No ${target.service} client was given to the local Step Functions server`);
  }
  const commandName = `${target.action.charAt(0).toUpperCase()}${target.action.slice(1)}Command`;
  const Command = (await sdkModules[target.service]())[commandName];
  if (typeof Command !== 'function') {
    throw new UncatchableError('States.Runtime', `Unknown ${target.service} action ${target.action}`);
  }
  const command = new (Command as new (input: unknown) => object)(parameters ?? {});
  let output: unknown;
  try {
    output = await client.send(command);
  } catch (thrown) {
    throw sdkTaskError(target.errorPrefix, thrown);
  }
  if (!isRecord(output)) return toJson(output);
  const { $metadata: _metadata, ...rest } = output;
  return toJson(rest);
}

/** `DynamoDB.ConditionalCheckFailedException` and a Cause in AWS's wording. */
function sdkTaskError(prefix: string, thrown: unknown): Error {
  const { name, message } = describeThrown(thrown);
  const metadata = isRecord(thrown) && isRecord(thrown.$metadata) ? thrown.$metadata : undefined;
  if (metadata === undefined) return taskError('States.TaskFailed', message);
  const status = typeof metadata.httpStatusCode === 'number' ? metadata.httpStatusCode : 400;
  const requestId = typeof metadata.requestId === 'string' ? metadata.requestId : randomUUID();
  return taskError(`${prefix}.${name}`, `${message} (Service: ${prefix}, Status Code: ${status}, Request ID: ${requestId})`);
}
