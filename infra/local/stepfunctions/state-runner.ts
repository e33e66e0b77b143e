/**
 * The handlers the interpreter calls for the states the server runs itself: every Task
 * (routed by `Resource`, callback tokens, timeouts and heartbeats on the local clock) and
 * every Wait state (rewritten into a Task by definition.ts, waiting on the local clock).
 */
import { WRAPPED_KEYS, type StatePlan, type TaskPlan, type WaitPlan } from './definition.js';
import { UncatchableError, describeThrown, executionClosedError } from './errors.js';
import { forEachString, isRecord, type Json } from './json.js';
import type { LocalTimers } from './local-timers.js';
import { callTarget, type ResourceDeps, type TaskTarget } from './resources.js';
import type { TaskTokenRegistry } from './tokens.js';
import type { TimeoutErrorFactory } from './timeout-error.js';
import { taskResource, type ExecutionHistory } from './history.js';

/** The live state of an execution that its handlers read and update. */
export interface LiveExecution {
  isRunning(): boolean;
  /** Tokens read through `$$.Task.Token` and not yet found in a task's input. */
  readonly minted: Set<string>;
  /** Called when the execution closes: each rejects one in-flight handler and frees its timers/tokens. */
  readonly cancellers: Set<() => void>;
  /** Calls in flight (Lambda, SDK). */
  busy: number;
  /** Callback tasks and Wait states waiting for a signal or the clock. */
  waiting: number;
  /** The execution's history (task events are recorded here). */
  readonly history: ExecutionHistory;
}

/** What the handlers need. */
export interface StateRunnerDeps {
  resources: ResourceDeps;
  timers: LocalTimers;
  tokens: TaskTokenRegistry;
  timeoutError: TimeoutErrorFactory;
  /** The region named in `TaskScheduled` events. */
  region: string;
  /** Called whenever a handler starts or settles (for `idle()`). */
  onActivity: () => void;
}

/** Handler-side hook to free resources when the execution closes first. */
interface HandlerScope {
  onClose(cleanup: () => void): void;
}

/** Runs Task and Wait states for the interpreter. */
export class StateRunner {
  constructor(private readonly deps: StateRunnerDeps) {}

  /**
   * Runs one state. If the execution closes first (stopped, timed out, failed elsewhere),
   * the returned promise rejects with an error no `Retry`/`Catch` matches, so nothing more
   * runs; a handler called on a closed execution rejects the same way at once.
   */
  run(execution: LiveExecution, plan: StatePlan, input: unknown): Promise<Json> {
    if (!execution.isRunning()) return Promise.reject(executionClosedError());
    this.deps.onActivity();
    const json = input as Json;
    return this.guarded(execution, plan.kind === 'task' ? (scope) => this.runTask(execution, plan, json, scope) : (scope) => this.runWait(execution, plan, json, scope));
  }

  private guarded(execution: LiveExecution, body: (scope: HandlerScope) => Promise<Json>): Promise<Json> {
    return new Promise<Json>((resolve, reject) => {
      const cleanups: Array<() => void> = [];
      function cancel(): void {
        for (const cleanup of cleanups) cleanup();
        reject(executionClosedError());
      }
      execution.cancellers.add(cancel);
      const settled = (): void => {
        execution.cancellers.delete(cancel);
        this.deps.onActivity();
      };
      body({ onClose: (cleanup) => cleanups.push(cleanup) })
        .then(resolve, reject)
        .finally(settled);
    });
  }

  private async runTask(execution: LiveExecution, plan: TaskPlan, input: Json, scope: HandlerScope): Promise<Json> {
    const { payload, timeoutSeconds, heartbeatSeconds } = unwrapTaskInput(plan, input);
    const tokens = claimTokens(execution, payload);
    // Let the interpreter's pending "state entered" event reach the history first.
    await new Promise((resolve) => setImmediate(resolve));
    if (!execution.isRunning()) throw executionClosedError();
    const timeoutAtMs = timeoutSeconds === undefined ? undefined : this.deps.timers.nowMs() + timeoutSeconds * 1000;
    const resource = taskResource(plan.resource);
    const record = (type: string, details: Record<string, unknown>) => {
      const key = `${type.charAt(0).toLowerCase()}${type.slice(1)}EventDetails`;
      execution.history.add(this.deps.timers.now(), type, key, { ...resource, ...details });
    };
    record('TaskScheduled', {
      region: this.deps.region,
      parameters: JSON.stringify(payload),
      ...(timeoutSeconds === undefined ? {} : { timeoutInSeconds: timeoutSeconds }),
      ...(heartbeatSeconds === undefined ? {} : { heartbeatInSeconds: heartbeatSeconds }),
    });
    record('TaskStarted', {});
    try {
      const output = await this.runTaskBody(execution, plan, payload, tokens, timeoutAtMs, heartbeatSeconds, scope, (submitted) =>
        record('TaskSubmitted', { output: JSON.stringify(submitted), outputDetails: { truncated: false } }),
      );
      record('TaskSucceeded', { output: JSON.stringify(output), outputDetails: { truncated: false } });
      return output;
    } catch (error) {
      if (execution.isRunning()) {
        const { name, message } = describeThrown(error);
        record(name === 'States.Timeout' || name === 'States.HeartbeatTimeout' ? 'TaskTimedOut' : 'TaskFailed', { error: name, cause: message });
      }
      throw error;
    }
  }

