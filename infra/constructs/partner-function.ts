import { join } from 'node:path';
import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { LogLevel, NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { FunctionSpec, WorkflowName } from '../catalog.js';

/** The resources a function may be granted access to, as ARNs (strings, never references). */
export interface AccessTargets {
  /** Table ARN plus the ARN of each of its indexes (listed, not `index/*`). */
  tables: { tableArn: string; indexArns: string[] }[];
  email: { identityArn: string; configurationSetArn: string };
  /** State machine ARN and the pattern of its executions' ARNs, per workflow. */
  workflows: (name: WorkflowName) => { stateMachineArn: string; executionsArn: string };
  /** SSM SecureString parameters (ARNs). */
  webhookSecretParameterArn: string;
  linkSigningKeyParameterArn: string;
}

/** Whether a function derives link tokens, i.e. reads the link-signing key (catalogue flag). */
export function needsLinkSigningKey(spec: FunctionSpec): boolean {
  return spec.access.linkSigningKey === true;
}

export interface PartnerFunctionProps {
  spec: FunctionSpec;
  /** Repository root: `spec.entry` and the lock file are relative to it. */
  projectRoot: string;
  functionName: string;
  environment: Record<string, string>;
  access: AccessTargets;
  logRetention: logs.RetentionDays;
  memorySize?: number;
  timeout?: Duration;
  /** For asynchronously invoked functions: where Lambda puts events it gave up on. */
  deadLetterQueue?: sqs.IQueue;
}

/** The actions each level of table access allows (TransactWriteItems is authorized per item action). */
export const TABLE_READ_ACTIONS = ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:BatchGetItem'];
export const TABLE_WRITE_ACTIONS = [
  ...TABLE_READ_ACTIONS,
  'dynamodb:ConditionCheckItem',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
];
export const TASK_RESPONSE_ACTIONS = ['states:SendTaskSuccess', 'states:SendTaskFailure', 'states:SendTaskHeartbeat'];

/** Default timeout per trigger: HTTP answers well inside API Gateway's 30 s. */
const TIMEOUTS: Record<FunctionSpec['trigger']['kind'], Duration> = {
  http: Duration.seconds(10),
  workflow: Duration.seconds(30),
  schedule: Duration.seconds(120),
  'ses-events': Duration.seconds(30),
};

/** The createRequire shim CommonJS dependencies need inside an ESM bundle. */
const ESM_REQUIRE_BANNER = "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);";

/**
 * Every Lambda function of the project goes through this construct: Node.js 24 on arm64,
 * an esbuild ESM bundle (AWS SDK bundled, minified, source maps), its own log group with
 * retention, Powertools settings, X-Ray, and a role holding only what `spec.access` says.
 */
export class PartnerFunction extends Construct {
  readonly function: NodejsFunction;
  readonly role: iam.Role;
  readonly logGroup: logs.LogGroup;
  readonly spec: FunctionSpec;

  constructor(scope: Construct, id: string, props: PartnerFunctionProps) {
    super(scope, id);
    const { spec } = props;
    this.spec = spec;

    this.logGroup = new logs.LogGroup(this, 'LogGroup', {
      retention: props.logRetention,
      removalPolicy: RemovalPolicy.DESTROY,
    });

    // An explicit role instead of AWSLambdaBasicExecutionRole: writing to its own log group only.
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `Runs the ${spec.name} function`,
    });
    this.role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [this.logGroup.logGroupArn],
      }),
    );

    this.function = new NodejsFunction(this, 'Function', {
      functionName: props.functionName,
      description: `${spec.name} (${triggerLabel(spec)})`,
      entry: join(props.projectRoot, spec.entry),
      handler: 'handler',
      projectRoot: props.projectRoot,
      depsLockFilePath: join(props.projectRoot, 'package-lock.json'),
      runtime: lambda.Runtime.NODEJS_24_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? TIMEOUTS[spec.trigger.kind],
      role: this.role,
      logGroup: this.logGroup,
      loggingFormat: lambda.LoggingFormat.JSON,
      tracing: lambda.Tracing.ACTIVE,
      reservedConcurrentExecutions: spec.reservedConcurrency,
      ...(props.deadLetterQueue ? { deadLetterQueue: props.deadLetterQueue, retryAttempts: 2 } : {}),
      environment: {
        ...props.environment,
        NODE_OPTIONS: '--enable-source-maps',
      },
      awsSdkConnectionReuse: false,
      bundling: {
        format: OutputFormat.ESM,
        mainFields: ['module', 'main'],
        banner: ESM_REQUIRE_BANNER,
        externalModules: [], // bundle the AWS SDK: the version we test is the version we run
        minify: true,
        sourceMap: true,
        sourcesContent: false,
        logLevel: LogLevel.ERROR,
        forceDockerBundling: false,
      },
    });

    this.grantAccess(props.access);
  }

  private grantAccess(targets: AccessTargets): void {
    const { access } = this.spec;
    const role = this.role;

    if (access.table !== 'none') {
      role.addToPolicy(
        new iam.PolicyStatement({
          actions: access.table === 'write' ? TABLE_WRITE_ACTIONS : TABLE_READ_ACTIONS,
          resources: targets.tables.flatMap((t) => [t.tableArn, ...t.indexArns]),
        }),
      );
    }

    if (access.sendEmail) {
      role.addToPolicy(
        new iam.PolicyStatement({
          actions: ['ses:SendEmail'],
          resources: [targets.email.identityArn, targets.email.configurationSetArn],
        }),
      );
    }

    // SecureStrings under the AWS managed key aws/ssm: its key policy already lets
    // principals of the account decrypt through SSM, so no kms:Decrypt grant is needed.
    const parameters = [
      ...(access.webhookSecret ? [targets.webhookSecretParameterArn] : []),
      ...(needsLinkSigningKey(this.spec) ? [targets.linkSigningKeyParameterArn] : []),
    ];
    if (parameters.length > 0) {
      role.addToPolicy(new iam.PolicyStatement({ actions: ['ssm:GetParameter'], resources: parameters }));
    }

    const workflows = [...new Set(access.workflows ?? [])].sort();
    if (workflows.length > 0) {
      const arns = workflows.map((w) => targets.workflows(w));
      role.addToPolicy(
        new iam.PolicyStatement({
          actions: ['states:StartExecution'],
          resources: arns.map((a) => a.stateMachineArn),
        }),
      );
      role.addToPolicy(
        new iam.PolicyStatement({
          actions: ['states:DescribeExecution'],
          resources: arns.map((a) => a.executionsArn),
        }),
      );
      role.addToPolicy(
        new iam.PolicyStatement({
          actions: TASK_RESPONSE_ACTIONS,
          resources: ['*'],
        }),
      );
      const stack = Stack.of(this);
      for (const a of arns) {
        Validations.of(this.role).acknowledge({
          id: `AwsSolutions-IAM5[Resource::${nagResource(stack, a.executionsArn)}]`,
          reason: 'DescribeExecution is granted on the executions of this one state machine; execution names are generated at run time, so the execution part of the ARN must be a wildcard.',
        });
      }
    }

    // Resource `*`: X-Ray (always, tracing is active) and, for workflow signallers, SendTask*.
    Validations.of(this.role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        workflows.length > 0
          ? 'xray:PutTraceSegments/PutTelemetryRecords and states:SendTaskSuccess/SendTaskFailure/SendTaskHeartbeat support no resource-level permissions (AWS requires Resource "*"; a task token is the capability).'
          : 'xray:PutTraceSegments/PutTelemetryRecords (active tracing) support no resource-level permissions; AWS requires Resource "*".',
    });
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
