import { systemClock } from '#lib/clock.js';
import { logger } from '#lib/observability.js';

export interface SweepResult {
  reminded: number;
  expired: number;
  redriven: number;
  /** Items read from the due index: grows with what is due, never with what exists. */
  examined: number;
}

/**
 * Works through what a sparse due index says is due now, page by page, each item once,
 * up to `budget` items; one item's failure is logged and does not stop the others.
 */
export async function drainDue(
  what: string,
  dueNow: (now: string, limit: number) => Promise<string[]>,
  handle: (id: string) => Promise<void>,
  result: SweepResult,
  budget: number,
): Promise<void> {
  const seen = new Set<string>();
  while (seen.size < budget) {
    const fresh = (await dueNow(systemClock.now().toISOString(), 100)).filter((id) => !seen.has(id));
    if (fresh.length === 0) return;
    for (const id of fresh) {
      seen.add(id);
      result.examined++;
      try {
        await handle(id);
      } catch (error) {
        logger.error(`sweep failed for ${what}`, { id, error: error as Error });
      }
    }
  }
}
