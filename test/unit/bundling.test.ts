import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleFunctions, bundleOptions, literalKeys, projectMappingsOnly, sdkSchemasPlugin, type SourceMapV3 } from '../../infra/bundling.js';
import sesPackage from '@aws-sdk/client-sesv2/package.json' with { type: 'json' };

const root = resolve(import.meta.dirname, '../..');

/**
 * The Lambda bundling of infra/bundling.ts: the SDK-schema plugin must change what is
 * bundled, never what the bundled SDK does; the shipped source map keeps the project's
 * mappings exactly and maps no dependency code to a project line.
 */

/**
 * A probe module (in the project, so it resolves the project's dependencies): it sends
 * commands through real SDK clients whose HTTP handler records each request and answers
 * with a canned response, and reports what was sent and what came back.
 */
const PROBE = `
import { SESv2Client, SESv2ServiceException, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { DynamoDBClient, DynamoDBServiceException, GetItemCommand, TransactWriteItemsCommand } from '@aws-sdk/client-dynamodb';
import { SFNClient, SFNServiceException, StartExecutionCommand } from '@aws-sdk/client-sfn';

const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' };
function handler(responses) {
  const sent = [];
  return {
    sent,
    requestHandler: {
      async handle(request) {
        sent.push({ method: request.method, path: request.path, target: request.headers['x-amz-target'] ?? null, userAgent: request.headers['user-agent'], body: request.body === undefined ? null : JSON.parse(typeof request.body === 'string' ? request.body : Buffer.from(request.body).toString('utf8')) });
        const { status, headers, body } = responses.shift();
        const { Readable } = await import('node:stream');
        return { response: { statusCode: status, headers, body: Readable.from([Buffer.from(JSON.stringify(body))]) } };
      },
    },
  };
}
// An error as the project can see it: its name, message, fault, HTTP status and fields, and that it is the service's exception.
const outcome = (p, base) => p.then((r) => { const { $metadata, ...rest } = r; return { ok: rest }; }, (e) => ({ error: e.name, message: e.message, fault: e.$fault, status: e.$metadata?.httpStatusCode, item: e.Item ?? null, reasons: e.CancellationReasons ?? null, isServiceException: e instanceof base }));

export async function run() {
  const ses = handler([
    { status: 200, headers: { 'content-type': 'application/json' }, body: { MessageId: 'm-1' } },
    { status: 400, headers: { 'content-type': 'application/json', 'x-amzn-errortype': 'MessageRejected' }, body: { message: 'no' } },
  ]);
  const sesClient = new SESv2Client({ region: 'eu-west-1', credentials, requestHandler: ses.requestHandler, maxAttempts: 1 });
  const email = { FromEmailAddress: 'a@example.com', Destination: { ToAddresses: ['b@example.com'] }, Content: { Simple: { Subject: { Data: 's' }, Body: { Text: { Data: 't' } } } }, ConfigurationSetName: 'c', EmailTags: [{ Name: 'k', Value: 'v' }] };
  const db = handler([
    { status: 200, headers: { 'content-type': 'application/x-amz-json-1.0' }, body: { Item: { pk: { S: 'a' }, n: { N: '1' }, l: { L: [{ BOOL: true }] } } } },
    { status: 400, headers: { 'content-type': 'application/x-amz-json-1.0' }, body: { __type: 'com.amazonaws.dynamodb.v20120810#ResourceNotFoundException', message: 'gone' } },
    { status: 400, headers: { 'content-type': 'application/x-amz-json-1.0' }, body: { __type: 'com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException', message: 'The conditional request failed', Item: { pk: { S: 'a' }, version: { N: '3' } } } },
    { status: 400, headers: { 'content-type': 'application/x-amz-json-1.0' }, body: { __type: 'com.amazonaws.dynamodb.v20120810#TransactionCanceledException', Message: 'Transaction cancelled, please refer cancellation reasons for specific reasons [None, ConditionalCheckFailed]', CancellationReasons: [{ Code: 'None' }, { Code: 'ConditionalCheckFailed', Message: 'The conditional request failed', Item: { pk: { S: 'b' } } }] } },
    { status: 500, headers: { 'content-type': 'application/x-amz-json-1.0' }, body: { __type: 'com.amazonaws.dynamodb.v20120810#InternalServerError', message: 'try again' } },
  ]);
  const dbClient = new DynamoDBClient({ region: 'eu-west-1', credentials, requestHandler: db.requestHandler, maxAttempts: 1, endpoint: 'https://dynamodb.eu-west-1.amazonaws.com' });
  const get = { TableName: 't', Key: { pk: { S: 'a' } }, ConsistentRead: true, ProjectionExpression: '#n', ExpressionAttributeNames: { '#n': 'n' } };
  const put = { TableName: 't', Item: { pk: { S: 'a' } }, ConditionExpression: 'attribute_not_exists(pk)', ReturnValuesOnConditionCheckFailure: 'ALL_OLD' };
  const sfn = handler([
    { status: 400, headers: { 'content-type': 'application/x-amz-json-1.0' }, body: { __type: 'com.amazonaws.sfn#ExecutionAlreadyExists', message: 'Execution Already Exists' } },
  ]);
  const sfnClient = new SFNClient({ region: 'eu-west-1', credentials, requestHandler: sfn.requestHandler, maxAttempts: 1 });
  const results = [
    await outcome(sesClient.send(new SendEmailCommand(email)), SESv2ServiceException),
    await outcome(sesClient.send(new SendEmailCommand(email)), SESv2ServiceException),
    await outcome(dbClient.send(new GetItemCommand(get)), DynamoDBServiceException),
    await outcome(dbClient.send(new GetItemCommand(get)), DynamoDBServiceException),
    await outcome(dbClient.send(new TransactWriteItemsCommand({ TransactItems: [{ Put: put }], ClientRequestToken: 't-1' })), DynamoDBServiceException),
    await outcome(dbClient.send(new TransactWriteItemsCommand({ TransactItems: [{ Put: put }, { Put: { ...put, Item: { pk: { S: 'b' } } } }], ClientRequestToken: 't-2' })), DynamoDBServiceException),
    await outcome(dbClient.send(new GetItemCommand(get)), DynamoDBServiceException),
    await outcome(sfnClient.send(new StartExecutionCommand({ stateMachineArn: 'arn:aws:states:eu-west-1:123456789012:stateMachine:m', name: 'e', input: '{}' })), SFNServiceException),
  ];
  return { sent: [...ses.sent, ...db.sent, ...sfn.sent], results };
}
`;

