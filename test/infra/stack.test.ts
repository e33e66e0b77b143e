/**
 * Template assertions on the deployed stack, synthesized ONCE for the whole file (the
 * esbuild bundling of every function is most of the time). Everything is derived from the
 * catalogue (infra/catalog.ts) and the table description (infra/tables.ts), so the tests
 * follow the catalogue as it grows.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, DefaultStackSynthesizer, Validations, type CfnResource } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { functions, workflows, type FunctionSpec } from '../../infra/catalog.js';
import { tables } from '../../infra/tables.js';
import { substitute } from '../../infra/constructs/asl.js';
import { functionPhysicalName, stateMachinePhysicalName } from '../../infra/constructs/naming.js';
import { needsLinkSigningKey } from '../../infra/constructs/partner-function.js';
import { PROJECT_ROOT, POWERTOOLS, PartnerProgramStack } from '../../infra/stack.js';

type Resource = { Type: string; Properties: Record<string, any>; Condition?: string };
type Resources = Record<string, Resource>;

const STACK = 'PartnerProgram';
let outdir: string;
let app: App;
let stack: PartnerProgramStack;
let template: Template;
let resources: Resources;

beforeAll(() => {
  outdir = mkdtempSync(join(tmpdir(), 'infra-test-'));
  app = new App({ outdir });
  stack = new PartnerProgramStack(app, STACK, { synthesizer: new DefaultStackSynthesizer() });
  template = Template.fromStack(stack);
  resources = template.toJSON().Resources as Resources;
});

afterAll(() => {
  if (outdir) rmSync(outdir, { recursive: true, force: true });
});

const ofType = (type: string) => Object.entries(resources).filter(([, r]) => r.Type === type);
const httpSpecs = () => functions.filter((f) => f.trigger.kind === 'http');

/** Logical id of the deployed function of a catalogue entry (found by its physical name). */
function functionLogicalId(name: string): string {
  const physical = functionPhysicalName(STACK, name);
  const found = ofType('AWS::Lambda::Function').find(([, r]) => r.Properties.FunctionName === physical);
  if (!found) throw new Error(`function ${name} (${physical}) is not in the template`);
  return found[0];
}

const logicalIdOf = (construct: { node: { defaultChild?: unknown } }) => stack.getLogicalId(construct.node.defaultChild as CfnResource);

/** Renders a CloudFormation value as a string, intrinsics as `<<Ref:Id>>` / `<<GetAtt:Id.Attr>>`. */
function render(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if ('Ref' in o) return `<<Ref:${String(o.Ref)}>>`;
    if ('Fn::GetAtt' in o) {
      const [id, attr] = o['Fn::GetAtt'] as [string, string];
      return `<<GetAtt:${id}.${attr}>>`;
    }
    if ('Fn::Join' in o) {
      const [sep, parts] = o['Fn::Join'] as [string, unknown[]];
      return parts.map(render).join(sep);
    }
    if ('Fn::Sub' in o) {
      const sub = o['Fn::Sub'];
      const [text, vars] = typeof sub === 'string' ? [sub, {}] : (sub as [string, Record<string, unknown>]);
      return text.replace(/\$\{([^}]+)\}/g, (_m, k: string) =>
        k in vars ? render(vars[k]) : k.includes('.') ? `<<GetAtt:${k}>>` : `<<Ref:${k}>>`,
      );
    }
  }
  throw new Error(`cannot render ${JSON.stringify(value)}`);
}

/** Every IAM policy statement of the template, with where it comes from. */
function statements(): { source: string; statement: Record<string, any> }[] {
  const out: { source: string; statement: Record<string, any> }[] = [];
  for (const [id, r] of Object.entries(resources)) {
    if (r.Type === 'AWS::IAM::Policy') {
      for (const s of r.Properties.PolicyDocument.Statement) out.push({ source: id, statement: s });
    }
    if (r.Type === 'AWS::IAM::Role') {
      for (const p of r.Properties.Policies ?? []) for (const s of p.PolicyDocument.Statement) out.push({ source: id, statement: s });
    }
  }
  return out;
}
const asArray = <T>(v: T | T[]): T[] => (Array.isArray(v) ? v : [v]);

