import type { RegistryEntry } from './partners.js';
import type { Refusal } from './refusal.js';

export type PartnerIdRefusal = Refusal & (
  | { rule: 'ENR-3'; code: 'partner_id_unknown' | 'partner_id_inactive' | 'partner_id_country_mismatch' }
  | { rule: 'ENR-5'; code: 'partner_id_linked' });

/**
 * ENR-3 / ENR-5: a partner ID may be linked when it is registered, active, of the
 * tenant's country, and not linked to another partner. Returns why not, or undefined.
 */
export function partnerIdRefusal(entry: RegistryEntry | undefined, tenantId: string, country: string): PartnerIdRefusal | undefined {
  if (!entry) return { kind: 'rule', rule: 'ENR-3', code: 'partner_id_unknown', message: 'This partner ID is not registered in the program.', param: 'partnerId' };
  if (entry.status !== 'active') return { kind: 'rule', rule: 'ENR-3', code: 'partner_id_inactive', message: 'This partner ID is not active.', param: 'partnerId' };
  if (entry.country !== country.toUpperCase()) {
    return { kind: 'rule', rule: 'ENR-3', code: 'partner_id_country_mismatch', message: 'The partner ID is registered in another country than the tenant.', param: 'partnerId' };
  }
  if (entry.linkedTenantId !== undefined && entry.linkedTenantId !== tenantId) {
    return { kind: 'rule', rule: 'ENR-5', code: 'partner_id_linked', message: 'This partner ID is already linked to another partner.', param: 'partnerId' };
  }
  return undefined;
}
