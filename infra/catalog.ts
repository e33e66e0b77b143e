/**
 * The catalogue of the project's functions and workflows. The CDK stack deploys exactly
 * these; the local cloud's gateway, Step Functions server and scheduler route to exactly
 * these. Adding a route means adding one entry here and one handler file.
 */
import { httpRoutes } from '../functions/api/routes.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type Trigger =
  | { kind: 'http'; method: HttpMethod; path: string; auth: 'jwt' | 'public' }
  | { kind: 'workflow' }
  | { kind: 'schedule'; everyMinutes: number }
  | { kind: 'ses-events' };

export interface FunctionAccess {
  table: 'none' | 'read' | 'write';
  sendEmail?: boolean;
  /** Workflows the function may start or signal (StartExecution, SendTask*). */
  workflows?: WorkflowName[];
  webhookSecret?: boolean;
  /** Derives emailed link tokens, so needs the link signing key (SSM). */
  linkSigningKey?: boolean;
}

export interface FunctionSpec {
  /** kebab-case; the Lambda's name suffix and the local ARN's function name. */
  name: string;
  /** Handler module, relative to the project root; it exports `handler`. */
  entry: string;
  trigger: Trigger;
  access: FunctionAccess;
  /** Caps what abuse of a public route can cost. */
  reservedConcurrency?: number;
}

export type WorkflowName = 'enrollment' | 'partnership-request';

export interface WorkflowSpec {
  name: WorkflowName;
  /** The `*.asl.json` file deployed by CDK and run by the local cloud. */
  file: string;
  /** `${Key}` in the file → the ARN of this function. */
  functionSubstitutions: Record<string, string>;
  /** `${Key}` in the file → the name of the main table. */
  tableSubstitutions: string[];
  /** Environment variable through which functions learn the state machine ARN. */
  envVar: string;
}

/** What each HTTP function touches beyond reading the table (least privilege on AWS). */
const httpAccess: Record<string, Omit<FunctionAccess, 'table'>> = {
  'create-enrollment': { workflows: ['enrollment'], linkSigningKey: true },
  'change-primary-contact': { workflows: ['enrollment'], linkSigningKey: true },
  'resend-verification-email': { sendEmail: true, linkSigningKey: true },
  'correct-enrollment': { workflows: ['enrollment'] },
  'confirm-verification': { workflows: ['enrollment'] },
  'vetting-webhook': { workflows: ['enrollment'], webhookSecret: true },
  'operator-decide-enrollment': { workflows: ['enrollment'] },
  'accept-agreement': { workflows: ['enrollment'] },
  'create-partnership-request': { workflows: ['partnership-request'], linkSigningKey: true },
  'resend-partnership-request': { workflows: ['partnership-request'], linkSigningKey: true },
  'revoke-partnership-request': { workflows: ['partnership-request'] },
  'accept-invitation': { workflows: ['partnership-request'] },
  'decline-invitation': { workflows: ['partnership-request'] },
  'authorize-invitation': { workflows: ['partnership-request'] },
  'refuse-invitation': { workflows: ['partnership-request'] },
};

/**
 * Every route of API.md is one function; GET routes only read, except where
 * `httpAccess` says more. (Idempotency records are writes, so mutating routes write.)
 */
const httpFunctions: FunctionSpec[] = httpRoutes.map((r) => ({
  name: r.name,
  entry: `functions/handlers/http/${r.name}.ts`,
  trigger: { kind: 'http', method: r.method, path: r.path, auth: r.auth },
  access: { table: r.method === 'GET' ? 'read' : 'write', ...httpAccess[r.name] },
  ...(r.reservedConcurrency === undefined ? {} : { reservedConcurrency: r.reservedConcurrency }),
}));

export const functions: FunctionSpec[] = [
  ...httpFunctions,
  { name: 'enrollment-step', entry: 'functions/handlers/workflow/enrollment-step.ts', trigger: { kind: 'workflow' }, access: { table: 'write', sendEmail: true, workflows: ['enrollment'], linkSigningKey: true } },
  { name: 'partnership-step', entry: 'functions/handlers/workflow/partnership-step.ts', trigger: { kind: 'workflow' }, access: { table: 'write', sendEmail: true, workflows: ['partnership-request'], linkSigningKey: true } },
  { name: 'sweep', entry: 'functions/handlers/events/sweep.ts', trigger: { kind: 'schedule', everyMinutes: 5 }, access: { table: 'write', sendEmail: true, workflows: ['enrollment', 'partnership-request'], linkSigningKey: true }, reservedConcurrency: 1 },
  { name: 'ses-events', entry: 'functions/handlers/events/ses-events.ts', trigger: { kind: 'ses-events' }, access: { table: 'write', sendEmail: true } },
  { name: 'get-openapi', entry: 'functions/handlers/http/get-openapi.ts', trigger: { kind: 'http', method: 'GET', path: '/openapi.json', auth: 'public' }, access: { table: 'none' } },
];

export const workflows: WorkflowSpec[] = [
  {
    name: 'enrollment',
    file: 'workflows/enrollment.asl.json',
    functionSubstitutions: { EnrollmentStepFunctionArn: 'enrollment-step' },
    tableSubstitutions: ['TableName'],
    envVar: 'ENROLLMENT_STATE_MACHINE_ARN',
  },
  {
    name: 'partnership-request',
    file: 'workflows/partnership-request.asl.json',
    functionSubstitutions: { PartnershipStepFunctionArn: 'partnership-step' },
    tableSubstitutions: ['TableName'],
    envVar: 'PARTNERSHIP_STATE_MACHINE_ARN',
  },
];

export const functionByName = (name: string): FunctionSpec => {
  const spec = functions.find((f) => f.name === name);
  if (!spec) throw new Error(`no function named ${name} in the catalogue`);
  return spec;
};
