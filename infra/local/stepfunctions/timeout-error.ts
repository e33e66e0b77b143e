/**
 * The interpreter's own `States.Timeout` error class.
 *
 * aws-local-stepfunctions lets `States.TaskFailed` in `Retry`/`Catch` match every error
 * except `instanceof StatesTimeoutError` — exactly AWS's rule — but does not export that
 * class. We obtain it once by running a one-state machine whose Task times out after 1 ms
 * (its own real-time race) and taking the constructor of the error it fails with.
 */
import { ExecutionError, StateMachine, type StateMachineDefinition } from 'aws-local-stepfunctions';

/** Builds errors that the interpreter treats as timeouts. */
export type TimeoutErrorFactory = (name?: 'States.Timeout' | 'States.HeartbeatTimeout') => Error;

let discovered: Promise<TimeoutErrorFactory> | undefined;

/** Resolves with a factory of `StatesTimeoutError` instances (memoised per process). */
export function timeoutErrorFactory(): Promise<TimeoutErrorFactory> {
  discovered ??= discoverTimeoutError();
  return discovered;
}

async function discoverTimeoutError(): Promise<TimeoutErrorFactory> {
  const probe = {
    StartAt: 'Probe',
    States: {
      Probe: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:000000000000:function:probe', TimeoutSeconds: 0.001, End: true },
    },
  } as unknown as StateMachineDefinition;
  const machine = new StateMachine(probe, { validationOptions: { noValidate: true } });
  const run = machine.run({}, { overrides: { taskResourceLocalHandlers: { Probe: function neverSettles() { return new Promise(() => {}); } } } });
  const thrown = await run.result.then(
    function unexpectedSuccess() {
      return undefined;
    },
    function failed(error: unknown) {
      return error;
    },
  );
  const cause = thrown instanceof ExecutionError ? thrown.cause : undefined;
  if (!(cause instanceof Error) || cause.name !== 'States.Timeout') {
    throw new Error('aws-local-stepfunctions did not fail the probe with States.Timeout; its timeout handling changed');
  }
  const TimeoutError = cause.constructor as new () => Error;
  return function createTimeoutError(name = 'States.Timeout') {
    const error = new TimeoutError();
    error.name = name;
    error.message = name;
    return error;
  };
}
