import { beforeEach, describe, expect, it } from 'vitest';
import { createCustomer, listCustomers, readCustomer, type CustomerPorts } from '#usecases/customers/actions.js';
import { relateCustomer, customerRelationship } from '#usecases/customers/core.js';
import { caller, FakeClock, FakeWorld, fakeIds, fakePartners, partner } from '../../support/fakes.js';
import { fakeCustomers, fakePartnershipLookup } from '../../support/fakes/customers.js';
import { FakeCustomerDirectory } from '../../support/fakes/customer-directory.js';

const company = (country = 'DE') => ({ legalName: 'Northwind Traders GmbH', address: { line1: 'Allee 1', city: 'Köln', postalCode: '50667', country } });
const contact = { firstName: 'Nina', lastName: 'Nord', email: 'nina@northwind.example' };

function setup() {
  const world = new FakeWorld();
  world.partners.set('prov', partner('prov'));
  world.partners.set('res', partner('res', { type: 'indirect_reseller', partnerId: '5100001' }));
  world.partners.set('res2', partner('res2', { type: 'indirect_reseller', partnerId: '5100002' }));
  world.partners.set('direct', partner('direct', { type: 'direct_bill', partnerId: '6100001' }));
  world.partners.set('prov-us', partner('prov-us', { region: 'united_states' }));
  world.locks.set('partnership-pair#prov#res', 'rel_000001');
  const customers = fakeCustomers(world);
  const directory = new FakeCustomerDirectory();
  const ports: CustomerPorts = { customers, partners: fakePartners(world), partnerships: fakePartnershipLookup(world), directory, clock: new FakeClock(), ids: fakeIds() };
  return { world, ports, customers, directory };
}