let dir: string;
let probeEntry: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bundling-'));
  // Inside the project so that its node_modules resolve; removed afterwards.
  // (bench/tmp is ignored by git: a fresh clone does not have it yet.)
  mkdirSync(join(root, 'bench', 'tmp'), { recursive: true });
  probeEntry = join(root, 'bench', 'tmp', `bundling-probe-${process.pid}.mjs`);
  writeFileSync(probeEntry, PROBE);
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(probeEntry, { force: true });
});

describe('AWS SDK plugins', () => {
  it('rewrites computed keys naming the module\'s string constants as literal keys, and nothing else', () => {
    const source = ['const _h = "http";', 'const _e = "error";', 'let _x = "not a constant";', 'export var Op$ = [9, n0, _O, { [_h]: ["POST", "/x", 200] }, () => In$];', 'export var E$ = [-3, n0, _E, { [_e]: _c, [_x]: 1, [other]: 2 }];'].join('\n');
    expect(literalKeys(source).split('\n').slice(3)).toEqual([
      'export var Op$ = [9, n0, _O, { "http": ["POST", "/x", 200] }, () => In$];',
      'export var E$ = [-3, n0, _E, { "error": _c, [_x]: 1, [other]: 2 }];',
    ]);
  });

  it('drop the operations and shapes no command reaches, the error classes, event streams and package.json, and the bundled clients send and parse exactly as without them', async () => {
    const bundle = async (plugins: boolean) => {
      const outdir = join(dir, plugins ? 'with' : 'without');
      await build({ ...bundleOptions(root), ...(plugins ? {} : { plugins: [] }), sourcemap: false, metafile: false, entryPoints: { probe: probeEntry }, outdir });
      const file = join(outdir, 'probe.mjs');
      const { run } = (await import(pathToFileURL(file).href)) as { run: () => Promise<unknown> };
      return { text: readFileSync(file, 'utf8'), result: await run() };
    };
    const without = await bundle(false);
    const withPlugin = await bundle(true);

    // The plugin is what removes them: SESv2 operations the probe never sends.
    expect(without.text.includes('"CreateContactList"')).toBe(true);
    expect(withPlugin.text.includes('"CreateContactList"')).toBe(false);
    expect(withPlugin.text.includes('"PutAccountDetails"')).toBe(false);
    expect(withPlugin.text.length).toBeLessThan(without.text.length - 50_000);
    // Event-stream support (only ever imported dynamically here) and package.json beyond name and version.
    expect(without.text.includes('@smithy/core/event-streams - header name exceeds')).toBe(true);
    expect(withPlugin.text.includes('@smithy/core/event-streams - header name exceeds')).toBe(false);
    // The DynamoDB client's endpoint cache (an LRU nothing reads): an empty stand-in (BUNDLE_ALIASES) in both.
    expect(withPlugin.text.includes('mnemonist/lru-cache')).toBe(false);
    expect(withPlugin.text.includes('endpoint discovery is not in this Lambda bundle')).toBe(true);
    expect(without.text.includes('AWS SDK for JavaScript Sesv2 Client')).toBe(true);
    expect(withPlugin.text.includes('AWS SDK for JavaScript Sesv2 Client')).toBe(false);
    // The services' error classes are left out (the project reads an error's name, never its class).
    for (const error of ['SendingPausedException', 'AccountSuspendedException', 'BackupInUseException', 'StateMachineDeleting']) {
      expect(without.text.includes(`"${error}"`), error).toBe(true);
      expect(withPlugin.text.includes(`"${error}"`), error).toBe(false);
    }

    expect(withPlugin.result).toEqual(without.result);
    // And what both did is right, so equality is not two identical failures.
    const { sent, results } = withPlugin.result as { sent: { method: string; path: string; target: string | null; userAgent: string; body: unknown }[]; results: unknown[] };
    expect(sent[0]!.userAgent).toContain(`#${sesPackage.version}`);
    expect(sent[0]).toMatchObject({ method: 'POST', path: '/v2/email/outbound-emails', body: { FromEmailAddress: 'a@example.com', ConfigurationSetName: 'c', EmailTags: [{ Name: 'k', Value: 'v' }] } });
    expect(sent[2]).toMatchObject({ method: 'POST', target: 'DynamoDB_20120810.GetItem', body: { TableName: 't', ConsistentRead: true, ExpressionAttributeNames: { '#n': 'n' } } });
    expect(results).toEqual([
      { ok: { MessageId: 'm-1' } },
      { error: 'MessageRejected', message: 'no', fault: 'client', status: 400, item: null, reasons: null, isServiceException: true },
      { ok: { Item: { pk: { S: 'a' }, n: { N: '1' }, l: { L: [{ BOOL: true }] } } } },
      { error: 'ResourceNotFoundException', message: 'gone', fault: 'client', status: 400, item: null, reasons: null, isServiceException: true },
      { error: 'ConditionalCheckFailedException', message: 'The conditional request failed', fault: 'client', status: 400, item: { pk: { S: 'a' }, version: { N: '3' } }, reasons: null, isServiceException: true },
      {
        error: 'TransactionCanceledException',
        message: 'Transaction cancelled, please refer cancellation reasons for specific reasons [None, ConditionalCheckFailed]',
        fault: 'client',
        status: 400,
        item: null,
        reasons: [{ Code: 'None' }, { Code: 'ConditionalCheckFailed', Message: 'The conditional request failed', Item: { pk: { S: 'b' } } }],
        isServiceException: true,
      },
      { error: 'InternalServerError', message: 'try again', fault: 'server', status: 500, item: null, reasons: null, isServiceException: true },
      { error: 'ExecutionAlreadyExists', message: 'Execution Already Exists', fault: 'client', status: 400, item: null, reasons: null, isServiceException: true },
    ]);
  }, 120_000);
});

