import { dirname, resolve } from 'node:path';
import { SECRET_VARIABLES, type SecretName } from '../../functions/lib/secrets.js';
import { decodeSegment } from '../bundling.js';

/**
 * What a function's bundle calls, read from esbuild's output: the metafile (which modules
 * made it into the bundle after tree-shaking) and the bundled text. The stack grants each
 * function exactly these calls (infra/constructs/partner-function.ts) and the template
 * tests check the roles against the same analysis, so a new catalogue entry gets the
 * grants its code needs and nothing else. Pure functions (no CDK).
 *
 * How a call is found:
 * - **SDK operations**: a project source line constructs `new XCommand(` with `XCommand`
 *   imported from `@aws-sdk/client-*` or `@aws-sdk/lib-dynamodb`, the source map says that
 *   line is in the output (tree-shaking kept it), AND the client's
 *   `commands/<Op>Command.js` module is in the bundle with bytes in the output. (Modules
 *   alone over-report: the DynamoDB client keeps DescribeEndpoints, lib-dynamodb's
 *   paginators keep Query and Scan; source files alone over-report: tree-shaking drops
 *   the functions of a module that the entry point never reaches.)
 * - **Transaction items** (`TransactWriteItems` is authorized per item): the item kinds
 *   (`Put:{`, `Update:{`, `Delete:{`, `ConditionCheck:{`) in the bundled text, except
 *   lib-dynamodb's own marshalling table.
 * - **Indexes**: `IndexName:"<name>"` literals in the bundled text; a computed IndexName
 *   means every index.
 * - **Secrets**: `secret('<name>')` of functions/lib/secrets.ts (or the Secrets port); the
 *   name literal in the bundled text.
 */

/** The part of an esbuild metafile this module reads. */
export interface Metafile {
  inputs: Record<string, { imports?: { path: string }[] }>;
  outputs: Record<string, { entryPoint?: string; inputs: Record<string, { bytesInOutput: number }> }>;
}

/** One SDK operation: the client package suffix (`dynamodb`, `sesv2`, `sfn`…) and the operation. */
export interface SdkCall {
  client: string;
  operation: string;
}

export interface BundleCalls {
  entryPoint: string | undefined;
  /** SDK operations the bundle sends, sorted `client:Operation`. */
  calls: SdkCall[];
  /** Kinds of TransactWriteItems items in the bundled text (`Put`, `Update`, `Delete`, `ConditionCheck`). */
  transactionItemKinds: string[];
  /** Index names queried with a literal IndexName. */
  indexes: string[];
  /** True when some IndexName is computed (then every index must be allowed). */
  computedIndexName: boolean;
  /** Secret names (functions/lib/secrets.ts) read by the bundle. */
  secrets: SecretName[];
}

/** lib-dynamodb command → the DynamoDB operation it sends. */
const DOCUMENT_COMMANDS: Record<string, string> = {
  Get: 'GetItem',
  Put: 'PutItem',
  Update: 'UpdateItem',
  Delete: 'DeleteItem',
  Query: 'Query',
  Scan: 'Scan',
  BatchGet: 'BatchGetItem',
  BatchWrite: 'BatchWriteItem',
  TransactGet: 'TransactGetItems',
  TransactWrite: 'TransactWriteItems',
  ExecuteStatement: 'ExecuteStatement',
  BatchExecuteStatement: 'BatchExecuteStatement',
  ExecuteTransaction: 'ExecuteTransaction',
};

/** The secrets of functions/lib/secrets.ts, by the name the code reads them with. */
export const SECRET_NAMES = Object.keys(SECRET_VARIABLES) as SecretName[];

/** The part of a source map (v3) this module reads. */
export interface SourceMap {
  sources: string[];
  mappings: string;
}

/**
 * The source lines (0-based) that produced some output, per source as the map names it:
 * what tree-shaking kept. Decodes the map's VLQ mappings (source index and line only).
 */
