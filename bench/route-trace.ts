/**
 * Section 1's view of the AWS call trace (aws-trace.ts): per route, the sequential round
 * trips of its own AWS calls and how its latency compares with the time those calls took;
 * per step, every AWS call the step caused (the route's, the workflow functions', the
 * workflows' direct integrations), as one line each.
 */
import type { TracedCall, TracedInvocation } from './aws-trace.js';
import { groupRounds, roundTrips, uncoveredMs } from './rounds.js';
import { describeUnits } from './wru-rules.js';
import { median } from './stats.js';

/** One run of one route: the API request's invocation and its own AWS calls. */
export interface RouteSample {
  fn: string;
  calls: number;
  rounds: number;
  /** The handler invocation, from the gateway's call to its answer (middy chain included), less the bench's own image reads. */
  handlerMs: number;
  /** The request as the bench's client saw it, through the local HTTP gateway. */
  gatewayMs: number;
  /** Time covered by the route's own AWS calls (the sum of its rounds' latencies). */
  awsMs: number;
  /** Plain sum of the calls' latencies (more than `awsMs` when calls overlap). */
  awsSummedMs: number;
  /** The bench's own image reads around the route's writes (section 1), taken out of handlerMs and gatewayMs. */
  benchMs: number;
  /** The rounds, e.g. `DynamoDB.GetItem + DynamoDB.GetItem → DynamoDB.TransactWriteItems`. */
  shape: string;
}

export interface RouteRoundTrips {
  fn: string;
  samples: number;
  /** AWS calls and sequential rounds: the median run, and the lowest and highest seen (equal when it reproduces). */
  calls: { median: number; min: number; max: number };
  rounds: { median: number; min: number; max: number };
  handlerMsP50: number;
  gatewayMsP50: number;
  awsMsP50: number;
  awsSummedMsP50: number;
  /** Median over the runs of handler ms ÷ AWS ms (NaN for a route without AWS calls). */
  handlerOverAws: number;
  /** Median over the runs of gateway ms ÷ AWS ms. */
  gatewayOverAws: number;
  /** The rounds of the first run, and how many different ones the runs showed. */
  shape: string;
  shapes: number;
}

const label = (c: TracedCall) => `${c.service}.${c.command}`;

/** The route's own sample from the calls and invocations of one step (one API request, alone). */
export function routeSample(invocations: readonly TracedInvocation[], calls: readonly TracedCall[], gatewayMs: number): RouteSample | undefined {
  const http = invocations.filter((i) => i.source === 'http');
  if (http.length !== 1) return undefined;
  const inv = http[0]!;
  const own = calls.filter((c) => c.invocation === inv.id);
  const r = roundTrips(own);
  // The bench's image reads around each write (section 1) are not the route's time.
  const benchMs = uncoveredMs(
    own.flatMap((c) => (c.benchIntervals ?? []).map(([start, end]) => ({ start, end }))),
    own,
  );
  return {
    fn: inv.fn,
    calls: r.calls,
    rounds: r.rounds,
    handlerMs: inv.end - inv.start - benchMs,
    gatewayMs: gatewayMs - benchMs,
    awsMs: r.coveredMs,
    awsSummedMs: r.summedMs,
    benchMs,
    shape: groupRounds(own)
      .map((g) => g.map(label).join(' + '))
      .join(' → '),
  };
}

export function summarizeRoute(samples: readonly RouteSample[]): RouteRoundTrips {
  const spread = (values: number[]) => ({ median: median(values), min: Math.min(...values), max: Math.max(...values) });
  const ratio = (pick: (s: RouteSample) => number) => median(samples.filter((s) => s.awsMs > 0).map((s) => pick(s) / s.awsMs));
  return {
    fn: samples[0]!.fn,
    samples: samples.length,
    calls: spread(samples.map((s) => s.calls)),
    rounds: spread(samples.map((s) => s.rounds)),
    handlerMsP50: median(samples.map((s) => s.handlerMs)),
    gatewayMsP50: median(samples.map((s) => s.gatewayMs)),
    awsMsP50: median(samples.map((s) => s.awsMs)),
    awsSummedMsP50: median(samples.map((s) => s.awsSummedMs)),
    handlerOverAws: ratio((s) => s.handlerMs),
    gatewayOverAws: ratio((s) => s.gatewayMs),
    shape: samples[0]!.shape,
    shapes: new Set(samples.map((s) => s.shape)).size,
  };
}

/**
 * Every AWS call of a step, one line each, in the order they started: who made it (the
 * function, or `direct` for a workflow's direct integration), the call, and for DynamoDB the
 * capacity (per table/index) and the items it touched.
 */
export function callLines(invocations: readonly TracedInvocation[], calls: readonly TracedCall[]): string[] {
  const fnOf = new Map(invocations.map((i) => [i.id, i.fn]));
  return [...calls]
    .sort((a, b) => a.start - b.start)
    .map((c) => {
      const who = c.invocation === undefined ? 'direct' : (fnOf.get(c.invocation) ?? '?');
      const head = `${who}: ${label(c)}${c.ok ? '' : ` ✗ ${c.error ?? ''}`}`;
      if (c.service !== 'DynamoDB') return head;
      const units = c.writeUnits ? `${c.writeUnits} WRU` : `${c.readUnits} RRU`;
      const by = c.unitsBy ? ` (${Object.entries(c.unitsBy).map(([k, v]) => `${k} ${v}`).join(', ')})` : '';
      const ops = (c.ops ?? []).map((o) => {
        const attrs = o.attributes ? (o.attributes.length > 4 ? ` [${o.attributes.length} attributes]` : ` [${o.attributes.join(', ')}]`) : '';
        return `${o.op} ${o.key}${o.index ? ` @${o.index}` : ''}${o.bytes ? ` ${o.bytes} B` : ''}${attrs}`;
      });
      const items = ops.length > 1 ? ` ${ops.length} items:` : '';
      const returned = c.returned === undefined ? '' : ` → ${c.returned} items`;
      const awsRule = c.awsRule === undefined ? '' : ` — by AWS's rules: ${describeUnits(c.awsRule)}`;
      return `${head} ${units}${by}${items} ${ops.join('; ')}${returned}${awsRule}`;
    });
}