/** A probe entry in the project (so it resolves the project's dependencies); the test removes it. */
const entry = (name: string, text: string) => {
  const file = join(root, 'bench', 'tmp', `bundling-${name}-${process.pid}.mjs`);
  writeFileSync(file, text);
  return file;
};

describe('event streams in a Lambda bundle', () => {
  it('a dynamic import gets a module that fails clearly; a static import gets the real one', async () => {
    const dynamicEntry = entry('dynamic', "export const load = async () => { const { EventStreamSerde } = await import('@smithy/core/event-streams'); return new EventStreamSerde({}); };\n");
    const staticEntry = entry('static', "import { EventStreamSerde } from '@smithy/core/event-streams';\nexport const Serde = EventStreamSerde;\n");
    try {
      const outdir = join(dir, 'event-streams');
      await build({ ...bundleOptions(root), sourcemap: false, metafile: false, entryPoints: { dynamic: dynamicEntry, static: staticEntry }, outdir });
      const dynamic = (await import(pathToFileURL(join(outdir, 'dynamic.mjs')).href)) as { load: () => Promise<unknown> };
      await expect(dynamic.load()).rejects.toThrow('event streams are not in this Lambda bundle');
      expect(readFileSync(join(outdir, 'static.mjs'), 'utf8').includes('non-struct member not supported in event stream union')).toBe(true);
    } finally {
      rmSync(dynamicEntry, { force: true });
      rmSync(staticEntry, { force: true });
    }
  }, 60_000);
});

