/**
 * The pre-deploy check behind `npm run deploy`: looks at the account the deploy would go to
 * and stops before CloudFormation starts when the deploy, or the first enrollment e-mail,
 * would fail there. Read-only: it calls only Get/Describe APIs and changes nothing.
 *
 * `evaluate` is pure (facts + parameters → findings) so the tests can cover every message;
 * `gatherFacts` is the part that talks to AWS.
 */
import { reservedConcurrencyTotal } from './stack.js';
import type { FunctionSpec } from './catalog.js';

/** Lambda keeps this much of the account's concurrency unreserved. */
export const LAMBDA_UNRESERVED_MINIMUM = 100;

export interface AccountFacts {
  account?: string;
  region?: string;
  /** The credentials could not be used (message of the error). */
  credentialsError?: string;
  /** The CDK bootstrap version in this account and region, undefined when not bootstrapped. */
  bootstrapVersion?: number;
  ses?: {
    /** False: the account is in the SES sandbox. */
    productionAccess: boolean;
    sendingEnabled: boolean;
    max24HourSend?: number;
    /** The sender identity: absent when SES does not know it. */
    identity?: { verifiedForSending: boolean; status?: string };
  };
  /** SES is not offered, or not reachable, in the region (message of the error). */
  sesError?: string;
  lambda?: { concurrencyQuota: number; unreservedConcurrency: number };
}

export interface Findings {
  errors: string[];
  warnings: string[];
  notes: string[];
}

/** The parameter values of the deploy (`--parameters K=V`), only those given on the command line. */
export type Parameters = Record<string, string | undefined>;

/** The address of a From header: `Name <a@b>` → `a@b`. */
export const addressOf = (mailFrom: string): string => (/<([^>]+)>/.exec(mailFrom)?.[1] ?? mailFrom).trim().toLowerCase();

