/**
 * Executions: starting them on aws-local-stepfunctions (Task and Wait states handed to
 * `StateRunner`), stopping and timing them out, and keeping what `DescribeExecution` and
 * `ListExecutions` report.
 */
import { randomUUID } from 'node:crypto';
import { ExecutionAbortedError, ExecutionError, StateMachine, type RunOptions } from 'aws-local-stepfunctions';
import { LOCAL_EXECUTION_KEY, type PreparedDefinition } from './definition.js';
import { SfnApiError } from './errors.js';
import { tryParseJson, type Json } from './json.js';
import type { LocalTimer, LocalTimers } from './local-timers.js';
import type { ResourceDeps } from './resources.js';
import { StateRunner, type LiveExecution } from './state-runner.js';
import type { TaskTokenRegistry } from './tokens.js';
import type { TimeoutErrorFactory } from './timeout-error.js';
import { ExecutionHistory } from './history.js';

/** Status of an execution, as AWS reports it. */
export type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';

/** What `DescribeExecution` reports. */
export interface ExecutionRecord {
  readonly executionArn: string;
  readonly stateMachineArn: string;
  readonly name: string;
  /** The input as given (a JSON document). */
  readonly input: string;
  readonly startDate: Date;
  status: ExecutionStatus;
  stopDate?: Date;
  /** The output as a JSON document (SUCCEEDED only). */
  output?: string;
  error?: string;
  cause?: string;
  /** What `GetExecutionHistory` lists. */
  readonly history: ExecutionHistory;
}

/** Counters reported by `stats()`. */
export interface EngineStats {
  stateTransitions: number;
  lambdaInvocations: number;
  executionsStarted: number;
}

/** What the engine needs around it. */
export interface EngineDeps {
  definitions: Map<string, PreparedDefinition>;
  resources: Omit<ResourceDeps, 'onLambdaInvoked'>;
  timers: LocalTimers;
  tokens: TaskTokenRegistry;
  timeoutError: TimeoutErrorFactory;
}

type LocalHandlers = NonNullable<NonNullable<RunOptions['overrides']>['taskResourceLocalHandlers']>;

/** A running execution's live parts. */
interface Running extends LiveExecution {
  record: ExecutionRecord;
  abort: () => void;
  timeout?: LocalTimer;
}

