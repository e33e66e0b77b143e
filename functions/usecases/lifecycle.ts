/**
 * The lifecycle mechanism, once for every lifecycle (ARCHITECTURE "Lifecycles"): record an
 * action with a conditional write → wake or start the workflow → send the email a state
 * owes once → remind/expire through the due index → re-drive a stranded entity (GEN-4).
 * A lifecycle instantiates it with a `Lifecycle` definition: its store, its steps, its
 * messages and its due actions. See docs/adding-a-lifecycle.md.
 */
import type { LifecycleEntity } from '#domain/history.js';
import { recordChange } from '#domain/history.js';
import type { Due, LoadResult, SweepResult } from '#domain/lifecycle.js';
import { hashToken, isLive, isWellFormedToken, type LinkKind } from '#domain/links.js';
import { readStateOf, type Clock, type CommonWrite, type LifecycleName, type LifecycleStore, type Links, type Stored, type Workflows } from '#domain/ports.js';
import { conflict, linkGone, notFound, Refused } from '#domain/refusal.js';
import { logger } from '#lib/observability.js';

export interface LifecyclePorts<T, W> {
  store: LifecycleStore<T, W>;
  workflows: Workflows;
  clock: Clock;
}

/** What a decision returns: the next state and the writes it implies. */
export interface Change<T, W = never> {
  next: T;
  /** Writes that happen atomically with the change (links, locks, the lifecycle's own). */
  writes?: (CommonWrite | W)[];
  /** Wake the workflow after the write (principle 1). Default true. */
  wake?: boolean;
}

export type Decide<T, W> = (current: Stored<T>, now: string) => Change<T, W> | Promise<Change<T, W>>;
/** Maps a lost race (a condition that did not hold) to the refusal the caller should see, if any. */
export type OnLostRace = () => Refused | undefined | Promise<Refused | undefined>;

const nowOf = (clock: Clock) => clock.now().toISOString();

/**
 * Applies a change to a versioned entity: `decide` reads the current state and returns the
 * next one (or throws the refusal); the commit is conditional on the version read, so a
 * concurrent change makes `decide` run again on fresh state. Then the parked workflow is woken.
 */
export async function changeEntity<T extends LifecycleEntity, W>(
  p: LifecyclePorts<T, W>,
  what: string,
  id: string,
  decide: Decide<T, W>,
  onLostRace?: OnLostRace,
): Promise<{ before: Stored<T>; after: T }> {
  for (let attempt = 0; attempt < 4; attempt++) {
    const stored = await p.store.load(id);
    if (!stored) throw notFound(what);
    const change = await decide(stored, nowOf(p.clock));
    const committed = await p.store.commit(change.next, readStateOf(stored), change.writes ?? []);
    if (!committed) {
      const refusal = await onLostRace?.();
      if (refusal) throw refusal;
      continue;
    }
    if (change.wake !== false) await p.workflows.wake(stored.parkedToken);
    return { before: stored, after: change.next };
  }
  throw conflict('concurrent_update', 'The resource changed concurrently; nothing was changed. Retry.');
}

/**
 * Records a new entity with the writes it implies, then starts its workflow. A condition
 * that does not hold (a lock, a unique key) is answered with `onTaken`'s refusal. A workflow
 * that cannot be started is not an error: recorded is recorded, the sweep re-drives it (GEN-4).
 */
export async function startEntity<T extends LifecycleEntity, W>(lc: Lifecycle<T, W, string, string>, entity: T, writes: (CommonWrite | W)[], onTaken: () => Refused): Promise<T> {
  if (!(await lc.store.create(entity, writes))) throw onTaken();
  try {
    await startLoaded(lc as unknown as AnyLifecycle<T>, entity.id, entity.execution.name);
  } catch (error) {
    logger.error('could not start the workflow', { lifecycle: lc.name, id: entity.id, error: error as Error });
  }
  return entity;
}

/**
 * A lifecycle: its store and workflow, what each state owes (a step, an email), and what
 * falls due. Created per function from the ports it needs (see `<lifecycle>/lifecycle.ts`).
 */
