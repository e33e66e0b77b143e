import type { HistoryEntry, Language, Partner, RegistryEntry } from './partners.js';
import type { LifecycleReader, LifecycleStore, Page } from './ports.js';
import type { Refusal } from './refusal.js';
import { invitationNextDue, invitationNotificationKey, invitationStep, invitationSteps, isInvitationOverdue, type Due, type InvitationDue, type InvitationStep } from './lifecycle.js';
import type { Region } from './regions.js';
import { recordChange, type StateChange } from './history.js';
import type { Enrollment } from './enrollment.js';

/** API.md request statuses; all but `pending` are final. */
export type RequestStatus = 'pending' | 'accepted' | 'declined' | 'revoked' | 'expired';

/** PRT-4: what authorising an indirect provider grants; each is recorded on the relationship. */
export const grants = ['place_orders', 'add_subscriptions', 'delegated_admin'] as const;
export type Grant = (typeof grants)[number];

export interface PartnershipRequest {
  id: string;
  providerTenantId: string;
  providerPartnerId: string;
  providerName: string;
  providerRegion: Region;
  /** The invited address (the invitation goes to the organisation behind it, not this mailbox). */
  email: string;
  message?: string;
  /** The invitee's language if the provider named it (GEN-2); else the reader's browser decides, English in emails. */
  language?: Language;
  status: RequestStatus;
  link: { generation: number; hash: string; nonce: string; issuedAt: string; expiresAt: string };
  /** Whether the system emails the invitation (PRT-2: the provider may send it itself). */
  sendEmails: boolean;
  remindersSent: number;
  createdBy: { sub: string; email: string };
  respondedBy?: { sub: string; email: string; tenantId: string };
  relationshipId?: string;
  version: number;
  execution: { generation: number; name: string };
  createdAt: string;
  updatedAt: string;
  history: HistoryEntry[];
}

export interface Relationship {
  id: string;
  providerTenantId: string;
  resellerTenantId: string;
  providerPartnerId: string;
  resellerPartnerId: string;
  providerName: string;
  resellerName: string;
  region: Region;
  state: 'active' | 'terminated';
  grants: Grant[];
  requestId: string;
  authorizedBy: { sub: string; email: string };
  createdAt: string;
  terminatedAt?: string;
  history: HistoryEntry[];
}

/**
 * PRT-3: the reseller is an enrolled indirect reseller with an account: its vetting is
 * approved (it may still owe the agreement — PRT-7 limits what the provider may then do).
 */
export function isEnrolledReseller(partner: Partner | undefined, enrollment: Pick<Enrollment, 'status' | 'vetting'> | undefined): boolean {
  if (!partner || partner.type !== 'indirect_reseller') return false;
  if (partner.status === 'active') return true;
  return enrollment !== undefined && enrollment.status !== 'rejected' && enrollment.status !== 'expired' && enrollment.vetting.status === 'approved';
}

/**
 * PRT-3/4/6/10: why this reseller may not accept this request, or undefined. Checked in
 * the order a person would fix them: role, enrollment, region, existing partnership.
 */
export function acceptRefusal(input: {
  roles: readonly string[];
  resellerTenantId: string;
  reseller: Partner | undefined;
  enrollment: Pick<Enrollment, 'status' | 'vetting'> | undefined;
  request: Pick<PartnershipRequest, 'providerTenantId' | 'providerRegion'>;
}): Refusal | undefined {
  if (!input.roles.includes('global_admin') && !input.roles.includes('admin_agent')) {
    return { kind: 'forbidden', rule: 'PRT-4', code: 'role_not_allowed', message: 'Only a global admin or admin agent of the reseller may authorise an indirect provider.' };
  }
  if (input.resellerTenantId === input.request.providerTenantId || !isEnrolledReseller(input.reseller, input.enrollment)) {
    return { kind: 'rule', rule: 'PRT-3', code: 'reseller_not_enrolled', message: 'Only an enrolled indirect reseller can accept a partnership request; enroll first.' };
  }
  if (input.reseller!.region !== input.request.providerRegion) {
    return { kind: 'rule', rule: 'PRT-6', code: 'region_mismatch', message: 'The provider and the reseller must be in the same region.' };
  }
  return undefined;
}

/** PRT-4: authorising needs the ticked box. */
export const authorizationRefusal = (authorize: boolean): Refusal | undefined =>
  authorize ? undefined : { kind: 'rule', rule: 'PRT-4', code: 'authorization_required', message: 'Tick the authorisation to authorize the indirect provider.' };

/** PRT-10: at most one active partnership per provider and reseller. */
export const alreadyPartnered = (): Refusal => ({ kind: 'conflict', rule: 'PRT-10', code: 'already_partnered', message: 'This reseller already has a partnership with the provider.' });

/** PRT-10: only a pending request can be resent, revoked, accepted or declined. */
export const notPendingRefusal = (r: Pick<PartnershipRequest, 'status'>): Refusal | undefined =>
  r.status === 'pending' ? undefined : { kind: 'conflict', rule: 'PRT-10', code: 'request_not_pending', message: `The request is ${r.status}.` };

/**
 * PRT-1: only an active indirect provider may request partnerships — active in the program
 * and with its partner ID still active in the operator's registry.
 */
export function requestingProviderRefusal(provider: Partner | undefined, registry: Pick<RegistryEntry, 'status'> | undefined): Refusal | undefined {
  if (!provider || provider.type !== 'indirect_provider' || provider.status !== 'active' || registry?.status !== 'active') {
    return { kind: 'rule', rule: 'PRT-1', code: 'not_active_indirect_provider', message: 'Only an active indirect provider can request partnerships.' };
  }
  return undefined;
}

