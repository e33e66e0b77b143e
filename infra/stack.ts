import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ArnFormat, CfnCondition, CfnOutput, CfnParameter, Duration, Fn, RemovalPolicy, Stack, Tags, type StackProps } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import {
  functions as catalogFunctions,
  workflows as catalogWorkflows,
  type FunctionSpec,
  type WorkflowName,
  type WorkflowSpec,
} from './catalog.js';
import { tables as tableDefinitions } from './tables.js';
import { Alarms } from './constructs/alarms.js';
import { placeholdersOf, PSEUDO_SUBSTITUTIONS } from './constructs/asl.js';
import { CustomerUserPool } from './constructs/user-pool.js';
import { Secrets } from './constructs/secrets.js';
import { DeadLetterQueue } from './constructs/dead-letter-queue.js';
import { Email } from './constructs/email.js';
import { HttpApi } from './constructs/http-api.js';
import { constructId, functionPhysicalName, stateMachinePhysicalName } from './constructs/naming.js';
import { PartnerFunction, type AccessTargets } from './constructs/partner-function.js';
import { programIdentityEnvironment } from './constructs/program-identity.js';
import { ScheduledInvocation } from './constructs/scheduled-invocation.js';
import { buildTable, type DeployedTable } from './constructs/tables.js';
import { Workflow } from './constructs/workflow.js';

/** The repository root (this file lives in `<root>/infra/`). */
export const PROJECT_ROOT = resolve(import.meta.dirname, '..');

/** Powertools settings every function shares. */
export const POWERTOOLS = { serviceName: 'partner-program', metricsNamespace: 'PartnerProgram' } as const;

export interface PartnerProgramStackProps extends StackProps {
  /** Repository root; defaults to the one this file is in. */
  projectRoot?: string;
  /** The catalogue to deploy; defaults to infra/catalog.ts. */
  functions?: FunctionSpec[];
  workflows?: WorkflowSpec[];
  /** Default route throttling of the API's $default stage. */
  apiThrottle?: { rateLimit: number; burstLimit: number };
  logRetention?: logs.RetentionDays;
}

/** Concurrency the catalogue reserves when the ReserveConcurrency parameter is 'true'. */
export const reservedConcurrencyTotal = (specs: FunctionSpec[]): number =>
  specs.reduce((sum, f) => sum + (f.reservedConcurrency ?? 0), 0);

/** Why a catalogue entry was not deployed (the entry file or workflow file is missing…). */
export interface SkippedEntry {
  kind: 'function' | 'workflow';
  name: string;
  reason: string;
}

/**
 * The partner program on AWS, generated from the catalogue (infra/catalog.ts) and the
 * table description (infra/tables.ts): adding a catalogue entry deploys it with no change
 * here. Entries whose files do not exist yet are skipped with a warning.
 */
export class PartnerProgramStack extends Stack {
  readonly tables: DeployedTable[];
  readonly functions = new Map<string, PartnerFunction>();
  readonly workflows = new Map<string, Workflow>();
  readonly skipped: SkippedEntry[] = [];
  readonly api: HttpApi;
  readonly email: Email;
  readonly alarms: Alarms;
  readonly secrets: Secrets;
  readonly userPool: CustomerUserPool;

