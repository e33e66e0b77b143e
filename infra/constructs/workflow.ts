import { Aws, type CfnCondition, Duration, Fn, RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import type { WorkflowSpec } from '../catalog.js';
import type { Alarms } from './alarms.js';
import { requirementsOf, type AslRequirements } from './asl.js';

export interface WorkflowProps {
  spec: WorkflowSpec;
  /** The text of the `*.asl.json` file, read at synth time. */
  definition: string;
  stateMachineName: string;
  /** The deployed functions, by catalogue name. */
  functions: ReadonlyMap<string, lambda.IFunction>;
  table: { tableName: string; tableArn: string; indexArns: string[] };
  email: { identityArn: string; configurationSetArn: string };
  logRetention: logs.RetentionDays;
  /** Include execution data (inputs, outputs, task tokens) in the logs only under this condition. */
  includeExecutionData?: CfnCondition;
  alarms: Alarms;
}

/**
 * A Standard state machine deployed from a `workflows/*.asl.json` file exactly as the local
 * cloud runs it: the file's text becomes the DefinitionString and CloudFormation replaces
 * each `${Key}` through DefinitionSubstitutions (function ARN or table name). The role gets
 * lambda:InvokeFunction on exactly the substituted functions and the table/SES actions the
 * definition's Task states call; logging ALL (without execution data by default) and X-Ray
 * tracing are on. `${Partition}` becomes the stack's partition.
 */
export class Workflow extends Construct {
  readonly stateMachine: sfn.StateMachine;
  readonly requirements: AslRequirements;

  constructor(scope: Construct, id: string, props: WorkflowProps) {
    super(scope, id);
    const { spec } = props;
    this.requirements = requirementsOf(props.definition);
    for (const unknown of this.requirements.unknownIntegrations) {
      console.warn(`[infra] workflow ${spec.name}: no permission mapping for Task resource ${unknown}; extend infra/constructs/asl.ts`);
    }

    const substitutions: Record<string, string> = {};
    const invoked: lambda.IFunction[] = [];
    for (const [key, functionName] of Object.entries(spec.functionSubstitutions)) {
      const fn = props.functions.get(functionName);
      if (!fn) throw new Error(`workflow ${spec.name}: function ${functionName} (for \${${key}}) is not deployed`);
      substitutions[key] = fn.functionArn;
      invoked.push(fn);
    }
    for (const key of spec.tableSubstitutions) substitutions[key] = props.table.tableName;
    // Pseudo substitutions (asl.ts PSEUDO_SUBSTITUTIONS): the partition the stack is deployed in.
    substitutions.Partition = Aws.PARTITION;

    const logGroup = new logs.LogGroup(this, 'LogGroup', {
      // The /aws/vendedlogs/ prefix keeps CloudWatch Logs' resource policy small.
      logGroupName: `/aws/vendedlogs/states/${props.stateMachineName}`,
      retention: props.logRetention,
      removalPolicy: RemovalPolicy.DESTROY,
    });

    this.stateMachine = new sfn.StateMachine(this, 'StateMachine', {
      stateMachineName: props.stateMachineName,
      stateMachineType: sfn.StateMachineType.STANDARD,
      // fromString, not fromFile: fromFile uploads the file as an S3 asset and the template
      // would carry only its location. The text is read at synth time, so the template
      // holds the definition itself and the tests can compare it with the file.
      definitionBody: sfn.DefinitionBody.fromString(props.definition),
      definitionSubstitutions: substitutions,
      // Level ALL for the state transitions; without execution data unless the deploy asks for
      // it, since inputs, outputs and task tokens would otherwise land in CloudWatch Logs.
      logs: { destination: logGroup, level: sfn.LogLevel.ALL, includeExecutionData: false },
      tracingEnabled: true,
    });
    if (props.includeExecutionData) {
      (this.stateMachine.node.defaultChild as sfn.CfnStateMachine).addPropertyOverride(
        'LoggingConfiguration.IncludeExecutionData',
        Fn.conditionIf(props.includeExecutionData.logicalId, true, false),
      );
    }

    const role = this.stateMachine.role;
    if (invoked.length > 0) {
      // Exactly the function ARNs (not `arn:*`): the definitions invoke unqualified ARNs.
      role.addToPrincipalPolicy(
        new iam.PolicyStatement({
          actions: ['lambda:InvokeFunction'],
          resources: [...new Set(invoked.map((f) => f.functionArn))],
        }),
      );
    }
    if (this.requirements.dynamodbActions.length > 0) {
      role.addToPrincipalPolicy(
        new iam.PolicyStatement({
          actions: this.requirements.dynamodbActions,
          resources: [props.table.tableArn, ...(this.requirements.usesIndexes ? props.table.indexArns : [])],
        }),
      );
    }
    if (this.requirements.sesActions.length > 0) {
      role.addToPrincipalPolicy(
        new iam.PolicyStatement({
          actions: this.requirements.sesActions,
          resources: [props.email.identityArn, props.email.configurationSetArn],
        }),
      );
    }
    Validations.of(role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'Added by CDK for logging and tracing: the CloudWatch Logs delivery actions (logs:CreateLogDelivery, GetLogDelivery, UpdateLogDelivery, DeleteLogDelivery, ListLogDeliveries, PutResourcePolicy, DescribeResourcePolicies, DescribeLogGroups) and xray:PutTraceSegments/PutTelemetryRecords/GetSamplingRules/GetSamplingTargets support no resource-level permissions; AWS documents Resource "*" for them.',
    });

    const period = Duration.minutes(5);
    props.alarms.add(this, 'FailedAlarm', {
      metric: this.stateMachine.metricFailed({ period, statistic: cloudwatch.Stats.SUM }),
      threshold: 1,
      description: `Executions of the ${spec.name} workflow failed.`,
    });
    props.alarms.add(this, 'TimedOutAlarm', {
      metric: this.stateMachine.metricTimedOut({ period, statistic: cloudwatch.Stats.SUM }),
      threshold: 1,
      description: `Executions of the ${spec.name} workflow timed out.`,
    });
  }
}
