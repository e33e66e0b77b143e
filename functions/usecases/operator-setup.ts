import type { Caller } from '#domain/caller.js';
import type { Company, Contact, Partner, PartnerType, RegistryEntry } from '#domain/partners.js';
import type { Clock, Partners } from '#domain/ports.js';
import { assertAllowed, conflict } from '#domain/refusal.js';
import { partnerIdRefusal } from '#domain/registry.js';
import { regionOf } from '#domain/regions.js';

export interface OperatorSetupPorts {
  partners: Partners;
  clock: Clock;
}

/** `PUT /operator/partner-ids/{partnerId}`: the operator maintains the registry (ENR-3). */
export async function registerPartnerId(p: OperatorSetupPorts, partnerId: string, input: Pick<RegistryEntry, 'legalName' | 'country' | 'status'>): Promise<RegistryEntry> {
  return p.partners.putRegistryEntry({ partnerId: partnerId.toUpperCase(), ...input, updatedAt: p.clock.now().toISOString() });
}

/** TYP-2: indirect resellers enroll themselves; the operator onboards the other types. */
export const onboardingTypeRefusal = (type: PartnerType) =>
  type === 'indirect_reseller' ? { kind: 'rule' as const, rule: 'TYP-2', code: 'resellers_self_enroll', message: 'Indirect resellers enroll themselves through POST /enrollments.', param: 'type' } : undefined;

/** `POST /operator/partners`: providers and direct-bill partners are set up by the operator (TYP-2). */
export async function onboardPartner(p: OperatorSetupPorts, caller: Caller, input: { tenantId: string; type: PartnerType; partnerId: string; company: Company; primaryContact: Contact }): Promise<Partner> {
  assertAllowed(onboardingTypeRefusal(input.type));
  const country = input.company.address.country;
  assertAllowed(partnerIdRefusal(await p.partners.registryEntry(input.partnerId), input.tenantId, country));
  if (await p.partners.get(input.tenantId)) throw conflict('tenant_already_partner', 'This tenant is already a partner.');
  const now = p.clock.now().toISOString();
  const partner: Partner = {
    tenantId: input.tenantId,
    type: input.type,
    status: 'active',
    partnerId: input.partnerId.toUpperCase(),
    region: regionOf(country)!,
    company: input.company,
    primaryContact: input.primaryContact,
    agreement: { accepted: false },
    adminAgents: [],
    createdAt: now,
    updatedAt: now,
    history: [{ at: now, actor: `operator:${caller.sub}`, action: 'partner.onboarded', to: 'active' }],
  };
  if (!(await p.partners.createOnboarded(partner))) throw conflict('concurrent_update', 'The tenant or the partner ID changed meanwhile; nothing was created.');
  return partner;
}