/** Statements of the policies attached to the role of a catalogue function. */
function functionStatements(name: string): Record<string, any>[] {
  const fn = resources[functionLogicalId(name)]!;
  const roleId = fn.Properties.Role['Fn::GetAtt'][0] as string;
  return Object.values(resources)
    .filter((r) => r.Type === 'AWS::IAM::Policy' && r.Properties.Roles.some((x: any) => x.Ref === roleId))
    .flatMap((r) => r.Properties.PolicyDocument.Statement);
}
const actionsOf = (stmts: Record<string, any>[]) => new Set(stmts.flatMap((s) => asArray(s.Action as string | string[])));

describe('catalogue coverage', () => {
  it('every catalogue function has its entry file and is in the template', () => {
    for (const spec of functions) {
      expect(existsSync(join(PROJECT_ROOT, spec.entry)), `${spec.name}: ${spec.entry} exists`).toBe(true);
      expect(() => functionLogicalId(spec.name)).not.toThrow();
    }
    expect(stack.skipped).toEqual([]);
  });

  it('every catalogue workflow has its definition file and is deployed', () => {
    expect(workflows.length).toBeGreaterThan(0);
    const deployed = ofType('AWS::StepFunctions::StateMachine').map(([, r]) => r.Properties.StateMachineName);
    for (const spec of workflows) {
      expect(existsSync(join(PROJECT_ROOT, spec.file)), `${spec.file} exists`).toBe(true);
      expect(deployed).toContain(stateMachinePhysicalName(STACK, spec.name));
    }
  });
});

