/**
 * Turns an ASL definition into what the interpreter runs plus a plan for every state the
 * server handles itself.
 *
 * The original definition is validated as is (asl-validator, through the interpreter).
 * The interpreter then runs a rewritten copy, because aws-local-stepfunctions:
 * - races every Task against a real `setTimeout(TimeoutSeconds * 1000)`, 60 s by default,
 *   and Node fires timers above 2^31-1 ms at once — so each Task gets a safe, huge
 *   `TimeoutSeconds`, and the real `TimeoutSeconds`/`TimeoutSecondsPath`/
 *   `HeartbeatSeconds`/`HeartbeatSecondsPath` are enforced by the server on the local clock;
 * - sleeps in Wait states on real time (same 2^31 ms trap) — so each Wait state becomes a
 *   Task handled by the server, which waits on the local clock;
 * - sets `$$.Execution.StartTime` to the real time and `$$.Execution.Input` to the branch
 *   input inside Parallel/Map — so `$$.Execution` paths are redirected to
 *   `$$.LocalExecution`, filled by the server;
 * - has no notion of heartbeats — so `States.Timeout` matchers also list
 *   `States.HeartbeatTimeout`, the error of a missed heartbeat (AWS matches it with both).
 * Paths (`TimeoutSecondsPath`, `SecondsPath`, ...) are resolved by the interpreter itself:
 * the copy's `Parameters` wrap the original ones next to those paths (see `WRAPPED_KEYS`).
 */
import { StateMachine, type StateMachineDefinition } from 'aws-local-stepfunctions';
import { isRecord } from './json.js';
import { parseResource, type TaskTarget } from './resources.js';
import { stateTypes } from './history.js';

/** `TimeoutSeconds` given to the interpreter: 2e9 ms stays below Node's 2^31-1 ms timer limit. */
const INTERPRETER_TIMEOUT_SECONDS = 2_000_000;
/** The context key `$$.Execution` paths are redirected to. */
export const LOCAL_EXECUTION_KEY = 'LocalExecution';
/** Keys of the wrapped `Parameters` of the interpreter copy. */
export const WRAPPED_KEYS = { payload: 'payload', timeoutSeconds: 'timeoutSeconds', heartbeatSeconds: 'heartbeatSeconds', seconds: 'seconds', timestamp: 'timestamp' } as const;

/** How the server runs a Task state. */
export interface TaskPlan {
  kind: 'task';
  stateName: string;
  /** The state's `Resource` as written (for task events in the history). */
  resource: string;
  target: TaskTarget;
  callback: boolean;
  timeoutSeconds?: number;
  heartbeatSeconds?: number;
  /** The input is `{payload, timeoutSeconds?, heartbeatSeconds?}` (paths resolved by the interpreter). */
  wrapped: boolean;
}

/** How the server runs a Wait state (on the local clock). */
export interface WaitPlan {
  kind: 'wait';
  stateName: string;
  seconds?: number;
  timestamp?: string;
  /** The input is `{payload, seconds? | timestamp?}` (paths resolved by the interpreter). */
  wrapped: boolean;
}

/** How the server runs a state it handles itself. */
export type StatePlan = TaskPlan | WaitPlan;

/** A definition ready to run. */
export interface PreparedDefinition {
  stateMachineArn: string;
  stateMachineName: string;
  /** `arn:aws:states:<region>:<account>:execution:<stateMachineName>:` */
  executionArnPrefix: string;
  /** The rewritten copy, run with validation off. */
  runnable: StateMachineDefinition;
  /** By state name (ASL requires names unique across the whole machine, branches included). */
  plans: Map<string, StatePlan>;
  /** The machine's own `TimeoutSeconds`, enforced on the local clock. */
  timeoutSeconds?: number;
  /** The definition as given, for `DescribeStateMachine`. */
  definition: string;
  /** Every state's original `Type` (Wait states run as Tasks), for the history. */
  stateTypes: Map<string, string>;
}

/** Options of `prepareDefinition`. */
export interface PrepareOptions {
  /** Multiplies `IntervalSeconds`/`MaxDelaySeconds` of every retrier (backoff kept). */
  retryIntervalScale: number;
}

