/**
 * Section 3 — cold start per function. Every function of infra/catalog.ts is bundled the
 * way the CDK construct bundles it (infra/bundling.ts: esbuild, everything including the
 * AWS SDK bundled, minified ESM, the SDK-schema plugin, the source map Lambda gets) into
 * bench/tmp/, and an empty handler through the same pipeline as the baseline. Module init =
 * a fresh Node.js process (process.execPath, i.e. Node 24 under npm) with Lambda's
 * NODE_OPTIONS (`--enable-source-maps`, set by the construct) importing the bundle, timed
 * around the `import()`; the median of N processes per function. Processes run one at a time (round-robin over the functions, so drift
 * spreads evenly) unless told otherwise, to keep the 2 cores from skewing the numbers.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import type { BuildOptions, Metafile } from 'esbuild';
import { bundleFunctions, bundleOptions } from '../infra/bundling.js';
import { functions } from '../infra/catalog.js';
import { median, percentile, pool } from './stats.js';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '..');
const tmp = resolve(root, 'bench/tmp');
const probe = resolve(root, 'bench/coldstart-probe.mjs');
const EMPTY = '(empty handler)';

/**
 * What no function can start below: handlers of nothing but the libraries every function
 * builds at module scope, bundled and imported exactly like the functions. The first is the
 * table's client alone (every function but get-openapi and get-current-agreement has it);
 * the second adds what every route wraps its use case in (middy, Powertools' logger, a
 * zod/mini schema); the third what a mutating route that sends email adds: Powertools'
 * idempotency (with its JMESPath) and the SESv2, Step Functions and Secrets Manager
 * clients, built on first use as the functions build them.
 */
/** The table's client, built at module scope as the functions build it. */
const TABLE_CLIENT = [
  "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
  "import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';",
  'const dynamodb = new DynamoDBClient({});',
  'const ddb = DynamoDBDocumentClient.from(dynamodb);',
];
/** What every route wraps its use case in. */
const ROUTE_WRAPPING = [
  "import { Logger } from '@aws-lambda-powertools/logger';",
  "import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';",
  "import middy from '@middy/core';",
  "import httpHeaderNormalizer from '@middy/http-header-normalizer';",
  "import * as z from 'zod/mini';",
  "const logger = new Logger({ serviceName: 'partner-program' });",
  'const Params = z.object({ id: z.string().check(z.regex(/^[a-z]+_[A-Za-z0-9]{10,40}$/)) });',
];
/** What a mutating route that sends email adds: GEN-3's store and three more clients, built on first use. */
const EMAILING_ROUTE = [
  "import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';",
  "import { SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';",
  "import { SecretsManagerClient, GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';",
  "import { IdempotencyConfig } from '@aws-lambda-powertools/idempotency';",
  "import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';",
  "import { makeHandlerIdempotent } from '@aws-lambda-powertools/idempotency/middleware';",
  'let ses, sfn, secrets;',
  "const persistenceStore = new DynamoDBPersistenceLayer({ tableName: 'partner-program', awsSdkV3Client: dynamodb });",
  'const config = new IdempotencyConfig({ eventKeyJmesPath: \'headers."idempotency-key"\', payloadValidationJmesPath: \'body\' });',
];
/** A route handler: middy with the logger and header normalizer (and `extra` middlewares) around `body`. */
const routeHandler = (extra: string[], body: string[]) => [
  'export const handler = middy()',
  '  .use(injectLambdaContext(logger))',
  '  .use(httpHeaderNormalizer())',
  ...extra,
  '  .handler(async (event) => {',
  '    const { id } = Params.parse(event.pathParameters);',
  ...body,
  '  });',
];

const FLOORS: { name: string; source: string }[] = [
  {
    name: '(floor: DynamoDB document client)',
    source: [
      ...TABLE_CLIENT,
      "export const handler = async (event) => ddb.send(new GetCommand({ TableName: 'partner-program', Key: { pk: event.pk, sk: event.sk } }));",
    ].join('\n'),
  },
  {
    name: '(floor: + middy, Powertools logger, zod/mini)',
    source: [
      ...TABLE_CLIENT,
      ...ROUTE_WRAPPING,
      ...routeHandler([], ["    return ddb.send(new GetCommand({ TableName: 'partner-program', Key: { pk: id, sk: 'X' } }));"]),
    ].join('\n'),
  },
  {
    name: '(floor: + idempotency, SESv2, Step Functions, Secrets Manager)',
    source: [
      ...TABLE_CLIENT,
      ...ROUTE_WRAPPING,
      ...EMAILING_ROUTE,
      ...routeHandler(
        ['  .use(makeHandlerIdempotent({ persistenceStore, config }))'],
        [
          "    const key = (await (secrets ??= new SecretsManagerClient({})).send(new GetSecretValueCommand({ SecretId: 'k' }))).SecretString;",
          "    await ddb.send(new GetCommand({ TableName: 'partner-program', Key: { pk: id, sk: key } }));",
          "    await (ses ??= new SESv2Client({})).send(new SendEmailCommand({ FromEmailAddress: 'a@b.example', Destination: { ToAddresses: ['c@d.example'] }, Content: { Simple: { Subject: { Data: id }, Body: { Text: { Data: id } } } } }));",
          "    await (sfn ??= new SFNClient({})).send(new StartExecutionCommand({ stateMachineArn: 'arn', input: '{}' }));",
        ],
      ),
    ].join('\n'),
  },
];