describe('tables (from infra/tables.ts)', () => {
  it('are on demand, with point-in-time recovery, TTL and the described keys and indexes', () => {
    for (const def of tables) {
      const id = logicalIdOf(stack.tables.find((t) => t.definition.id === def.id)!.table);
      const p = resources[id]!.Properties;
      expect(p.BillingMode).toBe('PAY_PER_REQUEST');
      expect(p.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
      expect(p.TimeToLiveSpecification).toEqual({ AttributeName: def.ttlAttribute, Enabled: true });
      expect(p.KeySchema).toEqual([
        { AttributeName: def.partitionKey.name, KeyType: 'HASH' },
        { AttributeName: def.sortKey.name, KeyType: 'RANGE' },
      ]);
      const attributes = Object.fromEntries(p.AttributeDefinitions.map((a: any) => [a.AttributeName, a.AttributeType]));
      expect(p.GlobalSecondaryIndexes).toHaveLength(def.indexes.length);
      for (const index of def.indexes) {
        const gsi = p.GlobalSecondaryIndexes.find((g: any) => g.IndexName === index.indexName);
        expect(gsi, index.indexName).toBeDefined();
        expect(gsi.KeySchema).toEqual([
          { AttributeName: index.partitionKey.name, KeyType: 'HASH' },
          { AttributeName: index.sortKey.name, KeyType: 'RANGE' },
        ]);
        expect(gsi.Projection).toEqual({ ProjectionType: index.projection });
        expect(attributes[index.partitionKey.name]).toBe(index.partitionKey.type);
        expect(attributes[index.sortKey.name]).toBe(index.sortKey.type);
      }
      expect(resources[id]!).toMatchObject({ DeletionPolicy: 'Retain' });
    }
  });
});

describe('functions', () => {
  it('all run Node.js 24 on arm64 with active tracing and their own log group with retention', () => {
    const fns = ofType('AWS::Lambda::Function');
    expect(fns.length).toBe(functions.length); // no CDK helper functions (no log-retention singleton)
    for (const [id, r] of fns) {
      const p = r.Properties;
      expect(p.Runtime, id).toBe('nodejs24.x');
      expect(p.Architectures, id).toEqual(['arm64']);
      expect(p.TracingConfig, id).toEqual({ Mode: 'Active' });
      expect(p.Handler, id).toBe('index.handler');
      const logGroupId = p.LoggingConfig.LogGroup.Ref as string;
      expect(resources[logGroupId]!.Type).toBe('AWS::Logs::LogGroup');
      expect(resources[logGroupId]!.Properties.RetentionInDays, id).toBeGreaterThan(0);
    }
  });

  it('all get the configuration of functions/lib/config.ts and Powertools settings', () => {
    // Every variable config.ts reads must be set by the stack, except the local-only secret
    // values (on AWS their *_PARAMETER names are set) and the timing knobs with code defaults.
    const configText = readFileSync(join(PROJECT_ROOT, 'functions/lib/config.ts'), 'utf8');
    const keys = [...configText.matchAll(/^\s+([A-Z][A-Z0-9_]+):\s*z\./gm)].map((m) => m[1]!);
    expect(keys.length).toBeGreaterThan(10);
    const LOCAL_ONLY = ['VETTING_WEBHOOK_SECRET', 'LINK_SIGNING_KEY'];
    const tunable = (k: string) => /_(SECONDS|MAX|PER_DAY)$/.test(k);
    const required = [...new Set([...keys.filter((k) => !LOCAL_ONLY.includes(k) && !tunable(k)), ...tables.map((t) => t.envVar), ...workflows.map((w) => w.envVar)])];
    for (const [id, r] of ofType('AWS::Lambda::Function')) {
      const env = r.Properties.Environment.Variables;
      for (const key of required) expect(env[key], `${id} ${key}`).toBeDefined();
      for (const key of LOCAL_ONLY) expect(env[key], `${id}: the secret ${key} itself is never in the environment`).toBeUndefined();
      expect(env.POWERTOOLS_SERVICE_NAME).toBe(POWERTOOLS.serviceName);
      expect(env.POWERTOOLS_METRICS_NAMESPACE).toBe(POWERTOOLS.metricsNamespace);
      expect(env.NODE_OPTIONS).toBe('--enable-source-maps');
      expect(env.JWT_ISSUER).toEqual({ Ref: 'JwtIssuer' });
      expect(env.JWT_AUDIENCE).toEqual({ Ref: 'JwtAudience' });
      // State machine ARNs are built from fixed names, never references (no cycles).
      for (const w of workflows) expect(render(env[w.envVar])).toContain(`:stateMachine:${stateMachinePhysicalName(STACK, w.name)}`);
    }
  });

  it('are ESM bundles with the createRequire banner, the AWS SDK bundled, minified, with a source map', () => {
    for (const spec of functions) {
      const key = String(resources[functionLogicalId(spec.name)]!.Properties.Code.S3Key).replace(/\.zip$/, '');
      const dir = join(outdir, `asset.${key}`);
      const code = readFileSync(join(dir, 'index.mjs'), 'utf8');
      expect(code.slice(0, 200), spec.name).toContain('createRequire');
      expect(code, `${spec.name} exports handler`).toMatch(/export\s*\{[^}]*\bhandler\b[^}]*\}/);
      expect(code, `${spec.name} bundles the AWS SDK`).not.toMatch(/from\s*["']@aws-sdk\//);
      const lines = code.split('\n');
      expect(code.length / lines.length, `${spec.name} is minified (long lines)`).toBeGreaterThan(2_000);
      expect(lines.filter((l) => /^ {2,}\S/.test(l)).length, `${spec.name} is minified (no indentation)`).toBeLessThan(lines.length / 2);
      expect(existsSync(join(dir, 'index.mjs.map')), `${spec.name} has a source map`).toBe(true);
    }
  });

  it('reserved concurrency where the catalogue says so', () => {
    for (const spec of functions) {
      const p = resources[functionLogicalId(spec.name)]!.Properties;
      expect(p.ReservedConcurrentExecutions, spec.name).toBe(spec.reservedConcurrency);
    }
  });
});

describe('HTTP API', () => {
  it('has a JWT authorizer whose issuer and audience are stack parameters', () => {
    const params = template.toJSON().Parameters;
    expect(params.JwtIssuer.Type).toBe('String');
    expect(params.JwtAudience.Type).toBe('String');
    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: { Issuer: { Ref: 'JwtIssuer' }, Audience: [{ Ref: 'JwtAudience' }] },
    });
  });

  it('has exactly one route per catalogue http entry, jwt routes behind the authorizer', () => {
    const routes = ofType('AWS::ApiGatewayV2::Route').map(([, r]) => r.Properties);
    expect(routes).toHaveLength(httpSpecs().length);
    const authorizerId = ofType('AWS::ApiGatewayV2::Authorizer')[0]![0];
    for (const spec of httpSpecs()) {
      const t = spec.trigger as Extract<FunctionSpec['trigger'], { kind: 'http' }>;
      const matching = routes.filter((r) => r.RouteKey === `${t.method} ${t.path}`);
      expect(matching, `${t.method} ${t.path}`).toHaveLength(1);
      const route = matching[0]!;
      if (t.auth === 'jwt') {
        expect(route.AuthorizationType).toBe('JWT');
        expect(route.AuthorizerId).toEqual({ Ref: authorizerId });
      } else {
        expect(route.AuthorizationType).toBe('NONE');
      }
      // The route's integration invokes this entry's function.
      const integrationId = render(route.Target).replace(/^integrations\//, '').replace(/^<<Ref:(.+)>>$/, '$1');
      expect(render(resources[integrationId]!.Properties.IntegrationUri)).toBe(`<<GetAtt:${functionLogicalId(spec.name)}.Arn>>`);
    }
  });

  it('throttles the $default stage and writes access logs', () => {
    const stages = ofType('AWS::ApiGatewayV2::Stage');
    expect(stages).toHaveLength(1);
    const p = stages[0]![1].Properties;
    expect(p.StageName).toBe('$default');
    expect(p.DefaultRouteSettings.ThrottlingRateLimit).toBeGreaterThan(0);
    expect(p.DefaultRouteSettings.ThrottlingBurstLimit).toBeGreaterThan(0);
    expect(p.AccessLogSettings.DestinationArn).toBeDefined();
  });
});

