/**
 * Errors of the local Step Functions server: those answered on the wire (API errors) and
 * those thrown into the interpreter so that `Retry`/`Catch` see AWS's error names.
 */

/** The namespace AWS Step Functions puts in front of its error codes in `__type`. */
const ERROR_NAMESPACE = 'com.amazonaws.swf.service.v2.model';

/** Error codes this server answers with, as AWS Step Functions names them. */
export type SfnErrorCode =
  | 'ExecutionAlreadyExists'
  | 'ExecutionDoesNotExist'
  | 'InvalidArn'
  | 'InvalidExecutionInput'
  | 'InvalidName'
  | 'InvalidOutput'
  | 'InvalidToken'
  | 'StateMachineDoesNotExist'
  | 'TaskDoesNotExist'
  | 'TaskTimedOut'
  | 'UnknownOperationException'
  | 'SerializationException'
  | 'ValidationException'
  | 'InternalFailure';

/** An error answered to the client as `{"__type": ..., "message": ...}`. */
export class SfnApiError extends Error {
  constructor(
    readonly code: SfnErrorCode,
    message: string,
    readonly status = 400,
  ) {
    super(message);
    this.name = code;
  }

  /** The JSON body AWS sends for this error; `@aws-sdk/client-sfn` maps it to `error.name === code`. */
  toBody(): { __type: string; message: string } {
    return { __type: `${ERROR_NAMESPACE}#${this.code}`, message: this.message };
  }
}

/** An error the interpreter matches by `name` in `Retry`/`Catch`; `message` becomes the `Cause`. */
export function taskError(name: string, cause: string): Error {
  const error = new Error(cause);
  error.name = name;
  return error;
}

/**
 * An error that neither `Retry` nor `Catch` may match (the interpreter reads the
 * `isRetryable`/`isCatchable` getters of its own runtime errors and defaults to true).
 */
export class UncatchableError extends Error {
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }

  get isRetryable(): boolean {
    return false;
  }

  get isCatchable(): boolean {
    return false;
  }
}

/** Thrown into handlers of an execution that has already stopped, so nothing more runs. */
export function executionClosedError(): UncatchableError {
  return new UncatchableError('States.Runtime', 'The execution is no longer running.');
}

/** Best-effort `name`/`message` of anything thrown. */
export function describeThrown(thrown: unknown): { name: string; message: string } {
  if (thrown instanceof Error) return { name: thrown.name, message: thrown.message };
  return { name: 'Error', message: String(thrown) };
}