const TOP_CONTRIBUTORS = 5;

/** The construct's bundling, as esbuild options (infra/bundling.ts, shared with infra/constructs/partner-function.ts). */
export const bundling: BuildOptions = bundleOptions(root);

/** One package (or project directory) and the bytes it adds to a minified bundle. */
export interface Contributor {
  name: string;
  bytes: number;
}

export interface ColdStartRow {
  name: string;
  trigger: string;
  bytes: number;
  /** The biggest contributors to the bundle, from esbuild's metafile (bytes in the output). */
  contributors: Contributor[];
  initMs: { median: number; p10: number; p90: number; min: number; max: number };
  /** CPU time (user + system) of the import, median: steadier than wall time on a busy machine. */
  initCpuMs: number;
  processMs: number;
  overEmptyMs: number;
}

export interface ColdStartResult {
  samples: number;
  concurrency: number;
  bundleMs: number;
  functions: number;
  empty: ColdStartRow;
  /** The libraries' own floor (FLOORS), measured like the functions. */
  floors: ColdStartRow[];
  rows: ColdStartRow[];
  /** One function imported with and without `--enable-source-maps` (every row above is with it, as Lambda runs). */
  sourceMaps: { name: string; withoutMs: number; withMs: number; mapBytes: number } | undefined;
  notes: string[];
}

/**
 * Who an input of the metafile belongs to: its npm package (`@scope/name` or `name`, the
 * innermost node_modules), or for project files its top two directories (`functions/messages`).
 */
export function contributorOf(input: string): string {
  const pkg = /.*node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
  if (pkg) return pkg[1]!;
  const parts = input.split('/');
  return parts.length > 2 ? parts.slice(0, 2).join('/') : input;
}

/** Bytes in the output per contributor, biggest first. */
export function contributors(output: Metafile['outputs'][string]): Contributor[] {
  const by = new Map<string, number>();
  for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
    const name = contributorOf(input);
    by.set(name, (by.get(name) ?? 0) + bytesInOutput);
  }
  return [...by].map(([name, bytes]) => ({ name, bytes })).sort((a, b) => b.bytes - a.bytes);
}

/** The NODE_OPTIONS the construct gives every function (infra/constructs/partner-function.ts). */
export const LAMBDA_NODE_OPTIONS = '--enable-source-maps';

/** Lambda-like environment for the import: only what module scope may read, and Lambda's NODE_OPTIONS. */
const probeEnv = (extra: Record<string, string> = {}) => ({
  PATH: process.env.PATH ?? '',
  AWS_REGION: 'us-east-1',
  AWS_DEFAULT_REGION: 'us-east-1',
  TABLE_NAME: 'partner-program',
  POWERTOOLS_SERVICE_NAME: 'partner-program',
  NODE_OPTIONS: LAMBDA_NODE_OPTIONS,
  ...extra,
});

interface Sample {
  initMs: number;
  initCpuMs: number;
  processMs: number;
}

async function importOnce(file: string, nodeArgs: string[] = [], env: Record<string, string> = {}): Promise<Sample> {
  const { stdout } = await run(process.execPath, [...nodeArgs, probe, pathToFileURL(file).href], { env: probeEnv(env), timeout: 30_000 });
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as Sample;
}