describe('state machines', () => {
  it('are STANDARD with logging ALL to a log group and X-Ray tracing', () => {
    const machines = ofType('AWS::StepFunctions::StateMachine');
    expect(machines.length).toBe(workflows.length);
    for (const [id, r] of machines) {
      const p = r.Properties;
      expect(p.StateMachineType, id).toBe('STANDARD');
      expect(p.LoggingConfiguration.Level, id).toBe('ALL');
      expect(p.LoggingConfiguration.IncludeExecutionData, id).toBe(true);
      const logGroupId = p.LoggingConfiguration.Destinations[0].CloudWatchLogsLogGroup.LogGroupArn['Fn::GetAtt'][0];
      expect(resources[logGroupId]!.Properties.RetentionInDays).toBeGreaterThan(0);
      expect(p.TracingConfiguration, id).toEqual({ Enabled: true });
    }
  });

  it('deploy exactly the workflows/*.asl.json files with the substitutions applied', () => {
    const tableId = logicalIdOf(stack.tables[0]!.table);
    for (const spec of workflows) {
      const file = readFileSync(join(PROJECT_ROOT, spec.file), 'utf8');
      const expected = substitute(file, {
        ...Object.fromEntries(Object.entries(spec.functionSubstitutions).map(([k, fn]) => [k, `<<GetAtt:${functionLogicalId(fn)}.Arn>>`])),
        ...Object.fromEntries(spec.tableSubstitutions.map((k) => [k, `<<Ref:${tableId}>>`])),
      });
      expect(expected, `${spec.file}: every placeholder is substituted`).not.toMatch(/\$\{[A-Za-z0-9_]+\}/);

      const [, machine] = ofType('AWS::StepFunctions::StateMachine').find(
        ([, r]) => r.Properties.StateMachineName === stateMachinePhysicalName(STACK, spec.name),
      )!;
      const substitutions = Object.fromEntries(
        Object.entries(machine.Properties.DefinitionSubstitutions ?? {}).map(([k, v]) => [k, render(v)]),
      );
      const deployed = substitute(render(machine.Properties.DefinitionString), substitutions);
      expect(JSON.parse(deployed)).toEqual(JSON.parse(expected));
    }
  });

  it('may invoke exactly the substituted functions', () => {
    for (const spec of workflows) {
      const machine = stack.workflows.get(spec.name)!;
      const roleId = logicalIdOf(machine.stateMachine.role as unknown as { node: { defaultChild?: unknown } });
      const invoke = statements().filter(
        (s) =>
          asArray(s.statement.Action).includes('lambda:InvokeFunction') &&
          resources[s.source]!.Type === 'AWS::IAM::Policy' &&
          resources[s.source]!.Properties.Roles.some((r: any) => r.Ref === roleId),
      );
      const invoked = invoke.flatMap((s) => asArray(s.statement.Resource)).map(render).sort();
      const expected = [...new Set(Object.values(spec.functionSubstitutions))].map((fn) => `<<GetAtt:${functionLogicalId(fn)}.Arn>>`).sort();
      expect(invoked, spec.name).toEqual(expected);
    }
  });
});

