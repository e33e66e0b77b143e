/**
 * One valid body per route that reads one: the seed the hostile-input tests mutate. A route
 * with a body schema and no example here fails `route-schemas.test.ts`, so a new route
 * cannot slip past the hostile-input suite.
 */
export const bodyExamples: Record<string, Record<string, unknown>> = {
  'operator-put-partner-id': { legalName: 'Example Reseller GmbH', country: 'DE', status: 'active' },
  'operator-create-partner': {
    tenantId: 'tenant-example',
    type: 'indirect_provider',
    partnerId: '1234567',
    company: { legalName: 'Example Provider BV', address: { line1: 'Main Street 1', city: 'Amsterdam', postalCode: '1011 AB', country: 'NL' } },
    primaryContact: { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' },
  },
  'create-enrollment': {
    partnerId: '1234567',
    company: { legalName: 'Example Reseller GmbH', address: { line1: 'Hauptstraße 1', line2: 'Hof 2', city: 'Berlin', region: 'BE', postalCode: '10115', country: 'DE' } },
    primaryContact: { firstName: 'Grace', lastName: 'Hopper', email: 'grace@example.com', phone: '+49 30 123456', language: 'de' },
    supportContact: { email: 'support@example.com', phone: '+49 30 654321', website: 'https://example.com' },
  },
  'change-primary-contact': { firstName: 'Alan', lastName: 'Turing', email: 'alan@example.com', language: 'en' },
  'correct-enrollment': {
    company: { legalName: 'Example Reseller AG', address: { line1: 'Hauptstraße 2', city: 'Berlin', postalCode: '10117' } },
    supportContact: { email: 'help@example.com' },
    primaryContact: { firstName: 'Grace', lastName: 'Hopper', phone: '+49 30 1111' },
  },
  'operator-decide-enrollment': { outcome: 'more_info_needed', reasons: [{ code: 'address_unverified', message: 'The address could not be verified.\nPlease correct it.', field: 'company.address.line1' }] },
  'accept-agreement': { version: '2026-10', accept: true },
  'create-partnership-request': { email: 'reseller@example.com', message: 'Hello,\nlet us work together.', language: 'sv', send: true },
  'accept-invitation': { authorize: true },
  'create-customer-invitation': { email: 'it@customer.example', message: 'Hello,\nwe look after your licences.', language: 'de', send: true, providerTenantId: 'tenant-provider-de', delegatedAdmin: true, customerName: 'Northwind Traders GmbH' },
  'accept-customer-link': { authorize: true, company: { legalName: 'Northwind Traders GmbH', address: { line1: 'Domstraße 1', city: 'Köln', postalCode: '50667', country: 'DE' } } },
  'remove-relationship': { confirm: true, attestation: true, reason: 'The contract ended.' },
  'operator-terminate-relationship': { reason: 'Support ticket from the reseller.', supportTicket: 'T-1234' },
  'operator-put-offer': { name: 'Microsoft 365 Business Standard', minQuantity: 1, maxQuantity: 300, status: 'active' },
  'create-customer': {
    company: { legalName: 'Northwind Traders GmbH', address: { line1: 'Domstraße 1', city: 'Köln', postalCode: '50667', country: 'DE' } },
    domain: 'northwind.example',
    primaryContact: { firstName: 'Nina', lastName: 'Nord', email: 'nina@northwind.example', language: 'de' },
    resellerTenantId: 'tenant-reseller-de',
  },
  'create-order': { lineItems: [{ offerId: 'm365-business', quantity: 25, partnerIdOnRecord: '5100001' }, { offerId: 'defender', quantity: 5 }] },
  'change-subscription': { quantity: 30, status: 'suspended', partnerIdOnRecord: '5100001' },
  'put-support-contact': { tenantId: 'tenant-reseller-de' },
};
