import * as z from 'zod/mini';

/**
 * The one configuration object (ARCHITECTURE principle 7), parsed from the environment
 * at cold start. Defaults are the local cloud's; the CDK stack sets every variable.
 *
 * Deployed (running in Lambda, not in the local cloud) the configuration refuses to load
 * without the ARNs of the stack's Secrets Manager secrets: a deployed function never
 * falls back to the local secrets of functions/lib/secrets.ts, which are public.
 */
const days = (n: number) => n * 86_400;
const secondsList = z.pipe(
  z.pipe(
    z.string(),
    z.transform((s: string) => s.split(',').map((x) => Number(x.trim()))),
  ),
  z.array(z.int().check(z.positive())),
);
/** A whole number from an environment string (`z.coerce`), with a check on it. */
const integer = (check: z.core.$ZodCheck<number>) => z.pipe(z.coerce.number(), z.int().check(check));
/*
 * The field types, built once and shared by the fields (a zod schema is immutable): every
 * schema built costs CPU at cold start: one per field took ~2 ms more of it (11.0 → 8.9 ms
 * CPU to import this module, median of 21 fresh processes).
 */
const positive = integer(z.positive());
const nonNegative = integer(z.gte(0));
const nonEmpty = z.string().check(z.minLength(1));
const text = z.string();
const url = z.url();
const webUrl = z.url({ protocol: /^https?$/ });

const secretArn = z.string().check(z.regex(/^arn:aws[a-z-]*:secretsmanager:[^:]+:\d{12}:secret:.+$/, 'a Secrets Manager secret ARN'));

/**
 * Where the process runs: `deployed` inside AWS Lambda (the runtime sets
 * AWS_LAMBDA_FUNCTION_NAME) unless the local cloud says otherwise; `local` in the local
 * cloud, tests and scripts.
 */
export type RuntimeMode = 'deployed' | 'local';
export const runtimeMode = (env: NodeJS.ProcessEnv = process.env): RuntimeMode =>
  env.AWS_LAMBDA_FUNCTION_NAME && env.LOCAL_CLOUD !== 'true' ? 'deployed' : 'local';

/** The secrets every deployed function must be able to find (functions/lib/secrets.ts reads them). */
export const DEPLOYED_SECRET_VARIABLES = ['VETTING_WEBHOOK_SECRET_ARN', 'LINK_SIGNING_KEY_ARN'] as const;