describe('least privilege', () => {
  /** Actions AWS offers no resource-level permission for; each is acknowledged in the stack. */
  const ALLOWED_ON_ANY_RESOURCE = new Set([
    // X-Ray (Lambda active tracing, state machine tracing)
    'xray:PutTraceSegments',
    'xray:PutTelemetryRecords',
    'xray:GetSamplingRules',
    'xray:GetSamplingTargets',
    // Step Functions task tokens: the token is the capability, SendTask* take no resource
    'states:SendTaskSuccess',
    'states:SendTaskFailure',
    'states:SendTaskHeartbeat',
    // CloudWatch Logs vended-log delivery (state machine logging)
    'logs:CreateLogDelivery',
    'logs:GetLogDelivery',
    'logs:UpdateLogDelivery',
    'logs:DeleteLogDelivery',
    'logs:ListLogDeliveries',
    'logs:PutResourcePolicy',
    'logs:DescribeResourcePolicies',
    'logs:DescribeLogGroups',
  ]);

  it('no statement grants Resource "*" beyond the allow-list, and no wildcard actions', () => {
    for (const { source, statement } of statements()) {
      const actions = asArray(statement.Action as string | string[]);
      for (const a of actions) expect(a, `${source}: wildcard action`).not.toMatch(/\*/);
      if (asArray(statement.Resource).includes('*')) {
        for (const a of actions) expect(ALLOWED_ON_ANY_RESOURCE.has(a), `${source}: ${a} on *`).toBe(true);
      }
    }
  });

  it('each function gets only what its catalogue access says', () => {
    const write = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem', 'dynamodb:ConditionCheckItem'];
    for (const spec of functions) {
      const actions = actionsOf(functionStatements(spec.name));
      const has = (a: string) => actions.has(a);
      expect(has('dynamodb:GetItem'), `${spec.name} reads`).toBe(spec.access.table !== 'none');
      for (const a of write) expect(has(a), `${spec.name} ${a}`).toBe(spec.access.table === 'write');
      expect(has('dynamodb:Scan'), `${spec.name} never scans`).toBe(false);
      expect(has('ses:SendEmail'), `${spec.name} sends email`).toBe(Boolean(spec.access.sendEmail));
      const signals = (spec.access.workflows ?? []).length > 0;
      expect(has('states:StartExecution'), `${spec.name} starts workflows`).toBe(signals);
      expect(has('states:SendTaskSuccess'), `${spec.name} signals workflows`).toBe(signals);
      const parameters = functionStatements(spec.name)
        .filter((st) => asArray(st.Action).includes('ssm:GetParameter'))
        .flatMap((st) => asArray(st.Resource))
        .map(render);
      const expected = [
        ...(spec.access.webhookSecret ? ['<<Ref:VettingWebhookSecretParameterName>>'] : []),
        ...(needsLinkSigningKey(spec) ? ['<<Ref:LinkSigningKeyParameterName>>'] : []),
      ];
      expect(parameters.map((p) => p.replace(/^arn:<<Ref:AWS::Partition>>:ssm:<<Ref:AWS::Region>>:<<Ref:AWS::AccountId>>:parameter/, '')), spec.name).toEqual(expected);
    }
  });

  it('table statements name the table and each index, never index/*', () => {
    for (const { statement } of statements()) {
      for (const r of asArray(statement.Resource)) expect(render(r)).not.toMatch(/index\/\*$/);
    }
  });
});

