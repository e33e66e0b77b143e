import { Duration, Validations } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { Alarms } from './alarms.js';

export interface DeadLetterQueueProps {
  /** What delivers failures here, for the alarm and the acknowledgement. */
  purpose: string;
  alarms: Alarms;
}

/**
 * A dead-letter queue for an asynchronous target (SSE, TLS only, 14 days) with an alarm
 * as soon as one message is waiting in it.
 */
export class DeadLetterQueue extends Construct {
  readonly queue: sqs.Queue;

  constructor(scope: Construct, id: string, props: DeadLetterQueueProps) {
    super(scope, id);
    this.queue = new sqs.Queue(this, 'Queue', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this.queue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: `This queue is itself a dead-letter queue (${props.purpose}); nothing consumes it automatically, its depth alarm pages an operator.`,
    });
    props.alarms.add(this, 'DepthAlarm', {
      metric: this.queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: cloudwatch.Stats.MAXIMUM }),
      threshold: 1,
      description: `Messages are waiting in the dead-letter queue of ${props.purpose}.`,
    });
  }
}
