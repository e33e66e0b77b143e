import { api, operator, registerPartnerId, uniquePartnerId, uniqueTenant, type User } from './api.js';
import { enrolledReseller, newProvider, requestPartnership, tokenOf, type Provider } from './partnerships.js';

/** Accepts the partner agreement for a partner user (MPA-1). */
export async function acceptAgreement(user: User) {
  const version = (await api('GET', '/agreements/current', { user })).body.version;
  const res = await api('POST', '/partners/me/agreements', { user, body: { version, accept: true } });
  if (res.status >= 300) throw new Error(`agreement: ${res.status} ${res.text}`);
}

/** A provider (agreement accepted unless told) partnered with an enrolled reseller (agreement as told). */
export async function partneredPair(options: { resellerAgreement?: boolean; providerAgreement?: boolean } = {}) {
  const provider = await newProvider('DE');
  if (options.providerAgreement !== false) await acceptAgreement(provider.admin);
  const reseller = await enrolledReseller({ acceptAgreement: options.resellerAgreement !== false });
  const request = await requestPartnership(provider, reseller.contactEmail, { send: false });
  const accepted = await api('POST', `/invitations/${tokenOf(request.link)}/accept`, { user: reseller.admin, body: { authorize: true } });
  if (accepted.status !== 201) throw new Error(`accept: ${accepted.status} ${accepted.text}`);
  return { provider, reseller, relationshipId: accepted.body.id as string };
}

/** A direct-bill partner onboarded by the operator (TYP-1's direct chain), agreement accepted unless told. */
export async function directBillPartner(options: { agreement?: boolean } = {}): Promise<Provider> {
  const tenantId = uniqueTenant('direct');
  const partnerId = uniquePartnerId();
  const name = `Adatum Direct ${tenantId.slice(-4)}`;
  await registerPartnerId(partnerId, { legalName: name, country: 'DE' });
  const res = await api('POST', '/operator/partners', {
    user: operator,
    body: {
      tenantId,
      type: 'direct_bill',
      partnerId,
      company: { legalName: name, address: { line1: 'Ring 3', city: 'München', postalCode: '80331', country: 'DE' } },
      primaryContact: { firstName: 'Dana', lastName: 'Direkt', email: `dana-${tenantId}@adatum.example` },
    },
  });
  if (res.status !== 201) throw new Error(`direct-bill partner: ${res.status} ${res.text}`);
  const admin: User = { tenantId, tenantCountry: 'DE', email: `admin-${tenantId}@adatum.example`, roles: ['global_admin'], sub: `dadmin-${tenantId}` };
  if (options.agreement !== false) await acceptAgreement(admin);
  return { admin, partnerId, name };
}

let domainCounter = 0;
export const uniqueDomain = (label = 'northwind') => `${label}-${Date.now().toString(36)}${(domainCounter++).toString(36)}.example`;

export const customerBody = (overrides: { domain?: string; country?: string; resellerTenantId?: string; language?: string } = {}) => ({
  company: { legalName: 'Northwind Traders GmbH', address: { line1: 'Domstraße 1', city: 'Köln', postalCode: '50667', country: overrides.country ?? 'DE' } },
  domain: overrides.domain ?? uniqueDomain(),
  primaryContact: { firstName: 'Nina', lastName: 'Nord', email: `nina-${Math.random().toString(36).slice(2, 8)}@northwind.example`, ...(overrides.language ? { language: overrides.language } : {}) },
  ...(overrides.resellerTenantId ? { resellerTenantId: overrides.resellerTenantId } : {}),
});

/** Puts an offer into the catalogue through the operator route. */
export async function putOffer(id: string, body: { name?: string; minQuantity?: number; maxQuantity?: number; status?: 'active' | 'retired' } = {}) {
  const res = await api('PUT', `/operator/offers/${id}`, { user: operator, body: { name: `Offer ${id}`, minQuantity: 1, maxQuantity: 300, status: 'active', ...body } });
  if (res.status !== 200 && res.status !== 201) throw new Error(`offer: ${res.status} ${res.text}`);
  return res;
}
