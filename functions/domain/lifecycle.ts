/**
 * The workflow contract of every lifecycle: the Lambda step of `workflows/<name>.asl.json`
 * answers `{next, version, waitSeconds}`, and the workflow's "Route By Step" Choice routes
 * on `next`. Each lifecycle declares its steps as a const tuple; a test ties them to the
 * Choice values of its workflow file, and every Choice `Default` is a `Fail` state.
 */
export interface LoadResult<Step extends string> {
  next: Step;
  version: number;
  waitSeconds: number;
}

/** What a sweep did, summed over every lifecycle. */
export interface SweepResult {
  reminded: number;
  expired: number;
  redriven: number;
  /** Items read from the due index: grows with what is due, never with what exists. */
  examined: number;
}

/** Something due at a time: a reminder, an expiry, or only GEN-4's liveness check. */
export interface Due<A extends string> {
  at: string;
  action: A | 'liveness_check';
}

/** The next of several candidate due times, or undefined when none. */
export function earliest<A extends string>(candidates: (Due<A> | undefined)[]): Due<A> | undefined {
  return candidates.filter((d): d is Due<A> => d !== undefined).sort((a, b) => a.at.localeCompare(b.at))[0];
}
