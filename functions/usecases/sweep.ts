import type { SweepResult } from '#domain/lifecycle.js';
import type { LifecycleEntity } from '#domain/history.js';
import type { DueIndex } from '#domain/ports.js';
import { drainDue, type Lifecycle } from './lifecycle.js';

const MAX_PER_RUN = 1000;

/**
 * The scheduled job: reminders, deadlines and GEN-4 re-drive of every lifecycle, for the
 * entities the sparse due index says are due now.
 */
export async function sweep(lifecycles: { lifecycle: Lifecycle<LifecycleEntity, never, string, string>; due: DueIndex }[]): Promise<SweepResult> {
  const result: SweepResult = { reminded: 0, expired: 0, redriven: 0, examined: 0 };
  for (const { lifecycle, due } of lifecycles) await drainDue(lifecycle, due, result, MAX_PER_RUN);
  return result;
}

export type { SweepResult };
