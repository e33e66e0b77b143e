import { beforeEach, describe, expect, it } from 'vitest';
import type { PartnershipRequest, PartnershipWrite, Relationship } from '#domain/partnerships.js';
import { acceptInvitation, createRequest, declineInvitation, requestForLink, resendRequest, revokeRequest } from '#usecases/partnership-request/actions.js';
import { partnershipLifecycle, type PartnershipPorts } from '#usecases/partnership-request/lifecycle.js';
import { loadStep, sweepOne } from '#usecases/lifecycle.js';
import { caller, FakeClock, FakeMailer, FakeWorkflows, FakeWorld, fakeIds, fakeLinks, fakePartners, fakeStore, partner } from '../../support/fakes.js';

const DAY = 86_400;

function setup() {
  const world = new FakeWorld();
  world.partners.set('prov', partner('prov'));
  world.registry.set('4100001', { partnerId: '4100001', legalName: 'Prov', country: 'DE', status: 'active', linkedTenantId: 'prov', updatedAt: '' });
  world.partners.set('res', partner('res', { type: 'indirect_reseller', partnerId: '5100001' }));
  world.partners.set('res-us', partner('res-us', { type: 'indirect_reseller', partnerId: '5100004', region: 'united_states' }));
  const relationships = new Map<string, Relationship>();
  const requests = fakeStore<PartnershipRequest, PartnershipWrite>(world, 'PREQ', (w) => (relationships.set(w.relationship.id, w.relationship), true));
  const mailer = new FakeMailer();
  const workflows = new FakeWorkflows();
  const clock = new FakeClock();
  const ports: PartnershipPorts = {
    requests: { ...requests, ofProvider: async () => ({ items: requests.all() }) },
    relationships: {
      get: async (id) => relationships.get(id),
      of: async () => ({ items: [...relationships.values()] }),
      pairExists: async (p, r) => world.locks.has(`partnership-pair#${p}#${r}`),
      terminate: async () => true,
    },
    partners: fakePartners(world),
    enrollments: { load: async () => undefined },
    links: fakeLinks(world),
    mailer,
    workflows,
    clock,
    ids: fakeIds(),
  };
  return { world, ports, mailer, workflows, clock, relationships, requests };
}

const tokenOf = (link: string) => link.split('/').at(-1)!;

