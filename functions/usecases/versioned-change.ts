import { isConditionFailed } from '#adapters/dynamodb/client.js';
import { transact } from '#adapters/dynamodb/enrollments.js';
import type { ReadState, TransactItem } from '#adapters/dynamodb/versioned.js';
import { wakeWorkflow } from '#adapters/sfn/workflows.js';
import { systemClock } from '#lib/clock.js';
import { conflict } from '#lib/errors.js';

export interface Change<T> {
  next: T;
  /** Further writes that must happen atomically with the change (links, locks, partner). */
  with?: TransactItem[];
  /** Wake the workflow after the write (ARCHITECTURE principle 1). Default true. */
  wake?: boolean;
}

export interface VersionedStore<T, R extends { waitToken?: string }> {
  load(id: string): Promise<R>;
  entity(record: R): T & { version: number };
  update(next: T, read: ReadState, now: string): TransactItem;
}

/**
 * Applies a change to a versioned entity: `decide` reads the current state and returns
 * the next one (or throws the refusal); the write is conditional on the version read, so
 * a concurrent change makes `decide` run again on fresh state. Then the workflow parked
 * on the entity is woken.
 */
export async function changeVersioned<T, R extends { waitToken?: string }>(
  store: VersionedStore<T, R>,
  id: string,
  decide: (current: R, now: string) => Change<T> | Promise<Change<T>>,
  onLostRace?: (error: unknown) => Error | undefined | Promise<Error | undefined>,
): Promise<{ before: R; after: T }> {
  for (let attempt = 0; attempt < 4; attempt++) {
    const record = await store.load(id);
    const now = systemClock.now().toISOString();
    const change = await decide(record, now);
    try {
      await transact([store.update(change.next, { version: store.entity(record).version, waitToken: record.waitToken }, now), ...(change.with ?? [])]);
    } catch (error) {
      if (!isConditionFailed(error)) throw error;
      const mapped = await onLostRace?.(error);
      if (mapped) throw mapped;
      continue;
    }
    if (change.wake !== false) await wakeWorkflow(record.waitToken);
    return { before: record, after: change.next };
  }
  throw conflict('concurrent_update', 'The resource changed concurrently; nothing was changed. Retry.');
}
