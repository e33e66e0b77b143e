import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LocalTimers } from '../../infra/local/stepfunctions/local-timers.js';

/** The local cloud's timers run on the local clock; Node fires timers over 2^31-1 ms at once. */
describe('local-clock timers', () => {
  beforeEach(() => vi.useFakeTimers({ now: new Date('2026-11-30T00:00:00Z') }));
  afterEach(() => vi.useRealTimers());

  const clock = () => {
    let offset = 0;
    const listeners = new Set<(now: Date) => void>();
    return {
      now: () => new Date(Date.now() + offset),
      onAdvance: (l: (now: Date) => void) => (listeners.add(l), () => listeners.delete(l)),
      advance(ms: number) {
        offset += ms;
        for (const l of listeners) l(new Date(Date.now() + offset));
      },
    };
  };

  it('a 30-day timer does not fire after 25 days of real time, and fires at 30', () => {
    const c = clock();
    const timers = new LocalTimers(c);
    let fired = 0;
    timers.at(Date.now() + 30 * 86_400_000, () => fired++);
    vi.advanceTimersByTime(25 * 86_400_000);
    expect(fired).toBe(0);
    vi.advanceTimersByTime(5 * 86_400_000 + 1);
    expect(fired).toBe(1);
  });

  it('fires when the local clock moves past the deadline, once', () => {
    const c = clock();
    const timers = new LocalTimers(c);
    let fired = 0;
    timers.at(Date.now() + 86_400_000, () => fired++);
    c.advance(86_400_000 + 1);
    vi.advanceTimersByTime(10);
    expect(fired).toBe(1);
    c.advance(86_400_000);
    expect(fired).toBe(1);
  });
});