describe('partnership requests on the lifecycle mechanism (fakes)', () => {
  let t: ReturnType<typeof setup>;
  beforeEach(() => {
    t = setup();
  });

  it('PRT-2: creating records the request, its link and lock, and starts the workflow', async () => {
    const { request, link, draft } = await createRequest(t.ports, caller('prov'), { email: 'a@res.example', send: true });
    expect(request.status).toBe('pending');
    expect(draft.body).toContain(link);
    expect(t.workflows.started).toEqual([{ lifecycle: 'partnership-request', name: `${request.id}-g1`, input: { id: request.id, wakeups: 0, next: 'wait_for_response', version: 1, waitSeconds: 30 * 86_400 + 3600 } }]);
    expect(t.mailer.to('a@res.example')).toHaveLength(1);
    expect(t.world.locks.get(`partnership-pending#prov#a@res.example`)).toBe(request.id);
  });

  it('PRT-10: a second pending request to the same address is refused and writes nothing', async () => {
    await createRequest(t.ports, caller('prov'), { email: 'a@res.example', send: true });
    await expect(createRequest(t.ports, caller('prov'), { email: 'A@res.example', send: true })).rejects.toMatchObject({ kind: 'conflict', code: 'request_pending', rule: 'PRT-10' });
    expect(t.requests.all()).toHaveLength(1);
  });

  it('PRT-1: a reseller cannot request partnerships', async () => {
    await expect(createRequest(t.ports, caller('res'), { email: 'a@x.example', send: true })).rejects.toMatchObject({ kind: 'rule', rule: 'PRT-1' });
  });

  it('a recorded request whose workflow could not start is still created (the sweep re-drives it)', async () => {
    t.workflows.failStart = true;
    const { request } = await createRequest(t.ports, caller('prov'), { email: 'a@res.example', send: true });
    expect(t.requests.all().map((r) => r.id)).toEqual([request.id]);
  });

  it('PRT-4/5: accepting creates the relationship, uses the link, wakes the parked workflow; the link is then gone', async () => {
    const { request, link } = await createRequest(t.ports, caller('prov'), { email: 'a@res.example', send: true });
    await t.ports.requests.park(request.id, 'token-1', 1);
    const { relationship: rel } = await acceptInvitation(t.ports, caller('res', ['admin_agent']), tokenOf(link), true);
    expect(rel).toMatchObject({ providerTenantId: 'prov', resellerTenantId: 'res', state: 'active', grants: ['place_orders', 'add_subscriptions', 'delegated_admin'] });
    expect(t.relationships.size).toBe(1);
    expect(t.workflows.woken).toEqual(['token-1']);
    await expect(requestForLink(t.ports, tokenOf(link))).rejects.toMatchObject({ kind: 'gone' });
  });

  it('PRT-6: a reseller of another region is refused and nothing changes', async () => {
    const { link } = await createRequest(t.ports, caller('prov'), { email: 'a@res.example', send: true });
    await expect(acceptInvitation(t.ports, caller('res-us'), tokenOf(link), true)).rejects.toMatchObject({ kind: 'rule', rule: 'PRT-6' });
    expect(t.relationships.size).toBe(0);
  });

  it('PRT-4: without the ticked box nothing is authorised', async () => {
    const { link } = await createRequest(t.ports, caller('prov'), { email: 'a@res.example', send: true });
    await expect(acceptInvitation(t.ports, caller('res'), tokenOf(link), false)).rejects.toMatchObject({ code: 'authorization_required' });
  });

  it('PRT-10: resend kills the old link; revoke kills the current one and frees the address', async () => {
    const { request, link } = await createRequest(t.ports, caller('prov'), { email: 'a@res.example', send: true });
    const resent = await resendRequest(t.ports, caller('prov'), request.id);
    await expect(requestForLink(t.ports, tokenOf(link))).rejects.toMatchObject({ kind: 'gone' });
    await expect(requestForLink(t.ports, tokenOf(resent.link))).resolves.toMatchObject({ request: { id: request.id } });
    await revokeRequest(t.ports, caller('prov'), request.id);
    await expect(requestForLink(t.ports, tokenOf(resent.link))).rejects.toMatchObject({ kind: 'gone' });
    await expect(revokeRequest(t.ports, caller('prov'), request.id)).rejects.toMatchObject({ code: 'request_not_pending' });
    await expect(createRequest(t.ports, caller('prov'), { email: 'a@res.example', send: true })).resolves.toBeDefined();
  });

  it('another provider cannot see or touch a request (404)', async () => {
    t.world.partners.set('prov2', partner('prov2', { partnerId: '4100002' }));
    const { request } = await createRequest(t.ports, caller('prov'), { email: 'a@res.example', send: true });
    await expect(revokeRequest(t.ports, caller('prov2'), request.id)).rejects.toMatchObject({ kind: 'not_found' });
  });

  it('decline uses the link and frees the address', async () => {
    const { link } = await createRequest(t.ports, caller('prov'), { email: 'a@res.example', send: true });
    const declined = await declineInvitation(t.ports, caller('res', ['sales_agent']), tokenOf(link));
    expect(declined.status).toBe('declined');
    expect(t.world.locks.size).toBe(0);
  });

  it('ENR-9/PRT-2: the load step sends the invitation once however often it runs', async () => {
    const { request } = await createRequest(t.ports, caller('prov'), { email: 'a@res.example', send: true });
    const lc = partnershipLifecycle(t.ports);
    expect(await loadStep(lc, request.id, 'done')).toMatchObject({ next: 'wait_for_response', version: 1 });
    await loadStep(lc, request.id, 'done');
    expect(t.mailer.to('a@res.example')).toHaveLength(1);
  });

  it('a failed send gives the mark back: the workflow starts unloaded and its retried step sends it, once', async () => {
    t.mailer.failNext = 1;
    const { request } = await createRequest(t.ports, caller('prov'), { email: 'a@res.example', send: true });
    expect(t.workflows.started[0]?.input).toEqual({ id: request.id, wakeups: 0 });
    const lc = partnershipLifecycle(t.ports);
    t.mailer.failNext = 1;
    await expect(loadStep(lc, request.id, 'done')).rejects.toThrow();
    await loadStep(lc, request.id, 'done');
    await loadStep(lc, request.id, 'done');
    expect(t.mailer.to('a@res.example')).toHaveLength(1);
  });

  it('PRT-10 reminders at days 7 and 21 and expiry at day 30 through the sweep', async () => {
    const { request } = await createRequest(t.ports, caller('prov'), { email: 'a@res.example', send: true });
    const lc = partnershipLifecycle(t.ports);
    const result = { reminded: 0, expired: 0, redriven: 0, examined: 0 };
    t.clock.advance(7 * DAY + 1);
    await sweepOne(lc, request.id, result);
    expect(result.reminded).toBe(1);
    t.clock.advance(14 * DAY);
    await sweepOne(lc, request.id, result);
    expect(result.reminded).toBe(2);
    expect(t.mailer.to('a@res.example')).toHaveLength(3); // the invitation and two reminders
    t.clock.advance(9 * DAY);
    await sweepOne(lc, request.id, result);
    expect(result).toMatchObject({ reminded: 2, expired: 1, redriven: 0 });
    expect((await t.ports.requests.load(request.id))?.entity.status).toBe('expired');
  });

  it('GEN-4: an open request whose execution is gone gets the next generation', async () => {
    const { request } = await createRequest(t.ports, caller('prov'), { email: 'a@res.example', send: true });
    t.workflows.running.clear();
    const result = { reminded: 0, expired: 0, redriven: 0, examined: 0 };
    await sweepOne(partnershipLifecycle(t.ports), request.id, result);
    expect(result.redriven).toBe(1);
    expect(t.workflows.started.at(-1)).toMatchObject({ name: `${request.id}-g2` });
  });

  it('a lost race re-runs the decision on fresh state', async () => {
    const { request } = await createRequest(t.ports, caller('prov'), { email: 'a@res.example', send: true });
    t.world.failNextCommits = 2;
    const revoked = await revokeRequest(t.ports, caller('prov'), request.id);
    expect(revoked.status).toBe('revoked');
  });
});
