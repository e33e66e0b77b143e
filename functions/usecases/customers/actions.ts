/** Customers through the API (CUS-1, CUS-2, CUS-6, CUS-7, CUS-8, CUS-9, TYP-1). */
import type { Caller } from '#domain/caller.js';
import {
  adminUserNameOf,
  canSeeCustomer,
  customerCreatorRefusal,
  customerDomainLock,
  relationshipOf,
  resellerAssociationRefusal,
  type Customer,
  type CustomerReader,
  type PartnershipLookup,
} from '#domain/customers.js';
import type { Partner } from '#domain/partners.js';
import { readStateOf, type Ids } from '#domain/ports.js';
import type { CustomerDirectory } from '#domain/ports/identity.js';
import { assertAllowed, conflict, notFound } from '#domain/refusal.js';
import type { TemporaryPassword } from '#domain/temporary-password.js';
import { customerRelationship, relateCustomer, type CustomerCorePorts } from './core.js';

export interface CustomerPorts extends CustomerCorePorts {
  partnerships: PartnershipLookup;
  directory: CustomerDirectory;
  ids: Ids;
}

export interface CustomerInput {
  company: Customer['company'];
  domain: string;
  primaryContact: Customer['primaryContact'];
  resellerTenantId?: string | undefined;
}

/** What creating answers once: the customer and its admin's credentials (CUS-2). */
export interface CreatedCustomer {
  customer: Customer;
  adminCredentials: { userName: string; temporaryPassword: TemporaryPassword };
}

/**
 * `POST /customers`: an active indirect provider (optionally for a partnered reseller,
 * CUS-1) or direct-bill partner (TYP-1) creates a customer in its region (CUS-8) with a new
 * customer tenant and its first admin in the identity service (CUS-2). The temporary
 * password is in the answer only; the customer records when it was issued, never what.
 * A creation that stopped before its answer (the identity service failed) is completed by
 * the same partner creating the same domain again.
 */
export async function createCustomer(p: CustomerPorts, caller: Caller, input: CustomerInput): Promise<CreatedCustomer> {
  const resellerTenantId = input.resellerTenantId;
  // Independent reads in one round trip; the refusals keep their order.
  const [creator, named, partnership, taken] = await Promise.all([
    p.partners.get(caller.tenantId),
    resellerTenantId === undefined ? undefined : p.partners.get(resellerTenantId),
    resellerTenantId === undefined ? undefined : p.partnerships.activeBetween(caller.tenantId, resellerTenantId),
    p.customers.byDomain(input.domain),
  ]);
  assertAllowed(customerCreatorRefusal(creator));
  const partner = creator!;
  let reseller: Partner | undefined;
  if (resellerTenantId !== undefined) {
    const partnered = partner.type === 'indirect_provider' && partnership !== undefined;
    assertAllowed(resellerAssociationRefusal(partner, resellerTenantId, partnered));
    reseller = named;
  }
  const userName = adminUserNameOf(input.domain);
  let customer: Customer;
  if (taken) {
    if (!relationshipOf(taken, partner.tenantId) || taken.adminCredentialsIssuedAt) throw domainTaken();
    customer = taken;
  } else {
    const customerTenantId = p.ids.newId('tnt');
    const now = p.clock.now().toISOString();
    const relationships = [
      customerRelationship(partner, partner.type === 'direct_bill' ? 'direct_bill' : 'provider', now, reseller?.tenantId),
      ...(reseller ? [customerRelationship(reseller, 'reseller', now, partner.tenantId)] : []),
    ];
    const id = p.ids.newId('cus');
    ({ customer } = await relateCustomer(
      p,
      { id, customerTenantId, company: input.company, domain: input.domain, primaryContact: input.primaryContact, adminUserName: userName },
      relationships,
      `user:${caller.sub}`,
      [{ type: 'lock.take', lock: customerDomainLock(input.domain), owner: id }],
      async () => ((await p.customers.byDomain(input.domain)) ? domainTaken() : undefined),
      // The partners were just read, and the tenant was just minted: no partner's and no customer's yet.
      { relating: new Map([partner, ...(reseller ? [reseller] : [])].map((x) => [x.tenantId, x])), newTenant: true },
    ));
  }
  const admin = await p.directory.createAdmin({
    customerTenantId: customer.customerTenantId,
    tenantCountry: customer.company.address.country,
    userName,
    email: customer.primaryContact.email,
    firstName: customer.primaryContact.firstName,
    lastName: customer.primaryContact.lastName,
  });
  // A retry that finds the user: nobody saw its first password, so it gets a new one.
  const temporaryPassword = admin.created ? admin.temporaryPassword : await p.directory.replaceTemporaryPassword(userName, customer.customerTenantId);
  const issued = await markCredentialsIssued(p, customer, `user:${caller.sub}`);
  return { customer: issued, adminCredentials: { userName, temporaryPassword } };
}

const domainTaken = () => conflict('domain_taken', 'A customer with this domain exists already.');

/** CUS-2: records that the credentials were shown (when and by whom), so they are never shown again. */
async function markCredentialsIssued(p: CustomerPorts, customer: Customer, actor: string): Promise<Customer> {
  for (let attempt = 0; attempt < 4; attempt++) {
    const stored = await p.customers.load(customer.id);
    if (!stored) break;
    const c = stored.entity;
    if (c.adminCredentialsIssuedAt) throw conflict('admin_credentials_issued', 'The admin credentials of this customer were issued already; they are shown only once.', 'CUS-2');
    const now = p.clock.now().toISOString();
    const next: Customer = { ...c, adminCredentialsIssuedAt: now, version: c.version + 1, updatedAt: now, history: [...c.history, { at: now, actor, action: 'customer.admin_credentials_issued', note: c.adminUserName ?? '' }] };
    if (await p.customers.commit(next, readStateOf(stored), [])) return next;
  }
  throw conflict('concurrent_update', 'The customer changed concurrently; retry.');
}

/** `GET /customers` (CUS-6): a provider's customers (of one reseller), a reseller's (of one provider), a direct-bill partner's. */
export async function listCustomers(p: { customers: Pick<CustomerReader, 'ofPartner'> }, caller: Caller, filter: { resellerTenantId?: string | undefined; providerTenantId?: string | undefined }, limit: number, cursor?: Record<string, unknown>) {
  return p.customers.ofPartner(caller.tenantId, filter.resellerTenantId ?? filter.providerTenantId, limit, cursor);
}

/** `GET /customers/{id}`: related partners, the customer's own users and the operator; nobody else learns it exists (CUS-7). */
export async function readCustomer(p: { customers: Pick<CustomerReader, 'load'> }, caller: Caller, id: string): Promise<Customer> {
  const customer = (await p.customers.load(id))?.entity;
  if (!customer || !canSeeCustomer(customer, caller)) throw notFound('customer');
  return customer;
}
