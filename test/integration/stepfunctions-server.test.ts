/**
 * The local Step Functions server (infra/local/stepfunctions/server.ts), driven through
 * `@aws-sdk/client-sfn` exactly as the handlers drive AWS. Functions are in-memory; time
 * moves with `advanceClock`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DescribeExecutionCommand,
  DescribeStateMachineCommand,
  DescribeStateMachineForExecutionCommand,
  GetExecutionHistoryCommand,
  ListExecutionsCommand,
  ListStateMachinesCommand,
  SFNClient,
  SendTaskFailureCommand,
  SendTaskHeartbeatCommand,
  SendTaskSuccessCommand,
  StartExecutionCommand,
  StopExecutionCommand,
  type DescribeExecutionCommandOutput,
} from '@aws-sdk/client-sfn';
import { GetItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { advanceClock, onClockAdvance, systemClock } from '../../functions/lib/clock.js';
import { startStepFunctionsServer, type LocalStepFunctions } from '../../infra/local/stepfunctions/server.js';

const REGION = 'us-east-1';
const ACCOUNT = '123456789012';
const smArn = (name: string) => `arn:aws:states:${REGION}:${ACCOUNT}:stateMachine:${name}`;
const fnArn = (name: string) => `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${name}`;
const DAY = 86_400;

/** Tokens received by the `store-token` function, by the `key` of its payload. */
const stored = new Map<string, Record<string, unknown>>();
const calls = new Map<string, number>();
const dynamoCommands: unknown[] = [];

class NamedError extends Error {
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}

const functions: Record<string, (payload: unknown) => unknown> = {
  'store-token'(payload) {
    const record = payload as Record<string, unknown>;
    stored.set(String(record.key), record);
    return { stored: true };
  },
  flaky(payload) {
    const key = String((payload as { key: string }).key);
    const count = (calls.get(key) ?? 0) + 1;
    calls.set(key, count);
    if (count < 3) throw new NamedError('TransientError', `attempt ${count} failed`);
    return { attempts: count };
  },
  conflict() {
    throw new NamedError('ConflictError', 'the partner is already linked');
  },
  echo(payload) {
    return { echoed: payload };
  },
  /** Resolves its own task before returning, as a handler finding the work already done does. */
  async 'signal-now'(payload) {
    const { token } = payload as { token: string };
    await sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: JSON.stringify({ early: true }) }));
    return { signalled: true };
  },
};

/** A fake DynamoDB client: GetItem answers, PutItem fails its condition. */
const fakeDynamo = {
  async send(command: unknown): Promise<unknown> {
    dynamoCommands.push(command);
    if (command instanceof GetItemCommand) {
      return { $metadata: { httpStatusCode: 200 }, Item: { pk: { S: String(command.input.Key?.pk?.S) }, n: { N: '1' } } };
    }
    throw Object.assign(new Error('The conditional request failed'), {
      name: 'ConditionalCheckFailedException',
      $metadata: { httpStatusCode: 400, requestId: 'REQ1' },
    });
  },
} as unknown as DynamoDBClient;

function callbackTask(key: string, extra: Record<string, unknown>): Record<string, unknown> {
  return {
    Type: 'Task',
    Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
    Parameters: {
      FunctionName: fnArn('store-token'),
      Payload: { key, 'token.$': '$$.Task.Token', 'executionId.$': '$$.Execution.Id', 'startTime.$': '$$.Execution.StartTime' },
    },
    ...extra,
  };
}

const pass = (result: unknown) => ({ Type: 'Pass', Result: result, ResultPath: '$.outcome', End: true });

