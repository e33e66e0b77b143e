/**
 * The reviewable list of every IAM role of the synthesized stack and the actions it holds
 * (docs/grants.md, written by `npm run grants`, checked fresh by test/infra/stack.test.ts).
 * Pure: reads a synthesized template and the stack's construct tree; no CDK synthesis here.
 */
import type { CfnResource, Stack } from 'aws-cdk-lib';
import type { FunctionSpec } from './catalog.js';

type Resource = { Type: string; Properties?: Record<string, any>; Condition?: string };
type Statement = { Action: string | string[]; Resource: unknown; Condition?: unknown };

const asArray = <T>(v: T | T[]): T[] => (Array.isArray(v) ? v : [v]);

/** A role and what it may do. */
export interface RoleGrants {
  /** The catalogue function it runs, else its construct path in the stack. */
  name: string;
  logicalId: string;
  /** What it is for: the function's trigger, or the role's description. */
  purpose: string;
  /** Actions of its unconditional policies, sorted. */
  actions: string[];
  /** Indexes named by its Query/Scan statements (resource `…/index/<name>`). */
  indexes: string[];
  /** Actions it holds only under a stack condition, by condition. */
  conditional: Record<string, string[]>;
}

export interface GrantsReport {
  resourceCount: number;
  byType: [string, number][];
  functionRoles: RoleGrants[];
  otherRoles: RoleGrants[];
}

/** The role statements of a template: inline policies of the role and AWS::IAM::Policy resources attached to it. */
function roleStatements(resources: Record<string, Resource>, roleId: string): { statement: Statement; condition?: string }[] {
  const out: { statement: Statement; condition?: string }[] = [];
  const role = resources[roleId]!;
  for (const p of (role.Properties?.Policies ?? []) as { PolicyDocument: { Statement: Statement[] } }[]) {
    for (const s of p.PolicyDocument.Statement) out.push({ statement: s });
  }
  for (const r of Object.values(resources)) {
    if (r.Type !== 'AWS::IAM::Policy') continue;
    if (!(r.Properties!.Roles as unknown[]).some((x) => (x as { Ref?: string }).Ref === roleId)) continue;
    for (const s of r.Properties!.PolicyDocument.Statement as Statement[]) out.push({ statement: s, ...(r.Condition ? { condition: r.Condition } : {}) });
  }
  return out;
}

/** Index names a statement's resources name (`…/index/<name>`, rendered from Fn::Join). */
function indexesOf(resource: unknown): string[] {
  const names: string[] = [];
  for (const r of asArray(resource)) {
    const text = JSON.stringify(r);
    const m = /\/index\/([\w.-]+)"/.exec(text);
    if (m) names.push(m[1]!);
  }
  return names;
}

function grantsOf(resources: Record<string, Resource>, roleId: string): Pick<RoleGrants, 'actions' | 'indexes' | 'conditional'> {
  const actions = new Set<string>();
  const indexes = new Set<string>();
  const conditional: Record<string, Set<string>> = {};
  for (const { statement, condition } of roleStatements(resources, roleId)) {
    const list = asArray(statement.Action);
    if (condition) for (const a of list) (conditional[condition] ??= new Set()).add(a);
    else for (const a of list) actions.add(a);
    if (!condition && list.some((a) => a === 'dynamodb:Query' || a === 'dynamodb:Scan')) for (const i of indexesOf(statement.Resource)) indexes.add(i);
  }
  return {
    actions: [...actions].sort(),
    indexes: [...indexes].sort(),
    conditional: Object.fromEntries(Object.entries(conditional).map(([k, v]) => [k, [...v].sort()])),
  };
}

const triggerOf = (spec: FunctionSpec): string => {
  const t = spec.trigger;
  switch (t.kind) {
    case 'http':
      return `${t.method} ${t.path}`;
    case 'schedule':
      return `every ${t.everyMinutes} min`;
    case 'workflow':
      return 'workflow task';
    case 'ses-events':
      return 'SES events';
  }
};

/**
 * Every role of `template` (the synthesized `stack`): the catalogue functions' roles by
 * function name, the others by construct path.
 */