const STATE_MACHINE_ARN = /^arn:aws[\w-]*:states:([^:]*):([^:]*):stateMachine:([^:]+)$/;

/** Validates `definition` and builds its runnable copy and state plans. Throws if invalid. */
export function prepareDefinition(stateMachineArn: string, definition: unknown, options: PrepareOptions): PreparedDefinition {
  const arn = STATE_MACHINE_ARN.exec(stateMachineArn);
  if (arn === null) throw new Error(`Not a state machine ARN: ${stateMachineArn}`);
  const [, region, account, stateMachineName = ''] = arn;
  if (!isRecord(definition)) throw new Error(`The definition of ${stateMachineArn} is not an object`);
  try {
    // asl-validator adds defaults (QueryLanguage) to what it checks: give it a copy.
    new StateMachine(structuredClone(definition) as unknown as StateMachineDefinition);
  } catch (error) {
    throw new Error(`Invalid definition for ${stateMachineArn}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const runnable = structuredClone(definition);
  const timeoutSeconds = typeof runnable.TimeoutSeconds === 'number' ? runnable.TimeoutSeconds : undefined;
  delete runnable.TimeoutSeconds;
  const plans = new Map<string, StatePlan>();
  rewriteMachine(runnable, plans, options);
  return {
    stateMachineArn,
    stateMachineName,
    executionArnPrefix: `arn:aws:states:${region}:${account}:execution:${stateMachineName}:`,
    runnable: runnable as unknown as StateMachineDefinition,
    plans,
    ...(timeoutSeconds === undefined ? {} : { timeoutSeconds }),
    definition: JSON.stringify(definition, null, 2),
    stateTypes: stateTypes(definition),
  };
}

function rewriteMachine(machine: Record<string, unknown>, plans: Map<string, StatePlan>, options: PrepareOptions): void {
  const states = machine.States;
  if (!isRecord(states)) return;
  for (const [name, state] of Object.entries(states)) {
    if (!isRecord(state)) continue;
    // ASL: `ResultPath: "$"` replaces the input with the result, which is also the
    // default; the interpreter would instead write the result under a key named "$".
    if (state.ResultPath === '$') delete state.ResultPath;
    redirectExecutionPaths(state);
    adjustRetriersAndCatchers(state, options);
    switch (state.Type) {
      case 'Task':
        plans.set(name, rewriteTask(name, state));
        break;
      case 'Wait':
        states[name] = rewriteWait(name, state, plans);
        break;
      case 'Parallel':
        if (Array.isArray(state.Branches)) {
          for (const branch of state.Branches) if (isRecord(branch)) rewriteMachine(branch, plans, options);
        }
        break;
      case 'Map': {
        const processor = state.ItemProcessor ?? state.Iterator;
        if (isRecord(processor)) rewriteMachine(processor, plans, options);
        break;
      }
    }
  }
}

function rewriteTask(name: string, state: Record<string, unknown>): TaskPlan {
  const resource = typeof state.Resource === 'string' ? state.Resource : '';
  const { target, callback } = parseResource(resource);
  const plan: TaskPlan = { kind: 'task', stateName: name, resource, target, callback, wrapped: false };
  if (typeof state.TimeoutSeconds === 'number') plan.timeoutSeconds = state.TimeoutSeconds;
  if (typeof state.HeartbeatSeconds === 'number') plan.heartbeatSeconds = state.HeartbeatSeconds;
  const paths: Record<string, string> = {};
  if (typeof state.TimeoutSecondsPath === 'string') paths[`${WRAPPED_KEYS.timeoutSeconds}.$`] = state.TimeoutSecondsPath;
  if (typeof state.HeartbeatSecondsPath === 'string') paths[`${WRAPPED_KEYS.heartbeatSeconds}.$`] = state.HeartbeatSecondsPath;
  if (Object.keys(paths).length > 0) {
    state.Parameters = { ...wrappedPayload(state), ...paths };
    plan.wrapped = true;
  }
  delete state.TimeoutSecondsPath;
  delete state.HeartbeatSeconds;
  delete state.HeartbeatSecondsPath;
  state.TimeoutSeconds = INTERPRETER_TIMEOUT_SECONDS;
  return plan;
}

/** The Wait state becomes a Task with the same input/output processing; the server waits. */
function rewriteWait(name: string, state: Record<string, unknown>, plans: Map<string, StatePlan>): Record<string, unknown> {
  const plan: WaitPlan = { kind: 'wait', stateName: name, wrapped: false };
  const task: Record<string, unknown> = { Type: 'Task', Resource: 'arn:aws:states:::local:wait', TimeoutSeconds: INTERPRETER_TIMEOUT_SECONDS };
  for (const key of ['Comment', 'InputPath', 'OutputPath', 'Next', 'End']) if (key in state) task[key] = state[key];
  if (typeof state.Seconds === 'number') plan.seconds = state.Seconds;
  if (typeof state.Timestamp === 'string') plan.timestamp = state.Timestamp;
  if (typeof state.SecondsPath === 'string') {
    task.Parameters = { [`${WRAPPED_KEYS.payload}.$`]: '$', [`${WRAPPED_KEYS.seconds}.$`]: state.SecondsPath };
    plan.wrapped = true;
  } else if (typeof state.TimestampPath === 'string') {
    task.Parameters = { [`${WRAPPED_KEYS.payload}.$`]: '$', [`${WRAPPED_KEYS.timestamp}.$`]: state.TimestampPath };
    plan.wrapped = true;
  }
  plans.set(name, plan);
  return task;
}

function wrappedPayload(state: Record<string, unknown>): Record<string, unknown> {
  return 'Parameters' in state ? { [WRAPPED_KEYS.payload]: state.Parameters } : { [`${WRAPPED_KEYS.payload}.$`]: '$' };
}

function adjustRetriersAndCatchers(state: Record<string, unknown>, options: PrepareOptions): void {
  for (const list of [state.Retry, state.Catch]) {
    if (!Array.isArray(list)) continue;
    for (const matcher of list) {
      if (!isRecord(matcher) || !Array.isArray(matcher.ErrorEquals)) continue;
      if (matcher.ErrorEquals.includes('States.Timeout') && !matcher.ErrorEquals.includes('States.HeartbeatTimeout')) {
        matcher.ErrorEquals = [...matcher.ErrorEquals, 'States.HeartbeatTimeout'];
      }
    }
  }
  if (!Array.isArray(state.Retry) || options.retryIntervalScale === 1) return;
  for (const retrier of state.Retry) {
    if (!isRecord(retrier)) continue;
    retrier.IntervalSeconds = (typeof retrier.IntervalSeconds === 'number' ? retrier.IntervalSeconds : 1) * options.retryIntervalScale;
    if (typeof retrier.MaxDelaySeconds === 'number') retrier.MaxDelaySeconds *= options.retryIntervalScale;
  }
}

const EXECUTION_PATH = /\$\$\.Execution(?![\w$])/g;
/** State fields holding nested machines or literal data, never rewritten here. */
const NOT_PATHS = new Set(['Result', 'Branches', 'ItemProcessor', 'Iterator']);

/** Points `$$.Execution...` in every path and `.$` value of a state at `$$.LocalExecution...`. */
function redirectExecutionPaths(state: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(state)) {
    if (!NOT_PATHS.has(key)) state[key] = redirectValue(key, value);
  }
}

function redirectValue(key: string | undefined, value: unknown): unknown {
  if (typeof value === 'string') {
    const isPath = key !== undefined && (key.endsWith('.$') || key.endsWith('Path') || key === 'Variable');
    return isPath ? value.replace(EXECUTION_PATH, `$$$$.${LOCAL_EXECUTION_KEY}`) : value;
  }
  if (Array.isArray(value)) return value.map((item) => redirectValue(undefined, item));
  if (isRecord(value)) {
    return Object.fromEntries(Object.entries(value).map(([innerKey, inner]) => [innerKey, redirectValue(innerKey, inner)]));
  }
  return value;
}
