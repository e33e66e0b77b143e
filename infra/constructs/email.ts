import { CfnCondition, Duration, Fn, Stack } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as ses from 'aws-cdk-lib/aws-ses';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { Alarms } from './alarms.js';

export interface EmailProps {
  /** The verified (or to-be-verified) sender identity: a domain or an e-mail address. */
  senderIdentity: string;
  /** 'true' creates the identity in this stack; 'false' uses one verified elsewhere. */
  createIdentity: string;
  alarms: Alarms;
}

/** SES event types the project handles, as SES names them in EventBridge. */
export const SES_EVENT_DETAIL_TYPES = ['Email Bounced', 'Email Complaint Received'];

/**
 * SES: the configuration set every message is sent with, its BOUNCE/COMPLAINT event
 * destination on the default EventBridge bus, the (optional) sender identity, and the
 * account reputation alarms (bounce rate ≥ 5 %, complaint rate ≥ 0.1 %).
 */
export class Email extends Construct {
  readonly configurationSet: ses.ConfigurationSet;
  readonly identityArn: string;
  readonly configurationSetArn: string;
  /** Every SES identity of the account and region (the sandbox's recipient identities). */
  readonly identitiesArn: string;
  /**
   * `ses:FromAddress` pattern of the sender identity: the address itself when it is an
   * address, `*@<domain>` when it is a domain.
   */
  readonly fromAddressPattern: string;

  constructor(scope: Construct, id: string, props: EmailProps) {
    super(scope, id);
    const stack = Stack.of(this);

    this.configurationSet = new ses.ConfigurationSet(this, 'ConfigurationSet', {
      reputationMetrics: true,
      sendingEnabled: true,
      suppressionReasons: ses.SuppressionReasons.BOUNCES_AND_COMPLAINTS,
    });
    new ses.ConfigurationSetEventDestination(this, 'BounceComplaintEvents', {
      configurationSet: this.configurationSet,
      destination: ses.EventDestination.eventBus(events.EventBus.fromEventBusName(this, 'DefaultBus', 'default')),
      events: [ses.EmailSendingEvent.BOUNCE, ses.EmailSendingEvent.COMPLAINT],
    });

    const create = new CfnCondition(this, 'CreateIdentity', {
      expression: Fn.conditionEquals(props.createIdentity, 'true'),
    });
    const identity = new ses.CfnEmailIdentity(this, 'SenderIdentity', {
      emailIdentity: props.senderIdentity,
      configurationSetAttributes: { configurationSetName: this.configurationSet.configurationSetName },
    });
    identity.cfnOptions.condition = create;

    this.identityArn = stack.formatArn({ service: 'ses', resource: 'identity', resourceName: props.senderIdentity });
    this.identitiesArn = stack.formatArn({ service: 'ses', resource: 'identity', resourceName: '*' });
    // "a@example.com@" splits into three parts, "example.com@" into two: part 1 is empty for a domain.
    const afterAt = Fn.select(1, Fn.split('@', Fn.join('', [props.senderIdentity, '@'])));
    const isDomain = new CfnCondition(this, 'SenderIdentityIsDomain', { expression: Fn.conditionEquals(afterAt, '') });
    this.fromAddressPattern = Fn.conditionIf(isDomain.logicalId, Fn.join('', ['*@', props.senderIdentity]), props.senderIdentity).toString();
    this.configurationSetArn = stack.formatArn({
      service: 'ses',
      resource: 'configuration-set',
      resourceName: this.configurationSet.configurationSetName,
    });

    const period = Duration.hours(1);
    props.alarms.add(this, 'BounceRateAlarm', {
      metric: new cloudwatch.Metric({ namespace: 'AWS/SES', metricName: 'Reputation.BounceRate', period, statistic: cloudwatch.Stats.MAXIMUM }),
      threshold: 0.05,
      description: 'SES account bounce rate reached 5 % (SES reviews the account at 5 % and may pause sending at 10 %).',
    });
    props.alarms.add(this, 'ComplaintRateAlarm', {
      metric: new cloudwatch.Metric({ namespace: 'AWS/SES', metricName: 'Reputation.ComplaintRate', period, statistic: cloudwatch.Stats.MAXIMUM }),
      threshold: 0.001,
      description: 'SES account complaint rate reached 0.1 % (SES reviews the account at 0.1 % and may pause sending at 0.5 %).',
    });
  }

  /** Routes this configuration set's bounce and complaint events to `fn` (failures to `deadLetterQueue`). */
  routeEventsTo(id: string, fn: lambda.IFunction, deadLetterQueue: sqs.IQueue): events.Rule {
    const rule = new events.Rule(this, id, {
      description: 'SES bounce and complaint events of the partner program configuration set',
      eventPattern: {
        source: ['aws.ses'],
        detailType: SES_EVENT_DETAIL_TYPES,
        detail: { mail: { tags: { 'ses:configuration-set': [this.configurationSet.configurationSetName] } } },
      },
    });
    rule.addTarget(
      new targets.LambdaFunction(fn, {
        deadLetterQueue,
        retryAttempts: 8,
        maxEventAge: Duration.hours(6),
      }),
    );
    return rule;
  }
}
