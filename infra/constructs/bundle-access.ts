import { dirname, resolve } from 'node:path';
import { SECRET_VARIABLES, type SecretName } from '../../functions/lib/secrets.js';

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

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/**
 * The source lines (0-based) that produced some output, per source as the map names it:
 * what tree-shaking kept. Decodes the map's VLQ mappings (source index and line only).
 */
export function keptLines(map: SourceMap): Map<string, Set<number>> {
  const kept = new Map<number, Set<number>>();
  let source = 0;
  let line = 0;
  const fields: number[] = [];
  let value = 0;
  let shift = 0;
  const endSegment = () => {
    if (fields.length >= 4) {
      source += fields[1]!;
      line += fields[2]!;
      let lines = kept.get(source);
      if (!lines) kept.set(source, (lines = new Set()));
      lines.add(line);
    }
    fields.length = 0;
  };
  for (const ch of map.mappings) {
    if (ch === ',' || ch === ';') {
      endSegment();
      continue;
    }
    const digit = BASE64.indexOf(ch);
    if (digit < 0) throw new Error(`invalid source map character ${ch}`);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
      continue;
    }
    fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
    value = 0;
    shift = 0;
  }
  endSegment();
  return new Map([...kept].map(([i, lines]) => [map.sources[i]!, lines]));
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

  const calls = new Map<string, SdkCall>();
  for (const path of inBundle) {
    if (!isProjectSource(path)) continue;
    const source = readSource(path);
    const imports = sdkImports(source);
    const lines = kept.get(path) ?? new Set<number>();
    for (const m of source.matchAll(/\bnew\s+([A-Za-z_$][\w$]*)\s*\(/g)) {
      const origin = imports.get(m[1]!);
      if (!origin) continue;
      // A call site tree-shaking dropped is not a call of this bundle.
      const line = source.slice(0, m.index).split('\n').length - 1;
      if (!lines.has(line)) continue;
      const base = origin.imported.replace(/Command$/, '');
      const operation = origin.document ? DOCUMENT_COMMANDS[base] : base;
      if (!operation) throw new Error(`${path}: no DynamoDB operation known for lib-dynamodb ${origin.imported}`);
      const key = `${origin.client}:${operation}`;
      if (modules.has(key)) calls.set(key, { client: origin.client, operation });
    }
  }

  // TransactWriteItems items, minus lib-dynamodb's marshalling table ({Key|Item:x,ExpressionAttributeValues:x}).
  const kinds = new Set<string>();
  for (const m of code.matchAll(/[{,\s](ConditionCheck|Put|Update|Delete):\{(?!(?:Key|Item):[\w$]+,ExpressionAttributeValues:[\w$]+\})/g)) kinds.add(m[1]!);

  const indexes = new Set<string>();
  let computedIndexName = false;
  for (const m of code.matchAll(/\bIndexName:\s*(["'`])?([\w.-]*)/g)) {
    if (m[1] && !code.startsWith('${', (m.index ?? 0) + m[0].length)) indexes.add(m[2]!);
    else computedIndexName = true;
  }
  // Only queries and scans name indexes; without one, a literal elsewhere (a schema) is noise.
  const queries = [...calls.values()].some((c) => c.client === 'dynamodb' && /^(Query|Scan)$/.test(c.operation));

  const secrets = SECRET_NAMES.filter((name) => new RegExp(`["'\`]${name}["'\`]`).test(code));

  return {
    entryPoint: output.entryPoint,
    calls: [...calls.values()].sort((a, b) => `${a.client}:${a.operation}`.localeCompare(`${b.client}:${b.operation}`)),
    transactionItemKinds: calls.has('dynamodb:TransactWriteItems') ? [...kinds].sort() : [],
    indexes: queries ? [...indexes].sort() : [],
    computedIndexName: queries && computedIndexName,
    secrets: calls.has('secrets-manager:GetSecretValue') ? secrets : [],
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
