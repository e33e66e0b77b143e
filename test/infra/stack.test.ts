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
import { PSEUDO_SUBSTITUTIONS, substitute } from '../../infra/constructs/asl.js';
import { analyzeBundle, grantDrift, iamActionsOf, SECRET_NAMES, type BundleCalls, type Metafile, type SourceMap } from '../../infra/constructs/bundle-access.js';
import { CLOUDFORMATION_RESOURCE_LIMIT } from '../../infra/grants.js';
import { grantsFile, grantsOfStack } from '../../scripts/grants.js';
import { functionPhysicalName, stateMachinePhysicalName } from '../../infra/constructs/naming.js';
import { PROJECT_ROOT, POWERTOOLS, PartnerProgramStack, reservedConcurrencyTotal } from '../../infra/stack.js';
import { SECRET_VARIABLES } from '../../functions/lib/secrets.js';
import { isIdempotent } from '../../functions/api/contract.js';
import { httpRoutes } from '../../functions/api/routes.js';

type Resource = { Type: string; Properties: Record<string, any>; Condition?: string };
type Resources = Record<string, Resource>;

const STACK = 'PartnerProgram';
const cdkContext = (JSON.parse(readFileSync(join(PROJECT_ROOT, 'cdk.json'), 'utf8')) as { context: Record<string, unknown> }).context;
let outdir: string;
let app: App;
let stack: PartnerProgramStack;
let template: Template;
let resources: Resources;

beforeAll(() => {
  outdir = mkdtempSync(join(tmpdir(), 'infra-test-'));
  // The feature flags of cdk.json, as `cdk synth` applies them.
  app = new App({ outdir, context: cdkContext });
  stack = new PartnerProgramStack(app, STACK, { synthesizer: new DefaultStackSynthesizer() });
  template = Template.fromStack(stack);
  resources = template.toJSON().Resources as Resources;
}, 300_000);

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

/** Statements of the role of a catalogue function: its inline policies and the policies attached to it. */
function functionStatements(name: string): Record<string, any>[] {
  const fn = resources[functionLogicalId(name)]!;
  const roleId = fn.Properties.Role['Fn::GetAtt'][0] as string;
  const inline = (resources[roleId]!.Properties.Policies ?? []).flatMap((p: any) => p.PolicyDocument.Statement);
  return [
    ...inline,
    ...Object.values(resources)
      .filter((r) => r.Type === 'AWS::IAM::Policy' && r.Properties.Roles.some((x: any) => x.Ref === roleId))
      .flatMap((r) => r.Properties.PolicyDocument.Statement),
  ];
}
/** The catalogue name of a deployed function. */
const functionNameOf = (fn: Resource): string => functions.find((f) => functionPhysicalName(STACK, f.name) === fn.Properties.FunctionName)!.name;
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
        expect(gsi.Projection).toEqual({ ProjectionType: index.projection, ...(index.include ? { NonKeyAttributes: index.include } : {}) });
        expect(attributes[index.partitionKey.name]).toBe(index.partitionKey.type);
        expect(attributes[index.sortKey.name]).toBe(index.sortKey.type);
      }
      expect(resources[id]!).toMatchObject({ DeletionPolicy: 'Retain' });
    }
  });
});

