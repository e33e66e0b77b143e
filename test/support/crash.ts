import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

/**
 * The crash tests' local cloud: `test/support/cloud-process.ts` in a process group of its
 * own, on disk under `dataDir`, SIGKILLed as a whole (gateway, functions, Step Functions,
 * DynamoDB Local's JVM) and started again on the same data.
 */
const root = resolve(import.meta.dirname, '../..');

export interface Cloud {
  url: string;
  /** DynamoDB Local itself (a fresh port with every start). */
  dynamodb: string;
  child: ChildProcess;
}

/** Kills computed per test: `CRASH_KILLS` (default 3) for a longer hunt outside CI. */
export const crashKills = (): number => {
  const n = Number(process.env.CRASH_KILLS ?? 3);
  if (!Number.isInteger(n) || n < 1 || n > 200) throw new Error(`CRASH_KILLS must be 1…200, not ${process.env.CRASH_KILLS}`);
  return n;
};

export function killGroup(child: ChildProcess): Promise<void> {
  return new Promise((done) => {
    if (child.exitCode !== null || child.signalCode !== null) return done();
    child.once('exit', () => done());
    process.kill(-child.pid!, 'SIGKILL');
  });
}

export async function startCloud(dataDir: string, port: number): Promise<Cloud> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/cloud-process.ts'], {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), LIVENESS_CHECK_SECONDS: '60', POWERTOOLS_LOG_LEVEL: 'CRITICAL' },
  });
  let err = '';
  child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
  const ready = await new Promise<{ url: string; endpoints: { dynamodb: string } }>((ok, fail) => {
    let out = '';
    const timer = setTimeout(() => fail(new Error(`local cloud did not start: ${err.slice(-2000)}`)), 60_000);
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const line = /READY (\{.*\})\n/.exec(out);
      if (line) {
        clearTimeout(timer);
        ok(JSON.parse(line[1]!) as { url: string; endpoints: { dynamodb: string } });
      }
    });
    child.once('exit', (code) => fail(new Error(`local cloud exited (${code}): ${err.slice(-2000)}`)));
  });
  return { url: ready.url, dynamodb: ready.endpoints.dynamodb, child };
}

export const operatorUser = { tenantId: 'tenant-operator', tenantCountry: 'US', email: 'operator@partner-program.example', roles: ['operator'] };

export type Call = (method: string, path: string, options?: { user?: object; body?: unknown; headers?: Record<string, string>; raw?: string }) => Promise<{ status: number; body: any }>;

/** Calls one running cloud; a failed connection (the kill) rejects. */
export function client(cloud: Cloud): Call {
  const tokens = new Map<string, string>();
  return async (method, path, options = {}) => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.user) {
      const key = JSON.stringify(options.user);
      if (!tokens.has(key)) {
        const res = await fetch(`${cloud.url}/_local/tokens`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: key });
        tokens.set(key, ((await res.json()) as { token: string }).token);
      }
      headers.authorization = `Bearer ${tokens.get(key)!}`;
    }
    let body = options.raw;
    if (options.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.body);
    }
    const res = await fetch(`${cloud.url}${path}`, { method, headers, ...(body === undefined ? {} : { body }) });
    const text = await res.text();
    return { status: res.status, body: (text && (res.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : text) as any };
  };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** After a restart: executions lived in the killed process; the sweep re-drives every open lifecycle (GEN-4). */
export async function redrive(call: Call): Promise<void> {
  await call('POST', '/_local/clock', { body: { advanceSeconds: 120 } });
  for (let i = 0; i < 10 && (await call('POST', '/_local/sweep')).body.examined > 0; i++);
}

/**
 * The scheduler's part (off in these clouds) while the last round runs: every few seconds
 * the liveness checks fall due and the sweep re-drives what a kill left without an
 * execution. The clock restarts with each process, so due times set before a kill may lie
 * ahead. Answers a stop function.
 */
export function scheduling(call: Call): () => Promise<void> {
  let running = true;
  const loop = (async () => {
    while (running) {
      await sleep(3000);
      if (!running) break;
      await call('POST', '/_local/clock', { body: { advanceSeconds: 120 } }).catch(() => undefined);
      await call('POST', '/_local/sweep').catch(() => undefined);
    }
  })();
  return async () => {
    running = false;
    await loop;
  };
}

/** Waits until `total()` reaches `target` (or a minute passes). */
export async function until(total: () => number, target: number): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (total() < target && Date.now() < deadline) await sleep(20);
}
