import { CfnCondition, CfnParameter, Duration, Fn, RemovalPolicy } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';

export interface AlarmsProps {
  /** Optional e-mail address subscribed to the topic (empty = no subscription). */
  alarmEmail: CfnParameter;
}

export interface AlarmOptions {
  metric: cloudwatch.IMetric;
  threshold: number;
  description: string;
  comparison?: cloudwatch.ComparisonOperator;
  evaluationPeriods?: number;
}

/**
 * The alarm topic (KMS-encrypted with a customer managed key CloudWatch may use, TLS
 * enforced) and a helper that creates alarms notifying it.
 */
export class Alarms extends Construct {
  readonly topic: sns.Topic;
  readonly key: kms.Key;
  readonly alarms: cloudwatch.Alarm[] = [];
  private readonly action: SnsAction;

  constructor(scope: Construct, id: string, props: AlarmsProps) {
    super(scope, id);
    // CloudWatch alarms cannot publish to a topic encrypted with the AWS managed key
    // alias/aws/sns; a customer managed key whose policy lets CloudWatch use it is needed.
    this.key = new kms.Key(this, 'TopicKey', {
      description: 'Encrypts the partner program alarm topic',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.DESTROY,
      pendingWindow: Duration.days(7),
    });
    this.key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowCloudWatchAlarmsToPublish',
        principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
      }),
    );
    this.topic = new sns.Topic(this, 'Topic', {
      displayName: 'Partner program alarms',
      masterKey: this.key,
      enforceSSL: true,
    });
    this.action = new SnsAction(this.topic);

    const hasEmail = new CfnCondition(this, 'HasAlarmEmail', {
      expression: Fn.conditionNot(Fn.conditionEquals(props.alarmEmail.valueAsString, '')),
    });
    const subscription = new sns.CfnSubscription(this, 'EmailSubscription', {
      topicArn: this.topic.topicArn,
      protocol: 'email',
      endpoint: props.alarmEmail.valueAsString,
    });
    subscription.cfnOptions.condition = hasEmail;
  }

  /**
   * An alarm in `scope` that fires when `metric` reaches `threshold` (≥ by default) and
   * notifies the topic.
   */
  add(scope: Construct, id: string, options: AlarmOptions): cloudwatch.Alarm {
    const alarm = new cloudwatch.Alarm(scope, id, {
      metric: options.metric,
      threshold: options.threshold,
      evaluationPeriods: options.evaluationPeriods ?? 1,
      comparisonOperator: options.comparison ?? cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      alarmDescription: options.description,
    });
    alarm.addAlarmAction(this.action);
    this.alarms.push(alarm);
    return alarm;
  }
}
