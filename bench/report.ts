/**
 * Turns the five sections' results into the one table (console and Markdown), the
 * Markdown details under it, and the JSON document of the run.
 */
import { LAMBDA_MEMORY_MB, priceLines, usedPrices, type CostResult } from './cost.js';
import type { LatencyResult } from './latency.js';
import type { ColdStartResult } from './coldstart.js';
import type { SweepResult } from './sweep.js';
import type { ThroughputResult } from './throughput.js';
import { PRICING_DATE, PRICING_REGION } from '../infra/pricing.js';
import { mainTable } from '../infra/tables.js';
import type { AwsRuleTotals } from './aws-trace.js';
import { int, ms, num, usd } from './stats.js';

export interface Results {
  cost: CostResult;
  latency: LatencyResult;
  coldStart: ColdStartResult;
  sweep: SweepResult;
  throughput: ThroughputResult;
}

export interface RunInfo {
  startedAt: string;
  totalSeconds: number;
  sectionSeconds: Record<string, number>;
  node: string;
  cpus: string;
  platform: string;
}

export interface Row {
  section: string;
  item: string;
  result: string;
  detail: string;
}

export interface Summary {
  slowestStep: { step: string; p50Ms: number; p99Ms: number; concurrency: number; lifecycleStep?: { step: string; apiMs: number } };
  mostExpensiveStep: { lifecycle: string; step: string; usdPer1000: number; topService: string; topServiceUsdPer1000: number };
  mostExpensiveService: { lifecycle: string; service: string; usdPer1000: number; share: number };
  slowestBenchSection: { section: string; seconds: number };
}

const kb = (bytes: number) => `${int(bytes / 1024)} KB`;
/** `5`, or `4–5` when the runs disagree (section 1's counts should not). */
const spread = (v: { median: number; min: number; max: number }) => (v.min === v.max ? `${v.min}` : `${v.min}–${v.max}`);
const ratio = (x: number) => (Number.isFinite(x) ? `×${x.toFixed(2)}` : '—');
const shortLifecycle = (name: string) => name.replace(/ \(.*\)$/, '');

/** `table 30 · gsi1 0 · lists 6 · due 4` — every index of the table, in infra/tables.ts's order, then any other. */
export function awsRuleSplit(r: AwsRuleTotals): string {
  const names = [...new Set([...mainTable.indexes.map((i) => i.indexName), ...Object.keys(r.indexes)])];
  return [`table ${num(r.table)}`, ...names.map((n) => `${n} ${num(r.indexes[n] ?? 0)}`)].join(' · ');
}

/** `48 WRU by AWS's rules (table 30 · gsi1 0 · lists 6 · due 4; 6 direct)`. */
const awsRuleText = (r: AwsRuleTotals) => `${num(r.total)} WRU by AWS's rules (${awsRuleSplit(r)}; ${num(r.direct)} direct)`;

export function summarize(r: Results, info: RunInfo): Summary {
  const c1 = r.latency.rows.filter((row) => row.concurrency === 1);
  const slowest = [...c1].sort((a, b) => b.stats.p50 - a.stats.p50)[0]!;
  const slowest16 = r.latency.rows.find((row) => row.route === slowest.route && row.concurrency === 16);
  const allSteps = r.cost.lifecycles.flatMap((l) => l.steps.map((s) => ({ lifecycle: l.lifecycle, ...s })));
  const slowestLifecycleStep = [...allSteps].sort((a, b) => b.apiMs - a.apiMs)[0];
  const priciest = [...allSteps].sort((a, b) => b.usdPer1000 - a.usdPer1000)[0]!;
  const priciestLines = priceLines(priciest.counters).sort((a, b) => b.usdPer1000 - a.usdPer1000);
  const services = r.cost.lifecycles.flatMap((l) => l.lines.map((line) => ({ lifecycle: l.lifecycle, line, share: line.usdPer1000 / l.usdPer1000 })));
  const topService = [...services].sort((a, b) => b.line.usdPer1000 - a.line.usdPer1000)[0]!;
  const sections = Object.entries(info.sectionSeconds).sort((a, b) => b[1] - a[1]);
  return {
    slowestStep: {
      step: slowest.route,
      p50Ms: slowest.stats.p50,
      p99Ms: slowest16?.stats.p99 ?? slowest.stats.p99,
      concurrency: 1,
      ...(slowestLifecycleStep ? { lifecycleStep: { step: `${slowestLifecycleStep.lifecycle}: ${slowestLifecycleStep.step}`, apiMs: slowestLifecycleStep.apiMs } } : {}),
    },
    mostExpensiveStep: {
      lifecycle: priciest.lifecycle,
      step: priciest.step,
      usdPer1000: priciest.usdPer1000,
      topService: priciestLines[0]!.service,
      topServiceUsdPer1000: priciestLines[0]!.usdPer1000,
    },
    mostExpensiveService: { lifecycle: topService.lifecycle, service: topService.line.service, usdPer1000: topService.line.usdPer1000, share: topService.share },
    slowestBenchSection: { section: sections[0]![0], seconds: sections[0]![1] },
  };
}