const schema = z.object({
  TABLE_NAME: z._default(nonEmpty, 'partner-program'),
  PUBLIC_BASE_URL: z._default(url, 'http://127.0.0.1:3000'),
  MAIL_FROM: z._default(z.string().check(z.minLength(3)), 'Partner Program <no-reply@partner-program.example>'),
  MAIL_REPLY_TO: z._default(z.string().check(z.minLength(3)), 'support@partner-program.example'),
  SES_CONFIGURATION_SET: z.optional(text),
  ENROLLMENT_STATE_MACHINE_ARN: z._default(text, 'arn:aws:states:local:000000000000:stateMachine:enrollment'),
  PARTNERSHIP_STATE_MACHINE_ARN: z._default(text, 'arn:aws:states:local:000000000000:stateMachine:partnership-request'),
  ORDER_STATE_MACHINE_ARN: z._default(text, 'arn:aws:states:local:000000000000:stateMachine:order'),
  CUSTOMER_INVITATION_STATE_MACHINE_ARN: z._default(text, 'arn:aws:states:local:000000000000:stateMachine:customer-invitation'),
  /** Secrets Manager secret holding the vetting webhook secret (`whsec_…`); required when deployed. */
  VETTING_WEBHOOK_SECRET_ARN: z.optional(secretArn),
  /** Secrets Manager secret holding the key link tokens are derived from; required when deployed. */
  LINK_SIGNING_KEY_ARN: z.optional(secretArn),
  /** The program's OIDC sign-in page (on AWS); the local cloud serves /_local/sign-in. */
  SIGN_IN_URL: z.optional(url),
  /**
   * Verifying the `pp_session` cookie of the link pages: the sign-in's signing keys (JWKS)
   * and the issuer and audience its tokens carry. Defaults are the local issuer's.
   */
  JWKS_URL: z._default(url, 'http://127.0.0.1:3000/_local/jwks.json'),
  JWT_ISSUER: z._default(nonEmpty, 'http://127.0.0.1/_local'),
  JWT_AUDIENCE: z._default(nonEmpty, 'partner-program'),
  /**
   * The customer user pool (CUS-2: customer tenants' admin users) and its app client; the
   * stack sets both, the local cloud sets those it created in cognito-local.
   */
  USER_POOL_ID: z.optional(nonEmpty),
  USER_POOL_CLIENT_ID: z.optional(nonEmpty),
  /** Where emails send partners to act (the partner portal in front of this API). */
  PORTAL_URL: z._default(url, 'https://partner-program.example/portal'),
  /** Program identity, in every email and page footer (defaults: the local demo's). */
  PROGRAM_NAME: z._default(z.string().check(z.trim(), z.minLength(1), z.maxLength(100)), 'Partner Program'),
  OPERATOR_NAME: z._default(z.string().check(z.trim(), z.minLength(1), z.maxLength(200)), 'Partner Program Operations Ltd.'),
  SUPPORT_EMAIL: z._default(z.email(), 'support@partner-program.example'),
  SUPPORT_URL: z._default(webUrl, 'https://partner-program.example/support'),
  PRIVACY_URL: z._default(webUrl, 'https://partner-program.example/privacy'),
  /** Empty (the deploy parameter's default) means no logo. */
  LOGO_URL: z.pipe(
    z.optional(z.union([z.literal(''), z.url({ protocol: /^https$/ })])),
    z.transform((value: string | undefined) => value || undefined),
  ),
  AGREEMENT_VERSION: z._default(text, '2026-10'),
  AGREEMENT_URL: z._default(url, 'https://partner-program.example/legal/partner-agreement/2026-10'),
  VERIFICATION_REMINDERS_SECONDS: z._default(secondsList, [days(2), days(5)]),
  VERIFICATION_EXPIRY_SECONDS: z._default(positive, days(7)),
  AGREEMENT_REMINDER_INTERVAL_SECONDS: z._default(positive, days(7)),
  AGREEMENT_REMINDER_MAX: z._default(nonNegative, 3),
  MORE_INFO_REMINDERS_SECONDS: z._default(secondsList, [days(3), days(7)]),
  MORE_INFO_EXPIRY_SECONDS: z._default(positive, days(30)),
  PARTNERSHIP_REMINDERS_SECONDS: z._default(secondsList, [days(7), days(21)]),
  PARTNERSHIP_EXPIRY_SECONDS: z._default(positive, days(30)),
  CUSTOMER_INVITATION_REMINDERS_SECONDS: z._default(secondsList, [days(7), days(21)]),
  CUSTOMER_INVITATION_EXPIRY_SECONDS: z._default(positive, days(30)),
  /** GEN-4: how often an open enrollment's workflow is checked for life. */
  LIVENESS_CHECK_SECONDS: z._default(positive, days(1)),
  RESEND_MIN_INTERVAL_SECONDS: z._default(nonNegative, 60),
  RESEND_MAX_PER_DAY: z._default(positive, 5),
  WEBHOOK_TOLERANCE_SECONDS: z._default(positive, 300),
  IDEMPOTENCY_TTL_SECONDS: z._default(positive, days(1)),
  /** The largest request body any route parses (413 above it), checked before parsing. */
  MAX_BODY_BYTES: z._default(positive, 64 * 1024),
});

export type Config = z.infer<typeof schema>;

let cached: Config | undefined;

/** Parses an environment; throws when it is invalid, or deployed without the secrets' ARNs. */
export function parseConfig(env: NodeJS.ProcessEnv): Config {
  const parsed = schema.parse(env);
  if (runtimeMode(env) === 'deployed') {
    const missing = DEPLOYED_SECRET_VARIABLES.filter((k) => !parsed[k]);
    if (missing.length > 0) throw new Error(`configuration: deployed without ${missing.join(', ')}; refusing to start`);
  }
  return parsed;
}

/** The parsed configuration; throws at cold start when the environment is invalid. */
export function config(): Config {
  cached ??= parseConfig(process.env);
  return cached;
}

/** Forgets the parsed configuration (the local cloud sets the environment before start). */
export function resetConfig(): void {
  cached = undefined;
}
