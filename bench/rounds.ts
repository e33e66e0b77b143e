/**
 * Sequential round trips of one invocation, from the start/end times of its AWS calls.
 * Pure (no clock, no I/O), so it is unit-tested on its own.
 *
 * Calls whose intervals overlap run in parallel and count as one round; a round is a
 * maximal group of calls connected by overlap (A overlaps B and B overlaps C: one round,
 * even if A and C do not overlap). A call that starts exactly when another ended waited
 * for it: two rounds.
 */
export interface Interval {
  start: number;
  end: number;
}

export interface RoundTrips {
  /** AWS calls made. */
  calls: number;
  /** Sequential rounds (overlapping calls count once). */
  rounds: number;
  /** Sum of every call's latency. */
  summedMs: number;
  /** Time covered by at least one call (the union of the intervals): the time spent waiting on AWS. */
  coveredMs: number;
}

/** The calls grouped into rounds, in time order (each group sorted by start). */
export function groupRounds<T extends Interval>(calls: readonly T[]): T[][] {
  for (const c of calls) {
    if (!Number.isFinite(c.start) || !Number.isFinite(c.end) || c.end < c.start) throw new RangeError(`not an interval: ${c.start}–${c.end}`);
  }
  const sorted = [...calls].sort((a, b) => a.start - b.start || a.end - b.end);
  const groups: T[][] = [];
  let groupEnd = Number.NEGATIVE_INFINITY;
  for (const c of sorted) {
    const current = groups.at(-1);
    if (current && c.start < groupEnd) {
      current.push(c);
      groupEnd = Math.max(groupEnd, c.end);
    } else {
      groups.push([c]);
      groupEnd = c.end;
    }
  }
  return groups;
}

export function roundTrips(calls: readonly Interval[]): RoundTrips {
  const groups = groupRounds(calls);
  let coveredMs = 0;
  let summedMs = 0;
  for (const group of groups) {
    coveredMs += Math.max(...group.map((c) => c.end)) - group[0]!.start;
    for (const c of group) summedMs += c.end - c.start;
  }
  return { calls: calls.length, rounds: groups.length, summedMs, coveredMs };
}