const EXECUTION_NAME = /^[^\s<>{}[\]?*"#%\\^|~`$&,;:/\u0000-\u001f\u007f-\u009f]{1,80}$/;
const DEFAULT_FAIL_ERROR = 'FailStateError';
const DEFAULT_FAIL_CAUSE = 'Execution failed because of a Fail state';

/** Runs and records executions. */
export class Engine {
  private readonly records = new Map<string, ExecutionRecord>();
  private readonly recordsByMachine = new Map<string, ExecutionRecord[]>();
  private readonly running = new Map<string, Running>();
  private readonly machines = new Map<string, StateMachine>();
  private readonly counters: EngineStats = { stateTransitions: 0, lambdaInvocations: 0, executionsStarted: 0 };
  /** Bumped on every observable step; `idle()` waits for it to stand still. */
  private activity = 0;
  private readonly states: StateRunner;
  private readonly createdAt: Date;

  constructor(private readonly deps: EngineDeps) {
    this.createdAt = deps.timers.now();
    for (const [arn, prepared] of deps.definitions) {
      this.machines.set(arn, new StateMachine(prepared.runnable, { validationOptions: { noValidate: true } }));
    }
    this.states = new StateRunner({
      ...deps,
      region: regionOf([...deps.definitions.keys()][0] ?? ''),
      resources: {
        ...deps.resources,
        onLambdaInvoked: () => {
          this.counters.lambdaInvocations += 1;
        },
      },
      onActivity: () => {
        this.activity += 1;
      },
    });
  }

  /** `StartExecution`. Same name and input as a RUNNING execution returns that execution. */
  start(stateMachineArn: string, name: string | undefined, input: string | undefined): ExecutionRecord {
    const prepared = this.deps.definitions.get(stateMachineArn);
    const machine = this.machines.get(stateMachineArn);
    if (prepared === undefined || machine === undefined) {
      throw new SfnApiError('StateMachineDoesNotExist', `State Machine Does Not Exist: '${stateMachineArn}'`);
    }
    const inputText = input ?? '{}';
    const parsed = tryParseJson(inputText);
    if (parsed === undefined) throw new SfnApiError('InvalidExecutionInput', 'Invalid State Machine Execution Input: the input is not valid JSON');
    const executionName = name ?? randomUUID();
    if (!EXECUTION_NAME.test(executionName)) throw new SfnApiError('InvalidName', `Invalid Name: '${executionName}'`);
    const executionArn = prepared.executionArnPrefix + executionName;
    const existing = this.records.get(executionArn);
    if (existing !== undefined) {
      if (existing.status === 'RUNNING' && existing.input === inputText) return existing;
      throw new SfnApiError('ExecutionAlreadyExists', `Execution Already Exists: '${executionArn}'`);
    }
    const record: ExecutionRecord = {
      executionArn,
      stateMachineArn,
      name: executionName,
      input: inputText,
      startDate: this.deps.timers.now(),
      status: 'RUNNING',
      history: new ExecutionHistory(),
    };
    record.history.add(record.startDate, 'ExecutionStarted', 'executionStartedEventDetails', {
      input: inputText,
      inputDetails: { truncated: false },
      roleArn: localRoleArn(stateMachineArn),
    });
    this.records.set(executionArn, record);
    const siblings = this.recordsByMachine.get(stateMachineArn) ?? [];
    siblings.push(record);
    this.recordsByMachine.set(stateMachineArn, siblings);
    this.counters.executionsStarted += 1;
    this.run(prepared, machine, record, parsed.value);
    return record;
  }

  /** `DescribeExecution`. */
  describe(executionArn: string): ExecutionRecord {
    const record = this.records.get(executionArn);
    if (record === undefined) throw new SfnApiError('ExecutionDoesNotExist', `Execution Does Not Exist: '${executionArn}'`);
    return record;
  }

  /** `StopExecution`: a RUNNING execution becomes ABORTED; its open task tokens die. */
  stop(executionArn: string, error: string | undefined, cause: string | undefined): ExecutionRecord {
    const record = this.describe(executionArn);
    const running = this.running.get(executionArn);
    if (running !== undefined) {
      this.finish(running, { status: 'ABORTED', ...(error === undefined ? {} : { error }), ...(cause === undefined ? {} : { cause }) });
      running.abort();
    }
    return record;
  }

  /** `ListExecutions`, newest first. */
  list(stateMachineArn: string, statusFilter: string | undefined): ExecutionRecord[] {
    if (!this.deps.definitions.has(stateMachineArn)) {
      throw new SfnApiError('StateMachineDoesNotExist', `State Machine Does Not Exist: '${stateMachineArn}'`);
    }
    const records = [...(this.recordsByMachine.get(stateMachineArn) ?? [])].reverse();
    return statusFilter === undefined ? records : records.filter((record) => record.status === statusFilter);
  }

  /** The state machines, in the order they were given, with when the server created them. */
  machinesList(): Array<{ prepared: PreparedDefinition; creationDate: Date }> {
    return [...this.deps.definitions.values()].map((prepared) => ({ prepared, creationDate: this.createdAt }));
  }

  /** One state machine (`DescribeStateMachine`). */
  machine(stateMachineArn: string): { prepared: PreparedDefinition; creationDate: Date } {
    const prepared = this.deps.definitions.get(stateMachineArn);
    if (prepared === undefined) throw new SfnApiError('StateMachineDoesNotExist', `State Machine Does Not Exist: '${stateMachineArn}'`);
    return { prepared, creationDate: this.createdAt };
  }

  /** Counters since start. */
  stats(): EngineStats {
    return { ...this.counters };
  }

  /**
   * Resolves once every RUNNING execution is waiting on a callback task or a Wait state with
   * no call in flight, and nothing moved for a short while.
   */
  async idle(): Promise<void> {
    for (;;) {
      const before = this.activity;
      if (this.quiescent()) {
        await delay(15);
        if (this.quiescent() && this.activity === before) return;
      } else {
        await delay(5);
      }
    }
  }

  /** Aborts every running execution. */
  close(): void {
    for (const running of [...this.running.values()]) {
      this.finish(running, { status: 'ABORTED', error: 'States.Runtime', cause: 'The local Step Functions server was closed.' });
      running.abort();
    }
  }

  private quiescent(): boolean {
    for (const running of this.running.values()) {
      if (running.busy > 0 || running.waiting === 0) return false;
    }
    return true;
  }

  private run(prepared: PreparedDefinition, machine: StateMachine, record: ExecutionRecord, input: Json): void {
    const running: Running = {
      record,
      abort: noop,
      minted: new Set(),
      cancellers: new Set(),
      busy: 0,
      waiting: 0,
      isRunning: () => record.status === 'RUNNING',
      history: record.history,
    };
    this.running.set(record.executionArn, running);
    this.activity += 1;
    const handlers: LocalHandlers = {};
    for (const plan of prepared.plans.values()) {
      handlers[plan.stateName] = (stateInput) => this.states.run(running, plan, stateInput);
    }
    const execution = machine.run(input, { overrides: { taskResourceLocalHandlers: handlers }, context: this.contextFor(prepared, record, running, input) });
    running.abort = execution.abort;
    if (prepared.timeoutSeconds !== undefined) {
      running.timeout = this.deps.timers.at(record.startDate.getTime() + prepared.timeoutSeconds * 1000, () => {
        this.finish(running, { status: 'TIMED_OUT', error: 'States.Timeout', cause: 'The execution ran longer than its TimeoutSeconds.' });
        running.abort();
      });
    }
    void this.followEvents(execution.eventLogs, prepared, record.history);
    execution.result.then(
      (output) => this.finish(running, { status: 'SUCCEEDED', output: JSON.stringify(output) }),
      (error: unknown) => this.finish(running, failureOf(error)),
    );
  }

  /** The context object; `$$.Execution` paths were redirected to `$$.LocalExecution` (see definition.ts). */
  private contextFor(prepared: PreparedDefinition, record: ExecutionRecord, running: Running, input: Json): NonNullable<RunOptions['context']> {
    const { tokens, timers } = this.deps;
    const execution = { Id: record.executionArn, Name: record.name, RedriveCount: 0 };
    return {
      Execution: execution,
      [LOCAL_EXECUTION_KEY]: { ...execution, Input: input, StartTime: record.startDate.toISOString() },
      StateMachine: { Id: prepared.stateMachineArn, Name: prepared.stateMachineName },
      State: {
        get EnteredTime() {
          return timers.now().toISOString();
        },
      },
      Task: {
        /** Each read mints a token; the task whose input contains it claims it (see `claimTokens`). */
        get Token() {
          const token = tokens.mintToken();
          running.minted.add(token);
          return token;
        },
      },
    };
  }

  /** Counts transitions and records "state entered/exited" events in the history (AWS emits no exit for Fail states). */
  private async followEvents(events: AsyncIterable<InterpreterEvent>, prepared: PreparedDefinition, history: ExecutionHistory): Promise<void> {
    for await (const event of events) {
      if (event.type !== 'StateEntered' && event.type !== 'StateExited') continue;
      const name = event.state?.name ?? '';
      const type = prepared.stateTypes.get(name) ?? event.state?.type ?? 'Task';
      const now = this.deps.timers.now();
      if (event.type === 'StateEntered') {
        this.counters.stateTransitions += 1;
        this.activity += 1;
        history.add(now, `${type}StateEntered`, 'stateEnteredEventDetails', { name, input: JSON.stringify(event.state?.input ?? null), inputDetails: { truncated: false } });
      } else if (type !== 'Fail') {
        history.add(now, `${type}StateExited`, 'stateExitedEventDetails', { name, output: JSON.stringify(event.state?.output ?? null), outputDetails: { truncated: false } });
      }
    }
  }

  private finish(running: Running, outcome: Pick<ExecutionRecord, 'status' | 'output' | 'error' | 'cause'>): void {
    const { record } = running;
    if (record.status !== 'RUNNING') return;
    Object.assign(record, pickDefined(outcome), { stopDate: this.deps.timers.now() });
    closeHistory(record);
    this.running.delete(record.executionArn);
    this.activity += 1;
    running.timeout?.cancel();
    for (const cancel of [...running.cancellers]) cancel();
    running.minted.clear();
  }
}

/** What the interpreter's event log yields (the fields the history reads). */
interface InterpreterEvent {
  type: string;
  state?: { name: string; type: string; input: unknown; output?: unknown };
}

/** The region of an ARN (`arn:aws:states:<region>:…`). */
function regionOf(arn: string): string {
  return arn.split(':')[3] ?? 'us-east-1';
}

/** The role the local server pretends executions run as (AWS names one per state machine). */
export function localRoleArn(stateMachineArn: string): string {
  const [, , , , account = '000000000000', , name = 'state-machine'] = stateMachineArn.split(':');
  return `arn:aws:iam::${account}:role/${name}-local-role`;
}

/** The closing event of a finished execution, as AWS names it. */
function closeHistory(record: ExecutionRecord): void {
  const at = record.stopDate ?? record.startDate;
  const errorAndCause = { ...(record.error === undefined ? {} : { error: record.error }), ...(record.cause === undefined ? {} : { cause: record.cause }) };
  switch (record.status) {
    case 'SUCCEEDED':
      return record.history.close(at, 'ExecutionSucceeded', 'executionSucceededEventDetails', { output: record.output ?? 'null', outputDetails: { truncated: false } });
    case 'FAILED':
      return record.history.close(at, 'ExecutionFailed', 'executionFailedEventDetails', errorAndCause);
    case 'TIMED_OUT':
      return record.history.close(at, 'ExecutionTimedOut', 'executionTimedOutEventDetails', errorAndCause);
    case 'ABORTED':
      return record.history.close(at, 'ExecutionAborted', 'executionAbortedEventDetails', errorAndCause);
    case 'RUNNING':
      return;
  }
}

/** DescribeExecution fields for an execution that ended with `error`. */
function failureOf(error: unknown): Pick<ExecutionRecord, 'status' | 'error' | 'cause'> {
  if (error instanceof ExecutionAbortedError) return { status: 'ABORTED' };
  const original = error instanceof ExecutionError ? error.cause : error;
  if (!(original instanceof Error)) return { status: 'FAILED', error: 'States.Runtime', cause: String(original) };
  return {
    status: 'FAILED',
    ...(original.name === DEFAULT_FAIL_ERROR ? {} : { error: original.name }),
    ...(original.message === DEFAULT_FAIL_CAUSE ? {} : { cause: original.message }),
  };
}

/** A copy of `fields` without its `undefined` members. */
function pickDefined<T extends object>(fields: T): Partial<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Partial<T>;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function noop(): void {}
