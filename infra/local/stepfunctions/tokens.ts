/**
 * Task tokens of callback (`.waitForTaskToken`) tasks: minting, the open tasks they
 * resolve, their timeouts and heartbeats on the local clock, and the answers AWS gives to
 * `SendTaskSuccess`/`SendTaskFailure`/`SendTaskHeartbeat`.
 *
 * Answers for a token that does not resolve an open task (AWS's observable behaviour):
 * - not a token this server could have minted → `InvalidToken`;
 * - well formed but never minted here (e.g. by an earlier server process) → `TaskDoesNotExist`;
 * - minted here, task already closed (succeeded, failed, timed out, execution stopped or
 *   finished) → `TaskTimedOut` ("Provided task does not exist anymore"), which is what AWS
 *   answers to a second `SendTaskSuccess` on the same token.
 */
import { randomBytes } from 'node:crypto';
import { SfnApiError } from './errors.js';
import type { Json } from './json.js';
import type { LocalTimer, LocalTimers } from './local-timers.js';
import type { TimeoutErrorFactory } from './timeout-error.js';

const TOKEN_PREFIX = 'AQCEAAAAKgAAAAMAAAAAAAAAA';
const TOKEN_PATTERN = /^AQCEAAAAKgAAAAMAAAAAAAAAA[A-Za-z0-9_-]{64}$/;
/** How many closed tokens are remembered to answer `TaskTimedOut` (older ones: `TaskDoesNotExist`). */
const CLOSED_TOKENS_KEPT = 200_000;

/** Deadlines of a callback task, on the local clock. */
export interface CallbackTaskOptions {
  timeoutAtMs?: number;
  heartbeatSeconds?: number;
}

/** An open callback task. */
export interface CallbackTask {
  /** Settles with `SendTaskSuccess` output, or rejects on `SendTaskFailure` or a timeout. */
  readonly result: Promise<Json>;
  /** Closes the task without settling `result` (its tokens answer `TaskTimedOut`). */
  close(): void;
}

interface OpenTask {
  tokens: string[];
  resolve: (output: Json) => void;
  reject: (error: Error) => void;
  timers: LocalTimer[];
  heartbeat?: { timer: LocalTimer; seconds: number };
  done: boolean;
}

/** Mints tokens and resolves the callback tasks they belong to. */
export class TaskTokenRegistry {
  private readonly open = new Map<string, OpenTask>();
  private readonly closed = new Set<string>();

  constructor(
    private readonly timers: LocalTimers,
    private readonly timeoutError: TimeoutErrorFactory,
  ) {}

  /** A fresh, unguessable token (48 random bytes, base64url, behind an AWS-like prefix). */
  mintToken(): string {
    return TOKEN_PREFIX + randomBytes(48).toString('base64url');
  }

  /** Opens a callback task resolved by any of `tokens` (none: only a timeout can end it). */
  openTask(tokens: string[], options: CallbackTaskOptions): CallbackTask {
    const { promise: result, resolve, reject } = Promise.withResolvers<Json>();
    const task: OpenTask = { tokens, resolve, reject, timers: [], done: false };
    for (const token of tokens) this.open.set(token, task);
    const registry = this;
    if (options.timeoutAtMs !== undefined) {
      task.timers.push(this.timers.at(options.timeoutAtMs, function timedOut() {
        registry.finish(task, (entry) => entry.reject(registry.timeoutError('States.Timeout')));
      }));
    }
    if (options.heartbeatSeconds !== undefined) {
      const seconds = options.heartbeatSeconds;
      const timer = this.timers.at(this.timers.nowMs() + seconds * 1000, function missedHeartbeat() {
        registry.finish(task, (entry) => entry.reject(registry.timeoutError('States.HeartbeatTimeout')));
      });
      task.heartbeat = { timer, seconds };
      task.timers.push(timer);
    }
    return {
      result,
      close() {
        registry.finish(task, function leaveUnsettled() {});
      },
    };
  }

  /** `SendTaskSuccess`: `output` is the task's result. */
  succeed(token: string, output: Json): void {
    this.finish(this.lookup(token), (task) => task.resolve(output));
  }

  /** `SendTaskFailure`: the task fails with `error` (default `States.TaskFailed`) and `cause`. */
  fail(token: string, errorName: string | undefined, cause: string | undefined): void {
    const error = new Error(cause ?? '');
    error.name = errorName === undefined || errorName === '' ? 'States.TaskFailed' : errorName;
    this.finish(this.lookup(token), (task) => task.reject(error));
  }

  /** `SendTaskHeartbeat`: restarts the heartbeat period, if the task has one. */
  heartbeat(token: string): void {
    const task = this.lookup(token);
    if (task.heartbeat !== undefined) task.heartbeat.timer.reschedule(this.timers.nowMs() + task.heartbeat.seconds * 1000);
  }

  private lookup(token: string): OpenTask {
    const task = this.open.get(token);
    if (task !== undefined) return task;
    if (this.closed.has(token)) throw new SfnApiError('TaskTimedOut', "Task Timed Out: 'Provided task does not exist anymore'");
    if (!TOKEN_PATTERN.test(token)) throw new SfnApiError('InvalidToken', "Invalid Token: 'Invalid token'");
    throw new SfnApiError('TaskDoesNotExist', 'Task does not exist');
  }

  private finish(task: OpenTask, settle: (task: OpenTask) => void): void {
    if (task.done) return;
    task.done = true;
    for (const timer of task.timers) timer.cancel();
    for (const token of task.tokens) {
      this.open.delete(token);
      this.remember(token);
    }
    settle(task);
  }

  private remember(token: string): void {
    this.closed.add(token);
    if (this.closed.size <= CLOSED_TOKENS_KEPT) return;
    const oldest = this.closed.values().next();
    if (oldest.done !== true) this.closed.delete(oldest.value);
  }
}