/** Section 3's per-function bundle size and its biggest contributors, as a Markdown table. */
export function bundleContributorsTable(cs: ColdStartResult): string[] {
  const top = cs.rows[0]?.contributors.length ?? 0;
  const lines = [`| Function | Bundle | Init ms | Init CPU ms | Top ${top} contributors (KB in the bundle) |`, '|---|---:|---:|---:|---|'];
  for (const row of [...[...cs.rows].sort((a, b) => b.bytes - a.bytes), ...cs.floors]) {
    const list = row.contributors.map((c) => `${c.name} ${int(c.bytes / 1024)}`).join(' · ');
    lines.push(`| ${row.name} | ${kb(row.bytes)} | ${ms(row.initMs.median)} | ${ms(row.initCpuMs)} | ${list} |`);
  }
  return lines;
}

/** Section 1's rows: one per lifecycle, and one per route with its round trips. */
export function costRows(cost: CostResult): Row[] {
  const out: Row[] = [];
  for (const l of cost.lifecycles) {
    const c = l.counters;
    out.push({
      section: '1 Cost',
      item: `${l.lifecycle} (${num(c.apiRequests)} API calls)`,
      result: `${usd(l.usdPer1000)} per 1,000`,
      detail: `${num(c.stateTransitions)} state transitions · ${num(l.lambdaInvocations)} Lambda invocations (${num(c.apiRequests)} API + ${num(c.workflowLambdaInvocations)} workflow) · ${num(l.dynamodb.calls)} DynamoDB calls (${num(l.dynamodb.directCalls)} direct) · ${awsRuleText(l.dynamodb.awsRule)} · DynamoDB Local: ${num(l.dynamodb.readUnits)} RRU / ${num(l.dynamodb.writeUnits)} WRU (${num(l.dynamodb.directWriteUnits)} direct) · ${num(c.emails)} emails · ${l.gbSeconds.toFixed(3)} GB-s`,
    });
  }
  for (const l of cost.lifecycles) {
    for (const step of l.steps) {
      const rt = step.route;
      if (!rt) continue;
      out.push({
        section: '1 Round trips',
        item: `${shortLifecycle(l.lifecycle)}: ${step.step}`,
        result: `${spread(rt.rounds)} rounds · ${ratio(rt.handlerOverAws)} handler / ${ratio(rt.gatewayOverAws)} gateway`,
        detail: `${spread(rt.calls)} AWS calls · handler p50 ${ms(rt.handlerMsP50)} ms · via gateway p50 ${ms(rt.gatewayMsP50)} ms · AWS calls p50 ${ms(rt.awsMsP50)} ms (n=${rt.samples}, c=1)`,
      });
    }
  }
  return out;
}

