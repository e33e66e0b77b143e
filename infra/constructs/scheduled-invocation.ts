import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

export interface ScheduledInvocationProps {
  fn: lambda.IFunction;
  everyMinutes: number;
  deadLetterQueue: sqs.IQueue;
}

/**
 * An EventBridge Scheduler schedule invoking a function every N minutes, with retries and
 * a dead-letter queue. Built on CfnSchedule with its own role so that the role can invoke
 * exactly this function ARN (the L2 target's grantInvoke also adds `<arn>:*`).
 */
export class ScheduledInvocation extends Construct {
  readonly schedule: scheduler.CfnSchedule;
  readonly role: iam.Role;

  constructor(scope: Construct, id: string, props: ScheduledInvocationProps) {
    super(scope, id);
    const n = props.everyMinutes;
    if (!Number.isInteger(n) || n < 1) throw new Error(`everyMinutes must be a positive integer, got ${n}`);

    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com', {
        conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } },
      }),
      description: 'Lets EventBridge Scheduler invoke one scheduled function',
    });
    this.role.addToPolicy(new iam.PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [props.fn.functionArn] }));
    // Only SendMessage: Scheduler delivers to the DLQ by ARN (grantSendMessages would add
    // GetQueueAttributes and GetQueueUrl, which it never calls).
    this.role.addToPolicy(new iam.PolicyStatement({ actions: ['sqs:SendMessage'], resources: [props.deadLetterQueue.queueArn] }));

    this.schedule = new scheduler.CfnSchedule(this, 'Schedule', {
      description: `Invokes ${props.fn.node.path} every ${n} minute(s)`,
      scheduleExpression: `rate(${n} ${n === 1 ? 'minute' : 'minutes'})`,
      flexibleTimeWindow: { mode: 'OFF' },
      state: 'ENABLED',
      target: {
        arn: props.fn.functionArn,
        roleArn: this.role.roleArn,
        deadLetterConfig: { arn: props.deadLetterQueue.queueArn },
        // A late run is useless once the next one is due.
        retryPolicy: { maximumRetryAttempts: 2, maximumEventAgeInSeconds: Math.max(60, n * 60) },
      },
    });
  }
}