describe('asynchronous targets and dead-letter queues', () => {
  it('each scheduled function runs every everyMinutes through EventBridge Scheduler with a DLQ', () => {
    const schedules = ofType('AWS::Scheduler::Schedule').map(([, r]) => r.Properties);
    for (const spec of functions) {
      if (spec.trigger.kind !== 'schedule') continue;
      const n = spec.trigger.everyMinutes;
      const s = schedules.find((x) => render(x.Target.Arn) === `<<GetAtt:${functionLogicalId(spec.name)}.Arn>>`);
      expect(s, spec.name).toBeDefined();
      expect(s!.ScheduleExpression).toBe(`rate(${n} ${n === 1 ? 'minute' : 'minutes'})`);
      expect(resources[s!.Target.DeadLetterConfig.Arn['Fn::GetAtt'][0]]!.Type).toBe('AWS::SQS::Queue');
    }
  });

  it('SES bounce/complaint events reach the ses-events function through EventBridge, with a DLQ', () => {
    template.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
      EventDestination: {
        Enabled: true,
        MatchingEventTypes: ['bounce', 'complaint'],
        EventBridgeDestination: { EventBusArn: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':events:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, ':event-bus/default']] } },
      },
    });
    const rules = ofType('AWS::Events::Rule').map(([, r]) => r.Properties);
    for (const spec of functions.filter((f) => f.trigger.kind === 'ses-events')) {
      const rule = rules.find((r) => r.Targets.some((t: any) => render(t.Arn) === `<<GetAtt:${functionLogicalId(spec.name)}.Arn>>`));
      expect(rule, spec.name).toBeDefined();
      expect(rule!.EventPattern.source).toEqual(['aws.ses']);
      expect(rule!.EventPattern['detail-type']).toEqual(['Email Bounced', 'Email Complaint Received']);
      expect(rule!.Targets[0].DeadLetterConfig.Arn).toBeDefined();
    }
  });

  it('asynchronously invoked functions have a dead-letter queue of their own', () => {
    for (const spec of functions.filter((f) => f.trigger.kind === 'schedule' || f.trigger.kind === 'ses-events')) {
      const p = resources[functionLogicalId(spec.name)]!.Properties;
      expect(resources[p.DeadLetterConfig.TargetArn['Fn::GetAtt'][0]]!.Type, spec.name).toBe('AWS::SQS::Queue');
    }
  });

  it('every queue is encrypted and TLS-only', () => {
    const queues = ofType('AWS::SQS::Queue');
    expect(queues.length).toBeGreaterThan(0);
    for (const [id, q] of queues) {
      expect(q.Properties.SqsManagedSseEnabled, id).toBe(true);
      const policy = ofType('AWS::SQS::QueuePolicy').find(([, p]) => p.Properties.Queues.some((x: any) => x.Ref === id));
      expect(policy, `${id} has a TLS-only policy`).toBeDefined();
      expect(JSON.stringify(policy![1].Properties.PolicyDocument)).toContain('aws:SecureTransport');
    }
  });
});

