/**
 * The Step Functions actions the local server answers: request fields in, response fields
 * out, in the shapes of the AWS JSON 1.0 protocol (timestamps as epoch seconds).
 */
import { localRoleArn, type Engine, type ExecutionRecord } from './engine.js';
import type { PreparedDefinition } from './definition.js';
import { SfnApiError } from './errors.js';
import { tryParseJson } from './json.js';
import type { TaskTokenRegistry } from './tokens.js';

/** One action: the parsed request body in, the response body out. */
export type Action = (request: Record<string, unknown>) => Record<string, unknown>;

const EXECUTION_ARN = /^arn:aws[\w-]*:states:[^:]*:[^:]*:execution:[^:]+:[^:]+$/;
const STATE_MACHINE_ARN = /^arn:aws[\w-]*:states:[^:]*:[^:]*:stateMachine:[^:]+$/;
const STATUSES = new Set(['RUNNING', 'SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED', 'PENDING_REDRIVE']);
const MAX_LIST_RESULTS = 1000;

/** The actions by name (the part after `AWSStepFunctions.` in `X-Amz-Target`). */
export function createActions(engine: Engine, tokens: TaskTokenRegistry): Record<string, Action> {
  return {
    StartExecution(request) {
      const stateMachineArn = requiredArn(request, 'stateMachineArn', STATE_MACHINE_ARN);
      const record = engine.start(stateMachineArn, optionalString(request, 'name'), optionalString(request, 'input'));
      return { executionArn: record.executionArn, startDate: epochSeconds(record.startDate) };
    },
    DescribeExecution(request) {
      return describe(engine.describe(requiredArn(request, 'executionArn', EXECUTION_ARN)));
    },
    StopExecution(request) {
      const arn = requiredArn(request, 'executionArn', EXECUTION_ARN);
      const record = engine.stop(arn, optionalString(request, 'error'), optionalString(request, 'cause'));
      return { stopDate: epochSeconds(record.stopDate ?? record.startDate) };
    },
    ListExecutions(request) {
      const stateMachineArn = requiredArn(request, 'stateMachineArn', STATE_MACHINE_ARN);
      const statusFilter = optionalString(request, 'statusFilter');
      if (statusFilter !== undefined && !STATUSES.has(statusFilter)) throw validation(`Value '${statusFilter}' at 'statusFilter' is not a valid status`);
      const records = engine.list(stateMachineArn, statusFilter);
      const { start, maxResults } = page(request);
      return {
        executions: records.slice(start, start + maxResults).map(summarize),
        ...(start + maxResults < records.length ? { nextToken: String(start + maxResults) } : {}),
      };
    },
    ListStateMachines(request) {
      const machines = engine.machinesList();
      const { start, maxResults } = page(request);
      return {
        stateMachines: machines.slice(start, start + maxResults).map(({ prepared, creationDate }) => ({
          stateMachineArn: prepared.stateMachineArn,
          name: prepared.stateMachineName,
          type: 'STANDARD',
          creationDate: epochSeconds(creationDate),
        })),
        ...(start + maxResults < machines.length ? { nextToken: String(start + maxResults) } : {}),
      };
    },
    DescribeStateMachine(request) {
      const { prepared, creationDate } = engine.machine(requiredArn(request, 'stateMachineArn', STATE_MACHINE_ARN));
      return {
        ...machineDescription(prepared),
        status: 'ACTIVE',
        type: 'STANDARD',
        creationDate: epochSeconds(creationDate),
      };
    },
    DescribeStateMachineForExecution(request) {
      const record = engine.describe(requiredArn(request, 'executionArn', EXECUTION_ARN));
      const { prepared, creationDate } = engine.machine(record.stateMachineArn);
      return { ...machineDescription(prepared), updateDate: epochSeconds(creationDate) };
    },
    GetExecutionHistory(request) {
      const record = engine.describe(requiredArn(request, 'executionArn', EXECUTION_ARN));
      const includeExecutionData = request.includeExecutionData !== false;
      const events = record.history.list(includeExecutionData);
      if (request.reverseOrder === true) events.reverse();
      const { start, maxResults } = page(request);
      return {
        events: events.slice(start, start + maxResults).map((event) => ({ ...event, timestamp: epochSeconds(event.timestamp) })),
        ...(start + maxResults < events.length ? { nextToken: String(start + maxResults) } : {}),
      };
    },
    SendTaskSuccess(request) {
      const token = requiredToken(request);
      const output = requiredString(request, 'output');
      const parsed = tryParseJson(output);
      if (parsed === undefined) throw new SfnApiError('InvalidOutput', 'Invalid Output: the output is not valid JSON');
      tokens.succeed(token, parsed.value);
      return {};
    },
    SendTaskFailure(request) {
      tokens.fail(requiredToken(request), optionalString(request, 'error'), optionalString(request, 'cause'));
      return {};
    },
    SendTaskHeartbeat(request) {
      tokens.heartbeat(requiredToken(request));
      return {};
    },
  };
}