export function keptLines(map: SourceMap): Map<string, Set<number>> {
  const kept = new Map<number, Set<number>>();
  let source = 0;
  let line = 0;
  for (const segment of map.mappings.split(/[;,]/)) {
    const fields = decodeSegment(segment);
    if (fields.length < 4) continue;
    source += fields[1]!;
    line += fields[2]!;
    let lines = kept.get(source);
    if (!lines) kept.set(source, (lines = new Set()));
    lines.add(line);
  }
  return new Map([...kept].map(([i, lines]) => [map.sources[i]!, lines]));
}

/** A line that opens a function body: where a statement's parents end. */
const FUNCTION_START = /(=>\s*[({]?\s*$)|\bfunction\b|^\s*(export\s+)?(async\s+)?function\b/;
const KEYWORDS = new Set(['if', 'for', 'while', 'switch', 'catch', 'function', 'return', 'await', 'new', 'typeof', 'super', 'constructor']);
const MEMBER = [
  /^(\s+)(?:async\s+)?([A-Za-z_$][\w$]*)\s*\([^)]*\)\s*(?::\s*[^={]+)?\{\s*$/, // name(args) {
  /^(\s+)([A-Za-z_$][\w$]*)\s*:\s*(?:async\s*)?(?:\([^)]*\)|[A-Za-z_$][\w$]*)\s*(?::[^=]+)?=>/, // name: (args) =>
  /^(\s+)([A-Za-z_$][\w$]*)\s*:\s*(?:async\s+)?function\b/, // name: function
];

/**
 * The object-literal methods around a source line, innermost first, found by indentation
 * (the sources are formatted): their names survive minification, so whether the output
 * ever calls them by name is known.
 */
export function enclosingMembers(lines: string[], line: number): string[] {
  const names: string[] = [];
  let indent = /^\s*/.exec(lines[line] ?? '')![0].length;
  for (let l = line - 1; l >= 0 && indent > 0; l--) {
    const text = lines[l]!;
    if (text.trim() === '') continue;
    const own = /^\s*/.exec(text)![0].length;
    if (own >= indent) continue;
    indent = own;
    for (const pattern of MEMBER) {
      const m = pattern.exec(text);
      if (m && !KEYWORDS.has(m[2]!)) {
        names.push(m[2]!);
        break;
      }
    }
  }
  return names;
}

const isProjectSource = (path: string) => !path.includes('node_modules/') && /\.[cm]?[jt]sx?$/.test(path);

/** `local name → { client, imported name }` for the command classes a source file imports from the AWS SDK. */
function sdkImports(source: string): Map<string, { client: string; imported: string; document: boolean }> {
  const found = new Map<string, { client: string; imported: string; document: boolean }>();
  for (const m of source.matchAll(/import\s*(type\s*)?\{([^}]*)\}\s*from\s*['"]@aws-sdk\/(client-([a-z0-9-]+)|lib-dynamodb)['"]/g)) {
    if (m[1]) continue; // import type { … }
    const document = m[3] === 'lib-dynamodb';
    for (const part of m[2]!.split(',')) {
      const spec = part.trim();
      if (spec.startsWith('type ')) continue;
      const [imported, local] = spec.split(/\s+as\s+/).map((x) => x.trim());
      if (!imported?.endsWith('Command')) continue;
      found.set(local ?? imported, { client: document ? 'dynamodb' : m[4]!, imported, document });
    }
  }
  return found;
}

/**
 * The calls of the bundle whose metafile is `metafile`, output text `code` and source map
 * `map`, built by esbuild in `workingDir`; `readSource(path)` reads a project source file
 * (paths as the metafile names them, relative to `workingDir`).
 */
export function analyzeBundle(
  metafile: Metafile,
  code: string,
  map: SourceMap,
  workingDir: string,
  readSource: (path: string) => string,
): BundleCalls {
  const outputs = Object.entries(metafile.outputs).filter(([name]) => /\.[cm]?js$/.test(name));
  if (outputs.length !== 1) throw new Error(`expected one JavaScript output in the metafile, found ${outputs.length}`);
  const [outputName, output] = outputs[0]!;
  const inBundle = new Set(Object.entries(output.inputs).filter(([, v]) => v.bytesInOutput > 0).map(([k]) => k));

  // SDK command modules kept in the output: "client:Operation".
  const modules = new Set<string>();
  for (const path of inBundle) {
    const m = /@aws-sdk\/client-([a-z0-9-]+)\/dist-[a-z]+\/commands\/(\w+)Command\.js$/.exec(path);
    if (m) modules.add(`${m[1]}:${m[2]}`);
  }

  // Source lines kept in the output, by metafile path. The metafile names inputs relative to
  // the working directory, the map names sources relative to the output's directory.
  const outputDir = dirname(resolve(workingDir, outputName));
  const byAbsolute = new Map([...inBundle].filter(isProjectSource).map((p) => [resolve(workingDir, p), p]));
  const kept = new Map<string, Set<number>>();
  for (const [source, lines] of keptLines(map)) {
    const path = byAbsolute.get(resolve(outputDir, source));
    if (path) kept.set(path, lines);
  }

  // A source line counts when tree-shaking kept it (or, for a literal inside a statement,
  // a line shortly above it) and every object-literal method around it is called by name
  // somewhere in the output (ports are objects: esbuild keeps all their methods).
  // `.name`, `["name"]`, or a destructuring `{name,` / `,name:` (which also matches an
  // arrow-property definition: counted as called, the safe side).
  const calledByName = (name: string) => {
    const n = name.replace(/\$/g, '\\$');
    return new RegExp(`[.]${n}(?![\\w$])|\\[["'\`]${n}["'\`]\\]|[{,]\\s*${n}\\s*[:,}]`).test(code);
  };
  const sources = new Map<string, { text: string; lines: string[] }>();
  const sourceOf = (path: string) => {
    let found = sources.get(path);
    if (!found) {
      const text = readSource(path);
      sources.set(path, (found = { text, lines: text.split('\n') }));
    }
    return found;
  };
  /**
   * Whether a source line is code the bundle runs: kept by tree-shaking — the line itself
   * or, with `climb`, the statement it belongs to (its parent lines by indentation, up to
   * the enclosing function) — and inside object-literal methods called by name.
   */
  const counts = (path: string, line: number, climb: boolean): boolean => {
    const keptLines = kept.get(path);
    if (!keptLines) return false;
    const { lines } = sourceOf(path);
    let isKept = keptLines.has(line);
    let indent = /^\s*/.exec(lines[line] ?? '')![0].length;
    for (let l = line - 1; climb && !isKept && l >= 0 && indent > 0; l--) {
      const text = lines[l]!;
      const own = /^\s*/.exec(text)![0].length;
      if (text.trim() === '' || own >= indent) continue;
      indent = own;
      if (FUNCTION_START.test(text) || MEMBER.some((p) => p.test(text))) break;
      isKept = keptLines.has(l);
    }
    return isKept && enclosingMembers(lines, line).every(calledByName);
  };
  const lineOf = (text: string, index: number) => text.slice(0, index).split('\n').length - 1;

  const calls = new Map<string, SdkCall>();
  const kinds = new Set<string>();
  const indexes = new Set<string>();
  let computedIndexName = false;
  const secrets = new Set<SecretName>();
  for (const path of inBundle) {
    if (!isProjectSource(path)) continue;
    const { text: source } = sourceOf(path);
    if (source === '') continue;
    const imports = sdkImports(source);
    for (const m of source.matchAll(/\bnew\s+([A-Za-z_$][\w$]*)\s*\(/g)) {
      const origin = imports.get(m[1]!);
      if (!origin) continue;
      // A call site tree-shaking dropped, or in a port method nothing calls, is not a call of this bundle.
      if (!counts(path, lineOf(source, m.index), false)) continue;
      const base = origin.imported.replace(/Command$/, '');
      const operation = origin.document ? DOCUMENT_COMMANDS[base] : base;
      if (!operation) throw new Error(`${path}: no DynamoDB operation known for lib-dynamodb ${origin.imported}`);
      const key = `${origin.client}:${operation}`;
      if (modules.has(key)) calls.set(key, { client: origin.client, operation });
    }
    // TransactWriteItems items, indexes and secrets: literals of kept, called code.
    for (const m of source.matchAll(/\b(ConditionCheck|Put|Update|Delete):\s*\{/g)) {
      if (counts(path, lineOf(source, m.index), true)) kinds.add(m[1]!);
    }
    for (const m of source.matchAll(/\bIndexName:\s*(['"`]([\w.-]+)['"`])?/g)) {
      if (!counts(path, lineOf(source, m.index), true)) continue;
      if (m[2]) indexes.add(m[2]);
      else computedIndexName = true;
    }
    for (const m of source.matchAll(/\b(?:secret|get)\(\s*['"]([\w-]+)['"]\s*\)/g)) {
      const name = m[1] as SecretName;
      if (SECRET_NAMES.includes(name) && counts(path, lineOf(source, m.index), true)) secrets.add(name);
    }
  }
  // Only queries and scans name indexes.
  const queries = [...calls.values()].some((c) => c.client === 'dynamodb' && /^(Query|Scan)$/.test(c.operation));

  return {
    entryPoint: output.entryPoint,
    calls: [...calls.values()].sort((a, b) => `${a.client}:${a.operation}`.localeCompare(`${b.client}:${b.operation}`)),
    transactionItemKinds: calls.has('dynamodb:TransactWriteItems') ? [...kinds].sort() : [],
    indexes: queries ? [...indexes].sort() : [],
    computedIndexName: queries && computedIndexName,
    secrets: calls.has('secrets-manager:GetSecretValue') ? [...secrets].sort() : [],
  };
}

/** IAM service prefix of each SDK client package the project uses. */
export const IAM_PREFIX: Record<string, string> = {
  dynamodb: 'dynamodb',
  sesv2: 'ses',
  sfn: 'states',
  'secrets-manager': 'secretsmanager',
  'cognito-identity-provider': 'cognito-idp',
  ssm: 'ssm',
  sqs: 'sqs',
  sns: 'sns',
  eventbridge: 'events',
  scheduler: 'scheduler',
};

/** DynamoDB operations that IAM authorizes as other actions (transactions: per item). */
const TRANSACTION_ITEM_ACTIONS: Record<string, string> = {
  Put: 'PutItem',
  Update: 'UpdateItem',
  Delete: 'DeleteItem',
  ConditionCheck: 'ConditionCheckItem',
};

/** The IAM actions the calls need, sorted (`dynamodb:PutItem`, `ses:SendEmail`…). */
export function iamActionsOf(bundle: BundleCalls): string[] {
  const actions = new Set<string>();
  for (const { client, operation } of bundle.calls) {
    const prefix = IAM_PREFIX[client];
    if (!prefix) throw new Error(`no IAM service prefix known for @aws-sdk/client-${client}; add it to IAM_PREFIX in infra/constructs/bundle-access.ts`);
    if (client === 'dynamodb' && operation === 'TransactWriteItems') {
      const kinds = bundle.transactionItemKinds.length > 0 ? bundle.transactionItemKinds : Object.keys(TRANSACTION_ITEM_ACTIONS);
      for (const k of kinds) actions.add(`dynamodb:${TRANSACTION_ITEM_ACTIONS[k]}`);
    } else if (client === 'dynamodb' && operation === 'TransactGetItems') {
      actions.add('dynamodb:GetItem');
    } else {
      actions.add(`${prefix}:${operation}`);
    }
  }
  return [...actions].sort();
}

/**
 * How a role's actions differ from what its bundle calls: `unused` are held but never
 * called, `missing` are called but not held. `always` are actions every function holds
 * whatever its code (its logs, X-Ray, its dead-letter queue).
 */
export function grantDrift(held: Iterable<string>, bundle: BundleCalls, always: Iterable<string> = []): { unused: string[]; missing: string[] } {
  const needed = new Set([...iamActionsOf(bundle), ...always]);
  const has = new Set(held);
  return {
    unused: [...has].filter((a) => !needed.has(a)).sort(),
    missing: [...needed].filter((a) => !has.has(a)).sort(),
  };
}