/** PRT-8: removing a partnership needs an explicit confirmation and the good-faith attestation. */
export function removalRefusal(body: { confirm: boolean; attestation: boolean }): Refusal | undefined {
  if (body.confirm && body.attestation) return undefined;
  return {
    kind: 'rule',
    rule: 'PRT-8',
    code: 'confirmation_required',
    message: 'Removing a partnership needs confirm:true and the attestation that it was decided in good faith for a legitimate business purpose.',
    param: body.confirm ? 'attestation' : 'confirm',
  };
}

/** PRT-8/9: who may remove a partnership: a global admin or admin agent of the provider, never the reseller. */
export function removerRefusal(rel: Pick<Relationship, 'resellerTenantId'>, caller: { tenantId: string; roles: readonly string[] }): Refusal | undefined {
  if (rel.resellerTenantId === caller.tenantId) {
    return { kind: 'forbidden', rule: 'PRT-9', code: 'reseller_cannot_remove', message: 'A reseller cannot remove a partnership itself; ask the program’s support to terminate it.' };
  }
  if (!caller.roles.includes('global_admin') && !caller.roles.includes('admin_agent')) {
    return { kind: 'forbidden', rule: 'PRT-8', code: 'role_not_allowed', message: 'Only a global admin or admin agent of the provider may remove a partnership.' };
  }
  return undefined;
}

/** A relationship can be ended only while active. */
export const notActiveRefusal = (rel: Pick<Relationship, 'state'>): Refusal | undefined =>
  rel.state === 'active' ? undefined : { kind: 'conflict', code: 'relationship_not_active', message: 'The relationship is no longer active.' };

/** PRT-7: whether the provider may do new business with the reseller, and if not, why. */
export function transactability(rel: Pick<Relationship, 'state'>, reseller: Pick<Partner, 'agreement'> | undefined): { canTransact: boolean; reason?: string } {
  if (rel.state !== 'active') return { canTransact: false, reason: 'relationship_terminated' };
  if (!reseller?.agreement.accepted) return { canTransact: false, reason: 'reseller_agreement_not_accepted' };
  return { canTransact: true };
}

export type RequestDue = InvitationDue;

/** The workflow's steps (workflows/partnership-request.asl.json routes on them): every invitation's. */
export const requestSteps = invitationSteps;
export type RequestStep = InvitationStep;

export const requestStep = invitationStep;

/** PRT-10 reminders (default days 7 and 21) and expiry (day 30) of a pending request; GEN-4's liveness check. */
export const requestNextDue = (r: PartnershipRequest, reminders: number[], livenessSeconds: number, now: string): Due<RequestDue> | undefined =>
  invitationNextDue(r, reminders, livenessSeconds, now);

/** PRT-10: a pending request past its link's expiry. */
export const isRequestOverdue = isInvitationOverdue;

/** The relationship a reseller's acceptance creates, with PRT-4's grants. */
export function newRelationship(r: PartnershipRequest, id: string, reseller: Partner, by: { sub: string; email: string }, now: string): Relationship {
  return {
    id,
    providerTenantId: r.providerTenantId,
    resellerTenantId: reseller.tenantId,
    providerPartnerId: r.providerPartnerId,
    resellerPartnerId: reseller.partnerId,
    providerName: r.providerName,
    resellerName: reseller.company.legalName,
    region: r.providerRegion,
    state: 'active',
    grants: [...grants],
    requestId: r.id,
    authorizedBy: by,
    createdAt: now,
    history: [{ at: now, actor: `user:${by.sub}`, action: 'relationship.created', to: 'active', note: `grants: ${grants.join(', ')}` }],
  };
}

/** Lock ids of PRT-10's uniqueness: one pending request per provider and address, one partnership per pair. */
export const pendingLockId = (r: Pick<PartnershipRequest, 'providerTenantId' | 'email'>) => `${r.providerTenantId}#${r.email.toLowerCase()}`;
export const pairLockId = (providerTenantId: string, resellerTenantId: string) => `${providerTenantId}#${resellerTenantId}`;

/** Writes of the partnership lifecycle besides links and locks. */
export type PartnershipWrite = { type: 'relationship.create'; relationship: Relationship };

/** The partnership request store: the lifecycle store plus the provider's list. */
/** Partnership requests read only: the routes that change nothing. */
export interface PartnershipRequestReader extends LifecycleReader<PartnershipRequest> {
  ofProvider(providerTenantId: string, status: RequestStatus | undefined, limit: number, cursor?: Record<string, unknown>): Promise<Page<PartnershipRequest>>;
}

export interface PartnershipRequestStore extends PartnershipRequestReader, LifecycleStore<PartnershipRequest, PartnershipWrite> {}

/** Relationships read only. */
export interface RelationshipReader {
  get(id: string): Promise<Relationship | undefined>;
  of(side: 'provider' | 'reseller', tenantId: string, state: Relationship['state'], limit: number, cursor?: Record<string, unknown>): Promise<Page<Relationship>>;
  pairExists(providerTenantId: string, resellerTenantId: string): Promise<boolean>;
}

/** Relationships between providers and resellers (PRT-5, PRT-8, PRT-9). */
export interface Relationships extends RelationshipReader {
  /** Ends an active relationship and frees its pair lock; false if it was no longer active. */
  terminate(next: Relationship): Promise<boolean>;
}

/** The email the request's state owes (sent once per key by the workflow). */
export const requestNotificationKey = invitationNotificationKey;

/** Records a partnership request's state change (GEN-1); see recordChange. */
export const transitionRequest = (r: PartnershipRequest, change: StateChange<RequestStatus>, patch: Partial<PartnershipRequest> = {}): PartnershipRequest =>
  recordChange(r, change, patch);