const definitions: Record<string, unknown> = {
  [smArn('result-path-root')]: {
    StartAt: 'Replace',
    States: { Replace: { Type: 'Pass', Result: { replaced: true }, ResultPath: '$', End: true } },
  },
  [smArn('callback')]: {
    StartAt: 'AwaitApproval',
    States: {
      AwaitApproval: {
        ...callbackTask('callback', {}),
        Parameters: {
          FunctionName: fnArn('store-token'),
          Payload: { 'key.$': '$.key', 'token.$': '$$.Task.Token', 'executionId.$': '$$.Execution.Id', 'startTime.$': '$$.Execution.StartTime' },
        },
        ResultPath: '$.result',
        Catch: [{ ErrorEquals: ['Rejected'], ResultPath: '$.error', Next: 'WasRejected' }],
        Next: 'Approved',
      },
      Approved: pass('approved'),
      WasRejected: pass('rejected'),
    },
  },
  [smArn('signal-now')]: {
    StartAt: 'AlreadyDone',
    States: {
      AlreadyDone: {
        Type: 'Task',
        Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
        Parameters: { FunctionName: 'signal-now', Payload: { 'token.$': '$$.Task.Token' } },
        End: true,
      },
    },
  },
  [smArn('week-timeout')]: {
    StartAt: 'AwaitWeek',
    States: {
      AwaitWeek: {
        ...callbackTask('week', { TimeoutSeconds: 7 * DAY }),
        Catch: [
          { ErrorEquals: ['States.TaskFailed'], ResultPath: '$.error', Next: 'CaughtAsTaskFailed' },
          { ErrorEquals: ['States.Timeout'], ResultPath: '$.error', Next: 'CaughtTimeout' },
        ],
        End: true,
      },
      CaughtAsTaskFailed: pass('task-failed'),
      CaughtTimeout: pass('timeout'),
    },
  },
  [smArn('month-timeout')]: {
    StartAt: 'AwaitMonth',
    States: { AwaitMonth: { ...callbackTask('month', { TimeoutSecondsPath: '$.timeoutSeconds' }), End: true } },
  },
  [smArn('heartbeat')]: {
    StartAt: 'AwaitBeat',
    States: {
      AwaitBeat: {
        ...callbackTask('heartbeat', { HeartbeatSeconds: 60 }),
        Catch: [
          { ErrorEquals: ['States.TaskFailed'], ResultPath: '$.error', Next: 'BeatCaughtAsTaskFailed' },
          { ErrorEquals: ['States.Timeout'], ResultPath: '$.error', Next: 'BeatTimedOut' },
        ],
        End: true,
      },
      BeatCaughtAsTaskFailed: pass('task-failed'),
      BeatTimedOut: pass('heartbeat-timeout'),
    },
  },
  [smArn('retry')]: {
    StartAt: 'CallFlaky',
    States: {
      CallFlaky: {
        Type: 'Task',
        Resource: 'arn:aws:states:::lambda:invoke',
        Parameters: { FunctionName: 'flaky', 'Payload.$': '$' },
        Retry: [{ ErrorEquals: ['TransientError'], IntervalSeconds: 2, MaxAttempts: 3, BackoffRate: 2 }],
        End: true,
      },
    },
  },
  [smArn('lambda-errors')]: {
    StartAt: 'Echo',
    States: {
      Echo: { Type: 'Task', Resource: fnArn('echo'), ResultPath: '$.echo', Next: 'Conflict' },
      Conflict: {
        Type: 'Task',
        Resource: 'arn:aws:states:::lambda:invoke',
        Parameters: { FunctionName: `${fnArn('conflict')}:live`, Payload: {} },
        Catch: [
          { ErrorEquals: ['SomethingElse'], Next: 'WrongCatch' },
          { ErrorEquals: ['ConflictError'], ResultPath: '$.error', Next: 'CaughtConflict' },
        ],
        End: true,
      },
      WrongCatch: pass('wrong'),
      CaughtConflict: pass('conflict'),
    },
  },
  [smArn('parallel')]: {
    StartAt: 'Both',
    States: {
      Both: {
        Type: 'Parallel',
        Branches: [
          { StartAt: 'BranchA', States: { BranchA: { ...callbackTask('par-a', {}), End: true } } },
          { StartAt: 'BranchB', States: { BranchB: { ...callbackTask('par-b', {}), End: true } } },
        ],
        End: true,
      },
    },
  },
  [smArn('map')]: {
    StartAt: 'EachItem',
    States: {
      EachItem: {
        Type: 'Map',
        ItemsPath: '$.items',
        ItemSelector: { 'item.$': '$$.Map.Item.Value' },
        ItemProcessor: {
          StartAt: 'AwaitItem',
          States: {
            AwaitItem: {
              ...callbackTask('map', {}),
              Parameters: { FunctionName: 'store-token', Payload: { 'key.$': "States.Format('map-{}', $.item)", 'token.$': '$$.Task.Token' } },
              End: true,
            },
          },
        },
        End: true,
      },
    },
  },
  [smArn('machine-timeout')]: {
    StartAt: 'SleepLong',
    TimeoutSeconds: 10 * DAY,
    States: { SleepLong: { Type: 'Wait', Seconds: 20 * DAY, End: true } },
  },
  [smArn('context')]: {
    StartAt: 'Inspect',
    States: {
      Inspect: {
        Type: 'Parallel',
        Branches: [
          {
            StartAt: 'Read',
            States: {
              Read: {
                Type: 'Pass',
                Parameters: {
                  'id.$': '$$.Execution.Id',
                  'name.$': '$$.Execution.Name',
                  'start.$': '$$.Execution.StartTime',
                  'input.$': '$$.Execution.Input',
                  'stateMachine.$': '$$.StateMachine.Id',
                  'entered.$': '$$.State.EnteredTime',
                  'greeting.$': "States.Format('hello {}', $$.Execution.Name)",
                },
                End: true,
              },
            },
          },
        ],
        OutputPath: '$[0]',
        End: true,
      },
    },
  },
  [smArn('wait')]: {
    StartAt: 'Sleep',
    States: {
      Sleep: { Type: 'Wait', Seconds: 3 * DAY, Next: 'SleepUntil' },
      SleepUntil: { Type: 'Wait', TimestampPath: '$.until', Next: 'Woke' },
      Woke: pass('woke'),
    },
  },
  [smArn('history')]: {
    StartAt: 'Decide',
    States: {
      Decide: { Type: 'Choice', Choices: [{ Variable: '$.approve', BooleanEquals: true, Next: 'AwaitApproval' }], Default: 'Pause' },
      AwaitApproval: { ...callbackTask('history', {}), ResultPath: '$.result', HeartbeatSeconds: 3600, Next: 'Approved' },
      Approved: { Type: 'Succeed' },
      Pause: { Type: 'Wait', Seconds: 60, Next: 'Refused' },
      Refused: { Type: 'Fail', Error: 'Refused', Cause: 'the choice said no' },
    },
  },
  [smArn('dynamodb')]: {
    StartAt: 'Get',
    States: {
      Get: {
        Type: 'Task',
        Resource: 'arn:aws:states:::aws-sdk:dynamodb:getItem',
        Parameters: { TableName: 'main', Key: { pk: { 'S.$': '$.pk' } } },
        ResultPath: '$.got',
        Next: 'PutSdk',
      },
      PutSdk: {
        Type: 'Task',
        Resource: 'arn:aws:states:::aws-sdk:dynamodb:putItem',
        Parameters: { TableName: 'main', Item: { pk: { S: 'x' } }, ConditionExpression: 'attribute_not_exists(pk)' },
        Catch: [{ ErrorEquals: ['DynamoDb.ConditionalCheckFailedException'], ResultPath: '$.sdkError', Next: 'PutOptimized' }],
        Next: 'PutOptimized',
      },
      PutOptimized: {
        Type: 'Task',
        Resource: 'arn:aws:states:::dynamodb:putItem',
        Parameters: { TableName: 'main', Item: { pk: { S: 'x' } } },
        Catch: [{ ErrorEquals: ['DynamoDB.ConditionalCheckFailedException'], ResultPath: '$.optimizedError', Next: 'Done' }],
        Next: 'Done',
      },
      Done: { Type: 'Succeed' },
    },
  },
};