  constructor(scope: Construct, id: string, props: PartnerProgramStackProps = {}) {
    super(scope, id, {
      description: 'Two-tier partner program backend (enrollment, agreement, partnerships)',
      ...props,
    });
    const root = props.projectRoot ?? PROJECT_ROOT;
    const functionSpecs = props.functions ?? catalogFunctions;
    const workflowSpecs = props.workflows ?? catalogWorkflows;
    const logRetention = props.logRetention ?? logs.RetentionDays.ONE_MONTH;
    Tags.of(this).add('project', 'partner-program');

    // ---- Parameters -------------------------------------------------------------------
    const jwtIssuer = new CfnParameter(this, 'JwtIssuer', {
      type: 'String',
      description: 'Issuer (iss) of the access tokens the HTTP API accepts, e.g. https://login.microsoftonline.com/<tenant-id>/v2.0',
      allowedPattern: '^https://.+',
    });
    const jwtAudience = new CfnParameter(this, 'JwtAudience', {
      type: 'String',
      description: 'Audience (aud) the access tokens and the link pages\' session tokens must carry (e.g. the API application ID URI)',
      minLength: 1,
    });
    const jwksUrl = new CfnParameter(this, 'JwksUrl', {
      type: 'String',
      description: 'JWKS of the issuer, for the link pages\' session cookie, e.g. https://login.microsoftonline.com/<tenant-id>/discovery/v2.0/keys',
      allowedPattern: '^https://.+',
    });
    const signInUrl = new CfnParameter(this, 'SignInUrl', {
      type: 'String',
      description: 'The program\'s OIDC sign-in page the link pages send people to',
      allowedPattern: '^https://.+',
    });
    const portalUrl = new CfnParameter(this, 'PortalUrl', {
      type: 'String',
      description: 'The partner portal the e-mails point to',
      allowedPattern: '^https://.+',
    });
    const agreementVersion = new CfnParameter(this, 'AgreementVersion', {
      type: 'String',
      description: 'Current partner agreement version',
      default: '2026-10',
      minLength: 1,
    });
    const agreementUrl = new CfnParameter(this, 'AgreementUrl', {
      type: 'String',
      description: 'Where the current partner agreement is published',
      allowedPattern: '^https://.+',
    });
    const senderIdentity = new CfnParameter(this, 'SenderIdentity', {
      type: 'String',
      description: 'SES identity the mail is sent from: a domain (example.com) or an e-mail address',
      minLength: 3,
    });
    const createSenderIdentity = new CfnParameter(this, 'CreateSenderIdentity', {
      type: 'String',
      description: "'true' creates the SES identity in this stack; 'false' if it is already verified in this account and region",
      allowedValues: ['true', 'false'],
      default: 'true',
    });
    const mailFrom = new CfnParameter(this, 'MailFrom', {
      type: 'String',
      description: 'From header of outgoing mail, within the sender identity, e.g. "Partner Program <no-reply@example.com>"',
      minLength: 3,
    });
    const mailReplyTo = new CfnParameter(this, 'MailReplyTo', {
      type: 'String',
      description: 'Reply-To address of outgoing mail',
      minLength: 3,
    });
    const publicBaseUrl = new CfnParameter(this, 'PublicBaseUrl', {
      type: 'String',
      description: 'Base URL of the links in e-mails (a custom domain in front of the API); empty = the API endpoint',
      default: '',
      allowedPattern: '^(https://[^/]+(/.*[^/])?)?$',
    });
    const sesSandboxRecipients = new CfnParameter(this, 'SesSandboxRecipients', {
      type: 'String',
      description:
        "'true' (for an SES account in the sandbox) also allows ses:SendEmail on the account's verified recipient identities, only From the sender identity; 'false' once the account has production access",
      allowedValues: ['true', 'false'],
      default: 'true',
    });
    const reserveConcurrency = new CfnParameter(this, 'ReserveConcurrency', {
      type: 'String',
      description: `'true' reserves concurrency for the functions the catalogue caps (${reservedConcurrencyTotal(functionSpecs)} in all); the account's concurrency quota must then be at least that plus the 100 Lambda keeps unreserved`,
      allowedValues: ['true', 'false'],
      default: 'false',
    });
    const logExecutionData = new CfnParameter(this, 'LogWorkflowExecutionData', {
      type: 'String',
      description: "'true' includes execution input, output and task tokens in the state machines' logs (debugging only: they carry e-mail addresses and task tokens)",
      allowedValues: ['true', 'false'],
      default: 'false',
    });
    const alarmEmail = new CfnParameter(this, 'AlarmEmail', {
      type: 'String',
      description: 'E-mail address subscribed to the alarm topic (empty = none; subscribe later)',
      default: '',
    });

    // ---- Shared resources -------------------------------------------------------------
    this.alarms = new Alarms(this, 'Alarms', { alarmEmail });
    this.tables = tableDefinitions.map((definition) => buildTable(this, definition));
    const mainTable = this.tables[0];
    if (!mainTable) throw new Error('infra/tables.ts describes no table');

    this.api = new HttpApi(this, 'HttpApi', {
      apiName: this.stackName,
      jwtIssuer: jwtIssuer.valueAsString,
      jwtAudience: [jwtAudience.valueAsString],
      throttle: props.apiThrottle ?? { rateLimit: 50, burstLimit: 100 },
      logRetention,
    });
    this.email = new Email(this, 'Email', {
      senderIdentity: senderIdentity.valueAsString,
      createIdentity: createSenderIdentity.valueAsString,
      alarms: this.alarms,
    });
    this.secrets = new Secrets(this, 'Secrets');
    this.userPool = new CustomerUserPool(this, 'CustomerUserPool');
    const inSesSandbox = new CfnCondition(this, 'SesSandbox', { expression: Fn.conditionEquals(sesSandboxRecipients.valueAsString, 'true') });
    const reservesConcurrency = new CfnCondition(this, 'ReservesConcurrency', { expression: Fn.conditionEquals(reserveConcurrency.valueAsString, 'true') });
    const logsExecutionData = new CfnCondition(this, 'LogsExecutionData', { expression: Fn.conditionEquals(logExecutionData.valueAsString, 'true') });

    // Fixed state machine names → ARNs known without referencing the state machines.
    const stateMachineArn = (name: WorkflowName) =>
      this.formatArn({
        service: 'states',
        resource: 'stateMachine',
        resourceName: stateMachinePhysicalName(this.stackName, name),
        arnFormat: ArnFormat.COLON_RESOURCE_NAME,
      });
    const executionsArn = (name: WorkflowName) =>
      this.formatArn({
        service: 'states',
        resource: 'execution',
        resourceName: `${stateMachinePhysicalName(this.stackName, name)}:*`,
        arnFormat: ArnFormat.COLON_RESOURCE_NAME,
      });

    const access: AccessTargets = {
      tables: this.tables.map((t) => ({
        tableArn: t.table.tableArn,
        indexes: t.definition.indexes.map((i, n) => ({ name: i.indexName, arn: t.indexArns[n]! })),
      })),
      email: {
        identityArn: this.email.identityArn,
        configurationSetArn: this.email.configurationSetArn,
        sandbox: { condition: inSesSandbox, identitiesArn: this.email.identitiesArn, fromAddressPattern: this.email.fromAddressPattern },
      },
      workflows: (name) => ({ stateMachineArn: stateMachineArn(name), executionsArn: executionsArn(name) }),
      allWorkflows: workflowSpecs.map((w) => w.name),
      secrets: this.secrets.arns,
      userPoolArn: this.userPool.userPool.userPoolArn,
    };

    // The one configuration of functions/lib/config.ts, the same on every function.
    const environment: Record<string, string> = {
      ...Object.fromEntries(this.tables.map((t) => [t.definition.envVar, t.table.tableName])),
      PUBLIC_BASE_URL: Fn.conditionIf(
        new CfnCondition(this, 'UseApiEndpointAsBaseUrl', { expression: Fn.conditionEquals(publicBaseUrl.valueAsString, '') }).logicalId,
        this.api.endpoint,
        publicBaseUrl.valueAsString,
      ).toString(),
      MAIL_FROM: mailFrom.valueAsString,
      MAIL_REPLY_TO: mailReplyTo.valueAsString,
      SES_CONFIGURATION_SET: this.email.configurationSet.configurationSetName,
      ...this.secrets.environment,
      USER_POOL_ID: this.userPool.userPool.userPoolId,
      USER_POOL_CLIENT_ID: this.userPool.client.userPoolClientId,
      JWT_ISSUER: jwtIssuer.valueAsString,
      JWT_AUDIENCE: jwtAudience.valueAsString,
      JWKS_URL: jwksUrl.valueAsString,
      SIGN_IN_URL: signInUrl.valueAsString,
      PORTAL_URL: portalUrl.valueAsString,
      AGREEMENT_VERSION: agreementVersion.valueAsString,
      AGREEMENT_URL: agreementUrl.valueAsString,
      ...programIdentityEnvironment(this),
      ...Object.fromEntries(workflowSpecs.map((w) => [w.envVar, stateMachineArn(w.name)])),
      POWERTOOLS_SERVICE_NAME: POWERTOOLS.serviceName,
      POWERTOOLS_METRICS_NAMESPACE: POWERTOOLS.metricsNamespace,
      POWERTOOLS_LOG_LEVEL: 'INFO',
    };

    // ---- Functions --------------------------------------------------------------------
    // One log group for every function: Lambda names each stream after its function.
    const functionLogs = new logs.LogGroup(this, 'FunctionLogs', { retention: logRetention, removalPolicy: RemovalPolicy.DESTROY });
    for (const spec of functionSpecs) {
      if (!existsSync(join(root, spec.entry))) {
        this.skip('function', spec.name, `entry file ${spec.entry} does not exist`);
        continue;
      }
      const id = constructId(spec.name);
      const asynchronous = spec.trigger.kind === 'schedule' || spec.trigger.kind === 'ses-events';
      const dlq = asynchronous
        ? new DeadLetterQueue(this, `${id}FailedInvocations`, {
            purpose: `asynchronous invocations of ${spec.name} that Lambda gave up on`,
            alarms: this.alarms,
          })
        : undefined;
      const fn = new PartnerFunction(this, id, {
        spec,
        projectRoot: root,
        functionName: functionPhysicalName(this.stackName, spec.name),
        environment,
        access,
        logGroup: functionLogs,
        deadLetterQueue: dlq?.queue,
        reserveConcurrency: reservesConcurrency,
      });
      this.functions.set(spec.name, fn);
    }
    this.addLambdaAlarms();

    // ---- Triggers ---------------------------------------------------------------------
    let schedulerDlq: DeadLetterQueue | undefined;
    let sesEventsDlq: DeadLetterQueue | undefined;
    for (const [name, fn] of this.functions) {
      const trigger = fn.spec.trigger;
      switch (trigger.kind) {
        case 'http':
          this.api.addRoute(fn.spec, fn.function);
          break;
        case 'schedule':
          schedulerDlq ??= new DeadLetterQueue(this, 'SchedulerFailedDeliveries', {
            purpose: 'schedules EventBridge Scheduler could not deliver',
            alarms: this.alarms,
          });
          new ScheduledInvocation(this, `${constructId(name)}Schedule`, {
            fn: fn.function,
            everyMinutes: trigger.everyMinutes,
            deadLetterQueue: schedulerDlq.queue,
          });
          break;
        case 'ses-events':
          sesEventsDlq ??= new DeadLetterQueue(this, 'SesEventsFailedDeliveries', {
            purpose: 'SES bounce/complaint events EventBridge could not deliver',
            alarms: this.alarms,
          });
          this.email.routeEventsTo(`${constructId(name)}Rule`, fn.function, sesEventsDlq.queue);
          break;
        case 'workflow':
          break; // invoked by the state machines below
      }
    }

    // ---- Workflows --------------------------------------------------------------------
    for (const spec of workflowSpecs) {
      const file = join(root, spec.file);
      if (!existsSync(file)) {
        this.skip('workflow', spec.name, `definition file ${spec.file} does not exist`);
        continue;
      }
      const missing = Object.values(spec.functionSubstitutions).filter((f) => !this.functions.has(f));
      if (missing.length > 0) {
        this.skip('workflow', spec.name, `it invokes functions that are not deployed: ${missing.join(', ')}`);
        continue;
      }
      const definition = readFileSync(file, 'utf8');
      const known = new Set([...Object.keys(spec.functionSubstitutions), ...spec.tableSubstitutions, ...Object.keys(PSEUDO_SUBSTITUTIONS)]);
      const unresolved = placeholdersOf(definition).filter((k) => !known.has(k));
      if (unresolved.length > 0) {
        this.skip('workflow', spec.name, `${spec.file} has placeholders with no substitution: ${unresolved.join(', ')}`);
        continue;
      }
      const workflow = new Workflow(this, `${constructId(spec.name)}Workflow`, {
        spec,
        definition,
        stateMachineName: stateMachinePhysicalName(this.stackName, spec.name),
        functions: new Map([...this.functions].map(([n, f]) => [n, f.function])),
        table: { tableName: mainTable.table.tableName, tableArn: mainTable.table.tableArn, indexArns: mainTable.indexArns },
        email: { identityArn: this.email.identityArn, configurationSetArn: this.email.configurationSetArn },
        logRetention,
        includeExecutionData: logsExecutionData,
        alarms: this.alarms,
      });
      this.workflows.set(spec.name, workflow);
      new CfnOutput(this, `${constructId(spec.name)}StateMachineArn`, { value: workflow.stateMachine.stateMachineArn });
    }

    // ---- Outputs ----------------------------------------------------------------------
    new CfnOutput(this, 'ApiEndpoint', { value: this.api.endpoint, description: 'Base URL of the HTTP API' });
    new CfnOutput(this, 'VettingWebhookUrl', {
      value: `${this.api.endpoint}/webhooks/vetting`,
      description: 'Where the vetting service POSTs its Standard Webhooks events',
    });
    for (const t of this.tables) new CfnOutput(this, `${t.definition.id}Name`, { value: t.table.tableName });
    new CfnOutput(this, 'SesConfigurationSet', { value: this.email.configurationSet.configurationSetName });
    for (const [name, arn] of Object.entries(this.secrets.arns)) {
      new CfnOutput(this, `${constructId(name)}SecretArn`, { value: arn, description: `Secrets Manager secret ${name} (functions/lib/secrets.ts)` });
    }
    new CfnOutput(this, 'CustomerUserPoolId', { value: this.userPool.userPool.userPoolId });
    new CfnOutput(this, 'CustomerUserPoolClientId', { value: this.userPool.client.userPoolClientId });
    new CfnOutput(this, 'CustomerUserPoolIssuer', { value: this.userPool.issuer, description: 'iss of the pool\'s tokens (JwtIssuer, for Cognito sign-in)' });
    new CfnOutput(this, 'AlarmTopicArn', { value: this.alarms.topic.topicArn });
  }

