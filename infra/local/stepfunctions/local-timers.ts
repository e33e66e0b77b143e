/**
 * Timers on the local clock: they fire when `clock.now()` reaches their deadline, whether
 * the clock got there by moving forward (`onAdvance`) or by real time passing.
 *
 * One real `setTimeout` is armed for the earliest deadline, capped at 2^31-1 ms (Node fires
 * longer timers immediately), and re-armed after each check.
 */

/** The clock the server runs on; `onAdvance` reports jumps forward and returns an unsubscribe. */
export interface LocalClock {
  now(): Date;
  onAdvance(listener: (now: Date) => void): () => void;
}

/** A pending local-clock timer. */
export interface LocalTimer {
  /** Moves the deadline (heartbeats); has no effect once fired or cancelled. */
  reschedule(atMs: number): void;
  cancel(): void;
}

interface Entry {
  atMs: number;
  fire: () => void;
}

const MAX_REAL_DELAY_MS = 2 ** 31 - 1;

/** Schedules callbacks against a local clock. */
export class LocalTimers {
  private readonly entries = new Set<Entry>();
  private realTimer: NodeJS.Timeout | undefined;
  private armedForMs = Number.POSITIVE_INFINITY;
  private readonly unsubscribe: () => void;

  constructor(private readonly clock: LocalClock) {
    this.unsubscribe = clock.onAdvance(() => this.fireDue());
  }

  /** The local clock's time. */
  now(): Date {
    return this.clock.now();
  }

  /** Milliseconds since the epoch on the local clock. */
  nowMs(): number {
    return this.clock.now().getTime();
  }

  /** Calls `fire` once, when the local clock reaches `atMs`. */
  at(atMs: number, fire: () => void): LocalTimer {
    const entry: Entry = { atMs, fire };
    this.entries.add(entry);
    if (atMs <= this.nowMs()) queueMicrotask(() => this.fireDue());
    else if (atMs < this.armedForMs) this.arm(atMs);
    const timers = this;
    return {
      reschedule(newAtMs: number) {
        if (!timers.entries.has(entry)) return;
        entry.atMs = newAtMs;
        if (newAtMs < timers.armedForMs) timers.arm(newAtMs);
      },
      cancel() {
        timers.entries.delete(entry);
      },
    };
  }

  /** Stops listening to the clock and drops every pending timer without firing it. */
  close(): void {
    this.unsubscribe();
    this.entries.clear();
    clearTimeout(this.realTimer);
    this.realTimer = undefined;
    this.armedForMs = Number.POSITIVE_INFINITY;
  }

  private fireDue(): void {
    const now = this.nowMs();
    const due: Entry[] = [];
    let earliest = Number.POSITIVE_INFINITY;
    for (const entry of this.entries) {
      if (entry.atMs <= now) due.push(entry);
      else earliest = Math.min(earliest, entry.atMs);
    }
    for (const entry of due) this.entries.delete(entry);
    this.arm(earliest);
    for (const entry of due) entry.fire();
  }

  private arm(atMs: number): void {
    clearTimeout(this.realTimer);
    this.realTimer = undefined;
    this.armedForMs = atMs;
    if (atMs === Number.POSITIVE_INFINITY) return;
    const delay = Math.min(Math.max(atMs - this.nowMs(), 0), MAX_REAL_DELAY_MS);
    this.realTimer = setTimeout(() => this.fireDue(), delay);
    this.realTimer.unref();
  }
}
