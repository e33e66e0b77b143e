import type { RegistryEntry } from './partners.js';

export type PartnerIdRefusal =
  | { rule: 'ENR-3'; code: 'partner_id_unknown' | 'partner_id_inactive' | 'partner_id_country_mismatch'; message: string }
  | { rule: 'ENR-5'; code: 'partner_id_linked'; message: string };

/**
 * ENR-3 / ENR-5: a partner ID may be linked when it is registered, active, of the
 * tenant's country, and not linked to another partner. Returns why not, or undefined.
 */
export function partnerIdRefusal(entry: RegistryEntry | undefined, tenantId: string, country: string): PartnerIdRefusal | undefined {
  if (!entry) return { rule: 'ENR-3', code: 'partner_id_unknown', message: 'This partner ID is not registered in the program.' };
  if (entry.status !== 'active') return { rule: 'ENR-3', code: 'partner_id_inactive', message: 'This partner ID is not active.' };
  if (entry.country !== country.toUpperCase()) {
    return { rule: 'ENR-3', code: 'partner_id_country_mismatch', message: 'The partner ID is registered in another country than the tenant.' };
  }
  if (entry.linkedTenantId !== undefined && entry.linkedTenantId !== tenantId) {
    return { rule: 'ENR-5', code: 'partner_id_linked', message: 'This partner ID is already linked to another partner.' };
  }
  return undefined;
}
