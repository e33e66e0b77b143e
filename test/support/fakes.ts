/**
 * In-memory fakes of the domain's ports, for unit tests of use cases (no local cloud).
 * One `FakeWorld` holds every item; a commit applies all its writes or none, with the
 * same conditions the DynamoDB adapters put on them (version, parked token, held locks,
 * single-use links).
 */
import { createHash, randomBytes } from 'node:crypto';
import type { LinkRecord } from '#domain/links.js';
import type { Partner, RegistryEntry } from '#domain/partners.js';
import type { Clock, CommonWrite, DueIndex, Ids, LifecycleName, LifecycleStore, Links, Mailer, OutgoingEmail, Partners, PartnerWrite, ReadState, Stored, WakeState, Workflows } from '#domain/ports.js';

type Row = { entity: unknown; parkedToken?: string; notified?: string };

export class FakeWorld {
  rows = new Map<string, Row>();
  locks = new Map<string, string>();
  links = new Map<string, LinkRecord>();
  partners = new Map<string, Partner>();
  registry = new Map<string, RegistryEntry>();
  extra = new Map<string, unknown>();
  /** Fails the next N commits as a lost race would (a concurrent change). */
  failNextCommits = 0;

  /** Runs `apply` as one transaction: all of it or (on false) none of it. */
  transaction(apply: () => boolean): boolean {
    const snapshot = structuredClone({ rows: [...this.rows], locks: [...this.locks], links: [...this.links], partners: [...this.partners], registry: [...this.registry], extra: [...this.extra] });
    if (apply()) return true;
    this.rows = new Map(snapshot.rows);
    this.locks = new Map(snapshot.locks);
    this.links = new Map(snapshot.links);
    this.partners = new Map(snapshot.partners);
    this.registry = new Map(snapshot.registry);
    this.extra = new Map(snapshot.extra);
    return false;
  }

  applyCommon(write: CommonWrite): boolean {
    switch (write.type) {
      case 'link.issue':
        if (this.links.has(write.hash)) return false;
        this.links.set(write.hash, structuredClone(write.link));
        return true;
      case 'link.delete':
        this.links.delete(write.hash);
        return true;
      case 'lock.take': {
        const key = `${write.lock.kind}#${write.lock.id}`;
        if (this.locks.has(key)) return false;
        this.locks.set(key, write.owner);
        return true;
      }
      case 'lock.release':
        this.locks.delete(`${write.lock.kind}#${write.lock.id}`);
        return true;
    }
  }

  applyPartner(write: PartnerWrite): boolean {
    const partner = this.partners.get(write.tenantId);
    if (!partner) return false;
    if (write.type === 'partner.status') {
      partner.status = write.status;
      partner.history.push(write.entry);
      if (write.adminAgent) partner.adminAgents = [write.adminAgent];
    } else {
      if (partner.agreement.accepted && partner.agreement.version === write.acceptance.version) return false;
      partner.agreement = { ...write.acceptance };
      partner.history.push(write.entry);
      if (write.activation) {
        partner.status = 'active';
        partner.history.push(write.activation.entry);
        partner.adminAgents = [write.activation.adminAgent];
      }
    }
    return true;
  }
}

const isCommon = (w: { type: string }): w is CommonWrite => w.type.startsWith('link.') || w.type.startsWith('lock.');

/** A lifecycle store on the world; `apply` handles the lifecycle's own writes (false = condition failed). */
export function fakeStore<T extends { id: string; version: number }, W extends { type: string } = never>(
  world: FakeWorld,
  prefix: string,
  apply: (write: W, world: FakeWorld) => boolean = () => {
    throw new Error('no writes of this lifecycle expected');
  },
  due: (entity: T, now: string) => { at: string } | undefined = () => undefined,
): LifecycleStore<T, W> & DueIndex & { all(): T[] } {
  const key = (id: string) => `${prefix}#${id}`;
  const writesApply = (writes: readonly (CommonWrite | W)[]) => writes.every((w) => (isCommon(w) ? world.applyCommon(w) : apply(w as W, world)));
  return {
    async load(id) {
      const row = world.rows.get(key(id));
      return row ? (structuredClone(row) as Stored<T>) : undefined;
    },
    async create(entity, writes, claim) {
      return world.transaction(() => {
        if (world.rows.has(key(entity.id))) return false;
        world.rows.set(key(entity.id), { entity: structuredClone(entity), ...(claim === undefined ? {} : { notified: claim }) });
        return writesApply(writes);
      });
    },
    async commit(next, read: ReadState, writes, claim) {
      if (world.failNextCommits > 0) {
        world.failNextCommits--;
        return false;
      }
      return world.transaction(() => {
        const row = world.rows.get(key(next.id));
        if (!row || (row.entity as T).version !== read.version || row.parkedToken !== read.parkedToken) return false;
        if (claim !== undefined && row.notified !== read.notified) return false;
        row.entity = structuredClone(next);
        if (claim !== undefined) row.notified = claim;
        return writesApply(writes);
      }) && {};
    },
    async park(id, taskToken, expectVersion) {
      const row = world.rows.get(key(id));
      if (!row || (row.entity as T).version !== expectVersion) return false;
      row.parkedToken = taskToken;
      return true;
    },
    async markNotified(id, next, previous) {
      const row = world.rows.get(key(id));
      if (!row || row.notified !== previous) return false;
      row.notified = next;
      return true;
    },
    async due(now) {
      return [...world.rows.entries()]
        .filter(([k, row]) => k.startsWith(`${prefix}#`) && (due(row.entity as T, now)?.at ?? '9999') <= now)
        .map(([, row]) => (row.entity as T).id);
    },
    all: () => [...world.rows.entries()].filter(([k]) => k.startsWith(`${prefix}#`)).map(([, row]) => row.entity as T),
  };
}

