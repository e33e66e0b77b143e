/**
 * Sequential round trips of one invocation, from the start/end times of its AWS calls.
 * Pure (no clock, no I/O), so it is unit-tested on its own.
 *
 * A call's round is 1 + the highest round among the calls that had ended when it started:
 * the rounds are the longest chain of calls each waiting for the previous one (the critical
 * path counted in calls). Calls in flight together — a `Promise.all`, a BatchGetItem beside a
 * GetItem — are one round. A call that starts exactly when another ended waited for it.
 *
 * (Merging every group of overlapping calls into one round instead would depend on timing: a
 * call that waits for A while a long, parallel B still runs would join A's round in one run and
 * start its own in the next.)
 */
export interface Interval {
  start: number;
  end: number;
}

export interface RoundTrips {
  /** AWS calls made. */
  calls: number;
  /** Sequential rounds (calls in flight together count once). */
  rounds: number;
  /** Sum of every call's latency. */
  summedMs: number;
  /** Time covered by at least one call (the union of the intervals): the time spent waiting on AWS. */
  coveredMs: number;
}

function checked<T extends Interval>(calls: readonly T[]): T[] {
  for (const c of calls) {
    if (!Number.isFinite(c.start) || !Number.isFinite(c.end) || c.end < c.start) throw new RangeError(`not an interval: ${c.start}–${c.end}`);
  }
  return [...calls].sort((a, b) => a.start - b.start || a.end - b.end);
}

/** The calls by round, first round first (each round's calls by start). */
export function groupRounds<T extends Interval>(calls: readonly T[]): T[][] {
  const sorted = checked(calls);
  const depth: number[] = [];
  const groups: T[][] = [];
  for (const [i, c] of sorted.entries()) {
    let d = 1;
    // Only earlier-starting calls can have ended by the time this one starts.
    for (let j = 0; j < i; j++) if (sorted[j]!.end <= c.start) d = Math.max(d, depth[j]! + 1);
    depth.push(d);
    (groups[d - 1] ??= []).push(c);
  }
  return groups;
}

export function roundTrips(calls: readonly Interval[]): RoundTrips {
  const sorted = checked(calls);
  let coveredMs = 0;
  let summedMs = 0;
  let spanStart = Number.NaN;
  let spanEnd = Number.NEGATIVE_INFINITY;
  for (const c of sorted) {
    summedMs += c.end - c.start;
    if (c.start < spanEnd) {
      spanEnd = Math.max(spanEnd, c.end);
      continue;
    }
    if (spanEnd > Number.NEGATIVE_INFINITY) coveredMs += spanEnd - spanStart;
    spanStart = c.start;
    spanEnd = c.end;
  }
  if (spanEnd > Number.NEGATIVE_INFINITY) coveredMs += spanEnd - spanStart;
  return { calls: calls.length, rounds: groupRounds(calls).length, summedMs, coveredMs };
}

/** The union of intervals, merged and in time order. */
export function union(intervals: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  for (const c of checked(intervals)) {
    const last = out[out.length - 1];
    if (last && c.start <= last.end) last.end = Math.max(last.end, c.end);
    else out.push({ start: c.start, end: c.end });
  }
  return out;
}

/**
 * Time covered by `extra` and by none of `covered`: how much of an invocation's time the
 * bench's own work (section 1's image reads around each write, aws-trace.ts) added — where it
 * ran beside one of the invocation's own calls, the invocation was waiting on that call anyway.
 */
export function uncoveredMs(extra: readonly Interval[], covered: readonly Interval[]): number {
  const busy = union(covered);
  let ms = 0;
  for (const e of union(extra)) {
    let length = e.end - e.start;
    for (const c of busy) length -= Math.max(0, Math.min(e.end, c.end) - Math.max(e.start, c.start));
    ms += length;
  }
  return ms;
}