export function rows(r: Results): Row[] {
  const out: Row[] = costRows(r.cost);
  for (const k of [1, 16]) {
    for (const row of r.latency.rows.filter((x) => x.concurrency === k)) {
      out.push({
        section: '2 Latency',
        item: `${row.route} @ c=${k}`,
        result: `p50 ${ms(row.stats.p50)} · p95 ${ms(row.stats.p95)} · p99 ${ms(row.stats.p99)} ms`,
        detail: `n=${row.stats.n}${row.errors ? ` (${row.errors} errors)` : ''} · ×${row.overRawP50.ratio.toFixed(1)} / +${ms(row.overRawP50.differenceMs)} ms over PutItem p50${row.aws ? ` · ${spread(row.aws.rounds)} rounds · ${ratio(row.aws.handlerOverAws)} handler / ${ratio(row.aws.gatewayOverAws)} gateway over its AWS calls` : ''}`,
      });
    }
    const raw = r.latency.putItem[k]!;
    out.push({
      section: '2 Latency',
      item: `DynamoDB Local PutItem @ c=${k}`,
      result: `p50 ${ms(raw.p50)} · p95 ${ms(raw.p95)} · p99 ${ms(raw.p99)} ms`,
      detail: `n=${raw.n} · raw SDK call, same table, same run`,
    });
  }
  const cs = r.coldStart;
  out.push({
    section: '3 Cold start',
    item: `${cs.empty.name} — baseline`,
    result: `${kb(cs.empty.bytes)} · init ${ms(cs.empty.initMs.median)} ms`,
    detail: `median of ${cs.samples} fresh processes · process up ${ms(cs.empty.processMs)} ms at the end`,
  });
  for (const row of [...cs.floors, ...cs.rows]) {
    out.push({
      section: '3 Cold start',
      item: row.trigger === 'floor' ? row.name : `${row.name} (${row.trigger})`,
      result: `${kb(row.bytes)} · init ${ms(row.initMs.median)} ms`,
      detail: `+${ms(row.overEmptyMs)} ms over empty · p10–p90 ${ms(row.initMs.p10)}–${ms(row.initMs.p90)} ms · CPU ${ms(row.initCpuMs)} ms`,
    });
  }
  if (cs.sourceMaps) {
    out.push({
      section: '3 Cold start',
      item: `${cs.sourceMaps.name}: --enable-source-maps`,
      result: `init ${ms(cs.sourceMaps.withMs)} ms with it (as deployed, every row above) · ${ms(cs.sourceMaps.withoutMs)} ms without`,
      detail: `the flag adds ${ms(cs.sourceMaps.withMs - cs.sourceMaps.withoutMs)} ms · .map ${kb(cs.sourceMaps.mapBytes)} (project mappings only)`,
    });
  }
  const first = r.sweep.runs[0]!;
  for (const run of r.sweep.runs) {
    out.push({
      section: '4 Sweep',
      item: `${int(run.pending)} pending · ${run.due} due`,
      result: `${run.examined} examined · ${int(run.ms)} ms`,
      detail: `index: ${run.queryCalls} Query calls, ${num(run.indexReadUnits)} RRU · work: ${num(run.readUnits - run.indexReadUnits)} RRU / ${num(run.writeUnits)} WRU · nothing due: ${run.emptySweep.examined} examined, ${ms(run.emptySweep.ms)} ms${run === first ? '' : ` · time ×${(run.ms / first.ms).toFixed(2)} of the ${int(first.pending)} run`}`,
    });
  }
  const t = r.throughput;
  out.push({
    section: '5 Throughput',
    item: `${t.clients} clients · ${t.windowSeconds} s`,
    result: `${num(t.lifecyclesPerMinute, 0)} enrollment lifecycles/min`,
    detail: `${t.completed} completed of ${t.started} started · ${t.stuck} stuck (${t.stuckConfirmed} confirmed under_review with all done) · ${t.errors} errors · lifecycle p50 ${ms(t.lifecycleMs.p50)} / p95 ${ms(t.lifecycleMs.p95)} ms · ${num(t.apiRequestsPerSecond)} API req/s`,
  });
  return out;
}

const widths = (table: string[][]) => table[0]!.map((_, i) => Math.max(...table.map((row) => row[i]!.length)));

export function consoleTable(all: Row[]): string {
  const table = [['Section', 'Item', 'Result', 'Detail'], ...all.map((r) => [r.section, r.item, r.result, r.detail])];
  const w = widths(table);
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(w[i]!)).join(' │ ');
  const rule = w.map((n) => '─'.repeat(n)).join('─┼─');
  const out = [line(table[0]!), rule];
  let previous = '';
  for (const row of table.slice(1)) {
    if (previous && row[0] !== previous) out.push(rule);
    previous = row[0]!;
    out.push(line(row));
  }
  return out.join('\n');
}

const md = (s: string) => s.replaceAll('|', '\\|');

export function markdownTable(all: Row[]): string {
  return ['| Section | Item | Result | Detail |', '|---|---|---|---|', ...all.map((r) => `| ${md(r.section)} | ${md(r.item)} | ${md(r.result)} | ${md(r.detail)} |`)].join('\n');
}

