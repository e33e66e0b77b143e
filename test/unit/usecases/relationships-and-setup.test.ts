import { beforeEach, describe, expect, it } from 'vitest';
import type { Relationship } from '#domain/partnerships.js';
import { listRelationships, operatorTerminate, readRelationship, removeRelationship, type RelationshipPorts } from '#usecases/relationships.js';
import { onboardPartner, registerPartnerId } from '#usecases/operator-setup.js';
import { sweep } from '#usecases/sweep.js';
import type { Lifecycle } from '#usecases/lifecycle.js';
import type { LifecycleEntity } from '#domain/history.js';
import { caller, FakeClock, FakeWorld, fakePartners, partner } from '../../support/fakes.js';

const relationship = (patch: Partial<Relationship> = {}): Relationship => ({
  id: 'rel_1',
  providerTenantId: 'prov',
  resellerTenantId: 'res',
  providerPartnerId: '4100001',
  resellerPartnerId: '5100001',
  providerName: 'Prov',
  resellerName: 'Res',
  region: 'europe',
  state: 'active',
  grants: ['place_orders', 'add_subscriptions', 'delegated_admin'],
  requestId: 'preq_1',
  authorizedBy: { sub: 's', email: 'e' },
  createdAt: '2026-01-01T00:00:00.000Z',
  history: [],
  ...patch,
});

describe('relationships (fakes)', () => {
  let world: FakeWorld;
  let rels: Map<string, Relationship>;
  let p: RelationshipPorts;
  beforeEach(() => {
    world = new FakeWorld();
    world.partners.set('res', partner('res', { type: 'indirect_reseller', agreement: { accepted: false } }));
    rels = new Map([['rel_1', relationship()]]);
    p = {
      relationships: {
        get: async (id) => structuredClone(rels.get(id)),
        of: async (side, tenantId) => ({ items: [...rels.values()].filter((r) => (side === 'provider' ? r.providerTenantId : r.resellerTenantId) === tenantId) }),
        pairExists: async () => true,
        terminate: async (next) => (rels.get(next.id)?.state === 'active' ? (rels.set(next.id, next), true) : false),
      },
      partners: fakePartners(world),
      clock: new FakeClock(),
    };
  });

  it('PRT-5: each side lists its own; PRT-7 carries the reseller profile for canTransact', async () => {
    expect((await listRelationships(p, caller('prov'), 'indirect_reseller', 'active', 10)).items).toHaveLength(1);
    expect((await listRelationships(p, caller('res'), 'indirect_provider', 'active', 10)).items[0]?.reseller?.agreement.accepted).toBe(false);
    expect((await listRelationships(p, caller('other'), 'indirect_reseller', 'active', 10)).items).toHaveLength(0);
  });

  it('a stranger learns nothing (404); the operator sees any', async () => {
    await expect(readRelationship(p, caller('other'), 'rel_1')).rejects.toMatchObject({ kind: 'not_found' });
    await expect(readRelationship(p, caller('op', ['operator']), 'rel_1')).resolves.toBeDefined();
  });

  it('PRT-9: the reseller cannot remove it; PRT-8: the provider needs confirmation and attestation', async () => {
    await expect(removeRelationship(p, caller('res'), 'rel_1', { confirm: true, attestation: true })).rejects.toMatchObject({ kind: 'forbidden', rule: 'PRT-9' });
    await expect(removeRelationship(p, caller('prov', ['sales_agent']), 'rel_1', { confirm: true, attestation: true })).rejects.toMatchObject({ kind: 'forbidden', rule: 'PRT-8' });
    await expect(removeRelationship(p, caller('prov'), 'rel_1', { confirm: true, attestation: false })).rejects.toMatchObject({ rule: 'PRT-8', param: 'attestation' });
    expect(rels.get('rel_1')?.state).toBe('active');
    const removed = await removeRelationship(p, caller('prov'), 'rel_1', { confirm: true, attestation: true, reason: 'ended' });
    expect(removed.relationship).toMatchObject({ state: 'terminated' });
    expect(removed.relationship.history.at(-1)?.note).toContain('good faith');
    await expect(operatorTerminate(p, caller('op', ['operator']), 'rel_1', { reason: 'again' })).rejects.toMatchObject({ code: 'relationship_not_active' });
  });
});

describe('operator setup (fakes)', () => {
  it('TYP-2: resellers self-enroll; ENR-3: the partner ID must be active and of the country; the tenant once', async () => {
    const world = new FakeWorld();
    const p = { partners: fakePartners(world), clock: new FakeClock() };
    await registerPartnerId(p, '4100009', { legalName: 'Dist', country: 'DE', status: 'active' });
    const body = { tenantId: 't1', type: 'indirect_provider' as const, partnerId: '4100009', company: partner('t1').company, primaryContact: partner('t1').primaryContact };
    await expect(onboardPartner(p, caller('op', ['operator']), { ...body, type: 'indirect_reseller' })).rejects.toMatchObject({ rule: 'TYP-2' });
    await expect(onboardPartner(p, caller('op', ['operator']), { ...body, company: { ...body.company, address: { ...body.company.address, country: 'SE' } } })).rejects.toMatchObject({ rule: 'ENR-3' });
    expect(await onboardPartner(p, caller('op', ['operator']), body)).toMatchObject({ status: 'active', agreement: { accepted: false } });
    await expect(onboardPartner(p, caller('op', ['operator']), body)).rejects.toMatchObject({ kind: 'conflict' });
  });
});

describe('sweep', () => {
  it('drains every lifecycle it is given and sums what each did', async () => {
    const touched: string[] = [];
    const fake = (name: string, ids: string[]) => ({
      lifecycle: {
        name,
        what: name,
        // sweepOne reads each id; a missing entity is skipped, so record the reads instead.
        store: { load: async (id: string) => (touched.push(id), undefined) },
        workflows: {},
        clock: new FakeClock(),
      } as unknown as Lifecycle<LifecycleEntity, never, string, string>,
      due: { due: async () => ids.filter((id) => !touched.includes(id)) },
    });
    const a = fake('enrollment', ['a1', 'a2']);
    const b = fake('partnership-request', ['b1']);
    const result = await sweep([a, b]);
    expect(result.examined).toBe(3);
    expect(touched).toEqual(['a1', 'a2', 'b1']);
  });
});
