import { beforeEach, describe, expect, it } from 'vitest';
import type { Customer } from '#domain/customers.js';
import type { CustomerInvitation, CustomerInvitationWrite } from '#domain/customer-invitations.js';
import {
  acceptCustomerInvitation,
  createCustomerInvitation,
  declineCustomerInvitation,
  invitationOfLink,
  resendCustomerInvitation,
  revokeCustomerInvitation,
  type CustomerInvitationInput,
} from '#usecases/customer-invitation/actions.js';
import { customerInvitationLifecycle, type CustomerInvitationPorts } from '#usecases/customer-invitation/lifecycle.js';
import { loadStep, sweepOne } from '#usecases/lifecycle.js';
import { caller, FakeClock, FakeMailer, FakeWorkflows, FakeWorld, fakeIds, fakeLinks, fakePartners, fakeStore, partner } from '../../support/fakes.js';

const DAY = 86_400;

/** The customer writes of an acceptance, applied with the same conditions as the DynamoDB adapter's. */
function applyCustomerWrite(w: CustomerInvitationWrite, world: FakeWorld): boolean {
  switch (w.type) {
    case 'customer.create':
      if (world.rows.has(`CUSTOMER#${w.customer.id}`)) return false;
      world.rows.set(`CUSTOMER#${w.customer.id}`, { entity: structuredClone(w.customer) });
      return true;
    case 'customer.update': {
      const row = world.rows.get(`CUSTOMER#${w.customer.id}`);
      if (!row || (row.entity as Customer).version !== w.read.version) return false;
      row.entity = structuredClone(w.customer);
      return true;
    }
    case 'customer.relate': {
      const key = `CREL#${w.customer.id}#${w.relationship.partnerTenantId}`;
      if (world.extra.has(key)) return false;
      world.extra.set(key, structuredClone(w.relationship));
      return true;
    }
  }
}

function setup() {
  const world = new FakeWorld();
  world.partners.set('prov', partner('prov'));
  world.partners.set('prov2', partner('prov2', { partnerId: '4100002', company: { legalName: 'Second Provider GmbH', address: { line1: 'A 1', city: 'Köln', postalCode: '50667', country: 'DE' } } }));
  world.partners.set('res', partner('res', { type: 'indirect_reseller', partnerId: '5100001' }));
  world.partners.set('res-other', partner('res-other', { type: 'indirect_reseller', partnerId: '5100002' }));
  world.partners.set('direct', partner('direct', { type: 'direct_bill', partnerId: '6100001' }));
  world.partners.set('res-enrolling', partner('res-enrolling', { type: 'indirect_reseller', partnerId: '5100003', status: 'enrolling' }));
  // The active partnership res ↔ prov (its pair lock).
  world.locks.set('partnership-pair#prov#res', 'rel-1');
  const invitations = fakeStore<CustomerInvitation, CustomerInvitationWrite>(world, 'CINV', applyCustomerWrite);
  const mailer = new FakeMailer();
  const workflows = new FakeWorkflows();
  const clock = new FakeClock();
  const ports: CustomerInvitationPorts = {
    invitations: { ...invitations, ofPartner: async (tenantId) => ({ items: invitations.all().filter((e) => e.partnerTenantId === tenantId) }) },
    customers: {
      async byTenant(tenantId) {
        const id = world.locks.get(`customer-tenant#${tenantId}`);
        const row = id ? world.rows.get(`CUSTOMER#${id}`) : undefined;
        return row ? { entity: structuredClone(row.entity) as Customer } : undefined;
      },
    },
    relationships: { pairExists: async (p, r) => world.locks.has(`partnership-pair#${p}#${r}`) },
    partners: fakePartners(world),
    links: fakeLinks(world),
    mailer,
    workflows,
    clock,
    ids: fakeIds(),
  };
  const customers = () => [...world.rows.entries()].filter(([k]) => k.startsWith('CUSTOMER#')).map(([, row]) => row.entity as Customer);
  return { world, ports, mailer, workflows, clock, invitations, customers };
}

