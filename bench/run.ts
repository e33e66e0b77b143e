/**
 * `npm run bench`: what a partner costs and how fast we answer, on the local cloud.
 * Prints one table and writes bench/results/latest.json and latest.md. How to read
 * them: bench/README.md.
 *
 * Order matters: cold start runs first, with nothing else on the machine; the sweep runs
 * first on the fresh table because it moves the local clock (everything open would
 * otherwise fall due); throughput runs before latency and leaves the active resellers
 * that accept invitations there.
 *
 * BENCH_QUICK=true runs every section at a fraction of its size (a smoke test, ~1 min).
 * BENCH_SECTION=coldstart runs only section 3 (no local cloud): prints each function's bundle,
 * init and top contributors, and leaves the committed results alone.
 * BENCH_SECTION=cost runs only section 1 on a fresh local cloud: prints its rows and writes its
 * details to bench/tmp/cost.md and cost.json (git-ignored; e.g. to compare two runs' counts).
 */
process.env.MEASURE_CONSUMED_CAPACITY = 'true';

import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, platform, release } from 'node:os';
import { resolve } from 'node:path';
import { startHarness, type Harness } from './harness.js';
import { coldStartSection } from './coldstart.js';
import { costSection } from './cost.js';
import { latencySection } from './latency.js';
import { sweepSection } from './sweep.js';
import { throughputSection } from './throughput.js';
import { bundleContributorsTable, consoleTable, costMarkdown, costRows, markdown, rows, summarize, summaryLines, type Results, type RunInfo } from './report.js';
import { LAMBDA_MEMORY_MB, usedPrices } from './cost.js';
import { PRICING_DATE, PRICING_REGION } from '../infra/pricing.js';

const quick = process.env.BENCH_QUICK === 'true';
if (process.env.BENCH_SECTION !== undefined && process.env.BENCH_SECTION !== 'coldstart' && process.env.BENCH_SECTION !== 'cost') {
  throw new Error(`BENCH_SECTION=${process.env.BENCH_SECTION}: only "coldstart" or "cost" runs alone`);
}
const config = quick
  ? { coldStartSamples: 3, sweepSizes: [300, 3_000], costRuns: 2, throughputSeconds: 10, throughputPrepared: 60, latencySamples: { 1: 20, 16: 48 } }
  : { coldStartSamples: 20, sweepSizes: [1_000, 100_000], costRuns: 5, throughputSeconds: 60, throughputPrepared: 1_100, latencySamples: { 1: 200, 16: 400 } };

const started = performance.now();
const startedAt = new Date().toISOString();
const sectionSeconds: Record<string, number> = {};

async function section<T>(name: string, work: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  process.stderr.write(`▶ ${name} …\n`);
  const result = await work();
  sectionSeconds[name] = (performance.now() - t0) / 1000;
  process.stderr.write(`  ${name}: ${sectionSeconds[name]!.toFixed(1)} s\n`);
  return result;
}

if (process.env.BENCH_SECTION === 'cost') {
  const harness = await section('local cloud start', () => startHarness());
  try {
    const cost = await section('1 cost per lifecycle', () => costSection(harness, config.costRuns));
    const tmp = resolve(import.meta.dirname, 'tmp');
    mkdirSync(tmp, { recursive: true });
    writeFileSync(resolve(tmp, 'cost.json'), `${JSON.stringify(cost, null, 2)}\n`);
    writeFileSync(resolve(tmp, 'cost.md'), `${costMarkdown(cost).join('\n')}\n`);
    console.log(consoleTable(costRows(cost)));
    console.log('Details: bench/tmp/cost.md, bench/tmp/cost.json.');
  } finally {
    await section('local cloud stop', () => harness.stop());
  }
  process.exit(0);
}

const coldStart = await section('3 cold start (bundle + fresh processes)', () =>
  coldStartSection({ samples: config.coldStartSamples, concurrency: 1, sourceMapCheck: 'create-enrollment' }),
);