export interface Lifecycle<T extends LifecycleEntity, W, Step extends string, DueAction extends string> extends LifecyclePorts<T, W> {
  name: LifecycleName;
  /** The entity's word in errors (`notFound`). */
  what: string;
  /** The workflow's next step from the recorded state (principle 1). */
  nextStep(entity: T): Step;
  /** The callback's TimeoutSeconds: a backstop behind the sweep. */
  waitSeconds(entity: T, now: string): number;
  /** The notification the state owes ('' for none); the same key is sent once. */
  owedNotification(entity: T): string;
  send(entity: T, notification: string): Promise<void>;
  /** Still going: GEN-4 re-drives an open entity whose execution is gone. */
  isOpen(entity: T): boolean;
  nextDue(entity: T, now: string): Due<DueAction> | undefined;
  /** Does what fell due (a reminder, an expiry) and says which it was, if it did anything. */
  onDue(id: string, action: DueAction, stored: Stored<T>): Promise<'reminded' | 'expired' | undefined>;
  /** The workflow's timeout backstop: expires the entity if it is overdue. */
  expireIfOverdue(id: string, actor: string): Promise<boolean>;
  /**
   * A step that needs no signal, only code (an enrollment's activation): done inside the
   * Load step, which then reads again — no extra state and no extra invocation. Answers
   * whether it changed anything.
   */
  advance?(id: string, entity: T): Promise<boolean>;
}

type AnyLifecycle<T extends LifecycleEntity> = Lifecycle<T, never, string, string>;

/** Applies a change through the lifecycle's store (see changeEntity). */
export const change = <T extends LifecycleEntity, W>(lc: Lifecycle<T, W, string, string>, id: string, decide: Decide<T, W>, onLostRace?: OnLostRace) =>
  changeEntity(lc, lc.what, id, decide, onLostRace);

/**
 * ENR-9 / PRT-5: sends the email a state owes at most once. The mark is claimed with a
 * compare-and-set before sending, so a repeated or concurrent step sends nothing twice; a
 * failed send gives the claim back for the retry.
 */
export async function notifyOnce(owed: string, previous: string | undefined, mark: (next: string, previous: string | undefined) => Promise<boolean>, send: () => Promise<void>): Promise<void> {
  if (owed === '' || previous === owed || !(await mark(owed, previous))) return;
  try {
    await send();
  } catch (error) {
    await mark(previous ?? '', owed).catch(() => undefined);
    throw error;
  }
}

/**
 * The workflow's "Load" step: reads the entity, sends what its state owes once, does any
 * step that needs only code (then reads again), and answers the next step with the version
 * it read.
 */
export async function loadStep<T extends LifecycleEntity, Step extends string>(lc: Lifecycle<T, never, Step, string> | AnyLifecycle<T>, id: string, done: Step): Promise<LoadResult<Step>> {
  for (let round = 0; round < 3; round++) {
    const stored = await lc.store.load(id);
    if (!stored) return { next: done, version: 0, waitSeconds: 60 };
    const e = stored.entity;
    // What this state owes is told before the state moves on (ENR-9: every state is told).
    await notifyOnce(lc.owedNotification(e), stored.notified, (next, previous) => lc.store.markNotified(id, next, previous), () => lc.send(e, lc.owedNotification(e)));
    if (lc.advance && (await lc.advance(id, e))) continue;
    return { next: lc.nextStep(e) as Step, version: e.version, waitSeconds: lc.waitSeconds(e, nowOf(lc.clock)) };
  }
  throw conflict('concurrent_update', 'The entity kept changing while it was loaded.');
}

/**
 * Starts an entity's execution already loaded: the caller's invocation sends the first
 * email its state owes and the workflow begins at its routing, saving a Load invocation.
 * If that fails (the mail service is throttled), the execution starts unloaded and loads
 * itself — a recorded action never fails for it.
 */
async function startLoaded<T extends LifecycleEntity>(lc: AnyLifecycle<T>, id: string, executionName: string): Promise<void> {
  let loaded: LoadResult<string> | undefined;
  try {
    loaded = await loadStep(lc, id, 'done');
  } catch (error) {
    logger.warn('could not load before starting; the workflow loads itself', { lifecycle: lc.name, id, error: error as Error });
  }
  await lc.workflows.start(lc.name, executionName, { id, wakeups: 0, ...(loaded ?? {}) });
}

/**
 * GEN-4: an open entity whose execution is gone gets a new one — the next generation,
 * recorded first — which picks up from the recorded state. Answers whether it re-drove.
 */
