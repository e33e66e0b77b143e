/**
 * The ports: what the program needs from the outside world, in the program's words.
 * Use cases depend on these interfaces only; `functions/adapters/` implements them for
 * AWS (DynamoDB, SES, Step Functions, Secrets/SSM, Cognito), unit tests use in-memory
 * fakes (`test/support/fakes.ts`). Each handler is the composition root of its function:
 * it passes the adapters its use case needs, and nothing else ends up in its bundle.
 */
import type { IssuedLink, LinkKind, LinkRecord } from './links.js';
import type { HistoryEntry, Partner, RegistryEntry } from './partners.js';

/** ARCHITECTURE principle 6: everything that needs "now" asks the clock. */
export interface Clock {
  now(): Date;
}

export interface Ids {
  /** A resource id such as `enr_4fQ…`. */
  newId(prefix: string): string;
}

export type SecretName = 'vetting-webhook' | 'link-signing';

export interface Secrets {
  get(name: SecretName): Promise<string>;
}

/** Looks emailed links up: all a link's view page needs (no key, no writes). */
export interface LinkLookup {
  /** What is stored under a token's hash, if anything. Reads only. */
  find(hash: string): Promise<LinkRecord | undefined>;
}

/** Emailed links: issue and look up (the pure half is `#domain/links.js`). */
export interface Links extends LinkLookup {
  /** A new link: 256 bits, of which only the hash and the nonce are stored. */
  issue(kind: LinkKind): Promise<IssuedLink>;
  /** The token of a stored nonce again (a reminder names the same link). */
  tokenOf(kind: LinkKind, nonce: string): Promise<string>;
  /** The absolute URL a person clicks. */
  url(kind: LinkKind, token: string): string;
}

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Tags handed back on bounce/complaint events. */
  tags?: Record<string, string>;
}

export interface Mailer {
  send(email: OutgoingEmail): Promise<string>;
}

/** The lifecycles, each with its workflow (`workflows/<name>.asl.json`). */
export type LifecycleName = 'enrollment' | 'partnership-request' | 'customer-invitation' | 'order';

/** The workflow signaller: start, wake a parked wait, ask whether an execution runs. */
export interface Workflows {
  /** Starts an execution; one of that name already running counts as started. */
  start(lifecycle: LifecycleName, executionName: string, input: Record<string, unknown>): Promise<void>;
  /**
   * Wakes the workflow parked on `token` with `state`, its next input: with `next` the waker
   * did the Load step's work and the workflow routes at once; without, it loads. A resolved
   * or unknown token is not an error (principle 3).
   */
  wake(token: string | undefined, state: WakeState): Promise<boolean>;
  /** GEN-4 liveness. */
  isRunning(lifecycle: LifecycleName, executionName: string): Promise<boolean>;
}

/** A woken workflow's input: the entity's id and, when the waker loaded it, where it goes next. */
export interface WakeState {
  id: string;
  next?: string;
  version?: number;
  waitSeconds?: number;
}

/** An entity as stored, with what the workflow wrote beside it. */
export interface Stored<T> {
  entity: T;
  /** The task token a waiting workflow parked on the entity. */
  parkedToken?: string;
  /** The last notification sent (send-once mark). */
  notified?: string;
  /** The store's own record of what it read (opaque here): a commit writes only what changed. */
  snapshot?: Readonly<Record<string, unknown>>;
}

/** A commit that happened, with the store's record of the item it left (see Stored.snapshot). */
export interface Committed {
  snapshot?: Readonly<Record<string, unknown>>;
}

/** What a change read: the version, the parked token and how much of the audit trail existed then. */
export interface ReadState {
  version: number;
  parkedToken: string | undefined;
  /** GEN-1 is append-only: a commit stores only the entries beyond this many. */
  historyLength: number;
  /** The send-once mark read: a commit that claims a notification requires it unchanged. */
  notified: string | undefined;
  snapshot?: Readonly<Record<string, unknown>>;
}

/** The read state of a stored entity. */
export const readStateOf = (stored: Stored<{ version: number; history?: readonly unknown[] }>): ReadState => ({
  version: stored.entity.version,
  parkedToken: stored.parkedToken,
  historyLength: stored.entity.history?.length ?? 0,
  notified: stored.notified,
  ...(stored.snapshot ? { snapshot: stored.snapshot } : {}),
});

/** A uniqueness lock: held by one owner until released. */
export type LockKind = 'partnership-pending' | 'partnership-pair' | 'customer-tenant' | 'customer-invitation-pending' | 'order-submit' | 'customer-domain';
export interface Lock {
  kind: LockKind;
  id: string;
}

