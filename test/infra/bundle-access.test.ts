/**
 * The bundle analysis the stack derives every function's grants from
 * (infra/constructs/bundle-access.ts), on a small bundle built here with the options
 * infra/constructs/partner-function.ts gives esbuild: what tree-shaking drops is not a
 * call, what it keeps is.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, type BuildOptions } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeBundle, grantDrift, iamActionsOf, keptLines, type BundleCalls, type Metafile, type SourceMap } from '../../infra/constructs/bundle-access.js';
import { PROJECT_ROOT } from '../../infra/stack.js';

let dir: string;
let calls: BundleCalls;

const ENTRY = `
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { SFNClient, SendTaskSuccessCommand as Wake } from '@aws-sdk/client-sfn';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { kept } from './store.js';

const ddb = DynamoDBDocumentClient.from(new DynamoDBClient({}));
const secret = async (name: string) => (await new SecretsManagerClient({}).send(new GetSecretValueCommand({ SecretId: name }))).SecretString;

export const handler = async () => {
  await ddb.send(new GetCommand({ TableName: 't', Key: { pk: 'a' } }));
  await kept(ddb);
  await secret('link-signing');
  await new SFNClient({}).send(new Wake({ taskToken: 'x', output: '{}' }));
};
`;

const STORE = `
import { PutCommand, QueryCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export async function kept(ddb: DynamoDBDocumentClient) {
  await ddb.send(
    new TransactWriteCommand({
      TransactItems: [{ Update: { TableName: 't', Key: { pk: 'a' }, UpdateExpression: 'SET x = :x', ExpressionAttributeValues: { ':x': 1 } } }],
    }),
  );
  await ddb.send(new QueryCommand({ TableName: 't', IndexName: 'byDate', KeyConditionExpression: 'd = :d' }));
}

export async function dropped(ddb: DynamoDBDocumentClient) {
  await ddb.send(new PutCommand({ TableName: 't', Item: { pk: 'b' } }));
  await ddb.send(new TransactWriteCommand({ TransactItems: [{ ConditionCheck: { TableName: 't', Key: { pk: 'c' }, ConditionExpression: 'x' } }] }));
  await ddb.send(new QueryCommand({ TableName: 't', IndexName: 'due', KeyConditionExpression: 'd = :d' }));
  return 'vetting-webhook';
}
`;

/**
 * A store the way functions/adapters/ builds one: a reader and a writer composed into the
 * whole store. Once with the pure composition the adapters use, once with an object spread
 * (which esbuild keeps even when nothing uses the object).
 */
const ADAPTER = (composition: 'pure' | 'spread') => `
import { PutCommand, QueryCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { compose } from '${join(PROJECT_ROOT, 'functions/adapters/compose.ts')}';
declare const ddb: DynamoDBDocumentClient;

function writerOf(prefix: string) {
  return {
    create: (id: string) => ddb.send(new TransactWriteCommand({ TransactItems: [{ Put: { TableName: 't', Item: { pk: prefix + id } } }] })),
    async mark(id: string) {
      await ddb.send(new PutCommand({ TableName: 't', Item: { pk: prefix + id, marked: true } }));
    },
  };
}

export const reader = {
  async load(id: string) {
    return ddb.send(new QueryCommand({ TableName: 't', KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': id } }));
  },
};
export const store = ${composition === 'pure' ? '/* @__PURE__ */ compose(reader, /* @__PURE__ */ writerOf(\'X#\'))' : "{ ...reader, ...writerOf('X#') }"};
`;
const READER_ENTRY = (adapter: string) => `
import { reader } from './${adapter}.js';
export const handler = async (event: { id: string }) => reader.load(event.id);
`;

/** The esbuild options of both test bundles: minified ESM with a source map and a metafile, as the analysis reads them. */
const BUILD = {
  absWorkingDir: PROJECT_ROOT,
  nodePaths: [join(PROJECT_ROOT, 'node_modules')],
  bundle: true,
  platform: 'node',
  format: 'esm',
  mainFields: ['module', 'main'],
  minify: true,
  sourcemap: true,
  sourcesContent: false,
  metafile: true,
  logLevel: 'error',
} as const satisfies BuildOptions;

