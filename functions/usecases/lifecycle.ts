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
import { readStateOf, type Clock, type CommonWrite, type DueIndex, type LifecycleName, type LifecycleStore, type LinkLookup, type Stored, type Workflows } from '#domain/ports.js';
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

export interface ChangeOptions<T> {
  onLostRace?: OnLostRace;
  /** The entity as the caller already read it: the first attempt decides on it without reading again. */
  read?: Stored<T>;
  /** ENR-9: the notification a state owes; the commit claims it when it differs from the mark read. */
  owed?: (entity: T) => string;
}

/** A committed change: the state read, the state written, and the notification the write claimed. */
export interface Committed<T> {
  before: Stored<T>;
  after: T;
  /** The entity as it is stored now. */
  stored: Stored<T>;
  claimed: string | undefined;
  wake: boolean;
}

/** A change through a lifecycle: committed, its email sent, and the Load step's answer (unless an email is still owed). */
export type Changed<T> = Committed<T> & { loaded: LoadResult<string> | undefined };

const nowOf = (clock: Clock) => clock.now().toISOString();

/**
 * Applies a change to a versioned entity: `decide` reads the current state and returns the
 * next one (or throws the refusal); the commit is conditional on the version read, so a
 * concurrent change makes `decide` run again on fresh state. The commit also claims the
 * notification the next state owes (`owed`), for the caller to send.
 */
export async function changeEntity<T extends LifecycleEntity, W>(p: LifecyclePorts<T, W>, what: string, id: string, decide: Decide<T, W>, options: ChangeOptions<T> = {}): Promise<Committed<T>> {
  for (let attempt = 0; attempt < 4; attempt++) {
    const stored = attempt === 0 && options.read ? options.read : await p.store.load(id);
    if (!stored) throw notFound(what);
    const change = await decide(stored, nowOf(p.clock));
    const owed = options.owed?.(change.next) ?? '';
    const claim = owed !== '' && owed !== stored.notified ? owed : undefined;
    const committed = await p.store.commit(change.next, readStateOf(stored), change.writes ?? [], claim);
    if (!committed) {
      const refusal = await options.onLostRace?.();
      if (refusal) throw refusal;
      continue;
    }
    const after: Stored<T> = {
      entity: change.next,
      ...(stored.parkedToken === undefined ? {} : { parkedToken: stored.parkedToken }),
      ...((claim ?? stored.notified) === undefined ? {} : { notified: claim ?? stored.notified }),
      ...(committed.snapshot ? { snapshot: committed.snapshot } : {}),
    };
    return { before: stored, after: change.next, stored: after, claimed: claim, wake: change.wake !== false };
  }
  throw conflict('concurrent_update', 'The resource changed concurrently; nothing was changed. Retry.');
}

/**
 * Records a new entity with the writes it implies — claiming the notification it owes —
 * then sends that, and starts its workflow already loaded. A condition that does not hold
 * (a lock, a unique key) is answered with `onTaken`'s refusal. A workflow that cannot be
 * started is not an error: recorded is recorded, the sweep re-drives it (GEN-4).
 */