let server: LocalStepFunctions;
let sfn: SFNClient;

beforeAll(async () => {
  server = await startStepFunctionsServer({
    definitions,
    invokeLambda: async (name, payload) => {
      const fn = functions[name];
      if (fn === undefined) throw new NamedError('ResourceNotFoundException', `Function not found: ${name}`);
      return fn(payload);
    },
    clients: { dynamodb: fakeDynamo },
    clock: { now: () => systemClock.now(), onAdvance: onClockAdvance },
    retryIntervalScale: 0.001,
  });
  sfn = new SFNClient({ endpoint: server.url, region: REGION, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
});

afterAll(async () => {
  sfn?.destroy();
  await server?.close();
});

async function start(machine: string, input: unknown = {}, name?: string): Promise<string> {
  const started = await sfn.send(new StartExecutionCommand({ stateMachineArn: smArn(machine), input: JSON.stringify(input), ...(name ? { name } : {}) }));
  if (started.executionArn === undefined) throw new Error('no executionArn');
  return started.executionArn;
}

async function describeExecution(executionArn: string): Promise<DescribeExecutionCommandOutput> {
  return sfn.send(new DescribeExecutionCommand({ executionArn }));
}

/** Lets the server run until every execution is finished or parked, then describes one. */
async function settled(executionArn: string): Promise<DescribeExecutionCommandOutput> {
  await server.idle();
  return describeExecution(executionArn);
}

function outputOf(execution: DescribeExecutionCommandOutput): Record<string, unknown> {
  return JSON.parse(execution.output ?? 'null') as Record<string, unknown>;
}

function tokenFor(key: string): string {
  const token = stored.get(key)?.token;
  if (typeof token !== 'string') throw new Error(`no token stored for ${key}`);
  return token;
}

async function errorNameOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return (error as Error).name;
  }
  throw new Error('expected the call to fail');
}