  private skip(kind: SkippedEntry['kind'], name: string, reason: string): void {
    this.skipped.push({ kind, name, reason });
    console.warn(`[infra] skipping ${kind} ${name}: ${reason}`);
  }

  /**
   * Lambda errors and throttles, each summed over at most 10 functions per alarm (the
   * metric-math limit of an alarm). CloudWatch bills metric-math alarms per metric, so this
   * costs the same as one alarm per function; it keeps a broad outage to one notification
   * per group. The description names the functions; their own metrics say which one it was.
   */
  private addLambdaAlarms(): void {
    const fns = [...this.functions.values()];
    const period = Duration.minutes(5);
    for (let i = 0; i < fns.length; i += 10) {
      const chunk = fns.slice(i, i + 10);
      const group = i / 10 + 1;
      const names = chunk.map((f) => f.spec.name).join(', ');
      for (const [kind, metricOf] of [
        ['Errors', (f: PartnerFunction) => f.function.metricErrors({ period, statistic: cloudwatch.Stats.SUM })],
        ['Throttles', (f: PartnerFunction) => f.function.metricThrottles({ period, statistic: cloudwatch.Stats.SUM })],
      ] as const) {
        const usingMetrics = Object.fromEntries(chunk.map((f, j) => [`m${j}`, metricOf(f)]));
        this.alarms.add(this, `Lambda${kind}Alarm${group}`, {
          metric: new cloudwatch.MathExpression({
            expression: Object.keys(usingMetrics).join(' + '),
            usingMetrics,
            period,
            label: `${kind} (group ${group})`,
          }),
          threshold: 1,
          description: `Lambda ${kind.toLowerCase()} in: ${names}.`,
        });
      }
    }
  }
}