export function summaryLines(s: Summary): string[] {
  return [
    `Slowest step: ${s.slowestStep.step} — p50 ${ms(s.slowestStep.p50Ms)} ms alone, p99 ${ms(s.slowestStep.p99Ms)} ms at c=16${s.slowestStep.lifecycleStep ? ` (slowest lifecycle call: ${s.slowestStep.lifecycleStep.step}, ${ms(s.slowestStep.lifecycleStep.apiMs)} ms)` : ''}.`,
    `Most expensive step: ${s.mostExpensiveStep.lifecycle}: ${s.mostExpensiveStep.step} — ${usd(s.mostExpensiveStep.usdPer1000)} per 1,000, mostly ${s.mostExpensiveStep.topService} (${usd(s.mostExpensiveStep.topServiceUsdPer1000)}).`,
    `Most expensive service: ${s.mostExpensiveService.service} — ${usd(s.mostExpensiveService.usdPer1000)} per 1,000 ${s.mostExpensiveService.lifecycle} lifecycles (${(s.mostExpensiveService.share * 100).toFixed(0)} % of it).`,
    `Slowest bench section: ${s.slowestBenchSection.section} (${s.slowestBenchSection.seconds.toFixed(1)} s).`,
  ];
}

/** Section 1's details: per lifecycle the price lines and the steps, the round trips per route, every AWS call per step. */
export function costMarkdown(cost: CostResult): string[] {
  const out: string[] = [];
  out.push('## 1. Cost per lifecycle — breakdown', '');
  out.push(`Prices: ${PRICING_REGION} list prices checked ${PRICING_DATE} (infra/pricing.ts), Lambda at ${LAMBDA_MEMORY_MB} MB arm64, no free tier. Averages over ${cost.lifecycles[0]?.runs ?? 0} runs per lifecycle.`, '');
  for (const l of cost.lifecycles) {
    out.push(`### ${l.lifecycle} — ${usd(l.usdPer1000)} per 1,000`, '');
    out.push('| Service | Quantity per lifecycle | Unit | $ per 1,000 lifecycles |', '|---|---:|---|---:|');
    for (const line of l.lines) out.push(`| ${line.service} | ${num(line.quantity, 3)} | ${line.unit} | ${usd(line.usdPer1000)} |`);
    out.push('');
    out.push(
      "| Step | API ms | Transitions | Lambda (API + workflow) | DynamoDB calls (functions + direct) | RRU | WRU by AWS's rules (direct) | of which table · each index | WRU by DynamoDB Local (functions + direct) | Emails | Lambda ms | $ per 1,000 |",
      '|---|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|',
    );
    for (const step of l.steps) {
      const c = step.counters;
      out.push(
        `| ${md(step.step)} | ${ms(step.apiMs)} | ${num(c.stateTransitions)} | ${num(c.apiRequests)} + ${num(c.workflowLambdaInvocations)} | ${num(c.dynamodbCalls + c.directDynamodbCalls)} (${num(c.dynamodbCalls)} + ${num(c.directDynamodbCalls)}) | ${num(c.readUnits + c.directReadUnits)} | ${num(c.awsRule.total)} (${num(c.awsRule.direct)}) | ${awsRuleSplit(c.awsRule)} | ${num(c.writeUnits + c.directWriteUnits)} (${num(c.writeUnits)} + ${num(c.directWriteUnits)}) | ${num(c.emails)} | ${ms(c.lambdaMs)} | ${usd(step.usdPer1000)} |`,
      );
    }
    const d = l.dynamodb;
    out.push(
      '',
      `DynamoDB per lifecycle: **${num(d.calls)} calls** (${num(d.calls - d.directCalls)} by the functions + ${num(d.directCalls)} by the workflows' direct integrations), **${num(d.awsRule.total)} WRU by AWS's rules** (${awsRuleSplit(d.awsRule)}; ${num(d.awsRule.direct)} by the direct integrations; ${num(d.awsRule.assumedIndexDoubling)} of the index units are the ×2 assumed for index writes of transactional items; ${num(d.awsRule.failedWrites)} failed conditional writes billed) — DynamoDB Local counts **${num(d.writeUnits)} WRU** (${num(d.writeUnits - d.directWriteUnits)} + ${num(d.directWriteUnits)} direct) — ${num(d.readUnits)} RRU (DynamoDB Local).`,
      '',
    );
  }
  out.push('### Round trips per route (c=1)', '');
  out.push(
    'The route’s own AWS calls (the API request’s invocation only; its workflow runs elsewhere): sequential rounds (overlapping calls count once), and its latency ÷ the time those calls took (the sum of the rounds’ latencies). n = runs of the lifecycle; ratios are the median of the per-run ratios.',
    '',
    '| Lifecycle | Route | Function | AWS calls | Rounds | Handler p50 ms | Gateway p50 ms | AWS p50 ms (Σ calls) | Handler ÷ AWS | Gateway ÷ AWS | Rounds of the first run |',
    '|---|---|---|---:|---:|---:|---:|---:|---:|---:|---|',
  );
  for (const l of cost.lifecycles) {
    for (const step of l.steps) {
      const rt = step.route;
      if (!rt) continue;
      const shape = `${rt.shape || '(no AWS call)'}${rt.shapes > 1 ? ` (${rt.shapes} different orders seen)` : ''}`;
      out.push(
        `| ${md(shortLifecycle(l.lifecycle))} | ${md(step.step)} | ${rt.fn} | ${spread(rt.calls)} | ${spread(rt.rounds)} | ${ms(rt.handlerMsP50)} | ${ms(rt.gatewayMsP50)} | ${ms(rt.awsMsP50)} (${ms(rt.awsSummedMsP50)}) | ${ratio(rt.handlerOverAws)} | ${ratio(rt.gatewayOverAws)} | ${md(shape)} |`,
      );
    }
  }
  out.push('');
  out.push('### Every AWS call per step (last run)', '', '`direct` = a workflow’s direct DynamoDB integration, run by the Step Functions server; ids in keys are `…`.', '');
  for (const l of cost.lifecycles) {
    out.push(`<details><summary>${l.lifecycle}</summary>`, '');
    for (const step of l.steps) {
      out.push(`**${md(step.step)}**`, '');
      out.push(...(step.calls.length ? step.calls.map((line) => `- ${md(line)}`) : ['- (no AWS call)']), '');
    }
    out.push('</details>', '');
  }
  out.push(...cost.notes.map((n) => `- ${n}`), '');
  return out;
}

