import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { workflows } from '../../infra/catalog.js';
import { placeholdersOf, PSEUDO_SUBSTITUTIONS, requirementsOf, substitute } from '../../infra/constructs/asl.js';
import { PROJECT_ROOT } from '../../infra/stack.js';

/** What the state machine roles are derived from: the Task states of the definition. */
const machine = (states: Record<string, unknown>) => JSON.stringify({ StartAt: Object.keys(states)[0], States: states });

describe('ASL requirements (what a state machine role must allow)', () => {
  it('maps optimized and SDK DynamoDB integrations to IAM actions', () => {
    const r = requirementsOf(
      machine({
        Get: { Type: 'Task', Resource: 'arn:aws:states:::dynamodb:getItem', Parameters: { TableName: '${TableName}' }, Next: 'Update' },
        Update: { Type: 'Task', Resource: 'arn:aws:states:::dynamodb:updateItem', Next: 'Due' },
        Due: { Type: 'Task', Resource: 'arn:aws:states:::aws-sdk:dynamodb:query', Parameters: { IndexName: 'due' }, Next: 'Tx' },
        Tx: {
          Type: 'Task',
          Resource: 'arn:aws:states:::aws-sdk:dynamodb:transactWriteItems',
          Parameters: { TransactItems: [{ Put: {} }, { ConditionCheck: {} }] },
          End: true,
        },
      }),
    );
    expect(r.dynamodbActions).toEqual(['dynamodb:ConditionCheckItem', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:UpdateItem']);
    expect(r.usesIndexes).toBe(true);
    expect(r.placeholders).toEqual(['TableName']);
    expect(r.unknownIntegrations).toEqual([]);
  });

  it('grants every per-item action when TransactItems is built at run time', () => {
    const r = requirementsOf(
      machine({ Tx: { Type: 'Task', Resource: 'arn:aws:states:::aws-sdk:dynamodb:transactWriteItems', Parameters: { 'TransactItems.$': '$.items' }, End: true } }),
    );
    expect(r.dynamodbActions).toEqual(['dynamodb:ConditionCheckItem', 'dynamodb:DeleteItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem']);
  });

  it('finds Lambda invokes (optimized, callback, plain ARN), SES and nested states; reports unknown integrations', () => {
    const r = requirementsOf(
      machine({
        P: {
          Type: 'Parallel',
          Branches: [
            JSON.parse(machine({ A: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken', End: true } })),
            JSON.parse(machine({ B: { Type: 'Task', Resource: '${StepArn}', End: true } })),
          ],
          Next: 'M',
        },
        M: {
          Type: 'Map',
          ItemProcessor: JSON.parse(machine({ C: { Type: 'Task', Resource: 'arn:aws:states:::aws-sdk:sesv2:sendEmail', End: true } })),
          Next: 'Q',
        },
        Q: { Type: 'Task', Resource: 'arn:aws:states:::sqs:sendMessage', End: true },
      }),
    );
    expect(r.invokesLambda).toBe(true);
    expect(r.sesActions).toEqual(['ses:SendEmail']);
    expect(r.unknownIntegrations).toEqual(['arn:aws:states:::sqs:sendMessage']);
    expect(r.placeholders).toEqual(['StepArn']);
  });

  it('substitutes like CloudFormation DefinitionSubstitutions (unknown keys stay)', () => {
    expect(substitute('{"a":"${X}","b":"${Y}"}', { X: 'x' })).toBe('{"a":"x","b":"${Y}"}');
    expect(placeholdersOf('$.path ${A} ${B} ${A}')).toEqual(['A', 'B']);
  });

  it('every catalogued workflow file exists and uses only integrations the stack can authorize', () => {
    expect(workflows.length).toBeGreaterThan(0);
    for (const spec of workflows) {
      const text = readFileSync(join(PROJECT_ROOT, spec.file), 'utf8');
      const r = requirementsOf(text);
      expect(r.unknownIntegrations, spec.file).toEqual([]);
      const known = [...Object.keys(spec.functionSubstitutions), ...spec.tableSubstitutions, ...Object.keys(PSEUDO_SUBSTITUTIONS)].sort();
      expect(r.placeholders, `${spec.file}: every \${Key} has a substitution`).toEqual(
        r.placeholders.filter((p) => known.includes(p)),
      );
      expect(known.filter((k) => !r.placeholders.includes(k)), `${spec.file}: every substitution is used`).toEqual([]);
    }
  });
});

describe('callback tasks (.waitForTaskToken)', () => {
  type Matcher = { ErrorEquals: string[]; Next?: string; IntervalSeconds?: number; MaxAttempts?: number; BackoffRate?: number };
  /** Transient errors of the integration a callback task calls, by Resource. */
  const transientErrors = (resource: string): string[] =>
    resource.includes(':lambda:')
      ? ['Lambda.ServiceException', 'Lambda.AWSLambdaException', 'Lambda.SdkClientException', 'Lambda.TooManyRequestsException']
      : resource.includes(':dynamodb:')
        ? ['DynamoDb.ProvisionedThroughputExceededException', 'DynamoDb.RequestLimitExceeded', 'DynamoDb.ThrottlingException', 'DynamoDb.InternalServerErrorException']
        : [];

  it('retry transient errors with backoff; a timeout goes to the backstop, every other failure is caught into a state that reloads or ends the execution for the re-drive', () => {
    for (const spec of workflows) {
      const definition = JSON.parse(readFileSync(join(PROJECT_ROOT, spec.file), 'utf8')) as { StartAt: string; States: Record<string, Record<string, unknown>> };
      const callbacks = Object.entries(definition.States).filter(([, st]) => st.Type === 'Task' && String(st.Resource).endsWith('.waitForTaskToken'));
      expect(callbacks.length, spec.file).toBeGreaterThan(0);
      for (const [name, st] of callbacks) {
        const retry = (st.Retry ?? []) as Matcher[];
        const transient = transientErrors(String(st.Resource));
        expect(transient.length, `${name}: a known integration`).toBeGreaterThan(0);
        for (const error of transient) expect(retry.flatMap((r) => r.ErrorEquals), `${spec.file} ${name} retries ${error}`).toContain(error);
        for (const r of retry) {
          expect(r.MaxAttempts, name).toBeGreaterThan(1);
          expect(r.BackoffRate, `${name} backs off`).toBeGreaterThan(1);
        }
        const catches = (st.Catch ?? []) as Matcher[];
        expect(catches[0]!.ErrorEquals, name).toEqual(['States.Timeout']);
        // States.TaskFailed matches every error but States.Timeout: nothing else escapes.
        const rest = catches.find((c) => c.ErrorEquals.includes('States.TaskFailed') || c.ErrorEquals.includes('States.ALL'));
        expect(rest, `${spec.file} ${name} catches every other failure`).toBeDefined();
        const target = definition.States[rest!.Next!]!;
        const reloads = target.Type === 'Task' && JSON.stringify(target.Parameters ?? {}).includes('"action":"load"');
        expect(reloads || target.Type === 'Fail', `${name} → ${rest!.Next}: reload, or fail for the re-drive`).toBe(true);
      }
    }
  });

  it('every ARN in a definition uses the ${Partition} substitution', () => {
    for (const spec of workflows) {
      const text = readFileSync(join(PROJECT_ROOT, spec.file), 'utf8');
      expect(text, spec.file).not.toMatch(/arn:aws/);
      expect(text, spec.file).toContain('arn:${Partition}:states:::');
      expect(substitute(text, PSEUDO_SUBSTITUTIONS)).not.toContain('${Partition}');
    }
  });
});