export async function coldStartSection(options: { samples: number; concurrency: number; sourceMapCheck?: string }): Promise<ColdStartResult> {
  const outdir = resolve(tmp, 'bundles');
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  const emptyEntry = resolve(tmp, 'empty-handler.mjs');
  writeFileSync(emptyEntry, 'export const handler = async () => ({ statusCode: 200 });\n');

  const bundleStarted = performance.now();
  const entryPoints: Record<string, string> = Object.fromEntries(functions.map((f) => [f.name, resolve(root, f.entry)]));
  entryPoints.__empty__ = emptyEntry;
  FLOORS.forEach((floor, i) => {
    const entry = resolve(tmp, `floor-${i}.mjs`);
    writeFileSync(entry, `${floor.source}\n`);
    entryPoints[`__floor_${i}__`] = entry;
  });
  const metafile = await bundleFunctions(root, entryPoints, outdir);
  const bundleMs = performance.now() - bundleStarted;
  const topContributors = (file: string): Contributor[] => {
    const output = metafile.outputs[relative(root, file).split(sep).join('/')];
    return output ? contributors(output).slice(0, TOP_CONTRIBUTORS) : [];
  };

  const floorTargets = FLOORS.map((floor, i) => ({ name: floor.name, trigger: 'floor', file: resolve(outdir, `__floor_${i}__.mjs`) }));
  const targets = [{ name: EMPTY, trigger: 'baseline', file: resolve(outdir, '__empty__.mjs') }, ...floorTargets, ...functions.map((f) => ({ name: f.name, trigger: f.trigger.kind, file: resolve(outdir, `${f.name}.mjs`) }))];
  const results = new Map<string, Sample[]>(targets.map((t) => [t.name, []]));
  // Round-robin: sample i of every function before sample i+1 of any.
  const jobs = Array.from({ length: options.samples }, () => targets).flat();
  await pool(jobs, options.concurrency, async (t) => {
    results.get(t.name)!.push(await importOnce(t.file));
  });

  const row = (t: (typeof targets)[number], emptyMedian: number): ColdStartRow => {
    const xs = results.get(t.name)!;
    const init = xs.map((x) => x.initMs);
    const m = median(init);
    return {
      name: t.name,
      trigger: t.trigger,
      bytes: statSync(t.file).size,
      contributors: topContributors(t.file),
      initMs: { median: m, p10: percentile(init, 10), p90: percentile(init, 90), min: Math.min(...init), max: Math.max(...init) },
      initCpuMs: median(xs.map((x) => x.initCpuMs)),
      processMs: median(xs.map((x) => x.processMs)),
      overEmptyMs: m - emptyMedian,
    };
  };
  const emptyMedian = median(results.get(EMPTY)!.map((x) => x.initMs));
  const empty = row(targets[0]!, emptyMedian);
  const floors = floorTargets.map((t) => row(t, emptyMedian));
  const rows = targets.slice(1 + floorTargets.length).map((t) => row(t, emptyMedian)).sort((a, b) => b.initMs.median - a.initMs.median);

  // What Lambda's NODE_OPTIONS=--enable-source-maps (set by the CDK construct) adds to one function's init.
  let sourceMaps: ColdStartResult['sourceMaps'];
  const check = options.sourceMapCheck && functions.find((f) => f.name === options.sourceMapCheck);
  if (check) {
    const file = resolve(outdir, `${check.name}.mjs`);
    const withMaps: number[] = [];
    const without: number[] = [];
    for (let i = 0; i < options.samples; i++) {
      without.push((await importOnce(file, [], { NODE_OPTIONS: '' })).initMs);
      withMaps.push((await importOnce(file)).initMs);
    }
    sourceMaps = { name: check.name, withoutMs: median(without), withMs: median(withMaps), mapBytes: statSync(`${file}.map`).size };
  }

  return {
    samples: options.samples,
    concurrency: options.concurrency,
    bundleMs,
    functions: functions.length,
    empty,
    floors,
    rows,
    sourceMaps,
    notes: [
      `Init = time to import the bundle in a fresh process with Lambda's NODE_OPTIONS (${LAMBDA_NODE_OPTIONS}): module evaluation (parse + top-level code) and reading the source map, median of ${options.samples}; every function of the catalogue is measured, ${options.concurrency === 1 ? 'one process at a time' : `${options.concurrency} processes at a time`}.`,
      'Lambda adds its own runtime start and the download/unpack of the code (which grows with bundle size) before this; the empty handler is the floor of this measurement.',
      `The floors are handlers of nothing but the libraries the functions build at module scope, bundled and imported the same way: ${FLOORS.map((f) => f.name).join('; ')}. No function can start faster than the floor of the libraries it uses.`,
      `Bundle = the minified .mjs; its top ${TOP_CONTRIBUTORS} contributors are npm packages (or project directories) by bytes in the output, from esbuild's metafile.`,
      "Bundles carry the source map the construct ships (the project's mappings only, infra/bundling.ts); what --enable-source-maps costs is measured for one function, with and without the flag.",
    ],
  };
}
