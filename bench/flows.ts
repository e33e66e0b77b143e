/**
 * The lifecycles the bench drives, step by step, the way people and services drive
 * them: an enrollment happy path (enroll → emailed link → page → confirm → vetting
 * webhook → agreement read and accepted → active), an accepted partnership request
 * (request → emailed link → page → accept), an order with the reseller as partner of
 * record (customer → draft → submit → provisioned) and an accepted customer invitation
 * (invite → link page → accept). A `Step` wrapper lets a caller measure around
 * every step (cost) or just run them (throughput).
 */
import { BenchClient, MailWatcher, verifyTokenIn, type User } from './client.js';

export const operator: User = { tenantId: 'tenant-operator', tenantCountry: 'US', email: 'operator@partner-program.example', roles: ['operator'] };

const runId = Date.now().toString(36);
let sequence = 0;
/** Unique within this run and across runs on a persistent table. */
export const uniqueLabel = (label: string) => `${label}-${runId}-${(sequence++).toString(36)}`;
const uniquePartnerId = () => `B${runId}${(sequence++).toString(36)}`.toUpperCase();

export interface Reseller {
  admin: User;
  partnerId: string;
  contactEmail: string;
  companyName: string;
}

export interface Provider {
  admin: User;
  partnerId: string;
}

/** A reseller tenant as the bench invents it (nothing is written yet). */
export function newReseller(): Reseller {
  const tenantId = uniqueLabel('reseller');
  return {
    admin: { tenantId, tenantCountry: 'DE', email: `admin-${tenantId}@fabrikam.example`, roles: ['global_admin'], sub: `admin-${tenantId}` },
    partnerId: uniquePartnerId(),
    contactEmail: `contact-${tenantId}@fabrikam.example`,
    companyName: `Fabrikam ${tenantId.slice(-6)} GmbH`,
  };
}

export function enrollmentBody(r: Reseller) {
  return {
    partnerId: r.partnerId,
    company: { legalName: r.companyName, address: { line1: 'Friedrichstraße 10', city: 'Berlin', postalCode: '10117', country: 'DE' } },
    primaryContact: { firstName: 'Jonas', lastName: 'Keller', email: r.contactEmail, phone: '+49 30 1234567', language: 'en' },
    supportContact: { email: 'support@fabrikam.example', website: 'https://fabrikam.example' },
  };
}

/** Operator setup before a reseller can enroll: its partner ID in the registry (not part of the lifecycle). */
export async function registerPartnerId(c: BenchClient, partnerId: string, legalName: string): Promise<void> {
  await c.expect(200, 'PUT', `/operator/partner-ids/${partnerId}`, { user: operator, body: { legalName, country: 'DE', status: 'active' } });
}

/** An indirect provider in Germany, onboarded by the operator (not part of any lifecycle). */
export async function onboardProvider(c: BenchClient): Promise<Provider> {
  const tenantId = uniqueLabel('provider');
  const partnerId = uniquePartnerId();
  const legalName = `Contoso Distribution ${tenantId.slice(-6)}`;
  await registerPartnerId(c, partnerId, legalName);
  await c.expect(201, 'POST', '/operator/partners', {
    user: operator,
    body: {
      tenantId,
      type: 'indirect_provider',
      partnerId,
      company: { legalName, address: { line1: 'Hafenstraße 2', city: 'Hamburg', postalCode: '20457', country: 'DE' } },
      primaryContact: { firstName: 'Greta', lastName: 'Becker', email: `greta-${tenantId}@contoso.example`, language: 'en' },
    },
  });
  return { admin: { tenantId, tenantCountry: 'DE', email: `admin-${tenantId}@contoso.example`, roles: ['global_admin'], sub: `padmin-${tenantId}` }, partnerId };
}

/** Runs one step of a lifecycle; the cost section measures around it, others just run it. */
export type Step = <T>(name: string, run: () => Promise<T>) => Promise<T>;
export const justRun: Step = (_name, run) => run();

export const isActiveEmail = (e: { subject: string }) => / is active$/.test(e.subject);

/** All calls of a lifecycle were answered, but its "active" email did not come in time. */
export class NotActivated extends Error {
  constructor(readonly enrollmentId: string, timeoutMs: number) {
    super(`enrollment ${enrollmentId}: no "active" email within ${timeoutMs} ms`);
  }
}

/**
 * The enrollment happy path, from `POST /enrollments` to `active`, for a reseller whose
 * partner ID is registered. `waitActive` says how to know the workflow finished.
 */
