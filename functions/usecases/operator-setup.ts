import type { z } from 'zod';
import type { OnboardPartnerInput, RegistryEntryInput } from '#api/schemas.js';
import type { Caller } from '#lib/auth.js';
import { systemClock } from '#lib/clock.js';
import { conflict, ruleViolation } from '#lib/errors.js';
import { isConditionFailed } from '#adapters/dynamodb/client.js';
import { createOnboardedPartner, getPartner, getRegistryEntry, putRegistryEntry } from '#adapters/dynamodb/partners.js';
import type { Partner, RegistryEntry } from '#domain/partners.js';
import { partnerIdRefusal } from '#domain/registry.js';
import { regionOf } from '#domain/regions.js';

/** `PUT /operator/partner-ids/{partnerId}`: the operator maintains the registry (ENR-3). */
export async function registerPartnerId(partnerId: string, input: z.output<typeof RegistryEntryInput>): Promise<RegistryEntry> {
  return putRegistryEntry({ partnerId: partnerId.toUpperCase(), ...input, updatedAt: systemClock.now().toISOString() });
}

/** `POST /operator/partners`: providers and direct-bill partners are set up by the operator (TYP-2). */
export async function onboardPartner(caller: Caller, input: z.output<typeof OnboardPartnerInput>): Promise<Partner> {
  if (input.type === 'indirect_reseller') {
    throw ruleViolation('TYP-2', 'resellers_self_enroll', 'Indirect resellers enroll themselves through POST /enrollments.', 'type');
  }
  const country = input.company.address.country;
  const refusal = partnerIdRefusal(await getRegistryEntry(input.partnerId), input.tenantId, country);
  if (refusal) throw ruleViolation(refusal.rule, refusal.code, refusal.message, 'partnerId');
  if (await getPartner(input.tenantId)) throw conflict('tenant_already_partner', 'This tenant is already a partner.');
  const now = systemClock.now().toISOString();
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
  try {
    await createOnboardedPartner(partner);
  } catch (error) {
    if (isConditionFailed(error)) throw conflict('concurrent_update', 'The tenant or the partner ID changed meanwhile; nothing was created.');
    throw error;
  }
  return partner;
}
