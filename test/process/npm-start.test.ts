/**
 * `npm start` leaves nothing behind: a busy port is refused before anything starts, and
 * however the npm process (or the local cloud under it) is ended — SIGINT, SIGTERM,
 * SIGHUP, SIGKILL — every process it started goes away, DynamoDB Local's JVM included.
 *
 * Each run gets its own LOCAL_DATA_DIR; every process started for it inherits that
 * variable (and DynamoDB Local also names it in its command line), so "what this run left
 * behind" is every process whose environment or command line mentions the directory —
 * orphans re-parented to init included.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from '#local/ports.js';
import { portIsFree } from '#local/process.js';

const root = resolve(import.meta.dirname, '../..');
const started: Array<{ npm: ChildProcess; dir: string }> = [];

interface Run {
  npm: ChildProcess;
  dir: string;
  port: number;
  output: () => { stdout: string; stderr: string };
  exited: Promise<number | null>;
}

function npmStart(port: number): Run {
  const dir = mkdtempSync(join(tmpdir(), 'npm-start-'));
  const npm = spawn('npm', ['start'], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? dir, PORT: String(port), LOCAL_DATA_DIR: dir, POWERTOOLS_LOG_LEVEL: 'ERROR' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  npm.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  npm.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((r) => npm.once('exit', (code) => r(code)));
  started.push({ npm, dir });
  return { npm, dir, port, output: () => ({ stdout, stderr }), exited };
}

/** Pids of live processes whose command line or environment mentions `marker`. */
function processesMentioning(marker: string): Array<{ pid: number; cmd: string }> {
  const found: Array<{ pid: number; cmd: string }> = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      const cmd = readFileSync(`/proc/${entry}/cmdline`, 'latin1').replaceAll('\0', ' ').trim();
      const environ = readFileSync(`/proc/${entry}/environ`, 'latin1');
      const state = readFileSync(`/proc/${entry}/stat`, 'latin1');
      if (/\) Z /.test(state)) continue; // a zombie has exited; only its parent's wait() is missing
      if (cmd.includes(marker) || environ.includes(marker)) found.push({ pid: Number(entry), cmd });
    } catch {
      // gone meanwhile, or not ours
    }
  }
  return found;
}

async function until<T>(what: string, probe: () => T | undefined | false, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function upAndRunning(run: Run): Promise<Array<{ pid: number; cmd: string }>> {
  await until('the start banner', () => run.output().stdout.includes('local cloud up'), 240_000);
  const health = await fetch(`http://127.0.0.1:${run.port}/_local/health`);
  expect(health.status).toBe(200);
  const tree = processesMentioning(run.dir);
  expect(tree.some((p) => p.cmd.includes('DynamoDBLocal.jar'))).toBe(true);
  expect(tree.some((p) => p.cmd.includes('infra/local/main.ts'))).toBe(true);
  return tree;
}

async function nothingLeft(run: Run): Promise<void> {
  const left = await until('every process of the run to exit', () => {
    const alive = processesMentioning(run.dir);
    return alive.length === 0 ? alive : undefined;
  }, 30_000).catch(() => processesMentioning(run.dir));
  expect(left).toEqual([]);
  expect(await portIsFree(run.port)).toBe(true);
}

afterEach(() => {
  for (const { dir } of started.splice(0)) {
    for (const { pid } of processesMentioning(dir)) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    rmSync(dir, { recursive: true, force: true });
  }
});

describe('npm start', () => {
  it('refuses a busy port with one line and exit 1, before starting anything', async () => {
    const port = await freePort();
    const squatter: Server = createServer();
    await new Promise<void>((r) => squatter.listen(port, '127.0.0.1', () => r()));
    try {
      const run = npmStart(port);
      expect(await run.exited).toBe(1);
      const { stderr } = run.output();
      expect(stderr.trim().split('\n')).toEqual([expect.stringMatching(new RegExp(`^Port ${port} on 127\\.0\\.0\\.1 is already in use`))]);
      expect(processesMentioning(run.dir)).toEqual([]);
    } finally {
      await new Promise<void>((r) => squatter.close(() => r()));
    }
  }, 60_000);

  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGKILL'] as const) {
    it(`leaves no process behind when the npm process gets ${signal}`, async () => {
      const run = npmStart(await freePort());
      await upAndRunning(run);
      run.npm.kill(signal);
      await nothingLeft(run);
    }, 300_000);
  }

  it('leaves no DynamoDB Local behind when the local cloud itself is killed with SIGKILL', async () => {
    const run = npmStart(await freePort());
    const tree = await upAndRunning(run);
    const main = tree.find((p) => p.cmd.includes('infra/local/main.ts'));
    process.kill(main?.pid ?? -1, 'SIGKILL');
    await nothingLeft(run);
  }, 300_000);

  it('`npm stop` stops it', async () => {
    const run = npmStart(await freePort());
    await upAndRunning(run);
    const stop = spawn('npm', ['stop'], { cwd: root, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? run.dir, LOCAL_DATA_DIR: run.dir }, stdio: 'ignore' });
    expect(await new Promise((r) => stop.once('exit', r))).toBe(0);
    expect(await run.exited).toBe(0);
    await nothingLeft(run);
  }, 300_000);
});