export async function startEntity<T extends LifecycleEntity, W>(lc: Lifecycle<T, W, string, string>, entity: T, writes: (CommonWrite | W)[], onTaken: () => Refused): Promise<T> {
  const owed = lc.owedNotification(entity);
  const claim = owed === '' ? undefined : owed;
  if (!(await lc.store.create(entity, writes, claim))) throw onTaken();
  const { loaded } = await proceed(lc as unknown as AnyLifecycle<T>, { entity, ...(claim === undefined ? {} : { notified: claim }) }, claim, undefined);
  try {
    await lc.workflows.start(lc.name, entity.execution.name, { id: entity.id, wakeups: 0, ...(loaded ?? {}) });
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
   * A step that needs no signal, only code (an enrollment's activation): done right after
   * the change that makes it due (or inside the Load step) — no extra state and no extra
   * invocation. Answers the change it made, if any.
   */
  advance?(stored: Stored<T>): Promise<Changed<T> | undefined>;
  /**
   * The same step, folded into the change that makes it due (one write instead of two),
   * when the state in between owes no email of its own. Pure.
   */
  fold?(change: Change<T, W>, now: string): Change<T, W>;
}

/** Any lifecycle, whatever its own writes (`fold` is the one member that returns them). */
type AnyLifecycle<T extends LifecycleEntity> = Omit<Lifecycle<T, never, string, string>, 'fold'>;

/**
 * Applies a change through the lifecycle's store (see changeEntity), then finishes the
 * Load step's work in the same invocation: sends the notification the commit claimed, does
 * what needs only code (`advance`), and wakes the parked workflow with where it goes next —
 * no Load invocation, no second read. If the email cannot be sent, the claim is given back
 * and the workflow is woken to load and send it itself (with its retries).
 */
export async function change<T extends LifecycleEntity, W>(lc: Lifecycle<T, W, string, string>, id: string, decide: Decide<T, W>, options: Omit<ChangeOptions<T>, 'owed'> = {}): Promise<Changed<T>> {
  const fold = lc.fold;
  const decideAndFold: Decide<T, W> = fold
    ? async (current, now) => {
        const made = await decide(current, now);
        const owedBetween = lc.owedNotification(made.next);
        return owedBetween === '' || owedBetween === current.notified ? fold(made, now) : made;
      }
    : decide;
  const committed = await changeEntity(lc, lc.what, id, decideAndFold, { ...options, owed: (e) => lc.owedNotification(e) });
  const { stored, loaded } = await proceed(lc as unknown as AnyLifecycle<T>, committed.stored, committed.claimed, committed.before.notified);
  if (committed.wake) await lc.workflows.wake(committed.before.parkedToken, { id, ...(loaded ?? {}) });
  return { ...committed, stored, loaded };
}

/**
 * After a commit: sends the notification it claimed (giving the claim back if that fails),
 * then advances. Answers the entity as stored and — unless an email is still owed — the
 * Load step's answer for it.
 */
async function proceed<T extends LifecycleEntity>(lc: AnyLifecycle<T>, stored: Stored<T>, claimed: string | undefined, previous: string | undefined): Promise<{ stored: Stored<T>; loaded: LoadResult<string> | undefined }> {
  const id = stored.entity.id;
  if (claimed !== undefined) {
    try {
      await lc.send(stored.entity, claimed);
    } catch (error) {
      logger.warn('could not send the owed email; the workflow sends it', { lifecycle: lc.name, id, error: error as Error });
      await lc.store.markNotified(id, previous ?? '', claimed).catch(() => undefined);
      const { notified: _claimed, ...rest } = stored;
      return { stored: { ...rest, ...(previous === undefined ? {} : { notified: previous }) }, loaded: undefined };
    }
  }
  const advanced = await lc.advance?.(stored);
  if (advanced) return advanced;
  return { stored, loaded: { next: lc.nextStep(stored.entity), version: stored.entity.version, waitSeconds: lc.waitSeconds(stored.entity, nowOf(lc.clock)) } };
}

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
 * The workflow's "Load" step, for when no invocation did its work (the first email could
 * not be sent, a wake without a state, a timeout, a re-drive): reads the entity, sends what
 * its state owes once, does any step that needs only code, and answers the next step with
 * the version it read.
 */
export async function loadStep<T extends LifecycleEntity, Step extends string>(lc: Omit<Lifecycle<T, never, Step, string>, 'fold'> | AnyLifecycle<T>, id: string, done: Step): Promise<LoadResult<Step>> {
  let known: Stored<T> | undefined;
  for (let round = 0; round < 3; round++) {
    const stored = known ?? (await lc.store.load(id));
    known = undefined;
    if (!stored) return { next: done, version: 0, waitSeconds: 60 };
    const e = stored.entity;
    // What this state owes is told before the state moves on (ENR-9: every state is told).
    await notifyOnce(lc.owedNotification(e), stored.notified, (next, previous) => lc.store.markNotified(id, next, previous), () => lc.send(e, lc.owedNotification(e)));
    const advanced = await lc.advance?.({ ...stored, notified: lc.owedNotification(e) || stored.notified } as Stored<T>);
    if (advanced) {
      known = advanced.stored;
      continue;
    }
    return { next: lc.nextStep(e) as Step, version: e.version, waitSeconds: lc.waitSeconds(e, nowOf(lc.clock)) };
  }
  throw conflict('concurrent_update', 'The entity kept changing while it was loaded.');
}

/**
 * GEN-4: an open entity whose execution is gone gets a new one — the next generation,
 * recorded first — which picks up from the recorded state. Answers whether it re-drove.
 */
export async function redriveIfStranded<T extends LifecycleEntity>(lc: AnyLifecycle<T>, id: string): Promise<boolean> {
  const stored = await lc.store.load(id);
  const e = stored?.entity;
  if (!e || !lc.isOpen(e) || (await lc.workflows.isRunning(lc.name, e.execution.name))) return false;
  const { after, loaded } = await change(
    lc,
    id,
    ({ entity: current }, now) => {
      const generation = current.execution.generation + 1;
      const next = recordChange(current, { now, actor: 'system:sweep', action: 'workflow.redriven', note: `generation ${generation}` }, { execution: { generation, name: `${current.id}-g${generation}` } } as Partial<T>);
      return { next, wake: false };
    },
    stored ? { read: stored } : {},
  );
  await lc.workflows.start(lc.name, after.execution.name, { id, wakeups: 0, ...(loaded ?? {}) });
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
    // An expiry is a change: it woke the workflow already.
    if (did === 'expired') result.expired++;
  } else {
    // Only the liveness check (GEN-4) was due, or the index entry is stale: rewriting
    // the index attributes moves the item's due time on to its next real one.
    await change(lc, id, ({ entity }) => ({ next: entity, wake: false }), { read: stored });
  }
  if (await redriveIfStranded(lc, id)) result.redriven++;
}

/**
 * Works through what the lifecycle's due index says is due now, page by page, each item
 * once, up to `budget` items; one item's failure is logged and does not stop the others.
 * The index is passed apart from the lifecycle: only the sweep reads it.
 */
export async function drainDue<T extends LifecycleEntity>(lc: AnyLifecycle<T>, index: DueIndex, result: SweepResult, budget: number): Promise<void> {
  const seen = new Set<string>();
  while (seen.size < budget) {
    const fresh = (await index.due(nowOf(lc.clock), 100)).filter((id) => !seen.has(id));
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
    await change(
      lc,
      id,
      (current, now) => {
        if (!isOverdue(current.entity, now)) throw notOverdue;
        return expire(current, now);
      },
      { read: stored },
    );
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
  p: { links: LinkLookup; clock: Clock },
  kind: LinkKind,
  token: string,
  load: (id: string) => Promise<Stored<T> | undefined>,
  isCurrent: (entity: T, hash: string, now: string) => boolean,
): Promise<{ entity: T; hash: string; stored: Stored<T> }> {
  if (!isWellFormedToken(token)) throw linkGone();
  const hash = hashToken(token);
  const now = nowOf(p.clock);
  const link = await p.links.find(hash);
  if (!isLive(link, kind, now)) throw linkGone();
  const stored = await load(link.subjectId);
  if (stored === undefined || !isCurrent(stored.entity, hash, now)) throw linkGone();
  // `stored` lets an answer through the link decide on this read (no second read).
  return { entity: stored.entity, hash, stored };
}