/** Builds `entry` of `files` (in a fresh directory) with the options the stack gives esbuild, and analyses the bundle. */
async function analyze(files: Record<string, string>, entry: string): Promise<BundleCalls> {
  const root = mkdtempSync(join(tmpdir(), 'bundle-access-'));
  try {
    mkdirSync(join(root, 'src'));
    for (const [name, text] of Object.entries(files)) writeFileSync(join(root, 'src', name), text);
    const result = await build({
      entryPoints: [join(root, 'src', entry)],
      outfile: join(root, 'out', 'index.mjs'),
      ...BUILD,
    });
    return analyzeBundle(
      result.metafile as Metafile,
      readFileSync(join(root, 'out', 'index.mjs'), 'utf8'),
      JSON.parse(readFileSync(join(root, 'out', 'index.mjs.map'), 'utf8')) as SourceMap,
      PROJECT_ROOT,
      (path) => readFileSync(join(PROJECT_ROOT, path), 'utf8'),
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bundle-access-'));
  mkdirSync(join(dir, 'src'));
  writeFileSync(join(dir, 'src', 'entry.ts'), ENTRY);
  writeFileSync(join(dir, 'src', 'store.ts'), STORE);
  await build({
    entryPoints: [join(dir, 'src', 'entry.ts')],
    outfile: join(dir, 'out', 'index.mjs'),
    ...BUILD,
  }).then((result) => writeFileSync(join(dir, 'out', 'index.meta.json'), JSON.stringify(result.metafile)));
  calls = analyzeBundle(
    JSON.parse(readFileSync(join(dir, 'out', 'index.meta.json'), 'utf8')) as Metafile,
    readFileSync(join(dir, 'out', 'index.mjs'), 'utf8'),
    JSON.parse(readFileSync(join(dir, 'out', 'index.mjs.map'), 'utf8')) as SourceMap,
    PROJECT_ROOT,
    (path) => readFileSync(join(PROJECT_ROOT, path), 'utf8'),
  );
}, 60_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('bundle analysis', () => {
  it('finds the SDK calls of the code tree-shaking kept, through renamed imports and lib-dynamodb', () => {
    expect(calls.calls.map((c) => `${c.client}:${c.operation}`)).toEqual([
      'dynamodb:GetItem',
      'dynamodb:Query',
      'dynamodb:TransactWriteItems',
      'secrets-manager:GetSecretValue',
      'sfn:SendTaskSuccess',
    ]);
  });

  it('maps them to IAM actions: transactions per kept item kind, no SDK-internal commands', () => {
    // Not PutItem or ConditionCheckItem (only in dropped code), not the DynamoDB client's
    // DescribeEndpoints or lib-dynamodb's paginator Scan (in the bundle, never sent).
    expect(iamActionsOf(calls)).toEqual(['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:UpdateItem', 'secretsmanager:GetSecretValue', 'states:SendTaskSuccess']);
  });

  it('names the indexes and secrets of kept code only', () => {
    expect(calls.indexes).toEqual(['byDate']);
    expect(calls.computedIndexName).toBe(false);
    expect(calls.secrets).toEqual(['link-signing']);
  });

  it('decodes source map lines (VLQ)', () => {
    // "AAAA;AACA,CAAC" → source 0 line 0; next line: source 0 line 1; then line 1 again.
    expect(keptLines({ sources: ['a.ts'], mappings: 'AAAA;AACA,CAAC' })).toEqual(new Map([['a.ts', new Set([0, 1])]]));
    // Negative deltas: line 5 (K = +5), then line 2 (H = -3).
    expect(keptLines({ sources: ['a.ts'], mappings: 'AAKA,CAHA' })).toEqual(new Map([['a.ts', new Set([5, 2])]]));
  });

  it('refuses an SDK client it has no IAM prefix for', () => {
    expect(() => iamActionsOf({ ...calls, calls: [{ client: 'iot', operation: 'Publish' }] })).toThrow(/no IAM service prefix/);
  });

  it('a reader-only route of a purely composed store bundles no write; a spread composition drags the writer in', async () => {
    const pure = await analyze({ 'adapter.ts': ADAPTER('pure'), 'entry.ts': READER_ENTRY('adapter') }, 'entry.ts');
    expect(iamActionsOf(pure)).toEqual(['dynamodb:Query']);
    // The deliberately broken wiring: the same route, the store built with a spread. The
    // analysis sees the writer's calls in the bundle, so its role would hold them — and
    // the template test that every GET role is read-only would fail.
    const spread = await analyze({ 'adapter.ts': ADAPTER('spread'), 'entry.ts': READER_ENTRY('adapter') }, 'entry.ts');
    expect(iamActionsOf(spread)).toEqual(['dynamodb:PutItem', 'dynamodb:Query']);
  }, 60_000);

  it('grant drift names what a role holds but its bundle never calls, and what it calls but lacks', () => {
    const always = ['logs:PutLogEvents'];
    expect(grantDrift([...iamActionsOf(calls), ...always], calls, always)).toEqual({ unused: [], missing: [] });
    expect(grantDrift([...iamActionsOf(calls), ...always, 'dynamodb:PutItem', 'states:SendTaskFailure'], calls, always)).toEqual({
      unused: ['dynamodb:PutItem', 'states:SendTaskFailure'],
      missing: [],
    });
    expect(grantDrift(['dynamodb:GetItem', ...always], calls, always).missing).toEqual(['dynamodb:Query', 'dynamodb:UpdateItem', 'secretsmanager:GetSecretValue', 'states:SendTaskSuccess']);
  });
});