describe('customers (fakes)', () => {
  let t: ReturnType<typeof setup>;
  beforeEach(() => {
    t = setup();
  });

  it('CUS-1/CUS-2: a provider creates a customer for a partnered reseller; the admin exists with a temporary password shown once', async () => {
    const { customer, adminCredentials } = await createCustomer(t.ports, caller('prov'), { company: company(), domain: 'northwind.example', primaryContact: contact, resellerTenantId: 'res' });
    expect(customer.relationships.map((r) => [r.partnerTenantId, r.type])).toEqual([
      ['prov', 'provider'],
      ['res', 'reseller'],
    ]);
    expect(adminCredentials.userName).toBe('admin@northwind.example');
    const password = adminCredentials.temporaryPassword.reveal();
    expect(t.directory.signIn('admin@northwind.example', password)).toBe('new_password_required');
    expect(t.directory.users.get('admin@northwind.example')?.customerTenantId).toBe(customer.customerTenantId);
    // CUS-2: the program keeps when, never what.
    const stored = JSON.stringify([...t.world.rows.values(), ...t.world.locks.entries(), ...t.world.extra.entries()]);
    expect(stored).not.toContain(password);
    expect(customer.adminCredentialsIssuedAt).toBeDefined();
  });

  it('TYP-1: a reseller cannot create customers (403 partner_type_not_allowed)', async () => {
    await expect(createCustomer(t.ports, caller('res'), { company: company(), domain: 'a.example', primaryContact: contact })).rejects.toMatchObject({ kind: 'forbidden', code: 'partner_type_not_allowed' });
  });

  it('TYP-1: a direct-bill partner creates its own customers (direct chain)', async () => {
    const { customer } = await createCustomer(t.ports, caller('direct'), { company: company(), domain: 'direct.example', primaryContact: contact });
    expect(customer.relationships.map((r) => r.type)).toEqual(['direct_bill']);
  });

  it('CUS-1: a reseller without an active partnership is refused, and nothing is created', async () => {
    await expect(createCustomer(t.ports, caller('prov'), { company: company(), domain: 'b.example', primaryContact: contact, resellerTenantId: 'res2' })).rejects.toMatchObject({
      kind: 'rule',
      rule: 'CUS-1',
      code: 'reseller_not_partnered',
    });
    expect(t.customers.all()).toHaveLength(0);
    expect(t.directory.users.size).toBe(0);
  });

  it('CUS-1: a direct-bill partner cannot associate a reseller', async () => {
    await expect(createCustomer(t.ports, caller('direct'), { company: company(), domain: 'c.example', primaryContact: contact, resellerTenantId: 'res' })).rejects.toMatchObject({ rule: 'CUS-1', code: 'reseller_not_allowed' });
  });

  it('CUS-8: a customer outside the partner’s region is refused', async () => {
    await expect(createCustomer(t.ports, caller('prov'), { company: company('US'), domain: 'd.example', primaryContact: contact })).rejects.toMatchObject({ rule: 'CUS-8', code: 'region_mismatch' });
    expect(t.directory.users.size).toBe(0);
  });

  it('a second customer with the same domain is refused (409 domain_taken), the first password stays the only one', async () => {
    await createCustomer(t.ports, caller('prov'), { company: company(), domain: 'e.example', primaryContact: contact });
    await expect(createCustomer(t.ports, caller('prov'), { company: company(), domain: 'E.example', primaryContact: contact })).rejects.toMatchObject({ kind: 'conflict', code: 'domain_taken' });
    expect(t.directory.calls.filter((c) => c.method === 'createAdmin')).toHaveLength(1);
  });

  it('CUS-2: a creation the identity service failed is completed by the same partner, with a password nobody saw before', async () => {
    t.directory.failAfterCreate = true;
    await expect(createCustomer(t.ports, caller('prov'), { company: company(), domain: 'f.example', primaryContact: contact })).rejects.toThrow('identity service unavailable');
    const { customer, adminCredentials } = await createCustomer(t.ports, caller('prov'), { company: company(), domain: 'f.example', primaryContact: contact });
    expect(t.customers.all()).toHaveLength(1);
    expect(t.directory.signIn(adminCredentials.userName, adminCredentials.temporaryPassword.reveal())).toBe('new_password_required');
    expect(customer.adminCredentialsIssuedAt).toBeDefined();
    // Another partner cannot take over the half-made customer.
    await expect(createCustomer(t.ports, caller('direct'), { company: company(), domain: 'f.example', primaryContact: contact })).rejects.toMatchObject({ code: 'domain_taken' });
  });

  it('CUS-9/PRT-11: a program partner’s tenant never becomes a customer tenant', async () => {
    await expect(relateCustomer(t.ports, { id: 'cus_x', customerTenantId: 'res', company: company(), domain: 'res.example', primaryContact: contact }, [customerRelationship(partner('prov'), 'provider', 'now')], 'user:x')).rejects.toMatchObject({
      rule: 'PRT-11',
    });
    const { customerRefusals } = await import('#usecases/customers/core.js');
    await expect(customerRefusals(t.ports, 'direct', 'DE', [])).rejects.toMatchObject({ rule: 'CUS-9', code: 'program_tenant' });
  });

  it('CUS-10: relating a tenant that is a customer already adds the relationship to the same customer', async () => {
    const first = await relateCustomer(t.ports, { id: 'cus_1', customerTenantId: 'tnt-x', company: company(), domain: 'x.example', primaryContact: contact }, [customerRelationship(partner('prov'), 'provider', 'now')], 'user:a');
    const second = await relateCustomer(t.ports, { id: 'cus_2', customerTenantId: 'tnt-x', company: company(), domain: 'x.example', primaryContact: contact }, [customerRelationship(partner('direct'), 'direct_bill', 'now')], 'user:b');
    expect(first.created).toBe(true);
    expect(second).toMatchObject({ created: false, customer: { id: 'cus_1' } });
    expect(second.customer.relationships.map((r) => r.partnerTenantId)).toEqual(['prov', 'direct']);
  });

  it('CUS-6/CUS-7: lists by counterpart; an unrelated partner cannot read the customer (404)', async () => {
    const { customer } = await createCustomer(t.ports, caller('prov'), { company: company(), domain: 'g.example', primaryContact: contact, resellerTenantId: 'res' });
    await createCustomer(t.ports, caller('prov'), { company: company(), domain: 'h.example', primaryContact: contact });
    expect((await listCustomers(t.ports, caller('prov'), {}, 25)).items).toHaveLength(2);
    expect((await listCustomers(t.ports, caller('prov'), { resellerTenantId: 'res' }, 25)).items.map((c) => c.id)).toEqual([customer.id]);
    expect((await listCustomers(t.ports, caller('res'), { providerTenantId: 'prov' }, 25)).items.map((c) => c.id)).toEqual([customer.id]);
    expect((await readCustomer(t.ports, caller('res'), customer.id)).id).toBe(customer.id);
    expect((await readCustomer(t.ports, caller(customer.customerTenantId), customer.id)).id).toBe(customer.id);
    await expect(readCustomer(t.ports, caller('res2'), customer.id)).rejects.toMatchObject({ kind: 'not_found' });
  });
});