describe('built-ins read as CommonJS (functions/adapters/lambda-builtins)', () => {
  it('node:http and node:https in a bundle are the very modules Node has, read without an ESM namespace', async () => {
    const file = entry('builtins', "import { Agent, request } from 'node:https';\nimport * as http from 'node:http';\nexport const https = { Agent, request };\nexport { http };\n");
    try {
      const outdir = join(dir, 'builtins');
      await build({ ...bundleOptions(root), sourcemap: false, metafile: false, entryPoints: { builtins: file }, outdir });
      const text = readFileSync(join(outdir, 'builtins.mjs'), 'utf8');
      expect(text).not.toMatch(/from\s*"node:https?"/);
      expect(text).toContain("getBuiltinModule(\"node:https\")");
      const bundled = (await import(pathToFileURL(join(outdir, 'builtins.mjs')).href)) as { https: { Agent: unknown; request: unknown }; http: { request: unknown; STATUS_CODES: unknown } };
      const real = { https: await import('node:https'), http: await import('node:http') };
      expect(bundled.https.Agent).toBe(real.https.Agent);
      expect(bundled.https.request).toBe(real.https.request);
      expect(bundled.http.request).toBe(real.http.request);
      expect(bundled.http.STATUS_CODES).toBe(real.http.STATUS_CODES);
    } finally {
      rmSync(file, { force: true });
    }
  }, 60_000);
});

describe('the shipped source map', () => {
  it('keeps every mapping into the project\'s code, and maps no position of dependency code or JSON data to anything', async () => {
    const outdir = join(dir, 'maps');
    const entry = 'functions/handlers/http/get-enrollment.ts';
    // The full map as esbuild writes it, and the map bundleFunctions ships.
    await build({ ...bundleOptions(root), entryPoints: { full: resolve(root, entry) }, outdir, metafile: false, plugins: [sdkSchemasPlugin] });
    await bundleFunctions(root, { slim: resolve(root, entry) }, outdir);
    const fullMap = JSON.parse(readFileSync(join(outdir, 'full.mjs.map'), 'utf8')) as SourceMapV3;
    const slimMap = projectMappingsOnly(fullMap);
    expect(slimMap.sources.every((s) => !s.includes('node_modules') && !s.endsWith('.json'))).toBe(true);
    expect(slimMap.sources.length).toBeGreaterThan(5);

    // bundleFunctions writes the slim form.
    const shipped = JSON.parse(readFileSync(join(outdir, 'slim.mjs.map'), 'utf8')) as SourceMapV3;
    expect(shipped.sources.length).toBeGreaterThan(0);
    expect(shipped.sources.some((s) => s.includes('node_modules'))).toBe(false);
    expect(shipped).toEqual(projectMappingsOnly(shipped));

    const full = new SourceMap(fullMap as unknown as ConstructorParameters<typeof SourceMap>[0]);
    const slim = new SourceMap(slimMap as unknown as ConstructorParameters<typeof SourceMap>[0]);
    const code = readFileSync(join(outdir, 'full.mjs'), 'utf8').split('\n');
    let project = 0;
    let dependency = 0;
    for (let line = 0; line < code.length; line++) {
      for (let column = 0; column < code[line]!.length; column += 7) {
        const before = full.findEntry(line, column) as { originalSource?: string; originalLine?: number; originalColumn?: number };
        const after = slim.findEntry(line, column) as { originalSource?: string; originalLine?: number; originalColumn?: number };
        if (before.originalSource === undefined) continue;
        if (before.originalSource.includes('node_modules') || before.originalSource.endsWith('.json')) {
          dependency++;
          expect(after.originalSource, `${line}:${column}`).toBeUndefined();
        } else {
          project++;
          expect([after.originalSource, after.originalLine, after.originalColumn], `${line}:${column}`).toEqual([before.originalSource, before.originalLine, before.originalColumn]);
        }
      }
    }
    expect(project).toBeGreaterThan(100);
    expect(dependency).toBeGreaterThan(100);
  }, 60_000);
});
