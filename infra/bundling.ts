/**
 * How every Lambda function is bundled: one definition for the CDK construct
 * (infra/constructs/partner-function.ts, through `node infra/bundling.ts <entry> <outdir>`)
 * and the bench (bench/coldstart.ts, through `bundleOptions`), so what the bench measures is
 * what ships.
 *
 * esbuild: bundle everything including the AWS SDK (the version we test is the version we
 * run), minified ESM for Node 24 with the createRequire banner CommonJS dependencies need,
 * source maps without the sources' text, a metafile (the construct derives each function's
 * grants from it), the aliases below, and the SDK plugins below (what the functions'
 * clients never use, left out).
 *
 * This file runs on Node's own type stripping (the construct spawns it: esbuild plugins need
 * esbuild's asynchronous API, CDK's local bundling is synchronous), so it imports nothing but
 * esbuild and Node's built-ins, and uses only erasable TypeScript.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { build, type BuildOptions, type Metafile, type Plugin } from 'esbuild';

/** Lambda's credentials are in the environment: the SDK's default chain shrinks to that (see the module). */
export const LAMBDA_CREDENTIALS = 'functions/adapters/lambda-credentials.ts';

/**
 * Modules the Lambda bundles replace (esbuild aliases; the local cloud runs the sources and
 * keeps the originals): the SDK's default credential chain by the environment's credentials,
 * the DynamoDB client's endpoint cache, which nothing reads, by an empty one, and the
 * built-ins whose ESM namespace is costly to build at cold start by the same modules read as
 * CommonJS (functions/adapters/lambda-builtins/README.md).
 */
export const BUNDLE_ALIASES: Readonly<Record<string, string>> = {
  '@aws-sdk/credential-provider-node': `./${LAMBDA_CREDENTIALS}`,
  '@aws-sdk/endpoint-cache': './functions/adapters/lambda-endpoint-cache.ts',
  ...Object.fromEntries(['http', 'https'].map((name) => [`node:${name}`, `./functions/adapters/lambda-builtins/${name}.cjs`])),
};

/** The createRequire shim CommonJS dependencies need inside an ESM bundle. */
export const ESM_REQUIRE_BANNER = "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);";

/** An AWS SDK client's schema module: every shape and operation of the service. */
export const SDK_SCHEMAS = /[\\/]@aws-sdk[\\/]client-[^\\/]+[\\/]dist-es[\\/]schemas[\\/]schemas_\d+\.js$/;

/**
 * An AWS SDK client's schemas (`dist-es/schemas/schemas_0.js`) describe every shape and
 * operation of the service as constant arrays, so esbuild drops the ones no command of the
 * bundle reaches — except that operations and errors carry their traits as objects with
 * computed keys (`{ [_h]: ["POST", "/v2/email/outbound-emails", 200] }`, `_h` a module
 * constant "http"). A computed key could run code (its `toString`), so esbuild keeps every
 * such object, and through it every operation and every shape of the service: SESv2 keeps
 * ~47 KB of schemas to send one email. This rewrites each computed key that names one of
 * the module's own string constants as the literal key it stands for — the same object —
 * so tree shaking sees what is really used.
 *
 * The module also registers every error of the service with its own class and schema
 * (DynamoDB 36, Step Functions 34, Cognito 60…): ~33 KB in a function that calls four
 * services. The project tells errors apart by `name` only (never `instanceof` an error
 * class), so the service errors are left unregistered (`unregisteredErrors`): the client
 * then throws the service's base exception (`DynamoDBServiceException`…, still registered)
 * named after the error, with its message, `$fault`, `$metadata` and the error's fields as
 * the service sent them (test/unit/bundling.test.ts compares both for each service).
 */
export const sdkSchemasPlugin: Plugin = {
  name: 'sdk-schemas',
  setup(b) {
    b.onLoad({ filter: SDK_SCHEMAS }, async (args) => ({ contents: literalKeys(unregisteredErrors(await readFile(args.path, 'utf8'))), loader: 'js' }));
  },
};

/** Drops the registration of the service's own errors (`n0_registry.registerError(…)`); the base exception's (`_s_registry`) stays. */
export function unregisteredErrors(source: string): string {
  return source.replace(/^n0_registry\.registerError\([\w$]+, \w+\);$/gm, '');
}