if (process.env.BENCH_SECTION === 'coldstart') {
  console.log(`Cold start: median of ${coldStart.samples} fresh processes per function; empty handler ${(coldStart.empty.bytes / 1024).toFixed(0)} KB, init ${coldStart.empty.initMs.median.toFixed(1)} ms (CPU ${coldStart.empty.initCpuMs.toFixed(1)} ms).`);
  for (const f of coldStart.floors) console.log(`${f.name}: ${(f.bytes / 1024).toFixed(0)} KB, init ${f.initMs.median.toFixed(1)} ms (CPU ${f.initCpuMs.toFixed(1)} ms).`);
  console.log(bundleContributorsTable(coldStart).join('\n'));
  if (coldStart.sourceMaps) {
    const s = coldStart.sourceMaps;
    console.log(`${s.name} with --enable-source-maps (as deployed, every row): init ${s.withMs.toFixed(1)} ms; without the flag ${s.withoutMs.toFixed(1)} ms (.map ${(s.mapBytes / 1024).toFixed(0)} KB).`);
  }
  process.exit(0);
}

const h: Harness = await section('local cloud start', () => startHarness());
let results: Results;
try {
  const sweep = await section('4 sweep scale (seeding included)', () => sweepSection(h, config.sweepSizes));
  const cost = await section('1 cost per lifecycle', () => costSection(h, config.costRuns));
  await h.mail.clear();
  const throughput = await section('5 throughput', () =>
    throughputSection(h, { clients: 16, windowSeconds: config.throughputSeconds, prepared: config.throughputPrepared, activeTimeoutMs: 5_000 }),
  );
  await h.mail.clear();
  const acceptSamples = Object.values(config.latencySamples).reduce((a, b) => a + b, 0) + 5;
  const enrolled = throughput.active;
  const latency = await section('2 API latency', () =>
    latencySection(h, { samples: config.latencySamples, enrolledResellers: enrolled, providers: Math.ceil((acceptSamples * 1.5) / Math.max(1, enrolled.length)) + 1 }),
  );
  results = { cost, latency, coldStart, sweep, throughput };
} finally {
  await section('local cloud stop', () => h.stop());
}

const info: RunInfo = {
  startedAt,
  totalSeconds: (performance.now() - started) / 1000,
  sectionSeconds,
  node: process.version,
  cpus: `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}`,
  platform: `${platform()} ${release()}`,
};
const table = rows(results);
const summary = summarize(results, info);

const outDir = resolve(import.meta.dirname, 'results');
mkdirSync(outDir, { recursive: true });
const { active: _active, ...throughputOut } = results.throughput;
writeFileSync(
  resolve(outDir, 'latest.json'),
  `${JSON.stringify(
    {
      run: { ...info, quick },
      prices: { from: 'infra/pricing.ts', region: PRICING_REGION, checkedOn: PRICING_DATE, lambdaMemoryMb: LAMBDA_MEMORY_MB, perUnit: usedPrices },
      summary,
      table,
      results: { ...results, throughput: { ...throughputOut, activeResellers: _active.length } },
    },
    // Readable numbers: 4 decimals, but 6 significant digits for tiny ones (prices per unit).
    (_key, value: unknown) =>
      typeof value === 'number' && !Number.isInteger(value) ? Number(Math.abs(value) < 0.01 ? value.toPrecision(6) : value.toFixed(4)) : value,
    2,
  )}\n`,
);
writeFileSync(resolve(outDir, 'latest.md'), markdown(results, info, table, summary));

console.log(consoleTable(table));
console.log('');
for (const line of summaryLines(summary)) console.log(line);
console.log(`Total runtime: ${info.totalSeconds.toFixed(1)} s. Written: bench/results/latest.json, bench/results/latest.md.`);
console.log('Note: DynamoDB Local reports consumed capacity by its own rules; on AWS the RRU/WRU (and so the DynamoDB price) may differ.');
