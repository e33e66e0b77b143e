import type { Region } from './regions.js';

/** TYP-1 partner types. */
export type PartnerType = 'indirect_provider' | 'indirect_reseller' | 'direct_bill';
export type Language = 'en' | 'de' | 'sv' | 'nl';

export interface Address {
  line1: string;
  line2?: string;
  city: string;
  region?: string;
  postalCode: string;
  country: string;
}

export interface Company {
  legalName: string;
  address: Address;
}

export interface Contact {
  firstName: string;
  lastName: string;
  email: string;
  phone?: string;
  language?: Language;
}

export interface AgreementAcceptance {
  accepted: boolean;
  version?: string;
  acceptedAt?: string;
  acceptedBy?: string;
}

/** A state change in the audit trail (GEN-1): who, when, what, before → after. */
export interface HistoryEntry {
  at: string;
  actor: string;
  action: string;
  status?: string;
  from?: string;
  to?: string;
  note?: string;
}

/** An organisation in the program, identified by its tenant. */
export interface Partner {
  tenantId: string;
  type: PartnerType;
  /** `enrolling` until an indirect reseller's enrollment is active (MPA-4). */
  status: 'enrolling' | 'active' | 'inactive';
  partnerId: string;
  region: Region;
  company: Company;
  primaryContact: Contact;
  agreement: AgreementAcceptance;
  enrollmentId?: string;
  /** ENR-13: users recorded as the account's admin agents. */
  adminAgents: string[];
  createdAt: string;
  updatedAt: string;
  history: HistoryEntry[];
}

/** The operator's registry entry for a partner ID (ENR-3). */
export interface RegistryEntry {
  partnerId: string;
  legalName: string;
  country: string;
  status: 'active' | 'inactive';
  /** ENR-5: the one tenant the partner ID is linked to. */
  linkedTenantId?: string;
  updatedAt: string;
}

/** The profile `GET /partners/me` answers. */
export function partnerProfile(partner: Partner) {
  return {
    tenantId: partner.tenantId,
    type: partner.type,
    status: partner.status,
    partnerId: partner.partnerId,
    region: partner.region,
    companyName: partner.company.legalName,
    country: partner.company.address.country,
    agreement: partner.agreement,
    isAgreementSigned: partner.agreement.accepted,
    adminAgents: partner.adminAgents,
    ...(partner.enrollmentId === undefined ? {} : { enrollmentId: partner.enrollmentId }),
    createdAt: partner.createdAt,
    updatedAt: partner.updatedAt,
  };
}