/**
 * Two more things every SDK client bundles and our functions never use:
 *
 * - **Event streams** (`@smithy/core/event-streams`, ~13 KB): the protocols import them
 *   dynamically, only to send or read an event-stream operation, which no client of the
 *   project has (DynamoDB, SESv2, Step Functions, Secrets Manager, Cognito). A bundle has
 *   no lazy chunks, so esbuild inlines them whole. The dynamic import gets a module that
 *   fails with a clear error instead; a static import (a client with event streams) still
 *   gets the real module.
 * - **Each client's package.json** (~2.2 KB each): the client reads only its `version`
 *   (the user agent), but a default JSON import keeps the whole file. The bundle gets
 *   `{ name, version }`.
 */
export const sdkUnusedPlugin: Plugin = {
  name: 'sdk-unused',
  setup(b) {
    b.onResolve({ filter: /^@smithy\/core\/event-streams$/ }, (args) =>
      args.kind === 'dynamic-import' ? { path: args.path, namespace: 'no-event-streams' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'no-event-streams' }, () => ({
      contents: NO_EVENT_STREAMS,
      loader: 'js',
    }));
    b.onLoad({ filter: /[\\/]@aws-sdk[\\/]client-[^\\/]+[\\/]package\.json$/ }, async (args) => {
      const { name, version } = JSON.parse(await readFile(args.path, 'utf8')) as { name: string; version: string };
      return { contents: JSON.stringify({ name, version }), loader: 'json' };
    });
  },
};

/** What a Lambda bundle has instead of the SDK's event-stream support. */
export const NO_EVENT_STREAMS = [
  "const missing = () => { throw new Error('event streams are not in this Lambda bundle (infra/bundling.ts, sdkUnusedPlugin)'); };",
  'export class EventStreamSerde { constructor() { missing(); } }',
  'export const eventStreamSerdeProvider = missing;',
  '',
].join('\n');

