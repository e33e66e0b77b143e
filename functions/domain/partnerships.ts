import type { HistoryEntry, Language, Partner } from './partners.js';
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

export type AcceptRefusal = { status: 403 | 409 | 422; rule: string; code: string; message: string; page: 'wrong_role' | 'not_enrolled' | 'wrong_region' | 'already_partnered' };

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
}): AcceptRefusal | undefined {
  if (!input.roles.includes('global_admin') && !input.roles.includes('admin_agent')) {
    return { status: 403, rule: 'PRT-4', code: 'role_not_allowed', message: 'Only a global admin or admin agent of the reseller may authorise an indirect provider.', page: 'wrong_role' };
  }
  if (input.resellerTenantId === input.request.providerTenantId || !isEnrolledReseller(input.reseller, input.enrollment)) {
    return { status: 422, rule: 'PRT-3', code: 'reseller_not_enrolled', message: 'Only an enrolled indirect reseller can accept a partnership request; enroll first.', page: 'not_enrolled' };
  }
  if (input.reseller!.region !== input.request.providerRegion) {
    return { status: 422, rule: 'PRT-6', code: 'region_mismatch', message: 'The provider and the reseller must be in the same region.', page: 'wrong_region' };
  }
  return undefined;
}

/** PRT-7: whether the provider may do new business with the reseller, and if not, why. */
export function transactability(rel: Pick<Relationship, 'state'>, reseller: Pick<Partner, 'agreement'> | undefined): { canTransact: boolean; reason?: string } {
  if (rel.state !== 'active') return { canTransact: false, reason: 'relationship_terminated' };
  if (!reseller?.agreement.accepted) return { canTransact: false, reason: 'reseller_agreement_not_accepted' };
  return { canTransact: true };
}

export type RequestDue = 'reminder' | 'expire' | 'liveness_check';

/** PRT-10 reminders (default days 7 and 21) and expiry (day 30) of a pending request. */
export function requestNextDue(r: PartnershipRequest, reminders: number[], livenessSeconds: number, now: string): { at: string; action: RequestDue } | undefined {
  if (r.status !== 'pending') return undefined;
  const plus = (iso: string, s: number) => new Date(Date.parse(iso) + s * 1000).toISOString();
  const offset = r.sendEmails ? reminders[r.remindersSent] : undefined;
  const reminder = offset === undefined ? undefined : plus(r.link.issuedAt, offset);
  const liveness = plus(now, livenessSeconds);
  const candidates: [string, RequestDue][] = [[r.link.expiresAt, 'expire'], [liveness, 'liveness_check']];
  if (reminder && reminder < r.link.expiresAt) candidates.push([reminder, 'reminder']);
  candidates.sort((a, b) => a[0].localeCompare(b[0]));
  const [at, action] = candidates[0]!;
  return { at, action };
}

/** The email the request's state owes (sent once per key by the workflow). */
export function requestNotificationKey(r: Pick<PartnershipRequest, 'status' | 'link' | 'sendEmails'>): string {
  if (r.status === 'pending') return r.sendEmails || r.link.generation > 1 ? `invitation#${r.link.generation}` : 'draft_only';
  return r.status;
}

/** Records a partnership request's state change (GEN-1); see recordChange. */
export const transitionRequest = (r: PartnershipRequest, change: StateChange<RequestStatus>, patch: Partial<PartnershipRequest> = {}): PartnershipRequest =>
  recordChange(r, change, patch);

/** The request resource of API.md (without the link: only its creator saw it, once). */
export function requestResource(r: PartnershipRequest) {
  return {
    id: r.id,
    status: r.status,
    email: r.email,
    language: r.language,
    message: r.message,
    expiresAt: r.link.expiresAt,
    providerPartnerId: r.providerPartnerId,
    relationshipId: r.relationshipId,
    remindersSent: r.remindersSent,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    history: r.history,
  };
}

export function relationshipResource(rel: Relationship, reseller: Pick<Partner, 'agreement'> | undefined) {
  const t = transactability(rel, reseller);
  return {
    id: rel.id,
    providerTenantId: rel.providerTenantId,
    resellerTenantId: rel.resellerTenantId,
    providerPartnerId: rel.providerPartnerId,
    resellerPartnerId: rel.resellerPartnerId,
    providerName: rel.providerName,
    resellerName: rel.resellerName,
    region: rel.region,
    state: rel.state,
    grants: rel.grants,
    canTransact: t.canTransact,
    ...(t.reason ? { canTransactReason: t.reason } : {}),
    createdAt: rel.createdAt,
    ...(rel.terminatedAt ? { terminatedAt: rel.terminatedAt } : {}),
    history: rel.history,
  };
}