describe('callback tasks', () => {
  it('hands a fresh token to the function and resumes with SendTaskSuccess output', async () => {
    const arn = await start('callback', { key: 'approve' });
    expect((await settled(arn)).status).toBe('RUNNING');
    const payload = stored.get('approve');
    expect(payload?.executionId).toBe(arn);
    expect(tokenFor('approve')).toMatch(/^[A-Za-z0-9_-]{80,}$/);

    await sfn.send(new SendTaskSuccessCommand({ taskToken: tokenFor('approve'), output: JSON.stringify({ approvedBy: 'ops' }) }));
    const done = await settled(arn);
    expect(done.status).toBe('SUCCEEDED');
    expect(outputOf(done)).toEqual({ key: 'approve', result: { approvedBy: 'ops' }, outcome: 'approved' });
    expect(done.stopDate).toBeInstanceOf(Date);
  });

  it('accepts SendTaskSuccess sent by the function while it is being invoked', async () => {
    const done = await settled(await start('signal-now'));
    expect(done.status).toBe('SUCCEEDED');
    expect(outputOf(done)).toEqual({ early: true });
  });

  it('routes SendTaskFailure to the Catch matching its error name', async () => {
    const arn = await start('callback', { key: 'reject' });
    await settled(arn);
    await sfn.send(new SendTaskFailureCommand({ taskToken: tokenFor('reject'), error: 'Rejected', cause: 'not eligible' }));
    const done = await settled(arn);
    expect(done.status).toBe('SUCCEEDED');
    expect(outputOf(done)).toMatchObject({ outcome: 'rejected', error: { Error: 'Rejected', Cause: 'not eligible' } });
  });

  it('answers a second SendTaskSuccess on the same token with TaskTimedOut', async () => {
    const arn = await start('callback', { key: 'twice' });
    await settled(arn);
    await sfn.send(new SendTaskSuccessCommand({ taskToken: tokenFor('twice'), output: '{}' }));
    expect(await errorNameOf(sfn.send(new SendTaskSuccessCommand({ taskToken: tokenFor('twice'), output: '{}' })))).toBe('TaskTimedOut');
    expect(await errorNameOf(sfn.send(new SendTaskHeartbeatCommand({ taskToken: tokenFor('twice') })))).toBe('TaskTimedOut');
    expect((await settled(arn)).status).toBe('SUCCEEDED');
  });

  it('rejects unknown and malformed tokens and non-JSON output', async () => {
    const unknown = `AQCEAAAAKgAAAAMAAAAAAAAAA${'x'.repeat(64)}`;
    expect(await errorNameOf(sfn.send(new SendTaskSuccessCommand({ taskToken: unknown, output: '{}' })))).toBe('TaskDoesNotExist');
    expect(await errorNameOf(sfn.send(new SendTaskFailureCommand({ taskToken: 'not-a-token' })))).toBe('InvalidToken');
    const arn = await start('callback', { key: 'bad-output' });
    await settled(arn);
    expect(await errorNameOf(sfn.send(new SendTaskSuccessCommand({ taskToken: tokenFor('bad-output'), output: '{nope' })))).toBe('InvalidOutput');
    expect((await describeExecution(arn)).status).toBe('RUNNING');
    await sfn.send(new StopExecutionCommand({ executionArn: arn }));
  });

  it('StopExecution aborts the run and kills its token', async () => {
    const arn = await start('callback', { key: 'stop' });
    await settled(arn);
    const stopped = await sfn.send(new StopExecutionCommand({ executionArn: arn, error: 'Operator', cause: 'cancelled' }));
    expect(stopped.stopDate).toBeInstanceOf(Date);
    const execution = await settled(arn);
    expect(execution).toMatchObject({ status: 'ABORTED', error: 'Operator', cause: 'cancelled' });
    expect(await errorNameOf(sfn.send(new SendTaskSuccessCommand({ taskToken: tokenFor('stop'), output: '{}' })))).toBe('TaskTimedOut');
  });

  it('runs a callback in each Parallel branch, each with its own token', async () => {
    const arn = await start('parallel', { order: 7 });
    await settled(arn);
    expect(tokenFor('par-a')).not.toBe(tokenFor('par-b'));
    await sfn.send(new SendTaskSuccessCommand({ taskToken: tokenFor('par-b'), output: JSON.stringify({ branch: 'b' }) }));
    expect((await settled(arn)).status).toBe('RUNNING');
    await sfn.send(new SendTaskSuccessCommand({ taskToken: tokenFor('par-a'), output: JSON.stringify({ branch: 'a' }) }));
    const done = await settled(arn);
    expect(done.status).toBe('SUCCEEDED');
    expect(JSON.parse(done.output ?? 'null')).toEqual([{ branch: 'a' }, { branch: 'b' }]);
  });

  it('runs a callback per Map item, each with its own token', async () => {
    const arn = await start('map', { items: ['x', 'y', 'z'] });
    await settled(arn);
    const tokens = ['x', 'y', 'z'].map((item) => tokenFor(`map-${item}`));
    expect(new Set(tokens).size).toBe(3);
    for (const [index, token] of tokens.entries()) {
      await sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: JSON.stringify({ index }) }));
    }
    const done = await settled(arn);
    expect(done.status).toBe('SUCCEEDED');
    expect(JSON.parse(done.output ?? 'null')).toEqual([{ index: 0 }, { index: 1 }, { index: 2 }]);
  });
});