export async function enrollmentLifecycle(c: BenchClient, mail: MailWatcher, r: Reseller, step: Step = justRun, waitActive = true, activeTimeoutMs = 20_000): Promise<string> {
  const { id } = (await step('POST /enrollments', () => c.expect<{ id: string }>(202, 'POST', '/enrollments', { user: r.admin, body: enrollmentBody(r) }))).body;
  const token = verifyTokenIn(await mail.waitFor(r.contactEmail, (e) => /\/verify\//.test(e.text), 20_000, `the verification email of ${id}`));
  await step('GET /verify/{token}', () => c.expect(200, 'GET', `/verify/${token}`));
  await step('POST /verify/{token}', () => c.expect(200, 'POST', `/verify/${token}`, { headers: { accept: 'application/json' } }));
  await step('POST /webhooks/vetting', () => c.expect(204, 'POST', '/webhooks/vetting', c.vettingWebhook(id)));
  const { version } = (await step('GET /agreements/current', () => c.expect<{ version: string }>(200, 'GET', '/agreements/current', { user: r.admin }))).body;
  await step('POST /partners/me/agreements', () => c.expect(201, 'POST', '/partners/me/agreements', { user: r.admin, body: { version, accept: true } }));
  if (waitActive) await mail.waitFor(r.contactEmail, isActiveEmail, activeTimeoutMs).catch(() => Promise.reject(new NotActivated(id, activeTimeoutMs)));
  return id;
}

export const tokenOfLink = (link: string) => new URL(link).pathname.split('/').at(-1)!;

/** A request from `provider` that `reseller`'s admin accepts through the emailed link. */
export async function partnershipLifecycle(c: BenchClient, provider: Provider, reseller: Reseller, step: Step = justRun): Promise<string> {
  const invitee = `partners-${reseller.admin.tenantId}-${uniqueLabel('i')}@fabrikam.example`;
  const created = await step('POST /partnership-requests', () =>
    c.expect<{ link: string }>(201, 'POST', '/partnership-requests', { user: provider.admin, body: { email: invitee, language: 'en' } }),
  );
  const token = tokenOfLink(created.body.link);
  await step('GET /invitations/{token}', () => c.expect(200, 'GET', `/invitations/${token}`));
  const accepted = await step('POST /invitations/{token}/accept', () =>
    c.expect<{ id: string }>(201, 'POST', `/invitations/${token}/accept`, { user: reseller.admin, body: { authorize: true } }),
  );
  return accepted.body.id;
}

/** Operator setup: an offer in the catalogue (not part of any lifecycle). */
export async function putOffer(c: BenchClient, offerId: string): Promise<void> {
  await c.expect(201, 'PUT', `/operator/offers/${offerId}`, { user: operator, body: { name: 'Microsoft 365 Business Standard', minQuantity: 1, maxQuantity: 300, status: 'active' } });
}

/** MPA-1: the provider accepts the partner agreement before it orders (not part of any lifecycle). */
export async function acceptProviderAgreement(c: BenchClient, provider: Provider): Promise<void> {
  const { version } = (await c.expect<{ version: string }>(200, 'GET', '/agreements/current', { user: provider.admin })).body;
  await c.expect(201, 'POST', '/partners/me/agreements', { user: provider.admin, body: { version, accept: true } });
}

/**
 * An order with the reseller as partner of record (CUS-1..4): the provider creates a
 * customer associated with the partnered reseller (its admin in the identity service),
 * drafts an order of two line items — one naming the reseller's partner ID — and submits
 * it; the workflow provisions both subscriptions and sends the confirmations.
 */
export async function orderLifecycle(c: BenchClient, provider: Provider, reseller: Reseller, offerId: string, step: Step = justRun): Promise<string> {
  const label = uniqueLabel('customer');
  const customer = await step('POST /customers', () =>
    c.expect<{ id: string }>(201, 'POST', '/customers', {
      user: provider.admin,
      body: {
        company: { legalName: `Northwind ${label.slice(-6)} GmbH`, address: { line1: 'Domstraße 1', city: 'Köln', postalCode: '50667', country: 'DE' } },
        domain: `${label}.example`,
        primaryContact: { firstName: 'Nina', lastName: 'Nord', email: `nina-${label}@northwind.example`, language: 'en' },
        resellerTenantId: reseller.admin.tenantId,
      },
    }),
  );
  const draft = await step('POST /customers/{id}/orders', () =>
    c.expect<{ id: string }>(201, 'POST', `/customers/${customer.body.id}/orders`, {
      user: provider.admin,
      body: { lineItems: [{ offerId, quantity: 10, partnerIdOnRecord: reseller.partnerId }, { offerId, quantity: 5 }] },
    }),
  );
  await step('POST /orders/{id}/submit', () => c.expect(202, 'POST', `/orders/${draft.body.id}/submit`, { user: provider.admin }));
  return draft.body.id;
}

/**
 * A customer invitation from `provider`, accepted through the link by the global admin of a
 * fresh customer tenant (CUS-5..10): invite → link page → accept → the customer exists.
 */
export async function customerInvitationLifecycle(c: BenchClient, provider: Provider, step: Step = justRun): Promise<string> {
  const tenantId = uniqueLabel('customer-tenant');
  const admin: User = { tenantId, tenantCountry: 'DE', email: `admin@${tenantId}.example`, roles: ['global_admin'], sub: `cadmin-${tenantId}` };
  const invited = await step('POST /customer-invitations', () =>
    c.expect<{ link: string }>(201, 'POST', '/customer-invitations', { user: provider.admin, body: { email: admin.email, language: 'en' } }),
  );
  const token = tokenOfLink(invited.body.link);
  await step('GET /customer-links/{token}', () => c.expect(200, 'GET', `/customer-links/${token}`));
  const accepted = await step('POST /customer-links/{token}/accept', () =>
    c.expect<{ id: string }>(201, 'POST', `/customer-links/${token}/accept`, { user: admin, body: { authorize: true } }),
  );
  return accepted.body.id;
}