describe('functions', () => {
  it('all run Node.js 24 on arm64 with active tracing, JSON logs in the one function log group with retention', () => {
    const fns = ofType('AWS::Lambda::Function');
    expect(fns.length).toBe(functions.length); // no CDK helper functions (no log-retention singleton)
    const logGroups = new Set<string>();
    for (const [id, r] of fns) {
      const p = r.Properties;
      expect(p.Runtime, id).toBe('nodejs24.x');
      expect(p.Architectures, id).toEqual(['arm64']);
      expect(p.TracingConfig, id).toEqual({ Mode: 'Active' });
      expect(p.Handler, id).toBe('index.handler');
      expect(p.LoggingConfig.LogFormat, id).toBe('JSON');
      const logGroupId = p.LoggingConfig.LogGroup.Ref as string;
      expect(resources[logGroupId]!.Type).toBe('AWS::Logs::LogGroup');
      expect(resources[logGroupId]!.Properties.RetentionInDays, id).toBeGreaterThan(0);
      logGroups.add(logGroupId);
      // Each role may write to that log group only (its streams are named after the function).
      const logStatements = functionStatements(functionNameOf(r)).filter((s) => asArray(s.Action).some((a: string) => a.startsWith('logs:')));
      expect(logStatements.flatMap((s) => asArray(s.Resource)).map(render), id).toEqual([`<<GetAtt:${logGroupId}.Arn>>`]);
    }
    // One group for all: Lambda names each stream `YYYY/MM/DD/<function name>[…]`, and a
    // group per function would cost one resource each against CloudFormation's 500.
    expect([...logGroups]).toHaveLength(1);
  });

  it('every function role holds its grants inline: no AWS::IAM::Policy per function', () => {
    const roleIds = new Set(functions.map((spec) => resources[functionLogicalId(spec.name)]!.Properties.Role['Fn::GetAtt'][0] as string));
    for (const roleId of roleIds) expect(resources[roleId]!.Properties.Policies?.length, roleId).toBe(1);
    // The only policy attached to function roles is the SES sandbox one (shared, conditional).
    const attached = ofType('AWS::IAM::Policy').filter(([, r]) => r.Properties.Roles.some((x: any) => roleIds.has(x.Ref)));
    expect(attached.map(([, r]) => r.Condition)).toEqual(['SesSandbox']);
  });

  it('all get the configuration of functions/lib/config.ts, the secrets\' ARNs (never values) and Powertools settings', () => {
    // Every variable config.ts reads must be set by the stack, except the timing and size knobs with code defaults.
    const configText = readFileSync(join(PROJECT_ROOT, 'functions/lib/config.ts'), 'utf8');
    const keys = [...configText.matchAll(/^\s+([A-Z][A-Z0-9_]+):\s*z\./gm)].map((m) => m[1]!);
    expect(keys.length).toBeGreaterThan(10);
    const tunable = (k: string) => /_(SECONDS|MAX|PER_DAY|BYTES)$/.test(k);
    const secretArnVariables = SECRET_NAMES.map((n) => `${SECRET_VARIABLES[n]}_ARN`);
    const required = [...new Set([...keys.filter((k) => !tunable(k)), ...secretArnVariables, 'USER_POOL_ID', 'USER_POOL_CLIENT_ID', ...tables.map((t) => t.envVar), ...workflows.map((w) => w.envVar)])];
    const secretIds = ofType('AWS::SecretsManager::Secret').map(([id]) => id);
    for (const [id, r] of ofType('AWS::Lambda::Function')) {
      const env = r.Properties.Environment.Variables;
      for (const key of required) expect(env[key], `${id} ${key}`).toBeDefined();
      for (const name of Object.values(SECRET_VARIABLES)) {
        expect(env[name], `${id}: the secret ${name} itself is never in the environment`).toBeUndefined();
        expect(secretIds.map((s) => ({ Ref: s }))).toContainEqual(env[`${name}_ARN`]);
      }
      expect(env.POWERTOOLS_SERVICE_NAME).toBe(POWERTOOLS.serviceName);
      expect(env.POWERTOOLS_METRICS_NAMESPACE).toBe(POWERTOOLS.metricsNamespace);
      expect(env.NODE_OPTIONS).toBe('--enable-source-maps');
      expect(env.JWT_ISSUER).toEqual({ Ref: 'JwtIssuer' });
      expect(env.JWT_AUDIENCE).toEqual({ Ref: 'JwtAudience' });
      expect(env.LOCAL_CLOUD, `${id} never runs in local mode`).toBeUndefined();
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
      // Lines break only inside template literals (the pages' HTML): a few hundred in ~350 KB.
      expect(code.length / lines.length, `${spec.name} is minified (long lines)`).toBeGreaterThan(1_000);
      expect(lines.filter((l) => /^ {2,}\S/.test(l)).length, `${spec.name} is minified (no indentation)`).toBeLessThan(lines.length / 2);
      expect(existsSync(join(dir, 'index.mjs.map')), `${spec.name} has a source map`).toBe(true);
      // Of the project's code only (infra/bundling.ts): Node decodes the whole map at cold start.
      const sources = (JSON.parse(readFileSync(join(dir, 'index.mjs.map'), 'utf8')) as SourceMap).sources;
      expect(sources.some((s) => s.includes('functions/handlers/')), `${spec.name} maps its handler`).toBe(true);
      expect(sources.filter((s) => s.includes('node_modules/')), `${spec.name} maps no dependency`).toEqual([]);
    }
  });

  it('reserve no concurrency unless the ReserveConcurrency parameter asks for it', () => {
    const parameter = template.toJSON().Parameters.ReserveConcurrency;
    expect(parameter.Default).toBe('false');
    expect(parameter.Description).toContain(String(reservedConcurrencyTotal(functions)));
    expect(template.toJSON().Conditions.ReservesConcurrency).toEqual({ 'Fn::Equals': [{ Ref: 'ReserveConcurrency' }, 'true'] });
    for (const spec of functions) {
      const reserved = resources[functionLogicalId(spec.name)]!.Properties.ReservedConcurrentExecutions;
      if (spec.reservedConcurrency === undefined) expect(reserved, spec.name).toBeUndefined();
      else expect(reserved, spec.name).toEqual({ 'Fn::If': ['ReservesConcurrency', spec.reservedConcurrency, { Ref: 'AWS::NoValue' }] });
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
    const heads = httpSpecs().filter((s) => s.trigger.kind === 'http' && s.trigger.head);
    expect(heads.map((s) => s.name).sort()).toEqual(['view-customer-link', 'view-invitation', 'view-verification']);
    expect(routes).toHaveLength(httpSpecs().length + heads.length);
    for (const spec of heads) {
      const t = spec.trigger as Extract<FunctionSpec['trigger'], { kind: 'http' }>;
      expect(routes.filter((r) => r.RouteKey === `HEAD ${t.path}`), `HEAD ${t.path}`).toHaveLength(1);
    }
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
  it('are STANDARD with logging ALL to a log group, execution data only if LogWorkflowExecutionData asks, and X-Ray tracing', () => {
    expect(template.toJSON().Parameters.LogWorkflowExecutionData.Default).toBe('false');
    expect(template.toJSON().Conditions.LogsExecutionData).toEqual({ 'Fn::Equals': [{ Ref: 'LogWorkflowExecutionData' }, 'true'] });
    const machines = ofType('AWS::StepFunctions::StateMachine');
    expect(machines.length).toBe(workflows.length);
    for (const [id, r] of machines) {
      const p = r.Properties;
      expect(p.StateMachineType, id).toBe('STANDARD');
      expect(p.LoggingConfiguration.Level, id).toBe('ALL');
      expect(p.LoggingConfiguration.IncludeExecutionData, id).toEqual({ 'Fn::If': ['LogsExecutionData', true, false] });
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
        Partition: '<<Ref:AWS::Partition>>',
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
      // Partition-agnostic: every ARN in the definition is built on the stack's partition.
      expect(machine.Properties.DefinitionSubstitutions.Partition).toEqual({ Ref: 'AWS::Partition' });
      expect(render(machine.Properties.DefinitionString), spec.file).not.toMatch(/arn:aws[a-z-]*:/);
      expect(Object.keys(PSEUDO_SUBSTITUTIONS)).toContain('Partition');
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
    // (only SendTaskSuccess is called; a test below fails on the others)
    'states:SendTaskSuccess',
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

  /** What each function's bundle calls, analysed here from its asset (as the stack does). */
  const assetDir = (spec: FunctionSpec) => join(outdir, `asset.${String(resources[functionLogicalId(spec.name)]!.Properties.Code.S3Key).replace(/\.zip$/, '')}`);
  const bundles = new Map<string, BundleCalls>();
  const bundleOf = (spec: FunctionSpec): BundleCalls => {
    let found = bundles.get(spec.name);
    if (!found) {
      const dir = assetDir(spec);
      found = analyzeBundle(
        JSON.parse(readFileSync(join(dir, 'index.meta.json'), 'utf8')) as Metafile,
        readFileSync(join(dir, 'index.mjs'), 'utf8'),
        JSON.parse(readFileSync(join(dir, 'index.mjs.map'), 'utf8')) as SourceMap,
        PROJECT_ROOT,
        (path) => readFileSync(join(PROJECT_ROOT, path), 'utf8'),
      );
      bundles.set(spec.name, found);
    }
    return found;
  };
  /** Actions every function's role holds whatever its code: its log group and X-Ray. */
  const RUNTIME_ACTIONS = ['logs:CreateLogStream', 'logs:PutLogEvents', 'xray:PutTelemetryRecords', 'xray:PutTraceSegments'];
  const hasDeadLetterQueue = (spec: FunctionSpec) => resources[functionLogicalId(spec.name)]!.Properties.DeadLetterConfig !== undefined;

  it('each function role holds exactly the actions its bundle calls (plus logging, tracing and its DLQ)', () => {
    for (const spec of functions) {
      const always = [...RUNTIME_ACTIONS, ...(hasDeadLetterQueue(spec) ? ['sqs:SendMessage'] : [])];
      expect(grantDrift(actionsOf(functionStatements(spec.name)), bundleOf(spec), always), spec.name).toEqual({ unused: [], missing: [] });
    }
  });

  it('no role holds the rarely needed actions unless its code calls them', () => {
    for (const spec of functions) {
      const actions = actionsOf(functionStatements(spec.name));
      const called = new Set(iamActionsOf(bundleOf(spec)));
      for (const rare of ['dynamodb:BatchWriteItem', 'dynamodb:ConditionCheckItem', 'dynamodb:Scan', 'states:SendTaskFailure', 'states:SendTaskHeartbeat', 'ssm:GetParameter']) {
        expect(actions.has(rare), `${spec.name} ${rare}`).toBe(called.has(rare));
      }
    }
    // And today no code calls any of them.
    const held = new Set(functions.flatMap((spec) => [...actionsOf(functionStatements(spec.name))]));
    for (const rare of ['dynamodb:BatchWriteItem', 'dynamodb:ConditionCheckItem', 'states:SendTaskFailure', 'states:SendTaskHeartbeat']) expect(held.has(rare), rare).toBe(false);
    // The whole account-facing surface of the functions (a new service here needs a resource mapping).
    const all = new Set(functions.flatMap((spec) => [...actionsOf(functionStatements(spec.name))].map((a) => a.split(':')[0])));
    expect([...all].sort()).toEqual(['cognito-idp', 'dynamodb', 'logs', 'secretsmanager', 'ses', 'sqs', 'states', 'xray']);
  });

  it('GEN-3: a route\'s function carries the idempotency store exactly when its contract is idempotent', () => {
    const withStore: string[] = [];
    for (const route of httpRoutes) {
      const spec = functions.find((f) => f.name === route.name)!;
      const inputs = Object.keys((JSON.parse(readFileSync(join(assetDir(spec), 'index.meta.json'), 'utf8')) as Metafile).inputs);
      const carries = inputs.includes('functions/lib/idempotency.ts') || inputs.some((i) => i.includes('@aws-lambda-powertools/idempotency'));
      expect(carries, route.name).toBe(isIdempotent(route));
      if (carries) withStore.push(route.name);
    }
    // Both kinds exist, so the check above compares something.
    expect(withStore.length).toBeGreaterThan(10);
    expect(httpRoutes.length - withStore.length).toBeGreaterThan(10);
  });

  it('table actions name the table; Query names exactly the indexes the bundle queries (the due index: the sweep only)', () => {
    const tableArn = `<<GetAtt:${logicalIdOf(stack.tables[0]!.table)}.Arn>>`;
    const queriesDue: string[] = [];
    for (const spec of functions) {
      const bundle = bundleOf(spec);
      for (const st of functionStatements(spec.name).filter((x) => asArray(x.Action).some((a: string) => a.startsWith('dynamodb:')))) {
        const arns = asArray(st.Resource).map(render);
        expect(arns[0], spec.name).toBe(tableArn);
        const indexes = arns.slice(1).map((a) => a.replace(`${tableArn}/index/`, ''));
        if (asArray(st.Action).includes('dynamodb:Query')) expect(indexes.sort(), spec.name).toEqual([...bundle.indexes].sort());
        else expect(indexes, `${spec.name}: only Query takes an index`).toEqual([]);
        if (indexes.includes('due')) queriesDue.push(spec.name);
      }
    }
    // Only the sweep drains due work: the workflow steps and the routes act on one entity
    // by id (a timeout backstop loads its entity; it never lists what is due).
    expect(queriesDue).toEqual(['sweep']);
  });

  /** Actions a read-only route may hold: reads of the table, the user pool and secrets, its logs and tracing. */
  const READ_ONLY = /^(dynamodb:(GetItem|BatchGetItem|Query)|cognito-idp:Admin(Get|List)\w+|secretsmanager:GetSecretValue|logs:(CreateLogStream|PutLogEvents)|xray:(PutTraceSegments|PutTelemetryRecords))$/;
  const getRoutes = () => httpSpecs().filter((f) => f.trigger.kind === 'http' && f.trigger.method === 'GET');

  it('every GET route (and its HEAD) is read-only: no table write, no e-mail, no workflow signal', () => {
    expect(getRoutes().length).toBeGreaterThan(15);
    for (const spec of getRoutes()) {
      const actions = [...actionsOf(functionStatements(spec.name))];
      expect(actions.filter((a) => !READ_ONLY.test(a)), spec.name).toEqual([]);
      for (const write of ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem', 'dynamodb:ConditionCheckItem', 'ses:SendEmail', 'states:StartExecution', 'states:SendTaskSuccess', 'states:SendTaskFailure', 'states:SendTaskHeartbeat']) {
        expect(actions, `${spec.name} ${write}`).not.toContain(write);
      }
      expect(bundleOf(spec).calls.map((c) => c.operation), spec.name).not.toContain('TransactWriteItems');
    }
  });

  it('the link pages read the link and its entity, and nothing else: no key, no mail, no workflow', () => {
    const pages = getRoutes().filter((f) => f.trigger.kind === 'http' && /\{token\}$/.test(f.trigger.path));
    expect(pages.map((f) => f.name).sort()).toEqual(['view-customer-link', 'view-invitation', 'view-verification']);
    for (const spec of pages) {
      const services = new Set([...actionsOf(functionStatements(spec.name))].map((a) => a.split(':')[0]));
      expect([...services].sort(), spec.name).toEqual(['dynamodb', 'logs', 'xray']);
    }
  });

  it(`docs/grants.md is what \`npm run grants\` writes for this template (every role's actions, the resource count)`, () => {
    expect(readFileSync(grantsFile, 'utf8')).toBe(grantsOfStack(stack));
  });

  it('Step Functions: StartExecution and DescribeExecution on the function\'s workflows only, SendTaskSuccess on * (the token is the capability)', () => {
    for (const spec of functions) {
      const names = spec.access?.workflows ?? workflows.map((w) => w.name);
      for (const st of functionStatements(spec.name)) {
        const actions = asArray(st.Action).filter((a: string) => a.startsWith('states:'));
        if (actions.length === 0) continue;
        expect(actions, spec.name).toHaveLength(1);
        const arns = asArray(st.Resource).map(render);
        if (actions[0] === 'states:StartExecution') expect(arns.map((a) => a.split(':stateMachine:')[1]).sort(), spec.name).toEqual(names.map((n) => stateMachinePhysicalName(STACK, n)).sort());
        else if (actions[0] === 'states:DescribeExecution') expect(arns.map((a) => a.split(':execution:')[1]).sort(), spec.name).toEqual(names.map((n) => `${stateMachinePhysicalName(STACK, n)}:*`).sort());
        else expect([actions[0], arns], spec.name).toEqual(['states:SendTaskSuccess', ['*']]);
      }
    }
  });

  it('secrets: GetSecretValue on exactly the secrets the bundle reads, none needs creating by hand', () => {
    const secrets = ofType('AWS::SecretsManager::Secret');
    expect(secrets).toHaveLength(SECRET_NAMES.length);
    for (const [id, r] of secrets) {
      expect(r.Properties.GenerateSecretString, id).toMatchObject({ ExcludePunctuation: true });
      expect(r.Properties.GenerateSecretString.PasswordLength % 4, `${id}: valid base64 (Standard Webhooks)`).toBe(0);
      expect(r.Properties.SecretString, `${id}: no value in the template`).toBeUndefined();
    }
    const env = resources[functionLogicalId(functions[0]!.name)]!.Properties.Environment.Variables;
    const readers: Record<string, string[]> = {};
    for (const spec of functions) {
      const granted = functionStatements(spec.name)
        .filter((st) => asArray(st.Action).includes('secretsmanager:GetSecretValue'))
        .flatMap((st) => asArray(st.Resource));
      const expected = bundleOf(spec).secrets.map((n) => env[`${SECRET_VARIABLES[n]}_ARN`]);
      expect(granted, spec.name).toEqual(expected);
      for (const n of bundleOf(spec).secrets) (readers[n] ??= []).push(spec.name);
    }
    // The webhook secret: the webhook only. The link key: the functions that mint link tokens.
    expect(readers['vetting-webhook']).toEqual(['vetting-webhook']);
    expect(readers['link-signing']?.length).toBeGreaterThan(3);
    // No parameter asks for a secret that must exist before the deploy.
    expect(Object.keys(template.toJSON().Parameters).filter((p) => /Secret|SigningKey/.test(p))).toEqual([]);
  });

  it('SES: SendEmail on the sender identity and configuration set; in the sandbox also on recipients, only From the sender identity', () => {
    const params = template.toJSON().Parameters;
    expect(params.SesSandboxRecipients.Default).toBe('true');
    const sandboxPolicies = ofType('AWS::IAM::Policy').filter(([, r]) => r.Condition === 'SesSandbox');
    const senders = functions.filter((spec) => actionsOf(functionStatements(spec.name)).has('ses:SendEmail'));
    expect(senders.length).toBeGreaterThan(0);
    for (const spec of senders) {
      const unconditional = functionStatements(spec.name).filter((st) => asArray(st.Action).includes('ses:SendEmail') && !st.Condition);
      for (const st of unconditional) {
        expect(asArray(st.Resource).map(render).sort(), spec.name).toEqual([
          expect.stringMatching(/:configuration-set\//),
          expect.stringMatching(/:identity\/<<Ref:SenderIdentity>>$/),
        ]);
      }
      const roleId = resources[functionLogicalId(spec.name)]!.Properties.Role['Fn::GetAtt'][0];
      const policy = sandboxPolicies.find(([, r]) => r.Properties.Roles.some((x: any) => x.Ref === roleId));
      expect(policy, `${spec.name} has the sandbox policy`).toBeDefined();
      const [statement] = policy![1].Properties.PolicyDocument.Statement;
      expect(statement.Action).toBe('ses:SendEmail');
      expect(render(statement.Resource)).toMatch(/:ses:<<Ref:AWS::Region>>:<<Ref:AWS::AccountId>>:identity\/\*$/);
      expect(Object.keys(statement.Condition.StringLike)).toEqual(['ses:FromAddress']);
    }
    // One policy attached to every sending role: a policy per function would cost a
    // resource each against CloudFormation's 500 per stack.
    expect(sandboxPolicies).toHaveLength(1);
    expect(sandboxPolicies[0]![1].Properties.Roles).toHaveLength(senders.length);
  });

  it('stays under CloudFormation\'s 500 resources per stack, with room for another lifecycle', () => {
    expect(Object.keys(resources).length).toBeLessThanOrEqual(CLOUDFORMATION_RESOURCE_LIMIT);
    // 373 today. A function costs its function, its role, and a route, an integration and a
    // permission per route (HEAD doubles those): no log group or policy of its own. Keep
    // a lifecycle's worth of room (about 10 functions and a state machine ≈ 70); raise this
    // only with a plan for the next (nested stacks).
    expect(Object.keys(resources).length).toBeLessThanOrEqual(400);
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

  it('the scheduler role may invoke its function and write to its DLQ, nothing else', () => {
    for (const schedule of stack.node.findAll().filter((c) => c.node.id.endsWith('Schedule') && c.node.tryFindChild('Role'))) {
      const roleId = stack.getLogicalId(schedule.node.findChild('Role').node.defaultChild as CfnResource);
      const stmts = ofType('AWS::IAM::Policy').filter(([, r]) => r.Properties.Roles.some((x: any) => x.Ref === roleId)).flatMap(([, r]) => r.Properties.PolicyDocument.Statement);
      expect([...actionsOf(stmts)].sort()).toEqual(['lambda:InvokeFunction', 'sqs:SendMessage']);
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

/**
 * The other direction, observed: every AWS SDK call the handlers actually send while the
 * local cloud runs an enrollment to `active`, a partnership request to acceptance, the sweep
 * and a listing, must be granted to the sending function's role. The local cloud runs the
 * handlers in this process with real SDK clients, so the clients' common `send` is wrapped
 * to record each command with the handler file on its (async) stack.
 */
describe('grants cover what the handlers send (local cloud)', () => {
  const sent = new Map<string, Set<string>>();
  /** Calls with no handler on the stack that the local cloud itself did not make. */
  const unattributed: string[] = [];
  let harness: Awaited<ReturnType<typeof import('../../bench/harness.js').startHarness>> | undefined;

  beforeAll(async () => {
    const { DynamoDBClient } = await import('@aws-sdk/client-dynamodb');
    const clientPrototype = Object.getPrototypeOf(DynamoDBClient.prototype) as { send: (command: { constructor: { name: string } }, ...rest: unknown[]) => unknown };
    const original = clientPrototype.send;
    Error.stackTraceLimit = 200;
    clientPrototype.send = function recordingSend(this: { constructor: { name: string } }, command, ...rest) {
      const stack = new Error().stack ?? '';
      // The outermost catalogue handler on the stack; else a handler module several
      // catalogue functions share (recorded as `module:<path>`, checked against each of them).
      const frames = [...stack.matchAll(/(functions\/handlers\/(?:http|workflow|events)\/([\w-]+)\.ts)/g)];
      const handler =
        frames.map((m) => m[2]!).filter((n) => functions.some((f) => f.name === n)).at(-1) ??
        (frames.length > 0 ? `module:${frames.at(-1)![1]}` : undefined);
      const client = this.constructor.name.replace(/Client$/, '');
      const operation = command.constructor.name.replace(/Command$/, '');
      // A transaction is authorized per item: record its item kinds instead.
      const items = (command as { input?: { TransactItems?: Record<string, unknown>[] } }).input?.TransactItems;
      const calls = operation === 'TransactWrite' && items ? items.flatMap((item) => Object.keys(item).map((kind) => `${client}:${kind}`)) : [`${client}:${operation}`];
      if (handler) {
        if (!sent.has(handler)) sent.set(handler, new Set());
        for (const call of calls) sent.get(handler)!.add(call);
      } else if (!/\/(infra\/local|bench)\//.test(stack)) unattributed.push(`${calls.join(',')}\n${stack}`);
      return original.call(this, command, ...rest);
    };
    const { startHarness } = await import('../../bench/harness.js');
    const flows = await import('../../bench/flows.js');
    harness = await startHarness();
    const h = harness;
    const reseller = flows.newReseller();
    await flows.registerPartnerId(h.client, reseller.partnerId, reseller.companyName);
    await flows.enrollmentLifecycle(h.client, h.mail, reseller);
    const provider = await flows.onboardProvider(h.client);
    await flows.partnershipLifecycle(h.client, provider, reseller);
    await h.client.expect(200, 'GET', '/relationships?type=indirect_provider', { user: reseller.admin });
    const { invokeFunction } = await import('../../infra/local/functions.js');
    await invokeFunction('sweep', {});
    clientPrototype.send = original;
  }, 240_000);

  afterAll(async () => {
    await harness?.stop();
  });

  /** IAM actions of an observed `Client:Operation` (lib-dynamodb: Get → GetItem, transactions per item kind). */
  const DOCUMENT: Record<string, string> = { ConditionCheck: 'ConditionCheckItem', Get: 'GetItem', Put: 'PutItem', Update: 'UpdateItem', Delete: 'DeleteItem', Query: 'Query', Scan: 'Scan', BatchGet: 'BatchGetItem', BatchWrite: 'BatchWriteItem' };
  const PREFIX: Record<string, string> = { DynamoDB: 'dynamodb', DynamoDBDocument: 'dynamodb', SESv2: 'ses', SFN: 'states', SecretsManager: 'secretsmanager', CognitoIdentityProvider: 'cognito-idp' };

  it('every observed call is granted to the function that sent it', () => {
    expect(sent.size, 'handlers observed').toBeGreaterThan(10);
    expect(unattributed, 'every call the functions make is attributed to a handler').toEqual([]);
    const observed: string[] = [];
    /** The catalogue functions a recorded sender stands for: itself, or every function importing the shared module. */
    const sendersOf = (name: string): string[] => {
      if (!name.startsWith('module:')) return [name];
      const module = name.slice('module:'.length).replace(/^.*\//, '').replace(/\.ts$/, '');
      const importers = functions.filter((f) => readFileSync(join(PROJECT_ROOT, f.entry), 'utf8').includes(`/${module}.js'`)).map((f) => f.name);
      expect(importers.length, `${name} is imported by catalogue functions`).toBeGreaterThan(0);
      return importers;
    };
    for (const [recorded, calls] of sent) for (const name of sendersOf(recorded)) {
      const actions = actionsOf(functionStatements(name));
      for (const call of calls) {
        const [client, operation] = call.split(':') as [string, string];
        observed.push(`${name} ${call}`);
        const action = `${PREFIX[client] ?? client}:${client === 'DynamoDBDocument' ? DOCUMENT[operation] : operation}`;
        expect(actions.has(action), `${name} sends ${call}: granted ${action}`).toBe(true);
      }
    }
    expect(observed.length, 'calls observed').toBeGreaterThan(20);
    expect(observed.some((o) => o.endsWith('SESv2:SendEmail')), 'an e-mail was sent').toBe(true);
  });
});

describe('customer user pool (Cognito)', () => {
  it('invitation only, a strong password policy, an immutable custom:tenant_id, MFA available', () => {
    const pools = ofType('AWS::Cognito::UserPool');
    expect(pools).toHaveLength(1);
    const p = pools[0]![1].Properties;
    expect(p.AdminCreateUserConfig.AllowAdminCreateUserOnly).toBe(true);
    expect(p.Policies.PasswordPolicy).toMatchObject({ MinimumLength: 12, RequireLowercase: true, RequireUppercase: true, RequireNumbers: true, RequireSymbols: true });
    expect(p.Schema).toContainEqual(expect.objectContaining({ Name: 'tenant_id', AttributeDataType: 'String', Mutable: false }));
    expect(p.UsernameAttributes).toEqual(['email']);
    expect(p.MfaConfiguration).toBe('OPTIONAL');
    expect(pools[0]![1]).toMatchObject({ DeletionPolicy: 'Retain' });
  });

  it('one app client without a secret, allowing USER_PASSWORD_AUTH and SRP; its ids reach every function', () => {
    const clients = ofType('AWS::Cognito::UserPoolClient');
    expect(clients).toHaveLength(1);
    const c = clients[0]![1].Properties;
    expect(c.GenerateSecret).toBe(false);
    expect([...c.ExplicitAuthFlows].sort()).toEqual(['ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH']);
    expect(c.PreventUserExistenceErrors).toBe('ENABLED');
    expect(c.WriteAttributes).not.toContain('custom:tenant_id');
    expect(c.ReadAttributes).toContain('custom:tenant_id');
    const [poolId] = ofType('AWS::Cognito::UserPool')[0]!;
    for (const [id, r] of ofType('AWS::Lambda::Function')) {
      expect(r.Properties.Environment.Variables.USER_POOL_ID, id).toEqual({ Ref: poolId });
      expect(r.Properties.Environment.Variables.USER_POOL_CLIENT_ID, id).toEqual({ Ref: clients[0]![0] });
    }
  });
});

describe('cdk.json', () => {
  it('sets every feature flag aws-cdk-lib recommends, to the recommended value', () => {
    const recommended = JSON.parse(readFileSync(join(PROJECT_ROOT, 'node_modules/aws-cdk-lib/recommended-feature-flags.json'), 'utf8')) as Record<string, unknown>;
    expect(Object.keys(recommended).length).toBeGreaterThan(80);
    for (const [flag, value] of Object.entries(recommended)) expect(cdkContext[flag], flag).toEqual(value);
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
      functions: [{ name: 'not-yet', entry: 'functions/handlers/http/does-not-exist.ts', trigger: { kind: 'http', method: 'GET', path: '/nope', auth: 'jwt' } }],
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
