/**
 * The demo data `npm start` loads (and the README lists): an operator, an active
 * indirect provider in Germany, and partner ID registry entries for resellers to enroll
 * with. Loaded through the public API, so it obeys the same rules as everything else.
 */
export const demoTenants = {
  operator: { tenantId: 'tenant-operator', tenantCountry: 'US', email: 'operator@partner-program.example', roles: ['operator'] as const },
  provider: { tenantId: 'tenant-provider-de', tenantCountry: 'DE', email: 'admin@contoso-distribution.example', roles: ['global_admin'] as const },
  resellerDe: { tenantId: 'tenant-reseller-de', tenantCountry: 'DE', email: 'admin@fabrikam.example', roles: ['global_admin'] as const },
  resellerSe: { tenantId: 'tenant-reseller-se', tenantCountry: 'SE', email: 'admin@nordic-reseller.example', roles: ['global_admin'] as const },
  resellerNl: { tenantId: 'tenant-reseller-nl', tenantCountry: 'NL', email: 'admin@tulip-reseller.example', roles: ['global_admin'] as const },
  resellerUs: { tenantId: 'tenant-reseller-us', tenantCountry: 'US', email: 'admin@litware.example', roles: ['global_admin'] as const },
};

export const demoRegistry = [
  { partnerId: '4100001', legalName: 'Contoso Distribution GmbH', country: 'DE', status: 'active' },
  { partnerId: '5100001', legalName: 'Fabrikam Reseller GmbH', country: 'DE', status: 'active' },
  { partnerId: '5100002', legalName: 'Nordic Reseller AB', country: 'SE', status: 'active' },
  { partnerId: '5100003', legalName: 'Tulip Reseller B.V.', country: 'NL', status: 'active' },
  { partnerId: '5100004', legalName: 'Litware Inc.', country: 'US', status: 'active' },
  { partnerId: '5100009', legalName: 'Dormant Reseller GmbH', country: 'DE', status: 'inactive' },
] as const;

export const demoProvider = {
  tenantId: demoTenants.provider.tenantId,
  type: 'indirect_provider',
  partnerId: '4100001',
  company: { legalName: 'Contoso Distribution GmbH', address: { line1: 'Hauptstraße 1', city: 'Berlin', postalCode: '10115', country: 'DE' } },
  primaryContact: { firstName: 'Greta', lastName: 'Becker', email: 'greta.becker@contoso-distribution.example', language: 'de' },
};

async function call(baseUrl: string, token: string, method: string, path: string, body: unknown): Promise<number> {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (res.status >= 500) throw new Error(`demo data: ${method} ${path} → ${res.status} ${await res.text()}`);
  return res.status;
}

/** Loads the demo data; safe to run on every start (existing items are kept). */
export async function loadDemoData(baseUrl: string, mint: (user: (typeof demoTenants)[keyof typeof demoTenants]) => Promise<string>): Promise<void> {
  const operatorToken = await mint(demoTenants.operator);
  for (const { partnerId, ...entry } of demoRegistry) {
    await call(baseUrl, operatorToken, 'PUT', `/operator/partner-ids/${partnerId}`, entry);
  }
  const status = await call(baseUrl, operatorToken, 'POST', '/operator/partners', demoProvider);
  if (status !== 201 && status !== 409) throw new Error(`demo data: onboarding the provider answered ${status}`);
}