describe('timeouts on the local clock', () => {
  it('does not fire a 30-day TimeoutSeconds without moving the clock (beyond the 2^31 ms timer limit)', async () => {
    const arn = await start('month-timeout', { timeoutSeconds: 30 * DAY });
    // The timer itself is proven in test/unit/local-timers.test.ts (fake time past 2^31 ms).
    expect((await settled(arn)).status).toBe('RUNNING');
    advanceClock(30 * DAY + 1);
    const done = await settled(arn);
    expect(done).toMatchObject({ status: 'FAILED', error: 'States.Timeout' });
  });

  it('times out a week-long callback when the clock moves past it; States.TaskFailed does not catch it', async () => {
    const arn = await start('week-timeout');
    await settled(arn);
    advanceClock(7 * DAY - 60);
    expect((await settled(arn)).status).toBe('RUNNING');
    advanceClock(61);
    const done = await settled(arn);
    expect(done.status).toBe('SUCCEEDED');
    expect(outputOf(done)).toMatchObject({ outcome: 'timeout', error: { Error: 'States.Timeout' } });
    expect(await errorNameOf(sfn.send(new SendTaskSuccessCommand({ taskToken: tokenFor('week'), output: '{}' })))).toBe('TaskTimedOut');
  });

  it('keeps a task alive while heartbeats arrive and times it out when they stop', async () => {
    const arn = await start('heartbeat');
    await settled(arn);
    const token = tokenFor('heartbeat');
    await sfn.send(new SendTaskHeartbeatCommand({ taskToken: token }));
    advanceClock(50);
    await sfn.send(new SendTaskHeartbeatCommand({ taskToken: token }));
    advanceClock(50);
    expect((await settled(arn)).status).toBe('RUNNING');
    advanceClock(61);
    const done = await settled(arn);
    expect(done.status).toBe('SUCCEEDED');
    expect(outputOf(done)).toMatchObject({ outcome: 'heartbeat-timeout', error: { Error: 'States.HeartbeatTimeout' } });
  });

  it('times out a whole execution after its own TimeoutSeconds on the local clock', async () => {
    const arn = await start('machine-timeout');
    advanceClock(10 * DAY - 1);
    expect((await settled(arn)).status).toBe('RUNNING');
    advanceClock(2);
    expect(await settled(arn)).toMatchObject({ status: 'TIMED_OUT', error: 'States.Timeout' });
  });

  it('waits in Wait states on the local clock', async () => {
    const until = new Date(systemClock.now().getTime() + 5 * DAY * 1000).toISOString();
    const arn = await start('wait', { until });
    expect((await settled(arn)).status).toBe('RUNNING');
    advanceClock(3 * DAY);
    expect((await settled(arn)).status).toBe('RUNNING');
    advanceClock(2 * DAY);
    const done = await settled(arn);
    expect(done.status).toBe('SUCCEEDED');
    expect(outputOf(done)).toEqual({ until, outcome: 'woke' });
  });
});