/** `{ [_x]: v }` → `{ "value of _x": v }` for the module's top-level `const _x = "…";` string constants. */
export function literalKeys(source: string): string {
  const constants = new Map<string, string>();
  for (const m of source.matchAll(/^const (_\w+) = ("[^"\\\n]*");$/gm)) constants.set(m[1]!, m[2]!);
  return source.replace(/\[(_\w+)\]:/g, (all, name: string) => {
    const value = constants.get(name);
    return value === undefined ? all : `${value}:`;
  });
}

/** The esbuild options of a Lambda bundle, for a build run in `projectRoot` (the aliases are relative to it). */
export function bundleOptions(projectRoot: string): BuildOptions {
  return {
    absWorkingDir: projectRoot,
    bundle: true,
    minify: true,
    platform: 'node',
    format: 'esm',
    target: 'node24',
    mainFields: ['module', 'main'],
    banner: { js: ESM_REQUIRE_BANNER },
    outExtension: { '.js': '.mjs' },
    sourcemap: true,
    sourcesContent: false,
    metafile: true,
    logLevel: 'error',
    alias: { ...BUNDLE_ALIASES },
    plugins: [sdkSchemasPlugin, sdkUnusedPlugin],
  };
}

/**
 * Bundles functions as Lambda runs them: `<outdir>/<name>.mjs`, its source map
 * `<name>.mjs.map` (the project's own code only: `projectMappingsOnly`). Returns esbuild's metafile.
 */
export async function bundleFunctions(projectRoot: string, entryPoints: Record<string, string>, outdir: string, extra: BuildOptions = {}): Promise<Metafile> {
  const { metafile } = await build({ ...bundleOptions(projectRoot), ...extra, entryPoints, outdir });
  await Promise.all(
    Object.keys(metafile!.outputs)
      .filter((out) => out.endsWith('.mjs.map'))
      .map(async (out) => {
        const file = resolve(projectRoot, out);
        await writeFile(file, JSON.stringify(projectMappingsOnly(JSON.parse(await readFile(file, 'utf8')) as SourceMapV3)));
      }),
  );
  return metafile!;
}

/**
 * Bundles one function for Lambda: `<outdir>/index.mjs` (handler `index.handler`), its
 * source map `index.mjs.map` and esbuild's metafile `index.meta.json`.
 */
export async function bundleFunction(projectRoot: string, entry: string, outdir: string): Promise<void> {
  const metafile = await bundleFunctions(projectRoot, { index: resolve(projectRoot, entry) }, outdir);
  await writeFile(resolve(outdir, 'index.meta.json'), JSON.stringify(metafile));
}

/** A source map (v3) as esbuild writes it. */
export interface SourceMapV3 {
  version: 3;
  sources: string[];
  names: string[];
  mappings: string;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** One value as base64 VLQ (source map v3 mappings). */
export function encodeVlq(value: number): string {
  let v = value < 0 ? (-value << 1) | 1 : value << 1;
  let out = '';
  do {
    let digit = v & 31;
    v >>>= 5;
    if (v) digit |= 32;
    out += BASE64[digit];
  } while (v);
  return out;
}

/** The fields of one mappings segment (relative values, as the map stores them); also the bundle analysis's (infra/constructs/bundle-access.ts). */
export function decodeSegment(segment: string): number[] {
  const fields: number[] = [];
  let value = 0;
  let shift = 0;
  for (const ch of segment) {
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
  return fields;
}

const vlq = encodeVlq;

/**
 * The map without the mappings of dependencies (`node_modules/`) and of JSON data (no stack
 * frame is ever in it; the OpenAPI document alone is most of get-openapi's map): stack traces still name
 * the project's files and lines, a frame inside a dependency shows its place in the bundle
 * (each dependency stretch is marked unmapped, never attributed to the project line before it).
 * Lambda runs with `--enable-source-maps`, under which Node reads and decodes the whole map
 * while it loads the bundle — ~18 ms of every cold start for the ~550 KB of mappings of an
 * emailing function, ~85 % of them the AWS SDK's and Powertools'.
 */
export function projectMappingsOnly(map: SourceMapV3): SourceMapV3 {
  const keep = map.sources.map((s) => !s.split('/').includes('node_modules') && !s.endsWith('.json'));
  const sourceIndex: number[] = [];
  const sources: string[] = [];
  map.sources.forEach((s, i) => {
    if (keep[i]) {
      sourceIndex[i] = sources.length;
      sources.push(s);
    }
  });
  const nameIndex = new Map<number, number>();
  const names: string[] = [];
  // Decoded state (absolute values) of the input, and of the output as last written.
  let source = 0;
  let line = 0;
  let column = 0;
  let name = 0;
  let outSource = 0;
  let outLine = 0;
  let outColumn = 0;
  let outName = 0;
  const lines = map.mappings.split(';').map((text) => {
    let generated = 0;
    let outGenerated = 0;
    let mapped = false;
    const segments: string[] = [];
    for (const segment of text === '' ? [] : text.split(',')) {
      const fields = decodeSegment(segment);
      generated += fields[0]!;
      if (fields.length >= 4) {
        source += fields[1]!;
        line += fields[2]!;
        column += fields[3]!;
        if (fields.length >= 5) name += fields[4]!;
      }
      if (fields.length < 4 || !keep[source]) {
        // An unmapped stretch: written as a column-only segment, so the mapping before it
        // does not extend over a dependency's code.
        if (mapped) {
          segments.push(vlq(generated - outGenerated));
          outGenerated = generated;
          mapped = false;
        }
        continue;
      }
      mapped = true;
      const index = sourceIndex[source]!;
      let out = vlq(generated - outGenerated) + vlq(index - outSource) + vlq(line - outLine) + vlq(column - outColumn);
      outGenerated = generated;
      outSource = index;
      outLine = line;
      outColumn = column;
      if (fields.length >= 5) {
        let n = nameIndex.get(name);
        if (n === undefined) {
          n = names.length;
          names.push(map.names[name]!);
          nameIndex.set(name, n);
        }
        out += vlq(n - outName);
        outName = n;
      }
      segments.push(out);
    }
    return segments.join(',');
  });
  return { version: 3, sources, names, mappings: lines.join(';') };
}

if (import.meta.main) {
  const [entry, outdir] = process.argv.slice(2);
  if (!entry || !outdir) throw new Error('usage: node infra/bundling.ts <entry> <outdir> (run in the project root)');
  await bundleFunction(process.cwd(), entry, outdir);
}