export function grantsReport(stack: Stack, template: { Resources: Record<string, Resource> }, specs: FunctionSpec[], functionRoleIds: Map<string, string>): GrantsReport {
  const resources = template.Resources;
  const byType = new Map<string, number>();
  for (const r of Object.values(resources)) byType.set(r.Type, (byType.get(r.Type) ?? 0) + 1);

  const functionRoles: RoleGrants[] = [];
  const seen = new Set<string>();
  for (const spec of [...specs].sort((a, b) => a.name.localeCompare(b.name))) {
    const roleId = functionRoleIds.get(spec.name);
    if (!roleId) continue;
    seen.add(roleId);
    functionRoles.push({ name: spec.name, logicalId: roleId, purpose: triggerOf(spec), ...grantsOf(resources, roleId) });
  }
  const paths = new Map<string, string>();
  for (const c of stack.node.findAll()) {
    const child = c as unknown as CfnResource;
    if ((child as { cfnResourceType?: string }).cfnResourceType === 'AWS::IAM::Role') {
      paths.set(stack.getLogicalId(child), c.node.path.split('/').slice(1, -1).join('/'));
    }
  }
  const otherRoles: RoleGrants[] = Object.entries(resources)
    .filter(([id, r]) => r.Type === 'AWS::IAM::Role' && !seen.has(id))
    .map(([id, r]) => ({
      name: paths.get(id) ?? id,
      logicalId: id,
      purpose: String(r.Properties?.Description ?? ''),
      ...grantsOf(resources, id),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return { resourceCount: Object.keys(resources).length, byType: [...byType].sort(([a], [b]) => a.localeCompare(b)), functionRoles, otherRoles };
}

/** CloudFormation's limit of resources per stack. */
export const CLOUDFORMATION_RESOURCE_LIMIT = 500;

/** docs/grants.md. */
export function renderGrants(report: GrantsReport): string {
  const common = report.functionRoles.length
    ? report.functionRoles.map((r) => r.actions).reduce((acc, a) => acc.filter((x) => a.includes(x)))
    : [];
  const code = (xs: string[]) => (xs.length ? xs.map((x) => `\`${x}\``).join(', ') : '—');
  const lines: string[] = [
    '# IAM grants of the stack',
    '',
    '<!-- generated by `npm run grants` from the synthesized stack; do not edit (test/infra/stack.test.ts checks it is fresh) -->',
    '',
    'Every role of the synthesized `PartnerProgram` template and the actions it holds. A',
    "function's grants are derived from its esbuild bundle (`infra/constructs/bundle-access.ts`):",
    'an action appears only if the code its route reaches calls it. Resources are this stack\'s',
    "own (the table and the indexes named below, the sender identity, the function's workflows,",
    'the secrets it reads, the user pool).',
    '',
    '## Resources',
    '',
    `The template has **${report.resourceCount}** resources (CloudFormation allows ${CLOUDFORMATION_RESOURCE_LIMIT} per stack: ${CLOUDFORMATION_RESOURCE_LIMIT - report.resourceCount} left).`,
    '',
    '| type | count |',
    '|---|---|',
    ...report.byType.map(([type, n]) => `| \`${type}\` | ${n} |`),
    '',
    '## Function roles',
    '',
    `Every function role also holds ${code(common)} (its logs and X-Ray tracing); they are left out below.`,
    '',
    '| function | trigger | actions | indexes queried |',
    '|---|---|---|---|',
    ...report.functionRoles.map((r) => {
      const own = r.actions.filter((a) => !common.includes(a));
      const conditional = Object.entries(r.conditional).map(([cond, as]) => ` (if ${cond}: ${code(as)} on more resources)`).join('');
      return `| \`${r.name}\` | ${r.purpose.replace(/\|/g, '\\|')} | ${code(own)}${conditional} | ${r.indexes.length ? code(r.indexes) : '—'} |`;
    }),
    '',
    '## Other roles',
    '',
    '| role | purpose | actions |',
    '|---|---|---|',
    ...report.otherRoles.map((r) => {
      const conditional = Object.entries(r.conditional).map(([cond, as]) => ` (if ${cond}: ${code(as)})`).join('');
      return `| \`${r.name}\` | ${r.purpose.replace(/\|/g, '\\|') || '—'} | ${code(r.actions)}${conditional} |`;
    }),
    '',
  ];
  return lines.join('\n');
}