const ENTRA_V2_ISSUER = /^https:\/\/login\.microsoftonline\.com\/[^/]+\/v2\.0\/?$/;
const COGNITO_ISSUER = /^https:\/\/cognito-idp\.[a-z0-9-]+\.amazonaws\.com(\.cn)?\/[\w-]+_\w+$/;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What the facts mean for this deploy. */
export function evaluate(facts: AccountFacts, parameters: Parameters, functions: FunctionSpec[]): Findings {
  const f: Findings = { errors: [], warnings: [], notes: [] };

  if (facts.credentialsError) {
    f.errors.push(`No usable AWS credentials (${facts.credentialsError}). Sign in (aws sso login, AWS_PROFILE=…) and try again.`);
    return f;
  }
  if (!facts.region) {
    f.errors.push('No region: set AWS_REGION (or the region of your AWS_PROFILE), e.g. AWS_REGION=us-east-1.');
    return f;
  }
  f.notes.push(`Deploying to account ${facts.account ?? '?'} in ${facts.region}.`);

  if (facts.bootstrapVersion === undefined) {
    f.errors.push(`The account is not bootstrapped for CDK in ${facts.region}: run  npx cdk bootstrap aws://${facts.account ?? '<account-id>'}/${facts.region}`);
  }

  // ---- SES ----
  if (facts.sesError || !facts.ses) {
    f.errors.push(`SES is not available in ${facts.region} (${facts.sesError ?? 'no answer'}): deploy to a region that offers SES (e.g. us-east-1, eu-west-1).`);
  } else {
    const ses = facts.ses;
    if (!ses.sendingEnabled) f.errors.push('SES sending is paused for this account in this region (SES console → Account dashboard): no e-mail would go out.');
    const sandboxGrant = parameters.SesSandboxRecipients ?? 'true';
    if (!ses.productionAccess) {
      if (sandboxGrant === 'false') {
        f.errors.push('The account is in the SES sandbox but SesSandboxRecipients=false: SES also authorizes each send against the recipient\'s identity, so every e-mail would fail. Leave SesSandboxRecipients=true until production access is granted.');
      }
      f.warnings.push(
        `SES sandbox: mail is delivered only to verified addresses (at most ${ses.max24HourSend ?? 200} a day). Verify each test recipient (aws sesv2 create-email-identity --email-identity someone@example.com) or request production access (SES console → Account dashboard).`,
      );
    } else if (sandboxGrant === 'true') {
      f.notes.push('SES has production access: you can deploy with SesSandboxRecipients=false to drop the sandbox grant.');
    }

    const sender = parameters.SenderIdentity;
    const create = parameters.CreateSenderIdentity ?? 'true';
    if (!sender) {
      f.notes.push('SenderIdentity not given on the command line (a later deploy reuses the deployed value): the sender identity was not checked.');
    } else if (!ses.identity) {
      if (create === 'false') f.errors.push(`SES has no identity ${sender} in ${facts.region}, and CreateSenderIdentity=false: create and verify it, or deploy with CreateSenderIdentity=true.`);
      else f.notes.push(`The stack will create the SES identity ${sender}; verify it after the deploy (README: "Verify the SES identity").`);
    } else {
      if (create !== 'false') {
        f.warnings.push(`SES already has the identity ${sender} in ${facts.region}. If this stack did not create it, deploy with CreateSenderIdentity=false, or CloudFormation fails with "already exists".`);
      }
      if (!ses.identity.verifiedForSending) {
        f.warnings.push(`The SES identity ${sender} is not verified yet (${ses.identity.status ?? 'pending'}): no e-mail goes out until it is (README: "Verify the SES identity").`);
      }
    }
    if (sender && parameters.MailFrom) {
      const from = addressOf(parameters.MailFrom);
      const identity = sender.toLowerCase();
      const within = identity.includes('@') ? from === identity : from.endsWith(`@${identity}`);
      if (!within) f.errors.push(`MailFrom's address ${from} is not within the sender identity ${sender}: SES would refuse every send.`);
    }
  }

  // ---- Lambda concurrency ----
  const reserved = reservedConcurrencyTotal(functions);
  if (parameters.ReserveConcurrency === 'true') {
    if (!facts.lambda) {
      f.errors.push('Could not read the Lambda account settings to check the concurrency quota.');
    } else {
      const { concurrencyQuota, unreservedConcurrency } = facts.lambda;
      const left = unreservedConcurrency - reserved;
      if (left < LAMBDA_UNRESERVED_MINIMUM) {
        f.errors.push(
          `ReserveConcurrency=true reserves ${reserved} concurrent executions, but only ${unreservedConcurrency} of the account's ${concurrencyQuota} are unreserved and Lambda keeps ${LAMBDA_UNRESERVED_MINIMUM} unreserved (${unreservedConcurrency} − ${reserved} = ${left} < ${LAMBDA_UNRESERVED_MINIMUM}). Request a quota of at least ${concurrencyQuota - left + LAMBDA_UNRESERVED_MINIMUM} (Service Quotas → AWS Lambda → Concurrent executions), or deploy without ReserveConcurrency.`,
        );
      } else {
        f.notes.push(`Concurrency: ${reserved} reserved of ${unreservedConcurrency} unreserved (quota ${concurrencyQuota}); ${left} stay unreserved.`);
      }
    }
  } else if (facts.lambda) {
    f.notes.push(`Concurrency quota ${facts.lambda.concurrencyQuota}; no reserved concurrency (ReserveConcurrency=true would reserve ${reserved} and needs ${reserved + LAMBDA_UNRESERVED_MINIMUM} unreserved).`);
  }

  // ---- JWT issuer and audience ----
  const issuer = parameters.JwtIssuer;
  const audience = parameters.JwtAudience;
  if (issuer && audience) {
    if (ENTRA_V2_ISSUER.test(issuer) && !GUID.test(audience)) {
      f.errors.push(`JwtIssuer is an Entra ID v2.0 issuer, whose access tokens carry the API's application (client) ID GUID as aud; JwtAudience=${audience} would make every JWT route answer 401. Use the GUID (and set the API app registration's accessTokenAcceptedVersion to 2).`);
    }
    if (COGNITO_ISSUER.test(issuer) && (audience.includes(':') || audience.includes('/'))) {
      f.errors.push(`JwtIssuer is a Cognito user pool; its tokens carry the app client ID (aud in ID tokens, client_id in access tokens), so JwtAudience must be that client ID, not ${audience}.`);
    }
  }
  return f;
}