describe('task routing and errors', () => {
  it('retries a failing lambda with the defined retrier and succeeds on the third call', async () => {
    const arn = await start('retry', { key: 'retry-1' });
    const done = await settled(arn);
    expect(done.status).toBe('SUCCEEDED');
    expect(calls.get('retry-1')).toBe(3);
    expect(outputOf(done)).toMatchObject({ ExecutedVersion: '$LATEST', StatusCode: 200, Payload: { attempts: 3 } });
  });

  it('treats ResultPath "$" as replacing the input, as ASL defines it', async () => {
    const done = await settled(await start('result-path-root', { original: 1 }));
    expect(done.status).toBe('SUCCEEDED');
    expect(outputOf(done)).toEqual({ replaced: true });
  });

  it('returns a plain Lambda ARN result directly and propagates a function error by its name', async () => {
    const arn = await start('lambda-errors', { id: 'p-1' });
    const done = await settled(arn);
    expect(done.status).toBe('SUCCEEDED');
    const output = outputOf(done);
    expect(output).toMatchObject({ echo: { echoed: { id: 'p-1' } }, outcome: 'conflict', error: { Error: 'ConflictError' } });
    const error = output.error as { Cause: string };
    expect(JSON.parse(error.Cause)).toMatchObject({ errorType: 'ConflictError', errorMessage: 'the partner is already linked' });
  });

  it('calls the DynamoDB client for aws-sdk and optimized tasks with AWS error names', async () => {
    dynamoCommands.length = 0;
    const arn = await start('dynamodb', { pk: 'partner#1' });
    const done = await settled(arn);
    expect(done.status).toBe('SUCCEEDED');
    expect(dynamoCommands[0]).toBeInstanceOf(GetItemCommand);
    expect((dynamoCommands[0] as GetItemCommand).input).toEqual({ TableName: 'main', Key: { pk: { S: 'partner#1' } } });
    const output = outputOf(done);
    expect(output.got).toEqual({ Item: { pk: { S: 'partner#1' }, n: { N: '1' } } });
    expect(output).toMatchObject({
      sdkError: { Error: 'DynamoDb.ConditionalCheckFailedException' },
      optimizedError: { Error: 'DynamoDB.ConditionalCheckFailedException' },
    });
    expect((output.sdkError as { Cause: string }).Cause).toContain('The conditional request failed');
  });

  it('fails an execution with the uncaught error and its cause', async () => {
    calls.set('retry-2', -5); // fails on every attempt
    const arn = await start('retry', { key: 'retry-2' });
    const done = await settled(arn);
    expect(done).toMatchObject({ status: 'FAILED', error: 'TransientError' });
    expect(JSON.parse(done.cause ?? '{}')).toMatchObject({ errorType: 'TransientError' });
  });
});