const tokenOf = (link: string) => link.split('/').at(-1)!;
const input = (patch: Partial<CustomerInvitationInput> = {}): CustomerInvitationInput => ({ email: 'it@customer.example', send: true, delegatedAdmin: false, ...patch });
/** A global admin of a customer tenant that is no partner. */
const customerAdmin = (tenantId = 'cust-1', country = 'DE') => caller(tenantId, ['global_admin'], country);

describe('customer invitations on the lifecycle mechanism (fakes)', () => {
  let t: ReturnType<typeof setup>;
  beforeEach(() => {
    t = setup();
  });

  it('CUS-7: a reseller names the provider it buys through (400 without it)', async () => {
    await expect(createCustomerInvitation(t.ports, caller('res'), input())).rejects.toMatchObject({ kind: 'invalid', param: 'providerTenantId' });
    expect(t.invitations.all()).toHaveLength(0);
  });

  it('CUS-7: the named provider must be partnered with the reseller (422 provider_not_partnered)', async () => {
    await expect(createCustomerInvitation(t.ports, caller('res'), input({ providerTenantId: 'prov2' }))).rejects.toMatchObject({ kind: 'rule', rule: 'CUS-7', code: 'provider_not_partnered' });
    await expect(createCustomerInvitation(t.ports, caller('res-other'), input({ providerTenantId: 'prov' }))).rejects.toMatchObject({ rule: 'CUS-7', code: 'provider_not_partnered' });
    expect(t.invitations.all()).toHaveLength(0);
  });

  it('TYP-1: a tenant that is no active partner cannot invite', async () => {
    await expect(createCustomerInvitation(t.ports, caller('nobody'), input())).rejects.toMatchObject({ kind: 'forbidden', code: 'partner_type_not_allowed' });
    await expect(createCustomerInvitation(t.ports, caller('res-enrolling'), input({ providerTenantId: 'prov' }))).rejects.toMatchObject({ kind: 'forbidden', code: 'partner_not_active' });
  });

  it('CUS-7: creating records the invitation, its link and lock, starts the workflow and answers the draft with the link', async () => {
    const { invitation, link, draft } = await createCustomerInvitation(t.ports, caller('res'), input({ providerTenantId: 'prov', delegatedAdmin: true }));
    expect(invitation).toMatchObject({ status: 'pending', partnerTenantId: 'res', partnerType: 'indirect_reseller', provider: { tenantId: 'prov', name: 'prov GmbH' } });
    expect(link).toContain('/customer-invitation/');
    expect(draft.body).toContain(link);
    expect(draft.body).toContain('prov GmbH');
    // Started loaded: the creating call sent the invitation and the workflow begins at its routing.
    expect(t.workflows.started).toEqual([{ lifecycle: 'customer-invitation', name: `${invitation.id}-g1`, input: { id: invitation.id, wakeups: 0, next: 'wait_for_response', version: 1, waitSeconds: 30 * DAY + 3600 } }]);
    expect(t.mailer.to('it@customer.example')).toHaveLength(1);
    expect(t.world.locks.get('customer-invitation-pending#res#it@customer.example')).toBe(invitation.id);
    await expect(createCustomerInvitation(t.ports, caller('res'), input({ email: 'IT@customer.example', providerTenantId: 'prov' }))).rejects.toMatchObject({ kind: 'conflict', code: 'invitation_pending' });
  });

  it('CUS-7/CUS-10: the first acceptance creates the customer with the reseller and provider relationships, uses the link, wakes the workflow', async () => {
    const { invitation, link } = await createCustomerInvitation(t.ports, caller('res'), input({ providerTenantId: 'prov', delegatedAdmin: true }));
    await t.ports.invitations.park(invitation.id, 'token-1', 1);
    const customer = await acceptCustomerInvitation(t.ports, customerAdmin(), tokenOf(link), true);
    expect(customer).toMatchObject({ customerTenantId: 'cust-1', region: 'europe', version: 1 });
    expect(customer.relationships.map((r) => [r.partnerTenantId, r.type, r.counterpartTenantId, r.delegatedAdmin])).toEqual([
      ['res', 'reseller', 'prov', true],
      ['prov', 'provider', 'res', false],
    ]);
    expect(t.customers()).toHaveLength(1);
    expect([...t.world.extra.keys()].sort()).toEqual([`CREL#${customer.id}#prov`, `CREL#${customer.id}#res`]);
    expect(t.world.locks.get('customer-tenant#cust-1')).toBe(customer.id);
    expect(t.world.locks.has('customer-invitation-pending#res#it@customer.example')).toBe(false);
    expect(t.workflows.woken).toEqual(['token-1']);
    expect((await t.ports.invitations.load(invitation.id))?.entity).toMatchObject({ status: 'accepted', customerId: customer.id, respondedBy: { tenantId: 'cust-1' } });
    await expect(invitationOfLink(t.ports, tokenOf(link))).rejects.toMatchObject({ kind: 'gone' });
  });

  it('CUS-7: only the customer tenant’s global admin may accept (403), and nothing changes', async () => {
    const { link } = await createCustomerInvitation(t.ports, caller('prov'), input());
    await expect(acceptCustomerInvitation(t.ports, caller('cust-1', ['admin_agent']), tokenOf(link), true)).rejects.toMatchObject({ kind: 'forbidden', rule: 'CUS-7', code: 'role_not_allowed' });
    expect(t.customers()).toHaveLength(0);
    await expect(invitationOfLink(t.ports, tokenOf(link))).resolves.toBeDefined();
  });

  it('CUS-7: without the ticked box nothing is authorised', async () => {
    const { link } = await createCustomerInvitation(t.ports, caller('prov'), input());
    await expect(acceptCustomerInvitation(t.ports, customerAdmin(), tokenOf(link), false)).rejects.toMatchObject({ rule: 'CUS-7', code: 'authorization_required' });
    expect(t.customers()).toHaveLength(0);
  });

  it('CUS-9: a program partner’s tenant is never a customer tenant', async () => {
    const { link } = await createCustomerInvitation(t.ports, caller('prov'), input());
    await expect(acceptCustomerInvitation(t.ports, caller('prov2'), tokenOf(link), true)).rejects.toMatchObject({ kind: 'rule', rule: 'CUS-9', code: 'program_tenant' });
    // A reseller not partnered with the inviting provider is still a program tenant: CUS-9.
    await expect(acceptCustomerInvitation(t.ports, caller('res-other'), tokenOf(link), true)).rejects.toMatchObject({ rule: 'CUS-9', code: 'program_tenant' });
    // The inviting partner itself.
    await expect(acceptCustomerInvitation(t.ports, caller('prov'), tokenOf(link), true)).rejects.toMatchObject({ rule: 'CUS-9' });
    expect(t.customers()).toHaveLength(0);
  });

  it('PRT-11: a reseller partnered with the inviting provider cannot be its customer with the same tenant', async () => {
    const { link } = await createCustomerInvitation(t.ports, caller('prov'), input());
    await expect(acceptCustomerInvitation(t.ports, caller('res'), tokenOf(link), true)).rejects.toMatchObject({ kind: 'rule', rule: 'PRT-11', code: 'program_tenant' });
    // Named by a reseller: the provider it names counts too.
    const named = await createCustomerInvitation(t.ports, caller('res'), input({ email: 'x@y.example', providerTenantId: 'prov' }));
    await expect(acceptCustomerInvitation(t.ports, caller('res'), tokenOf(named.link), true)).rejects.toMatchObject({ rule: 'PRT-11' });
    expect(t.customers()).toHaveLength(0);
  });

  it('CUS-8: a customer tenant in another region is refused and nothing changes', async () => {
    const { link } = await createCustomerInvitation(t.ports, caller('prov'), input());
    await expect(acceptCustomerInvitation(t.ports, customerAdmin('cust-us', 'US'), tokenOf(link), true)).rejects.toMatchObject({ kind: 'rule', rule: 'CUS-8', code: 'region_mismatch' });
    expect(t.customers()).toHaveLength(0);
    await expect(invitationOfLink(t.ports, tokenOf(link))).resolves.toBeDefined();
  });

  it('CUS-10: a later acceptance of another partner’s invitation relates it to the same customer', async () => {
    const first = await createCustomerInvitation(t.ports, caller('res'), input({ providerTenantId: 'prov' }));
    const created = await acceptCustomerInvitation(t.ports, customerAdmin(), tokenOf(first.link), true);
    const second = await createCustomerInvitation(t.ports, caller('direct'), input({ delegatedAdmin: true }));
    const related = await acceptCustomerInvitation(t.ports, customerAdmin(), tokenOf(second.link), true);
    expect(related.id).toBe(created.id);
    expect(related.version).toBe(2);
    expect(related.relationships.map((r) => [r.partnerTenantId, r.type, r.delegatedAdmin])).toEqual([
      ['res', 'reseller', false],
      ['prov', 'provider', false],
      ['direct', 'direct_bill', true],
    ]);
    expect(t.customers()).toHaveLength(1);
    // A partner already related keeps its one relationship.
    const third = await createCustomerInvitation(t.ports, caller('prov'), input());
    expect((await acceptCustomerInvitation(t.ports, customerAdmin(), tokenOf(third.link), true)).relationships).toHaveLength(3);
  });

  it('CUS-10: 20 concurrent accepts of one link: one customer, one set of relationships, the others see the dead link', async () => {
    const { link } = await createCustomerInvitation(t.ports, caller('res'), input({ providerTenantId: 'prov' }));
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => acceptCustomerInvitation(t.ports, customerAdmin(), tokenOf(link), true)));
    const won = results.filter((r) => r.status === 'fulfilled');
    expect(won).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason.kind)).toEqual(Array(19).fill('gone'));
    expect(t.customers()).toHaveLength(1);
    expect(t.world.extra.size).toBe(2);
  });

  it('CUS-10: concurrent first accepts of two partners’ invitations make one customer with both', async () => {
    const a = await createCustomerInvitation(t.ports, caller('prov'), input());
    const b = await createCustomerInvitation(t.ports, caller('direct'), input());
    const [ca, cb] = await Promise.all([acceptCustomerInvitation(t.ports, customerAdmin(), tokenOf(a.link), true), acceptCustomerInvitation(t.ports, customerAdmin(), tokenOf(b.link), true)]);
    expect(ca.id).toBe(cb.id);
    expect(t.customers()).toHaveLength(1);
    expect(t.customers()[0]!.relationships.map((r) => r.partnerTenantId).sort()).toEqual(['direct', 'prov']);
  });

  it('CUS-7: on acceptance the workflow tells the inviting partner and the named provider, once', async () => {
    const { invitation, link } = await createCustomerInvitation(t.ports, caller('res'), input({ providerTenantId: 'prov', language: 'de' }));
    const lc = customerInvitationLifecycle(t.ports);
    await loadStep(lc, invitation.id, 'done');
    expect(t.mailer.to('it@customer.example')).toHaveLength(1);
    await acceptCustomerInvitation(t.ports, customerAdmin(), tokenOf(link), true);
    expect(await loadStep(lc, invitation.id, 'done')).toMatchObject({ next: 'done' });
    await loadStep(lc, invitation.id, 'done');
    expect(t.mailer.to('user@res.example')).toHaveLength(1);
    expect(t.mailer.to('admin@prov.example')).toHaveLength(1);
  });

  it('reminders at days 7 and 21 and expiry at day 30 through the sweep; the expired link is gone', async () => {
    const { invitation, link } = await createCustomerInvitation(t.ports, caller('prov'), input());
    const lc = customerInvitationLifecycle(t.ports);
    const result = { reminded: 0, expired: 0, redriven: 0, examined: 0 };
    t.clock.advance(7 * DAY - 60);
    await sweepOne(lc, invitation.id, result);
    expect(result.reminded).toBe(0);
    t.clock.advance(61);
    await sweepOne(lc, invitation.id, result);
    expect(result.reminded).toBe(1);
    t.clock.advance(14 * DAY);
    await sweepOne(lc, invitation.id, result);
    expect(result.reminded).toBe(2);
    expect(t.mailer.to('it@customer.example')).toHaveLength(3); // the invitation and two reminders
    t.clock.advance(9 * DAY);
    await sweepOne(lc, invitation.id, result);
    expect(result).toMatchObject({ reminded: 2, expired: 1 });
    expect((await t.ports.invitations.load(invitation.id))?.entity.status).toBe('expired');
    await expect(invitationOfLink(t.ports, tokenOf(link))).rejects.toMatchObject({ kind: 'gone' });
  });

  it('a draft the partner sends itself gets no reminders', async () => {
    const { invitation } = await createCustomerInvitation(t.ports, caller('prov'), input({ send: false }));
    const lc = customerInvitationLifecycle(t.ports);
    await loadStep(lc, invitation.id, 'done');
    const result = { reminded: 0, expired: 0, redriven: 0, examined: 0 };
    t.clock.advance(8 * DAY);
    await sweepOne(lc, invitation.id, result);
    expect(result.reminded).toBe(0);
    expect(t.mailer.sent).toHaveLength(0);
  });

  it('resend kills the old link; revoke kills the current one; another partner gets 404', async () => {
    const { invitation, link } = await createCustomerInvitation(t.ports, caller('prov'), input());
    const resent = await resendCustomerInvitation(t.ports, caller('prov'), invitation.id);
    await expect(invitationOfLink(t.ports, tokenOf(link))).rejects.toMatchObject({ kind: 'gone' });
    await expect(invitationOfLink(t.ports, tokenOf(resent.link))).resolves.toMatchObject({ invitation: { id: invitation.id } });
    await expect(revokeCustomerInvitation(t.ports, caller('prov2'), invitation.id)).rejects.toMatchObject({ kind: 'not_found' });
    await revokeCustomerInvitation(t.ports, caller('prov'), invitation.id);
    await expect(invitationOfLink(t.ports, tokenOf(resent.link))).rejects.toMatchObject({ kind: 'gone' });
    await expect(resendCustomerInvitation(t.ports, caller('prov'), invitation.id)).rejects.toMatchObject({ kind: 'conflict', code: 'invitation_not_pending' });
  });

  it('any user of the invited organisation may decline; the link dies and the address is free again', async () => {
    const { link } = await createCustomerInvitation(t.ports, caller('prov'), input());
    expect((await declineCustomerInvitation(t.ports, caller('cust-1', ['sales_agent']), tokenOf(link))).status).toBe('declined');
    await expect(acceptCustomerInvitation(t.ports, customerAdmin(), tokenOf(link), true)).rejects.toMatchObject({ kind: 'gone' });
    await expect(createCustomerInvitation(t.ports, caller('prov'), input())).resolves.toBeDefined();
  });

  it('GEN-4: an open invitation whose execution is gone gets the next generation', async () => {
    const { invitation } = await createCustomerInvitation(t.ports, caller('prov'), input());
    t.workflows.running.clear();
    const result = { reminded: 0, expired: 0, redriven: 0, examined: 0 };
    await sweepOne(customerInvitationLifecycle(t.ports), invitation.id, result);
    expect(result.redriven).toBe(1);
    expect(t.workflows.started.at(-1)).toMatchObject({ lifecycle: 'customer-invitation', name: `${invitation.id}-g2` });
  });
});