/** Where a page starts and how long it is: `nextToken` is the index of the next item. */
function page(request: Record<string, unknown>): { start: number; maxResults: number } {
  const start = Number(optionalString(request, 'nextToken') ?? '0');
  if (!Number.isInteger(start) || start < 0) throw new SfnApiError('InvalidToken', 'Invalid Token: the nextToken is not one this server issued');
  const maxResults = typeof request.maxResults === 'number' && request.maxResults > 0 ? Math.min(request.maxResults, MAX_LIST_RESULTS) : 100;
  return { start, maxResults };
}

/** The fields `DescribeStateMachine` and `DescribeStateMachineForExecution` share. */
function machineDescription(prepared: PreparedDefinition): Record<string, unknown> {
  return {
    stateMachineArn: prepared.stateMachineArn,
    name: prepared.stateMachineName,
    definition: prepared.definition,
    roleArn: localRoleArn(prepared.stateMachineArn),
    loggingConfiguration: { level: 'OFF', includeExecutionData: false },
    tracingConfiguration: { enabled: false },
  };
}

function describe(record: ExecutionRecord): Record<string, unknown> {
  return {
    ...summarize(record),
    input: record.input,
    inputDetails: { included: true },
    ...(record.output === undefined ? {} : { output: record.output, outputDetails: { included: true } }),
    ...(record.error === undefined ? {} : { error: record.error }),
    ...(record.cause === undefined ? {} : { cause: record.cause }),
  };
}

function summarize(record: ExecutionRecord): Record<string, unknown> {
  return {
    executionArn: record.executionArn,
    stateMachineArn: record.stateMachineArn,
    name: record.name,
    status: record.status,
    startDate: epochSeconds(record.startDate),
    ...(record.stopDate === undefined ? {} : { stopDate: epochSeconds(record.stopDate) }),
  };
}

function epochSeconds(date: Date): number {
  return date.getTime() / 1000;
}

function validation(message: string): SfnApiError {
  return new SfnApiError('ValidationException', `1 validation error detected: ${message}`);
}

function optionalString(request: Record<string, unknown>, field: string): string | undefined {
  const value = request[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw validation(`Value at '${field}' failed to satisfy constraint: Member must be a string`);
  return value;
}

function requiredString(request: Record<string, unknown>, field: string): string {
  const value = optionalString(request, field);
  if (value === undefined) throw validation(`Value null at '${field}' failed to satisfy constraint: Member must not be null`);
  return value;
}

function requiredArn(request: Record<string, unknown>, field: string, pattern: RegExp): string {
  const arn = requiredString(request, field);
  if (!pattern.test(arn)) throw new SfnApiError('InvalidArn', `Invalid Arn: '${arn}'`);
  return arn;
}

function requiredToken(request: Record<string, unknown>): string {
  const token = requiredString(request, 'taskToken');
  if (token.length === 0 || token.length > 2048) throw new SfnApiError('InvalidToken', "Invalid Token: 'Invalid token'");
  return token;
}