export function markdown(r: Results, info: RunInfo, all: Row[], s: Summary): string {
  const out: string[] = [];
  out.push(`# Benchmark results — \`npm run bench\``, '');
  out.push(`Run ${info.startedAt} · ${info.totalSeconds.toFixed(0)} s in all · Node ${info.node} · ${info.cpus} · ${info.platform}. How to read this: bench/README.md.`, '');
  out.push(markdownTable(all), '');
  out.push('## Summary', '', ...summaryLines(s).map((l) => `- ${l}`), '');

  out.push(...costMarkdown(r.cost));
  out.push('## 2. API latency — notes', '', ...r.latency.notes.map((n) => `- ${n}`), '');
  out.push('## 3. Cold start — notes', '', `Bundled ${r.coldStart.functions} functions in ${(r.coldStart.bundleMs / 1000).toFixed(1)} s.`, '', ...r.coldStart.notes.map((n) => `- ${n}`), '');
  out.push(...bundleContributorsTable(r.coldStart), '');
  out.push('## 4. Sweep — details', '');
  out.push('| Pending | Due | Examined | Reminded | Expired | Re-driven | Sweep ms | Handler ms | Query calls | Index RRU | All RRU | WRU | Empty sweep ms | Seeded items | Seeding s | Items/s |', '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const run of r.sweep.runs) {
    out.push(`| ${int(run.pending)} | ${run.due} | ${run.examined} | ${run.reminded} | ${run.expired} | ${run.redriven} | ${int(run.ms)} | ${int(run.handlerMs)} | ${run.queryCalls} | ${num(run.indexReadUnits)} | ${num(run.readUnits)} | ${num(run.writeUnits)} | ${ms(run.emptySweep.ms)} | ${int(run.seeding.items)} | ${(run.seeding.ms / 1000).toFixed(1)} | ${int(run.seeding.itemsPerSecond)} |`);
  }
  out.push('', ...r.sweep.notes.map((n) => `- ${n}`), '');
  out.push('## 5. Throughput — notes', '', ...r.throughput.notes.map((n) => `- ${n}`), '');
  out.push('## Run', '', '| Bench section | Seconds |', '|---|---:|');
  for (const [name, secs] of Object.entries(info.sectionSeconds)) out.push(`| ${name} | ${secs.toFixed(1)} |`);
  out.push(`| total | ${info.totalSeconds.toFixed(1)} |`, '');
  out.push(`## Prices used (infra/pricing.ts, ${PRICING_REGION}, checked ${PRICING_DATE})`, '', '| `PRICES.` | $ per million units | Unit | Source |', '|---|---:|---|---|');
  for (const [name, p] of Object.entries(usedPrices)) out.push(`| \`${name}\` | ${Number((p.usd * 1e6).toPrecision(6))} | ${p.unit} | ${p.source} |`);
  out.push('');
  return out.join('\n');
}
