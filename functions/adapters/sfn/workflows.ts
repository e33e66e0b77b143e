import { DescribeExecutionCommand, SFNClient, SendTaskSuccessCommand, StartExecutionCommand } from '@aws-sdk/client-sfn';
import type { LifecycleName, Workflows } from '#domain/ports.js';
import { config } from '#lib/config.js';
import { logger } from '#lib/observability.js';

/** The one Step Functions client of a bundle, built on first use; locally the endpoint comes from AWS_ENDPOINT_URL_SFN. */
let client: SFNClient | undefined;
const sfn = () => (client ??= new SFNClient({}));

/** ARCHITECTURE principle 3: a token that is gone means the wait was already resolved. */
const alreadyResolved = new Set(['TaskDoesNotExist', 'TaskTimedOut', 'InvalidToken']);

export function stateMachineArn(lifecycle: LifecycleName): string {
  const c = config();
  switch (lifecycle) {
    case 'enrollment':
      return c.ENROLLMENT_STATE_MACHINE_ARN;
    case 'partnership-request':
      return c.PARTNERSHIP_STATE_MACHINE_ARN;
    case 'customer-invitation':
      return c.CUSTOMER_INVITATION_STATE_MACHINE_ARN;
    case 'order':
      return c.ORDER_STATE_MACHINE_ARN;
  }
}

export const executionArn = (machineArn: string, name: string) => `${machineArn.replace(':stateMachine:', ':execution:')}:${name}`;

/** The workflow signaller port on Step Functions. */
export const workflows: Workflows = {
  async start(lifecycle, name, input) {
    try {
      await sfn().send(new StartExecutionCommand({ stateMachineArn: stateMachineArn(lifecycle), name, input: JSON.stringify(input) }));
    } catch (error) {
      if (error instanceof Error && error.name === 'ExecutionAlreadyExists') return;
      throw error;
    }
  },
  async wake(token, state) {
    if (!token) return false;
    try {
      // The task's output is the workflow's next input (ResultPath "$"); `wakeups` counts the
      // Load steps since the last recorded change, so a wake starts it again.
      await sfn().send(new SendTaskSuccessCommand({ taskToken: token, output: JSON.stringify({ ...state, wakeups: 0 }) }));
      return true;
    } catch (error) {
      if (error instanceof Error && alreadyResolved.has(error.name)) return false;
      logger.warn('could not wake workflow', { error: error as Error });
      return false;
    }
  },
  async isRunning(lifecycle, name) {
    try {
      const out = await sfn().send(new DescribeExecutionCommand({ executionArn: executionArn(stateMachineArn(lifecycle), name) }));
      return out.status === 'RUNNING';
    } catch (error) {
      if (error instanceof Error && error.name === 'ExecutionDoesNotExist') return false;
      throw error;
    }
  },
};
