import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { Annotations, AssetHashType, Aws, type CfnCondition, DockerImage, Duration, Fn, Stack, Stage, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as s3assets from 'aws-cdk-lib/aws-s3-assets';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { FunctionSpec, WorkflowName } from '../catalog.js';
import { analyzeBundle, iamActionsOf, type BundleCalls, type Metafile, type SourceMap } from './bundle-access.js';

export { BUNDLE_ALIASES, LAMBDA_CREDENTIALS } from '../bundling.js';

/** The resources a function may be granted access to, as ARNs (strings, never references). */
export interface AccessTargets {
  /** Each table's ARN and its indexes by name. */
  tables: { tableArn: string; indexes: { name: string; arn: string }[] }[];
  email: {
    identityArn: string;
    configurationSetArn: string;
    /**
     * SES sandbox: SES also authorizes a send against `identity/<recipient>`. When set, a
     * policy under `condition` allows SendEmail on every identity of the account, only
     * with a From address matching `fromAddressPattern`.
     */
    sandbox?: { condition: CfnCondition; identitiesArn: string; fromAddressPattern: string };
  };
  /** State machine ARN and the pattern of its executions' ARNs, per workflow. */
  workflows: (name: WorkflowName) => { stateMachineArn: string; executionsArn: string };
  allWorkflows: WorkflowName[];
  /** Secrets Manager secrets by name (functions/lib/secrets.ts). */
  secrets: Record<string, string>;
  /** The Cognito user pool of customer admin users. */
  userPoolArn?: string;
}

export interface PartnerFunctionProps {
  spec: FunctionSpec;
  /** Repository root: `spec.entry` and the lock file are relative to it. */
  projectRoot: string;
  functionName: string;
  environment: Record<string, string>;
  access: AccessTargets;
  /**
   * The log group it writes to, shared by every function of the stack (Lambda names each
   * stream `YYYY/MM/DD/<function name>[<version>]<id>`, so each function's logs stay apart):
   * a log group per function would cost a resource each against the stack's 500.
   */
  logGroup: logs.ILogGroup;
  memorySize?: number;
  timeout?: Duration;
  /** For asynchronously invoked functions: where Lambda puts events it gave up on. */
  deadLetterQueue?: sqs.IQueue;
  /** Reserve `spec.reservedConcurrency` only under this condition (deploy parameter). */
  reserveConcurrency?: CfnCondition;
}

/** Actions on the table and its indexes; Query and Scan are the only ones that take an index. */
const DYNAMODB_INDEX_ACTIONS = new Set(['dynamodb:Query', 'dynamodb:Scan']);
/** Step Functions task-token actions: no resource-level permissions, the token is the capability. */
export const TASK_RESPONSE_ACTIONS = new Set(['states:SendTaskSuccess', 'states:SendTaskFailure', 'states:SendTaskHeartbeat']);

/** infra/bundling.ts, run by Node itself for each function's local bundling. */
const BUNDLER = resolve(import.meta.dirname, '../bundling.ts');

/**
 * A function's code: its bundle (infra/bundling.ts), built locally — never in Docker — into
 * the asset directory, and hashed by that output. `command` names the entry only so each
 * function's bundling has its own cache key (CDK reuses a bundling whose options are equal).
 */
function lambdaBundle(projectRoot: string, entry: string): lambda.Code {
  const entryPath = relative(projectRoot, resolve(projectRoot, entry));
  return lambda.Code.fromAsset(projectRoot, {
    assetHashType: AssetHashType.OUTPUT,
    bundling: {
      image: DockerImage.fromRegistry('local-bundling-only'),
      command: ['node', 'infra/bundling.ts', entryPath],
      local: {
        tryBundle(outputDir) {
          const run = spawnSync(process.execPath, [BUNDLER, entryPath, outputDir], { cwd: projectRoot, encoding: 'utf8' });
          if (run.status !== 0) throw new Error(`bundling ${entryPath} failed: ${run.error?.message ?? ''}${run.stderr}`);
          return true;
        },
      },
    },
  });
}

/** Default timeout per trigger: HTTP answers well inside API Gateway's 30 s. */
const TIMEOUTS: Record<FunctionSpec['trigger']['kind'], Duration> = {
  http: Duration.seconds(10),
  workflow: Duration.seconds(30),
  schedule: Duration.seconds(120),
  'ses-events': Duration.seconds(30),
};

/**
 * A role whose statements are all inline (the role's `Policies`) rather than in a separate
 * AWS::IAM::Policy: the same permissions, one resource fewer per function against
 * CloudFormation's 500 per stack. Every grant (the bundle's calls, tracing, the dead-letter
 * queue) arrives through addToPrincipalPolicy and lands in the one inline document.
 */
export class InlineRole extends iam.Role {
  private readonly document: iam.PolicyDocument;

  constructor(scope: Construct, id: string, props: iam.RoleProps) {
    const document = new iam.PolicyDocument();
    super(scope, id, { ...props, inlinePolicies: { ...props.inlinePolicies, access: document } });
    this.document = document;
  }

  override addToPrincipalPolicy(statement: iam.PolicyStatement): iam.AddToPrincipalPolicyResult {
    this.document.addStatements(statement);
    return { statementAdded: true, policyDependable: this };
  }
}

/**
 * Every Lambda function of the project goes through this construct: Node.js 24 on arm64,
 * an esbuild ESM bundle (infra/bundling.ts: AWS SDK bundled, minified, source maps), the stack's function log
 * group, Powertools settings, X-Ray, and a role holding only what its bundle calls
 * (infra/constructs/bundle-access.ts), inline.
 */
export class PartnerFunction extends Construct {
  readonly function: lambda.Function;
  readonly role: iam.Role;
  readonly logGroup: logs.ILogGroup;
  readonly spec: FunctionSpec;

  constructor(scope: Construct, id: string, props: PartnerFunctionProps) {
    super(scope, id);
    const { spec } = props;
    this.spec = spec;

    this.logGroup = props.logGroup;

    // An explicit role instead of AWSLambdaBasicExecutionRole: writing to the function log group only.
    this.role = new InlineRole(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `Runs the ${spec.name} function`,
    });
    this.role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [this.logGroup.logGroupArn],
      }),
    );

    this.function = new lambda.Function(this, 'Function', {
      functionName: props.functionName,
      description: `${spec.name} (${triggerLabel(spec)})`,
      code: lambdaBundle(props.projectRoot, spec.entry),
      handler: 'index.handler',
      runtime: lambda.Runtime.NODEJS_24_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? TIMEOUTS[spec.trigger.kind],
      role: this.role,
      logGroup: this.logGroup,
      loggingFormat: lambda.LoggingFormat.JSON,
      tracing: lambda.Tracing.ACTIVE,
      ...(props.deadLetterQueue ? { deadLetterQueue: props.deadLetterQueue, retryAttempts: 2 } : {}),
      environment: {
        ...props.environment,
        NODE_OPTIONS: '--enable-source-maps',
      },
    });

    const cfnFunction = this.function.node.defaultChild as lambda.CfnFunction;
    if (spec.reservedConcurrency !== undefined && props.reserveConcurrency) {
      cfnFunction.reservedConcurrentExecutions = Fn.conditionIf(
        props.reserveConcurrency.logicalId,
        spec.reservedConcurrency,
        Aws.NO_VALUE,
      ) as unknown as number;
    }

    this.calls = this.readBundle(props.projectRoot);
    this.grantAccess(props.access, this.calls);
  }

  /** What the bundle calls; undefined when CDK skipped bundling (`cdk ls`, other stacks). */
  readonly calls: BundleCalls | undefined;

  private readBundle(projectRoot: string): BundleCalls | undefined {
    const stack = Stack.of(this);
    const asset = this.function.node.tryFindChild('Code') as s3assets.Asset | undefined;
    if (!asset) throw new Error(`${this.spec.name}: no code asset`);
    const dir = isAbsolute(asset.assetPath) ? asset.assetPath : join(Stage.of(this)!.outdir, asset.assetPath);
    const metafile = join(dir, 'index.meta.json');
    if (!existsSync(metafile)) {
      if (!stack.bundlingRequired) return undefined;
      throw new Error(`${this.spec.name}: esbuild wrote no metafile at ${metafile}`);
    }
    return analyzeBundle(
      JSON.parse(readFileSync(metafile, 'utf8')) as Metafile,
      readFileSync(join(dir, 'index.mjs'), 'utf8'),
      JSON.parse(readFileSync(join(dir, 'index.mjs.map'), 'utf8')) as SourceMap,
      projectRoot,
      (path) => readFileSync(resolve(projectRoot, path), 'utf8'),
    );
  }

  /**
   * The role's statements, from the bundle: each SDK action its code calls, on the
   * resources of that service this stack owns. An action with no resource mapping here
   * fails the synthesis, so a new kind of call cannot go out unauthorized or over-broad.
   */
  private grantAccess(targets: AccessTargets, calls: BundleCalls | undefined): void {
    const role = this.role;
    const stack = Stack.of(this);
    if (!calls) {
      Annotations.of(this).addWarning(`${this.spec.name}: bundling was skipped, so no grants were derived`);
      return;
    }
    const actions = iamActionsOf(calls);
    const byPrefix = new Map<string, string[]>();
    for (const a of actions) {
      const prefix = a.split(':')[0]!;
      byPrefix.set(prefix, [...(byPrefix.get(prefix) ?? []), a]);
    }
    const acknowledgements: string[] = [];

    for (const [prefix, list] of [...byPrefix].sort(([a], [b]) => a.localeCompare(b))) {
      switch (prefix) {
        case 'dynamodb': {
          const tableArns = targets.tables.map((t) => t.tableArn);
          const indexArns = targets.tables.flatMap((t) =>
            t.indexes.filter((i) => calls.computedIndexName || calls.indexes.includes(i.name)).map((i) => i.arn),
          );
          const unknown = calls.indexes.filter((n) => !targets.tables.some((t) => t.indexes.some((i) => i.name === n)));
          if (unknown.length > 0) throw new Error(`${this.spec.name} queries indexes no table has: ${unknown.join(', ')}`);
          const tableOnly = list.filter((a) => !DYNAMODB_INDEX_ACTIONS.has(a));
          const indexed = list.filter((a) => DYNAMODB_INDEX_ACTIONS.has(a));
          if (tableOnly.length > 0) role.addToPolicy(new iam.PolicyStatement({ actions: tableOnly, resources: tableArns }));
          if (indexed.length > 0) role.addToPolicy(new iam.PolicyStatement({ actions: indexed, resources: [...tableArns, ...indexArns] }));
          break;
        }
        case 'ses': {
          this.only(list, ['ses:SendEmail']);
          role.addToPolicy(new iam.PolicyStatement({ actions: list, resources: [targets.email.identityArn, targets.email.configurationSetArn] }));
          const sandbox = targets.email.sandbox;
          if (sandbox) {
            // One policy for every sending role (AWS::IAM::Policy attaches to many roles):
            // a policy per function would cost a resource each against the stack's 500.
            let policy = stack.node.tryFindChild('SesSandboxRecipientsPolicy') as iam.Policy | undefined;
            if (!policy) {
              policy = new iam.Policy(stack, 'SesSandboxRecipientsPolicy', {
                statements: [
                  new iam.PolicyStatement({
                    actions: ['ses:SendEmail'],
                    resources: [sandbox.identitiesArn],
                    conditions: { StringLike: { 'ses:FromAddress': sandbox.fromAddressPattern } },
                  }),
                ],
              });
              (policy.node.defaultChild as iam.CfnPolicy).cfnOptions.condition = sandbox.condition;
              Validations.of(policy).acknowledge({
                id: `AwsSolutions-IAM5[Resource::${nagResource(stack, sandbox.identitiesArn)}]`,
                reason:
                  'SES sandbox only (deploy parameter SesSandboxRecipients): SES also authorizes a send against the identity of each verified recipient, whose addresses are not known at deploy time. The statement is limited to SendEmail with the stack\'s own From address (ses:FromAddress).',
              });
            }
            policy.attachToRole(role);
          }
          break;
        }
        case 'states': {
          const names = [...new Set(this.spec.access?.workflows ?? targets.allWorkflows)].sort();
          const arns = names.map((n) => targets.workflows(n));
          for (const a of list) {
            if (a === 'states:StartExecution') {
              role.addToPolicy(new iam.PolicyStatement({ actions: [a], resources: arns.map((x) => x.stateMachineArn) }));
            } else if (a === 'states:DescribeExecution') {
              role.addToPolicy(new iam.PolicyStatement({ actions: [a], resources: arns.map((x) => x.executionsArn) }));
              for (const x of arns) {
                Validations.of(role).acknowledge({
                  id: `AwsSolutions-IAM5[Resource::${nagResource(stack, x.executionsArn)}]`,
                  reason: 'DescribeExecution is granted on the executions of this one state machine; execution names are generated at run time, so the execution part of the ARN must be a wildcard.',
                });
              }
            } else if (TASK_RESPONSE_ACTIONS.has(a)) {
              role.addToPolicy(new iam.PolicyStatement({ actions: [a], resources: ['*'] }));
              acknowledgements.push(`${a} supports no resource-level permissions (AWS requires Resource "*"; the task token is the capability)`);
            } else {
              throw new Error(`${this.spec.name} calls ${a}; infra/constructs/partner-function.ts has no resource mapping for it`);
            }
          }
          break;
        }
        case 'secretsmanager': {
          this.only(list, ['secretsmanager:GetSecretValue']);
          const names = calls.secrets.length > 0 ? calls.secrets : Object.keys(targets.secrets);
          const arns = names.map((n) => {
            const arn = targets.secrets[n];
            if (!arn) throw new Error(`${this.spec.name} reads secret ${n}, which the stack does not create`);
            return arn;
          });
          role.addToPolicy(new iam.PolicyStatement({ actions: list, resources: arns }));
          break;
        }
        case 'cognito-idp': {
          if (!targets.userPoolArn) throw new Error(`${this.spec.name} calls Cognito but the stack has no user pool`);
          role.addToPolicy(new iam.PolicyStatement({ actions: list, resources: [targets.userPoolArn] }));
          break;
        }
        default:
          throw new Error(`${this.spec.name} calls ${list.join(', ')}; infra/constructs/partner-function.ts has no resource mapping for ${prefix}`);
      }
    }

    // Resource `*`: X-Ray (always, tracing is active) and task-token actions.
    Validations.of(role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: ['xray:PutTraceSegments/PutTelemetryRecords (active tracing) support no resource-level permissions; AWS requires Resource "*"', ...acknowledgements].join('; ') + '.',
    });
  }

  private only(actions: string[], supported: string[]): void {
    const other = actions.filter((a) => !supported.includes(a));
    if (other.length > 0) throw new Error(`${this.spec.name} calls ${other.join(', ')}; infra/constructs/partner-function.ts has no resource mapping for it`);
  }
}

const triggerLabel = (spec: FunctionSpec): string => {
  const t = spec.trigger;
  switch (t.kind) {
    case 'http':
      return `${t.method} ${t.path}`;
    case 'schedule':
      return `every ${t.everyMinutes} min`;
    default:
      return t.kind;
  }
};

/**
 * How cdk-nag prints a resource in an IAM5 finding id: intrinsic references become
 * `<AWS::Region>`-style placeholders. Handles the strings this project builds with
 * `formatArn` (pseudo parameters and plain text only).
 */
export function nagResource(stack: Stack, arn: string): string {
  const resolved = stack.resolve(arn) as unknown;
  const render = (v: unknown): string => {
    if (typeof v === 'string') return v;
    if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if ('Ref' in o) return `<${String(o.Ref)}>`;
      if ('Fn::Join' in o) {
        const [sep, parts] = o['Fn::Join'] as [string, unknown[]];
        return parts.map(render).join(sep);
      }
      if ('Fn::GetAtt' in o) {
        const [res, attr] = o['Fn::GetAtt'] as [string, string];
        return `<${res}.${attr}>`;
      }
    }
    return JSON.stringify(v);
  };
  return render(resolved);
}