export class FakeClock implements Clock {
  constructor(public current = new Date('2026-11-30T10:00:00.000Z')) {}
  now() {
    return new Date(this.current);
  }
  advance(seconds: number) {
    this.current = new Date(this.current.getTime() + seconds * 1000);
  }
}

export const fakeIds = (): Ids => {
  let n = 0;
  return { newId: (prefix) => `${prefix}_${String(++n).padStart(6, '0')}` };
};

export const fakeLinks = (world: FakeWorld): Links => ({
  async issue() {
    const token = randomBytes(32).toString('base64url');
    return { token, hash: createHash('sha256').update(token).digest('hex'), nonce: `nonce-${token}` };
  },
  tokenOf: async (_kind, nonce) => nonce.replace(/^nonce-/, ''),
  url: (kind, token) => `https://program.test/${kind}/${token}`,
  find: async (hash) => structuredClone(world.links.get(hash)),
});

export class FakeMailer implements Mailer {
  sent: OutgoingEmail[] = [];
  failNext = 0;
  async send(email: OutgoingEmail) {
    if (this.failNext > 0) {
      this.failNext--;
      throw Object.assign(new Error('Throttling'), { name: 'TooManyRequestsException' });
    }
    this.sent.push(email);
    return `msg-${this.sent.length}`;
  }
  to(address: string) {
    return this.sent.filter((m) => m.to === address);
  }
}

export class FakeWorkflows implements Workflows {
  started: { lifecycle: LifecycleName; name: string; input: Record<string, unknown> }[] = [];
  woken: string[] = [];
  /** What each wake handed the workflow, in order. */
  wakeStates: WakeState[] = [];
  running = new Set<string>();
  failStart = false;
  async start(lifecycle: LifecycleName, name: string, input: Record<string, unknown>) {
    if (this.failStart) throw new Error('StartExecution failed');
    this.started.push({ lifecycle, name, input });
    this.running.add(name);
  }
  async wake(token: string | undefined, state: WakeState) {
    if (!token) return false;
    this.woken.push(token);
    this.wakeStates.push(state);
    return true;
  }
  async isRunning(_lifecycle: LifecycleName, name: string) {
    return this.running.has(name);
  }
}

export const fakePartners = (world: FakeWorld): Partners => ({
  get: async (tenantId) => structuredClone(world.partners.get(tenantId)),
  getMany: async (ids) => new Map(ids.filter((id) => world.partners.has(id)).map((id) => [id, structuredClone(world.partners.get(id)!)])),
  registryEntry: async (partnerId) => structuredClone(world.registry.get(partnerId.toUpperCase())),
  registryEntryAndProfile: async (partnerId, tenantId) => ({ registry: structuredClone(world.registry.get(partnerId.toUpperCase())), partner: structuredClone(world.partners.get(tenantId)) }),
  putRegistryEntry: async (entry) => {
    const stored = { ...entry, ...(world.registry.get(entry.partnerId)?.linkedTenantId ? { linkedTenantId: world.registry.get(entry.partnerId)!.linkedTenantId! } : {}) };
    world.registry.set(entry.partnerId, stored);
    return stored;
  },
  createOnboarded: async (partner) =>
    world.transaction(() => {
      const entry = world.registry.get(partner.partnerId);
      if (world.partners.has(partner.tenantId) || !entry || entry.status !== 'active' || entry.linkedTenantId) return false;
      entry.linkedTenantId = partner.tenantId;
      world.partners.set(partner.tenantId, structuredClone(partner));
      return true;
    }),
  recordAgreement: async (tenantId, acceptance, entry) => world.transaction(() => world.applyPartner({ type: 'partner.agreement', tenantId, acceptance, entry })),
});

/** A partner profile for tests. */
export function partner(tenantId: string, patch: Partial<Partner> = {}): Partner {
  return {
    tenantId,
    type: 'indirect_provider',
    status: 'active',
    partnerId: '4100001',
    region: 'europe',
    company: { legalName: `${tenantId} GmbH`, address: { line1: 'Main Street 1', city: 'Berlin', postalCode: '10115', country: 'DE' } },
    primaryContact: { firstName: 'Pat', lastName: 'Partner', email: `admin@${tenantId}.example` },
    agreement: { accepted: true, version: '2026-10' },
    adminAgents: [],
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    history: [],
    ...patch,
  };
}

export const caller = (tenantId: string, roles: ('global_admin' | 'admin_agent' | 'sales_agent' | 'user_admin' | 'operator')[] = ['global_admin'], tenantCountry = 'DE') => ({
  sub: `sub-${tenantId}`,
  email: `user@${tenantId}.example`,
  tenantId,
  tenantCountry,
  roles,
});