describe('executions', () => {
  it('resolves the context object on the local clock, also inside Parallel branches', async () => {
    advanceClock(DAY);
    const arn = await start('context', { hello: 'world' }, 'ctx-1');
    const done = await settled(arn);
    expect(done.status).toBe('SUCCEEDED');
    const output = outputOf(done);
    expect(output).toMatchObject({ id: arn, name: 'ctx-1', input: { hello: 'world' }, stateMachine: smArn('context'), greeting: 'hello ctx-1' });
    expect(Date.parse(String(output.start))).toBe(done.startDate?.getTime());
    expect(Date.parse(String(output.start)) - Date.now()).toBeGreaterThan(DAY * 1000 - 5_000); // local clock, not wall clock
    expect(Date.parse(String(output.entered))).toBeGreaterThanOrEqual(Date.parse(String(output.start)));
  });

  it('formats execution ARNs, is idempotent on name + input and lists executions', async () => {
    const first = await start('callback', { key: 'named' }, 'order-42');
    expect(first).toBe(`arn:aws:states:${REGION}:${ACCOUNT}:execution:callback:order-42`);
    expect(await start('callback', { key: 'named' }, 'order-42')).toBe(first);
    expect(await errorNameOf(start('callback', { key: 'other' }, 'order-42'))).toBe('ExecutionAlreadyExists');
    const running = await sfn.send(new ListExecutionsCommand({ stateMachineArn: smArn('callback'), statusFilter: 'RUNNING' }));
    expect(running.executions?.map((execution) => execution.name)).toEqual(['order-42']);
    await sfn.send(new StopExecutionCommand({ executionArn: first }));
    expect(await errorNameOf(start('callback', { key: 'named' }, 'order-42'))).toBe('ExecutionAlreadyExists');
  });

  it('answers unknown executions and state machines like AWS', async () => {
    const unknown = `arn:aws:states:${REGION}:${ACCOUNT}:execution:callback:nope`;
    expect(await errorNameOf(describeExecution(unknown))).toBe('ExecutionDoesNotExist');
    expect(await errorNameOf(start('missing'))).toBe('StateMachineDoesNotExist');
    expect(await errorNameOf(describeExecution('not-an-arn'))).toBe('InvalidArn');
  });

  it('counts state transitions, Lambda invocations and executions', async () => {
    const before = server.stats();
    await settled(await start('lambda-errors', { id: 'p-2' })); // Echo → Conflict → CaughtConflict
    const after = server.stats();
    expect({
      executionsStarted: after.executionsStarted - before.executionsStarted,
      lambdaInvocations: after.lambdaInvocations - before.lambdaInvocations,
      stateTransitions: after.stateTransitions - before.stateTransitions,
    }).toEqual({ executionsStarted: 1, lambdaInvocations: 2, stateTransitions: 3 });
  });
});