/** Reads the account side with read-only calls; every failure becomes a fact, never a throw. */
export async function gatherFacts(parameters: Parameters): Promise<AccountFacts> {
  const [{ STSClient, GetCallerIdentityCommand }, { SSMClient, GetParameterCommand }, { SESv2Client, GetAccountCommand, GetEmailIdentityCommand }, { LambdaClient, GetAccountSettingsCommand }] =
    await Promise.all([import('@aws-sdk/client-sts'), import('@aws-sdk/client-ssm'), import('@aws-sdk/client-sesv2'), import('@aws-sdk/client-lambda')]);
  const facts: AccountFacts = {};
  const sts = new STSClient({});
  try {
    facts.region = await sts.config.region();
  } catch {
    return facts;
  }
  try {
    facts.account = (await sts.send(new GetCallerIdentityCommand({}))).Account;
  } catch (error) {
    facts.credentialsError = (error as Error).message;
    return facts;
  }
  try {
    const out = await new SSMClient({}).send(new GetParameterCommand({ Name: '/cdk-bootstrap/hnb659fds/version' }));
    facts.bootstrapVersion = Number(out.Parameter?.Value);
  } catch {
    // not bootstrapped (ParameterNotFound) or not readable: reported as not bootstrapped
  }
  const ses = new SESv2Client({});
  try {
    const account = await ses.send(new GetAccountCommand({}));
    facts.ses = {
      productionAccess: account.ProductionAccessEnabled === true,
      sendingEnabled: account.SendingEnabled !== false,
      ...(account.SendQuota?.Max24HourSend === undefined ? {} : { max24HourSend: account.SendQuota.Max24HourSend }),
    };
    if (parameters.SenderIdentity) {
      try {
        const identity = await ses.send(new GetEmailIdentityCommand({ EmailIdentity: parameters.SenderIdentity }));
        facts.ses.identity = { verifiedForSending: identity.VerifiedForSendingStatus === true, ...(identity.VerificationStatus ? { status: identity.VerificationStatus } : {}) };
      } catch (error) {
        if ((error as Error).name !== 'NotFoundException') throw error;
      }
    }
  } catch (error) {
    facts.sesError = (error as Error).message;
  }
  try {
    const settings = await new LambdaClient({}).send(new GetAccountSettingsCommand({}));
    const limit = settings.AccountLimit;
    if (limit?.ConcurrentExecutions !== undefined && limit.UnreservedConcurrentExecutions !== undefined) {
      facts.lambda = { concurrencyQuota: limit.ConcurrentExecutions, unreservedConcurrency: limit.UnreservedConcurrentExecutions };
    }
  } catch {
    // reported by evaluate when it matters (ReserveConcurrency=true)
  }
  return facts;
}

/** `--parameters K=V` / `--parameters=K=V` / `--parameters Stack:K=V` of a `cdk deploy` command line. */
export function parametersOf(args: string[]): Parameters {
  const out: Parameters = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const value = arg.startsWith('--parameters=') ? arg.slice('--parameters='.length) : arg === '--parameters' ? args[++i] : undefined;
    if (value === undefined) continue;
    const eq = value.indexOf('=');
    if (eq < 0) continue;
    out[value.slice(0, eq).replace(/^[^:]*:/, '')] = value.slice(eq + 1);
  }
  return out;
}
