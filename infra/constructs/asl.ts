/**
 * Reads a `workflows/*.asl.json` definition at synth time and works out what the state
 * machine's role needs: which `${Key}` placeholders it carries and which AWS API actions
 * its Task states call. Pure functions (no CDK), so the tests can use them too.
 */

/** What a definition asks of its role. */
export interface AslRequirements {
  /** `${Key}` placeholders found anywhere in the file, sorted. */
  placeholders: string[];
  /** IAM actions on the table (`dynamodb:GetItem`…), sorted. */
  dynamodbActions: string[];
  /** True when a DynamoDB Query/Scan names an `IndexName` (or may: the name is not literal). */
  usesIndexes: boolean;
  /** IAM actions on the SES identity and configuration set (`ses:SendEmail`…), sorted. */
  sesActions: string[];
  /** True when a Task invokes a Lambda function (optimized or plain ARN). */
  invokesLambda: boolean;
  /** Task `Resource`s this module does not know how to authorize (a test fails on them). */
  unknownIntegrations: string[];
}

/**
 * Placeholders every definition may use besides its catalogue substitutions: CDK maps them
 * to pseudo parameters (`${Partition}` → AWS::Partition), the local cloud to these values.
 */
export const PSEUDO_SUBSTITUTIONS: Record<string, string> = { Partition: 'aws' };

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every `${Key}` of a definition file's text. */
export function placeholdersOf(text: string): string[] {
  const keys = new Set<string>();
  for (const m of text.matchAll(/\$\{([A-Za-z0-9_]+)\}/g)) keys.add(m[1]!);
  return [...keys].sort();
}

/** Replaces each `${Key}` with `values[Key]` (what CloudFormation does with DefinitionSubstitutions). */
export function substitute(text: string, values: Record<string, string>): string {
  return text.replace(/\$\{([A-Za-z0-9_]+)\}/g, (whole, key: string) => values[key] ?? whole);
}

const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** All Task states of a definition, nested ones (Parallel branches, Map processors) included. */
export function taskStates(definition: Json): { [key: string]: Json }[] {
  const tasks: { [key: string]: Json }[] = [];
  const visitMachine = (machine: Json) => {
    if (!machine || typeof machine !== 'object' || Array.isArray(machine)) return;
    const states = machine.States;
    if (!states || typeof states !== 'object' || Array.isArray(states)) return;
    for (const state of Object.values(states)) {
      if (!state || typeof state !== 'object' || Array.isArray(state)) continue;
      if (state.Type === 'Task') tasks.push(state);
      if (state.Type === 'Parallel' && Array.isArray(state.Branches)) state.Branches.forEach(visitMachine);
      if (state.Type === 'Map') {
        visitMachine(state.ItemProcessor ?? null);
        visitMachine(state.Iterator ?? null);
      }
    }
  };
  visitMachine(definition);
  return tasks;
}

const DYNAMODB_OPTIMIZED: Record<string, string> = {
  getItem: 'GetItem',
  putItem: 'PutItem',
  updateItem: 'UpdateItem',
  deleteItem: 'DeleteItem',
};

/** Per-item actions a TransactWriteItems call needs (transactions are authorized per item). */
function transactWriteActions(parameters: Json | undefined): string[] {
  const all = ['PutItem', 'UpdateItem', 'DeleteItem', 'ConditionCheckItem'];
  if (!parameters || typeof parameters !== 'object' || Array.isArray(parameters)) return all;
  const items = parameters.TransactItems;
  if (!Array.isArray(items)) return all; // built at run time ("TransactItems.$"): grant every kind
  const kinds: Record<string, string> = { Put: 'PutItem', Update: 'UpdateItem', Delete: 'DeleteItem', ConditionCheck: 'ConditionCheckItem' };
  const actions = new Set<string>();
  for (const item of items) {
    if (!item || typeof item !== 'object' || Array.isArray(item)) return all;
    for (const key of Object.keys(item)) {
      const action = kinds[key];
      if (!action) return all;
      actions.add(action);
    }
  }
  return [...actions];
}

function namesIndex(parameters: Json | undefined): boolean {
  if (!parameters || typeof parameters !== 'object' || Array.isArray(parameters)) return false;
  return 'IndexName' in parameters || 'IndexName.$' in parameters;
}

/** What the role of a state machine running `text` (an ASL JSON document) must be allowed. */
export function requirementsOf(text: string): AslRequirements {
  const definition = JSON.parse(substitute(text, PSEUDO_SUBSTITUTIONS)) as Json;
  const dynamodb = new Set<string>();
  const unknown = new Set<string>();
  let usesIndexes = false;
  const ses = new Set<string>();
  let invokesLambda = false;

  for (const task of taskStates(definition)) {
    const resource = task.Resource;
    const parameters = task.Parameters ?? task.Arguments;
    if (typeof resource !== 'string') continue;
    // A bare `${Key}` (or a literal function ARN) is a plain Lambda invoke.
    if (/^\$\{[A-Za-z0-9_]+\}$/.test(resource) || resource.includes(':lambda:') && resource.includes(':function:')) {
      invokesLambda = true;
      continue;
    }
    const base = resource.replace(/\.(waitForTaskToken|sync(:2)?)$/, '');
    const m = /^arn:aws[a-z-]*:states:::(.+)$/.exec(base);
    if (!m) {
      unknown.add(resource);
      continue;
    }
    const integration = m[1]!;
    if (integration === 'lambda:invoke') {
      invokesLambda = true;
      continue;
    }
    const optimized = /^dynamodb:(\w+)$/.exec(integration);
    if (optimized && DYNAMODB_OPTIMIZED[optimized[1]!]) {
      dynamodb.add(DYNAMODB_OPTIMIZED[optimized[1]!]!);
      continue;
    }
    const sdk = /^aws-sdk:(\w+):(\w+)$/.exec(integration);
    if (sdk) {
      const [, service, action] = sdk as unknown as [string, string, string];
      if (service === 'dynamodb') {
        if (action === 'transactWriteItems') transactWriteActions(parameters).forEach((a) => dynamodb.add(a));
        else if (action === 'transactGetItems') dynamodb.add('GetItem');
        else dynamodb.add(upperFirst(action));
        if ((action === 'query' || action === 'scan') && namesIndex(parameters)) usesIndexes = true;
        continue;
      }
      if ((service === 'sesv2' || service === 'ses') && (action === 'sendEmail' || action === 'sendRawEmail')) {
        ses.add(`ses:${upperFirst(action)}`);
        continue;
      }
    }
    unknown.add(resource);
  }

  return {
    placeholders: placeholdersOf(text),
    dynamodbActions: [...dynamodb].sort().map((a) => `dynamodb:${a}`),
    usesIndexes,
    sesActions: [...ses].sort(),
    invokesLambda,
    unknownIntegrations: [...unknown].sort(),
  };
}
