import { DescribeExecutionCommand, SFNClient, SendTaskSuccessCommand, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { tracer, logger } from '#lib/observability.js';

/** The one Step Functions client of a bundle; locally the endpoint comes from AWS_ENDPOINT_URL_SFN. */
const sfn = tracer.captureAWSv3Client(new SFNClient({}));

/** ARCHITECTURE principle 3: a token that is gone means the wait was already resolved. */
const alreadyResolved = new Set(['TaskDoesNotExist', 'TaskTimedOut', 'InvalidToken']);

/** Wakes a workflow parked on `token`; a resolved or unknown token is not an error. */
export async function wakeWorkflow(token: string | undefined, output: unknown = {}): Promise<boolean> {
  if (!token) return false;
  try {
    await sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: JSON.stringify(output) }));
    return true;
  } catch (error) {
    if (error instanceof Error && alreadyResolved.has(error.name)) return false;
    logger.warn('could not wake workflow', { error: error as Error });
    return false;
  }
}

export const executionArn = (stateMachineArn: string, name: string) => `${stateMachineArn.replace(':stateMachine:', ':execution:')}:${name}`;

/** Starts an execution; an execution of that name already running counts as started. */
export async function startWorkflow(stateMachineArn: string, name: string, input: unknown): Promise<void> {
  try {
    await sfn.send(new StartExecutionCommand({ stateMachineArn, name, input: JSON.stringify(input) }));
  } catch (error) {
    if (error instanceof Error && error.name === 'ExecutionAlreadyExists') return;
    throw error;
  }
}

/** Whether the named execution is running (GEN-4 liveness). */
export async function isRunning(stateMachineArn: string, name: string): Promise<boolean> {
  try {
    const out = await sfn.send(new DescribeExecutionCommand({ executionArn: executionArn(stateMachineArn, name) }));
    return out.status === 'RUNNING';
  } catch (error) {
    if (error instanceof Error && error.name === 'ExecutionDoesNotExist') return false;
    throw error;
  }
}