/** Writes every lifecycle may commit atomically with a change of its entity. */
export type CommonWrite =
  | { type: 'link.issue'; hash: string; link: LinkRecord }
  /** ENR-7 single use: fails the change unless the link is unused and unexpired at `now`. */
  | { type: 'link.delete'; hash: string }
  /** Fails the change if the lock is held. `expiresAt` lets the table forget it. */
  | { type: 'lock.take'; lock: Lock; owner: string; expiresAt?: string }
  | { type: 'lock.release'; lock: Lock };

export interface Page<T> {
  items: T[];
  /** Opaque position of the next page, if any. */
  next?: Record<string, unknown>;
}

/** Reads a lifecycle's entities: all a read-only route needs (GET changes nothing). */
export interface LifecycleReader<T> {
  load(id: string): Promise<Stored<T> | undefined>;
}

/**
 * The lifecycle store's writes: an entity with a version, committed atomically with the
 * writes its change implies (links, locks, the lifecycle's own writes `W`) and the index
 * attributes its state implies (lists, the `due` index). Every method answers false when a
 * condition did not hold (a concurrent change, a held lock, a used link) and changed nothing.
 */
export interface LifecycleWriter<T, W = never> {
  /**
   * `claim`: the notification the entity's state owes (ENR-9), marked sent by the same
   * write, so the invocation that records the state sends it (send-once, as markNotified).
   */
  create(entity: T, writes: readonly (CommonWrite | W)[], claim?: string): Promise<boolean>;
  /**
   * Answers false when a condition did not hold, else what was committed: the store's record
   * of the item as it now is (`Stored.snapshot`), so a change that follows decides on it
   * without reading again.
   */
  commit(next: T, read: ReadState, writes: readonly (CommonWrite | W)[], claim?: string): Promise<false | Committed>;
  /** Parks a workflow's task token if the entity is still at the version the workflow read. */
  park(id: string, taskToken: string, expectVersion: number): Promise<boolean>;
  /** Marks notification `next` sent, if the last mark is still `previous` (send-once). */
  markNotified(id: string, next: string, previous: string | undefined): Promise<boolean>;
}

/** The lifecycle store: what a change reads and writes. */
export interface LifecycleStore<T, W = never> extends LifecycleReader<T>, LifecycleWriter<T, W> {}

/** A lifecycle's sparse due index; only the sweep reads it. */
export interface DueIndex {
  /** Ids the sparse due index says are due at `now`: grows with what is due, never with what exists. */
  due(now: string, limit: number): Promise<string[]>;
}

/** Partner profiles and the operator's partner ID registry, read only. */
export interface PartnerReader {
  get(tenantId: string): Promise<Partner | undefined>;
  getMany(tenantIds: string[]): Promise<Map<string, Partner>>;
  registryEntry(partnerId: string): Promise<RegistryEntry | undefined>;
  /** A partner ID's registry entry and a tenant's profile, read together (one round trip, one call). */
  registryEntryAndProfile(partnerId: string, tenantId: string): Promise<{ registry: RegistryEntry | undefined; partner: Partner | undefined }>;
}

/** Partners and the operator's partner ID registry. */
export interface Partners extends PartnerReader {
  putRegistryEntry(entry: Omit<RegistryEntry, 'linkedTenantId'>): Promise<RegistryEntry>;
  /** Creates an operator-onboarded partner and links its partner ID; false if either is taken. */
  createOnboarded(partner: Partner): Promise<boolean>;
  /** Records an agreement acceptance on the partner profile; false if it changed meanwhile. */
  recordAgreement(tenantId: string, acceptance: PartnerAgreement, entry: HistoryEntry): Promise<boolean>;
}

export interface PartnerAgreement {
  accepted: true;
  version: string;
  acceptedAt: string;
  acceptedBy: string;
  ipAddress: string;
  userAgent: string;
}

/** Writes to partner profiles and the registry, committed with an entity's change. */
export type PartnerWrite =
  | { type: 'partner.status'; tenantId: string; status: Partner['status']; entry: HistoryEntry; adminAgent?: string }
  | {
      type: 'partner.agreement';
      tenantId: string;
      acceptance: PartnerAgreement;
      entry: HistoryEntry;
      /** MPA-4: the acceptance that completes an enrollment also activates the partner (one write of the profile). */
      activation?: { entry: HistoryEntry; adminAgent: string };
    };
