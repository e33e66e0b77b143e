/**
 * The clock port (ARCHITECTURE principle 6). Everything that needs "now" asks a Clock.
 *
 * On AWS the offset stays 0 and this is the system clock. The local cloud moves it
 * forward through `POST /_local/clock`; the Step Functions server and the scheduler
 * listen for moves so that timeouts and due reminders fire on the local clock.
 */
export interface Clock {
  now(): Date;
}

type AdvanceListener = (now: Date) => void;

let offsetMs = 0;
const listeners = new Set<AdvanceListener>();

export const systemClock: Clock = {
  now: () => new Date(Date.now() + offsetMs),
};

/** Moves the process clock forward (local cloud only). Returns the new time. */
export function advanceClock(seconds: number): Date {
  if (!Number.isFinite(seconds) || seconds < 0) throw new RangeError('the clock only moves forward');
  offsetMs += Math.round(seconds * 1000);
  const now = systemClock.now();
  for (const listener of listeners) listener(now);
  return now;
}

/** Subscribes to clock moves; returns the unsubscribe function. */
export function onClockAdvance(listener: AdvanceListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Milliseconds the local clock is ahead of the wall clock. */
export function clockOffsetMs(): number {
  return offsetMs;
}