export async function redriveIfStranded<T extends LifecycleEntity>(lc: AnyLifecycle<T>, id: string): Promise<boolean> {
  const stored = await lc.store.load(id);
  const e = stored?.entity;
  if (!e || !lc.isOpen(e) || (await lc.workflows.isRunning(lc.name, e.execution.name))) return false;
  const { after } = await change(lc, id, ({ entity: current }, now) => {
    const generation = current.execution.generation + 1;
    const next = recordChange(current, { now, actor: 'system:sweep', action: 'workflow.redriven', note: `generation ${generation}` }, { execution: { generation, name: `${current.id}-g${generation}` } } as Partial<T>);
    return { next, wake: false };
  });
  await startLoaded(lc, id, after.execution.name);
  return true;
}

/** The sweep's part for one entity: what fell due, or moving the due time on; then GEN-4's re-drive. */
export async function sweepOne<T extends LifecycleEntity>(lc: AnyLifecycle<T>, id: string, result: SweepResult): Promise<void> {
  const stored = await lc.store.load(id);
  if (!stored) return;
  const now = nowOf(lc.clock);
  const due = lc.nextDue(stored.entity, now);
  if (due && due.at <= now && due.action !== 'liveness_check') {
    const did = await lc.onDue(id, due.action, stored);
    if (did === 'reminded') result.reminded++;
    if (did === 'expired') {
      result.expired++;
      await lc.workflows.wake(stored.parkedToken);
    }
  } else {
    // Only the liveness check (GEN-4) was due, or the index entry is stale: rewriting
    // the index attributes moves the item's due time on to its next real one.
    await change(lc, id, ({ entity }) => ({ next: entity, wake: false }));
  }
  if (await redriveIfStranded(lc, id)) result.redriven++;
}

/**
 * Works through what the lifecycle's due index says is due now, page by page, each item
 * once, up to `budget` items; one item's failure is logged and does not stop the others.
 */
export async function drainDue<T extends LifecycleEntity>(lc: AnyLifecycle<T>, result: SweepResult, budget: number): Promise<void> {
  const seen = new Set<string>();
  while (seen.size < budget) {
    const fresh = (await lc.store.due(nowOf(lc.clock), 100)).filter((id) => !seen.has(id));
    if (fresh.length === 0) return;
    for (const id of fresh) {
      seen.add(id);
      result.examined++;
      try {
        await sweepOne(lc, id, result);
      } catch (error) {
        logger.error('sweep failed', { lifecycle: lc.name, id, error: error as Error });
      }
    }
  }
}

/** Expires an entity if `isOverdue` holds on fresh state; false when it no longer does. */
export async function expireIf<T extends LifecycleEntity, W>(lc: Lifecycle<T, W, string, string>, id: string, isOverdue: (e: T, now: string) => boolean, expire: Decide<T, W>): Promise<boolean> {
  const stored = await lc.store.load(id);
  if (!stored || !isOverdue(stored.entity, nowOf(lc.clock))) return false;
  try {
    await change(lc, id, (current, now) => {
      if (!isOverdue(current.entity, now)) throw notOverdue;
      return expire(current, now);
    });
    return true;
  } catch (error) {
    if (error === notOverdue) return false;
    throw error;
  }
}
const notOverdue = conflict('not_overdue', 'Not overdue any more.');

/**
 * ENR-7 / PRT-10: the entity a live emailed link belongs to — a well-formed token, a stored
 * link of this kind, unused and unexpired, and still the entity's current link. Anything
 * else is gone, whatever the cause (one neutral answer). Reads only: GET changes nothing.
 */
export async function entityForLink<T>(
  p: { links: Links; clock: Clock },
  kind: LinkKind,
  token: string,
  load: (id: string) => Promise<Stored<T> | undefined>,
  isCurrent: (entity: T, hash: string, now: string) => boolean,
): Promise<{ entity: T; hash: string }> {
  if (!isWellFormedToken(token)) throw linkGone();
  const hash = hashToken(token);
  const now = nowOf(p.clock);
  const link = await p.links.find(hash);
  if (!isLive(link, kind, now)) throw linkGone();
  const entity = (await load(link.subjectId))?.entity;
  if (entity === undefined || !isCurrent(entity, hash, now)) throw linkGone();
  return { entity, hash };
}