describe('alarms', () => {
  const alarms = () => ofType('AWS::CloudWatch::Alarm').map(([id, r]) => ({ id, p: r.Properties }));
  const topicId = () => ofType('AWS::SNS::Topic')[0]![0];
  /** Metric names and dimensions an alarm watches (plain or metric math). */
  const watched = (p: Record<string, any>) =>
    p.Metrics
      ? p.Metrics.filter((m: any) => m.MetricStat).map((m: any) => ({ name: m.MetricStat.Metric.MetricName, namespace: m.MetricStat.Metric.Namespace, dimensions: m.MetricStat.Metric.Dimensions ?? [] }))
      : [{ name: p.MetricName, namespace: p.Namespace, dimensions: p.Dimensions ?? [] }];

  it('all notify the KMS-encrypted, TLS-only alarm topic', () => {
    const topic = resources[topicId()]!.Properties;
    expect(topic.KmsMasterKeyId).toBeDefined();
    expect(JSON.stringify(ofType('AWS::SNS::TopicPolicy')[0]![1].Properties.PolicyDocument)).toContain('aws:SecureTransport');
    for (const { id, p } of alarms()) expect(p.AlarmActions, id).toEqual([{ Ref: topicId() }]);
  });

  it('failed and timed-out executions of every state machine', () => {
    for (const spec of workflows) {
      const smId = logicalIdOf(stack.workflows.get(spec.name)!.stateMachine);
      for (const metric of ['ExecutionsFailed', 'ExecutionsTimedOut']) {
        const found = alarms().filter(({ p }) =>
          watched(p).some((m: any) => m.namespace === 'AWS/States' && m.name === metric && m.dimensions.some((d: any) => d.Value?.Ref === smId)),
        );
        expect(found, `${spec.name} ${metric}`).toHaveLength(1);
        expect(found[0]!.p.Threshold).toBe(1);
      }
    }
  });

  it('Lambda errors and throttles of every function', () => {
    for (const spec of functions) {
      const fnId = functionLogicalId(spec.name);
      for (const metric of ['Errors', 'Throttles']) {
        const found = alarms().filter(({ p }) =>
          watched(p).some((m: any) => m.namespace === 'AWS/Lambda' && m.name === metric && m.dimensions.some((d: any) => d.Value?.Ref === fnId)),
        );
        expect(found, `${spec.name} ${metric}`).toHaveLength(1);
      }
    }
  });

  it('the depth of every dead-letter queue', () => {
    for (const [queueId] of ofType('AWS::SQS::Queue')) {
      const found = alarms().filter(({ p }) =>
        watched(p).some((m: any) => m.name === 'ApproximateNumberOfMessagesVisible' && m.dimensions.some((d: any) => render(d.Value).includes(queueId))),
      );
      expect(found, queueId).toHaveLength(1);
      expect(found[0]!.p.Threshold).toBe(1);
    }
  });

  it('SES bounce rate ≥ 5 % and complaint rate ≥ 0.1 %', () => {
    for (const [metric, threshold] of [['Reputation.BounceRate', 0.05], ['Reputation.ComplaintRate', 0.001]] as const) {
      const found = alarms().filter(({ p }) => p.Namespace === 'AWS/SES' && p.MetricName === metric);
      expect(found, metric).toHaveLength(1);
      expect(found[0]!.p.Threshold).toBe(threshold);
      expect(found[0]!.p.ComparisonOperator).toBe('GreaterThanOrEqualToThreshold');
    }
  });
});

describe('cdk-nag', () => {
  it('AwsSolutions reports no unacknowledged finding', () => {
    const report = new AwsSolutionsChecks().validateScope(app);
    const findings = report.violations.map((v) => `${v.ruleName}: ${v.violatingResources.map((r) => r.constructPath).join(', ')}`);
    expect(findings).toEqual([]);
  });
});

describe('skipping missing catalogue files', () => {
  it('skips (with a warning) functions and workflows whose files do not exist, and still synthesizes', () => {
    const other = new App({ outdir: mkdtempSync(join(tmpdir(), 'infra-skip-')) });
    const s = new PartnerProgramStack(other, 'SkipTest', {
      synthesizer: new DefaultStackSynthesizer(),
      functions: [{ name: 'not-yet', entry: 'functions/handlers/http/does-not-exist.ts', trigger: { kind: 'http', method: 'GET', path: '/nope', auth: 'jwt' }, access: { table: 'read' } }],
      workflows: [{ name: 'enrollment', file: 'workflows/does-not-exist.asl.json', functionSubstitutions: {}, tableSubstitutions: [], envVar: 'ENROLLMENT_STATE_MACHINE_ARN' }],
    });
    for (const id of ['CloudFormation-Validate::W2001', 'CloudFormation-Validate::W8001']) {
      Validations.of(s).acknowledge({ id, reason: 'test stack: with nothing deployed, parameters and conditions are unused' });
    }
    const t = Template.fromStack(s);
    t.resourceCountIs('AWS::Lambda::Function', 0);
    t.resourceCountIs('AWS::StepFunctions::StateMachine', 0);
    expect(s.skipped.map((x) => `${x.kind}:${x.name}`)).toEqual(['function:not-yet', 'workflow:enrollment']);
    rmSync(other.outdir, { recursive: true, force: true });
  });
});