  private async runTaskBody(
    execution: LiveExecution,
    plan: TaskPlan,
    payload: Json,
    tokens: string[],
    timeoutAtMs: number | undefined,
    heartbeatSeconds: number | undefined,
    scope: HandlerScope,
    submitted: (output: Json) => void,
  ): Promise<Json> {
    if (!plan.callback) return this.callWithTimeout(execution, plan.target, payload, timeoutAtMs, scope);
    const task = this.deps.tokens.openTask(tokens, {
      ...(timeoutAtMs === undefined ? {} : { timeoutAtMs }),
      ...(heartbeatSeconds === undefined ? {} : { heartbeatSeconds }),
    });
    scope.onClose(() => task.close());
    execution.waiting += 1;
    try {
      const called = this.call(execution, plan.target, payload);
      called.then(submitted, ignore); // a failure after the token already resolved the task changes nothing
      await Promise.race([called, task.result]);
      return await task.result;
    } catch (error) {
      task.close();
      throw error;
    } finally {
      execution.waiting -= 1;
    }
  }

  private callWithTimeout(execution: LiveExecution, target: TaskTarget, payload: Json, timeoutAtMs: number | undefined, scope: HandlerScope): Promise<Json> {
    const called = this.call(execution, target, payload);
    if (timeoutAtMs === undefined) return called;
    return new Promise<Json>((resolve, reject) => {
      const timer = this.deps.timers.at(timeoutAtMs, () => reject(this.deps.timeoutError('States.Timeout')));
      scope.onClose(() => timer.cancel());
      called.then(resolve, reject).finally(() => timer.cancel());
    });
  }

  private async call(execution: LiveExecution, target: TaskTarget, payload: Json): Promise<Json> {
    execution.busy += 1;
    try {
      return await callTarget(target, payload, this.deps.resources);
    } finally {
      execution.busy -= 1;
    }
  }

  private async runWait(execution: LiveExecution, plan: WaitPlan, input: Json, scope: HandlerScope): Promise<Json> {
    const { payload, atMs } = unwrapWaitInput(plan, input, this.deps.timers.nowMs());
    execution.waiting += 1;
    try {
      await new Promise<void>((resolve) => {
        const timer = this.deps.timers.at(atMs, resolve);
        scope.onClose(() => timer.cancel());
      });
      return payload;
    } finally {
      execution.waiting -= 1;
    }
  }
}

/** Takes the minted tokens that appear in `payload` (whole or inside a longer string). */
function claimTokens(execution: LiveExecution, payload: Json): string[] {
  if (execution.minted.size === 0) return [];
  const found = new Set<string>();
  forEachString(payload, function findTokens(text) {
    for (const token of execution.minted) if (text.includes(token)) found.add(token);
  });
  for (const token of found) execution.minted.delete(token);
  return [...found];
}

function unwrapTaskInput(plan: TaskPlan, input: Json): { payload: Json; timeoutSeconds?: number; heartbeatSeconds?: number } {
  const wrapped = plan.wrapped && isRecord(input) ? input : undefined;
  const timeoutSeconds = positiveSeconds(wrapped?.[WRAPPED_KEYS.timeoutSeconds] ?? plan.timeoutSeconds, 'TimeoutSeconds', plan);
  const heartbeatSeconds = positiveSeconds(wrapped?.[WRAPPED_KEYS.heartbeatSeconds] ?? plan.heartbeatSeconds, 'HeartbeatSeconds', plan);
  return {
    payload: wrapped === undefined ? input : (wrapped[WRAPPED_KEYS.payload] ?? null),
    ...(timeoutSeconds === undefined ? {} : { timeoutSeconds }),
    ...(heartbeatSeconds === undefined ? {} : { heartbeatSeconds }),
  };
}

function unwrapWaitInput(plan: WaitPlan, input: Json, nowMs: number): { payload: Json; atMs: number } {
  const wrapped = plan.wrapped && isRecord(input) ? input : undefined;
  const payload = wrapped === undefined ? input : (wrapped[WRAPPED_KEYS.payload] ?? null);
  const seconds = wrapped?.[WRAPPED_KEYS.seconds] ?? plan.seconds;
  const timestamp = wrapped?.[WRAPPED_KEYS.timestamp] ?? plan.timestamp;
  if (typeof seconds === 'number' && seconds >= 0) return { payload, atMs: nowMs + seconds * 1000 };
  if (typeof timestamp === 'string' && !Number.isNaN(Date.parse(timestamp))) return { payload, atMs: Date.parse(timestamp) };
  throw new UncatchableError('States.Runtime', `Wait state '${plan.stateName}': no valid Seconds or Timestamp`);
}

function positiveSeconds(value: Json | undefined, field: string, plan: TaskPlan): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number' && value > 0) return value;
  throw new UncatchableError('States.Runtime', `Task state '${plan.stateName}': ${field} must be a positive number`);
}

function ignore(): void {}