describe('state machines and execution history', () => {
  type Event = { id?: number; previousEventId?: number; type?: string; timestamp?: Date } & Record<string, unknown>;
  async function historyOf(executionArn: string): Promise<Event[]> {
    const events: Event[] = [];
    let nextToken: string | undefined;
    do {
      const page = await sfn.send(new GetExecutionHistoryCommand({ executionArn, maxResults: 4, ...(nextToken ? { nextToken } : {}) }));
      events.push(...((page.events ?? []) as Event[]));
      nextToken = page.nextToken;
    } while (nextToken);
    return events;
  }

  it('lists and describes the state machines, and the one of an execution, with their definitions', async () => {
    const listed = await sfn.send(new ListStateMachinesCommand({}));
    expect(listed.stateMachines?.map((m) => m.name)).toEqual(Object.keys(definitions).map((arn) => arn.split(':').at(-1)));
    expect(listed.stateMachines?.[0]).toMatchObject({ type: 'STANDARD', creationDate: expect.any(Date) });

    const described = await sfn.send(new DescribeStateMachineCommand({ stateMachineArn: smArn('history') }));
    expect(described).toMatchObject({ name: 'history', status: 'ACTIVE', type: 'STANDARD', roleArn: expect.stringMatching(/^arn:aws:iam::123456789012:role\//) });
    expect(JSON.parse(described.definition ?? '')).toEqual(definitions[smArn('history')]);

    const arn = await start('history', { approve: false });
    const forExecution = await sfn.send(new DescribeStateMachineForExecutionCommand({ executionArn: arn }));
    expect(forExecution).toMatchObject({ stateMachineArn: smArn('history'), name: 'history', definition: described.definition });
    expect(await errorNameOf(sfn.send(new DescribeStateMachineCommand({ stateMachineArn: smArn('missing') })))).toBe('StateMachineDoesNotExist');
    expect(await errorNameOf(sfn.send(new GetExecutionHistoryCommand({ executionArn: `${arn}-nope` })))).toBe('ExecutionDoesNotExist');
  });

  it('records Choice, callback Task and Succeed states as AWS does, in order, paged and reversible', async () => {
    const arn = await start('history', { approve: true }, 'history-approved');
    await settled(arn);
    await sfn.send(new SendTaskSuccessCommand({ taskToken: tokenFor('history'), output: JSON.stringify({ approvedBy: 'ops' }) }));
    await settled(arn);
    const events = await historyOf(arn);
    expect(events.map((e) => e.type)).toEqual([
      'ExecutionStarted',
      'ChoiceStateEntered',
      'ChoiceStateExited',
      'TaskStateEntered',
      'TaskScheduled',
      'TaskStarted',
      'TaskSubmitted',
      'TaskSucceeded',
      'TaskStateExited',
      'SucceedStateEntered',
      'SucceedStateExited',
      'ExecutionSucceeded',
    ]);
    expect(events.map((e) => [e.id, e.previousEventId])).toEqual(events.map((_, i) => [i + 1, i]));
    expect(events.every((e) => e.timestamp instanceof Date)).toBe(true);
    const byType = (type: string) => events.find((e) => e.type === type) ?? {};
    expect(byType('ExecutionStarted').executionStartedEventDetails).toMatchObject({ input: JSON.stringify({ approve: true }) });
    expect(byType('TaskStateEntered').stateEnteredEventDetails).toMatchObject({ name: 'AwaitApproval' });
    const scheduled = byType('TaskScheduled').taskScheduledEventDetails as Record<string, unknown>;
    expect(scheduled).toMatchObject({ resourceType: 'lambda', resource: 'invoke.waitForTaskToken', region: REGION, heartbeatInSeconds: 3600 });
    expect(JSON.parse(String(scheduled.parameters))).toMatchObject({ FunctionName: fnArn('store-token'), Payload: { key: 'history' } });
    expect(JSON.parse(String((byType('TaskSubmitted').taskSubmittedEventDetails as { output: string }).output))).toMatchObject({ StatusCode: 200, Payload: { stored: true } });
    expect(byType('TaskSucceeded').taskSucceededEventDetails).toMatchObject({ output: JSON.stringify({ approvedBy: 'ops' }) });
    expect(JSON.parse(String((byType('ExecutionSucceeded').executionSucceededEventDetails as { output: string }).output))).toEqual({ approve: true, result: { approvedBy: 'ops' } });

    const reversed = await sfn.send(new GetExecutionHistoryCommand({ executionArn: arn, reverseOrder: true, includeExecutionData: false }));
    expect(reversed.events?.map((e) => e.type)).toEqual(events.map((e) => e.type).reverse());
    expect(reversed.events?.at(-1)?.executionStartedEventDetails?.input).toBeUndefined();
  });

  it('records Wait and Fail states and the failure', async () => {
    const arn = await start('history', { approve: false });
    await settled(arn);
    advanceClock(61);
    expect((await settled(arn)).status).toBe('FAILED');
    const events = await historyOf(arn);
    expect(events.map((e) => e.type)).toEqual([
      'ExecutionStarted',
      'ChoiceStateEntered',
      'ChoiceStateExited',
      'WaitStateEntered',
      'WaitStateExited',
      'FailStateEntered',
      'ExecutionFailed',
    ]);
    expect(events.at(-1)?.executionFailedEventDetails).toEqual({ error: 'Refused', cause: 'the choice said no' });
  });

  it('records each failed attempt of a retried task, a task timeout and an abort', async () => {
    const retried = await start('retry', { key: 'retry-history' });
    await settled(retried);
    const retryTypes = (await historyOf(retried)).map((e) => e.type);
    expect(retryTypes).toEqual([
      'ExecutionStarted',
      'TaskStateEntered',
      ...['TaskScheduled', 'TaskStarted', 'TaskFailed'],
      ...['TaskScheduled', 'TaskStarted', 'TaskFailed'],
      ...['TaskScheduled', 'TaskStarted', 'TaskSucceeded'],
      'TaskStateExited',
      'ExecutionSucceeded',
    ]);
    expect((await historyOf(retried)).find((e) => e.type === 'TaskFailed')?.taskFailedEventDetails).toMatchObject({ resourceType: 'lambda', resource: 'invoke', error: 'TransientError' });

    const timedOut = await start('week-timeout');
    await settled(timedOut);
    advanceClock(7 * DAY + 1);
    await settled(timedOut);
    const timeoutEvent = (await historyOf(timedOut)).find((e) => e.type === 'TaskTimedOut');
    expect(timeoutEvent?.taskTimedOutEventDetails).toMatchObject({ error: 'States.Timeout' });

    const aborted = await start('callback', { key: 'abort-history' });
    await settled(aborted);
    await sfn.send(new StopExecutionCommand({ executionArn: aborted, error: 'Operator', cause: 'stopped by hand' }));
    expect((await historyOf(aborted)).at(-1)).toMatchObject({ type: 'ExecutionAborted', executionAbortedEventDetails: { error: 'Operator', cause: 'stopped by hand' } });
  });
});
