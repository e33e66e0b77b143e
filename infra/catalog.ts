/**
 * The catalogue of the project's functions and workflows. The CDK stack deploys exactly
 * these; the local cloud's gateway, Step Functions server and scheduler route to exactly
 * these. Adding a route means adding one entry here and one handler file.
 */
import { httpRoutes } from '../functions/api/routes.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type Trigger =
  | { kind: 'http'; method: HttpMethod; path: string; auth: 'jwt' | 'public'; /** Also routed for HEAD (link pages: scanners send it). */ head?: boolean }
  | { kind: 'workflow' }
  | { kind: 'schedule'; everyMinutes: number }
  | { kind: 'ses-events' };

/**
 * What a function may touch is derived from its bundle (infra/constructs/bundle-access.ts):
 * the SDK calls its code makes, the indexes it names, the secrets it reads. The catalogue
 * only narrows that where the code cannot say it.
 */
export interface FunctionAccess {
  /**
   * The workflows whose state machines it may start or describe (StartExecution and
   * DescribeExecution are granted only if its bundle calls them); default: every workflow.
   */
  workflows?: WorkflowName[];
}

export interface FunctionSpec {
  /** kebab-case; the Lambda's name suffix and the local ARN's function name. */
  name: string;
  /** Handler module, relative to the project root; it exports `handler`. */
  entry: string;
  trigger: Trigger;
  access?: FunctionAccess;
  /**
   * Caps what abuse of a public route can cost. Applied only when the stack's
   * ReserveConcurrency parameter is 'true' (each reservation counts against the account's
   * concurrency quota, of which Lambda keeps 100 unreserved).
   */
  reservedConcurrency?: number;
}

export type WorkflowName = 'enrollment' | 'partnership-request' | 'order' | 'customer-invitation';

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

/** Which workflows each HTTP function starts or describes. */
const httpWorkflows: Record<string, WorkflowName[]> = {
  'create-enrollment': ['enrollment'],
  'change-primary-contact': ['enrollment'],
  'correct-enrollment': ['enrollment'],
  'confirm-verification': ['enrollment'],
  'vetting-webhook': ['enrollment'],
  'operator-decide-enrollment': ['enrollment'],
  'accept-agreement': ['enrollment'],
  'create-partnership-request': ['partnership-request'],
  'resend-partnership-request': ['partnership-request'],
  'revoke-partnership-request': ['partnership-request'],
  'accept-invitation': ['partnership-request'],
  'decline-invitation': ['partnership-request'],
  'authorize-invitation': ['partnership-request'],
  'refuse-invitation': ['partnership-request'],
  'create-order': ['order'],
  'submit-order': ['order'],
  'cancel-order': ['order'],
  'create-customer-invitation': ['customer-invitation'],
  'resend-customer-invitation': ['customer-invitation'],
  'revoke-customer-invitation': ['customer-invitation'],
  'accept-customer-link': ['customer-invitation'],
  'decline-customer-link': ['customer-invitation'],
  'authorize-customer-link': ['customer-invitation'],
  'refuse-customer-link': ['customer-invitation'],
};


/** Every route of API.md is one function. */
const httpFunctions: FunctionSpec[] = httpRoutes.map((r) => ({
  name: r.name,
  entry: `functions/handlers/http/${r.name}.ts`,
  trigger: { kind: 'http', method: r.method, path: r.path, auth: r.auth, ...(r.html && r.method === 'GET' ? { head: true } : {}) },
  access: httpWorkflows[r.name] ? { workflows: httpWorkflows[r.name] } : {},
  ...(r.reservedConcurrency === undefined ? {} : { reservedConcurrency: r.reservedConcurrency }),
}));

export const functions: FunctionSpec[] = [
  ...httpFunctions,
  { name: 'enrollment-step', entry: 'functions/handlers/workflow/enrollment-step.ts', trigger: { kind: 'workflow' }, access: { workflows: ['enrollment'] } },
  { name: 'partnership-step', entry: 'functions/handlers/workflow/partnership-step.ts', trigger: { kind: 'workflow' }, access: { workflows: ['partnership-request'] } },
  { name: 'order-step', entry: 'functions/handlers/workflow/order-step.ts', trigger: { kind: 'workflow' }, access: { workflows: ['order'] } },
  { name: 'customer-invitation-step', entry: 'functions/handlers/workflow/customer-invitation-step.ts', trigger: { kind: 'workflow' }, access: { workflows: ['customer-invitation'] } },
  { name: 'sweep', entry: 'functions/handlers/events/sweep.ts', trigger: { kind: 'schedule', everyMinutes: 5 }, access: { workflows: ['enrollment', 'partnership-request', 'order', 'customer-invitation'] }, reservedConcurrency: 1 },
  { name: 'ses-events', entry: 'functions/handlers/events/ses-events.ts', trigger: { kind: 'ses-events' } },
  { name: 'get-openapi', entry: 'functions/handlers/http/get-openapi.ts', trigger: { kind: 'http', method: 'GET', path: '/openapi.json', auth: 'public' } },
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
  {
    name: 'order',
    file: 'workflows/order.asl.json',
    functionSubstitutions: { OrderStepFunctionArn: 'order-step' },
    tableSubstitutions: ['TableName'],
    envVar: 'ORDER_STATE_MACHINE_ARN',
  },
  {
    name: 'customer-invitation',
    file: 'workflows/customer-invitation.asl.json',
    functionSubstitutions: { CustomerInvitationStepFunctionArn: 'customer-invitation-step' },
    tableSubstitutions: ['TableName'],
    envVar: 'CUSTOMER_INVITATION_STATE_MACHINE_ARN',
  },
];

export const functionByName = (name: string): FunctionSpec => {
  const spec = functions.find((f) => f.name === name);
  if (!spec) throw new Error(`no function named ${name} in the catalogue`);
  return spec;
};
