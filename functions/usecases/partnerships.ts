import type { z } from 'zod';
import type { PartnershipRequestInput } from '#api/schemas.js';
import { getEnrollment, linkDelete, linkPut, linkUse, transact } from '#adapters/dynamodb/enrollments.js';
import { isConditionFailed } from '#adapters/dynamodb/client.js';
import { getPartner, getRegistryEntry } from '#adapters/dynamodb/partners.js';
import {
  getRequest,
  pairExists,
  pairLockPut,
  pendingLockDelete,
  pendingLockPut,
  relationshipPuts,
  requestPut,
  requestUpdate,
  type RequestRecord,
  type RequestTiming,
} from '#adapters/dynamodb/partnerships.js';
import { startWorkflow } from '#adapters/sfn/workflows.js';
import { acceptRefusal, grants, transitionRequest, type PartnershipRequest, type Relationship } from '#domain/partnerships.js';
import { regionName } from '#messages/regions.js';
import type { Caller } from '#lib/auth.js';
import { systemClock } from '#lib/clock.js';
import { config } from '#lib/config.js';
import { ApiError, conflict, notFound, ruleViolation } from '#lib/errors.js';
import { newId } from '#lib/ids.js';
import { issueLink, linkToken, linkUrl } from '#lib/links.js';
import { logger } from '#lib/observability.js';
import { renderEmail } from '#messages/emails.js';
import { changeVersioned, type Change, type VersionedStore } from './versioned-change.js';
import { LinkGone, liveLink } from './verification.js';

const plusSeconds = (iso: string, s: number) => new Date(Date.parse(iso) + s * 1000).toISOString();
const ttlOf = (iso: string) => Math.floor(Date.parse(iso) / 1000) + 30 * 86_400;

export function requestTiming(): RequestTiming {
  const c = config();
  return { reminders: c.PARTNERSHIP_REMINDERS_SECONDS, livenessSeconds: c.LIVENESS_CHECK_SECONDS };
}

const store: VersionedStore<PartnershipRequest, RequestRecord> = {
  async load(id) {
    const record = await getRequest(id);
    if (!record) throw notFound('partnership_request');
    return record;
  },
  entity: (record) => record.request,
  update: (next, read, now) => requestUpdate(next, read, requestTiming(), now),
};

export const changeRequest = (id: string, decide: (current: RequestRecord, now: string) => Change<PartnershipRequest> | Promise<Change<PartnershipRequest>>, onLostRace?: (error: unknown) => Error | undefined | Promise<Error | undefined>) =>
  changeVersioned(store, id, decide, onLostRace);

/** The invitation link of the request's current generation (the same across reminders). */
export const invitationLink = async (r: PartnershipRequest) => linkUrl('invitation', await linkToken('invitation', r.link.nonce));

/** PRT-2: the invitation in the invitee's language (GEN-2), as draft or email. */
export async function invitationEmail(r: PartnershipRequest, reminderNumber?: number) {
  const language = r.language ?? 'en';
  const base = { providerName: r.providerName, providerRegionName: regionName(r.providerRegion, language), link: await invitationLink(r), expiresAt: r.link.expiresAt, ...(r.message ? { message: r.message } : {}) };
  return renderEmail(reminderNumber === undefined ? { kind: 'partnership.invitation', ...base } : { kind: 'partnership.reminder', ...base, reminderNumber }, language);
}

/**
 * PRT-1: only an active indirect provider may request partnerships — active in the
 * program and with its partner ID still active in the operator's registry.
 */
async function activeProvider(caller: Caller) {
  const provider = await getPartner(caller.tenantId);
  const registry = provider ? await getRegistryEntry(provider.partnerId) : undefined;
  if (!provider || provider.type !== 'indirect_provider' || provider.status !== 'active' || registry?.status !== 'active') {
    throw ruleViolation('PRT-1', 'not_active_indirect_provider', 'Only an active indirect provider can request partnerships.');
  }
  return provider;
}

/** `POST /partnership-requests` (PRT-1, PRT-2, PRT-10). */
export async function createRequest(caller: Caller, input: z.output<typeof PartnershipRequestInput>) {
  const provider = await activeProvider(caller);
  const now = systemClock.now().toISOString();
  const link = await issueLink('invitation');
  const id = newId('preq');
  const request: PartnershipRequest = {
    id,
    providerTenantId: provider.tenantId,
    providerPartnerId: provider.partnerId,
    providerName: provider.company.legalName,
    providerRegion: provider.region,
    email: input.email,
    ...(input.message ? { message: input.message } : {}),
    ...(input.language ? { language: input.language } : {}),
    status: 'pending',
    link: { generation: 1, hash: link.hash, nonce: link.nonce, issuedAt: now, expiresAt: plusSeconds(now, config().PARTNERSHIP_EXPIRY_SECONDS) },
    sendEmails: input.send,
    remindersSent: 0,
    createdBy: { sub: caller.sub, email: caller.email },
    version: 1,
    execution: { generation: 1, name: `${id}-g1` },
    createdAt: now,
    updatedAt: now,
    history: [{ at: now, actor: `user:${caller.sub}`, action: 'request.created', status: 'pending', to: 'pending', note: input.send ? 'sent by the system' : 'draft for the provider to send' }],
  };
  try {
    await transact([
      requestPut(request, requestTiming(), now),
      pendingLockPut(request),
      linkPut(link.hash, { kind: 'invitation', subjectId: id, generation: 1, expiresAt: request.link.expiresAt }, ttlOf(request.link.expiresAt)),
    ]);
  } catch (error) {
    if (isConditionFailed(error)) throw conflict('request_pending', 'A pending request to this address exists already; resend or revoke it.', 'PRT-10');
    throw error;
  }
  try {
    await startWorkflow(config().PARTNERSHIP_STATE_MACHINE_ARN, request.execution.name, { requestId: id, wakeups: 0 });
  } catch (error) {
    logger.error('could not start the partnership workflow', { requestId: id, error: error as Error });
  }
  const draft = await invitationEmail(request);
  return { request, link: linkUrl('invitation', link.token), draft: { subject: draft.subject, body: draft.text } };
}

async function ownRequest(caller: Caller, id: string) {
  const record = await getRequest(id);
  if (!record || record.request.providerTenantId !== caller.tenantId) throw notFound('partnership_request');
  return record;
}

/** PRT-10: resend = a new link and a new expiry; the old link dies; the email goes out. */
export async function resendRequest(caller: Caller, id: string) {
  await activeProvider(caller);
  await ownRequest(caller, id);
  const link = await issueLink('invitation');
  const { after } = await changeRequest(id, ({ request: r }, now) => {
    if (r.status !== 'pending') throw conflict('request_not_pending', `The request is ${r.status}.`, 'PRT-10');
    const expiresAt = plusSeconds(now, config().PARTNERSHIP_EXPIRY_SECONDS);
    const next = transitionRequest(r, { now, actor: `user:${caller.sub}`, action: 'request.resent' }, { link: { generation: r.link.generation + 1, hash: link.hash, nonce: link.nonce, issuedAt: now, expiresAt }, remindersSent: 0 });
    return { next, with: [linkDelete(r.link.hash), linkPut(link.hash, { kind: 'invitation', subjectId: id, generation: next.link.generation, expiresAt }, ttlOf(expiresAt))] };
  });
  return { request: after, link: linkUrl('invitation', link.token) };
}

/** PRT-10: a pending request can be revoked; its link dies. */
export async function revokeRequest(caller: Caller, id: string) {
  await ownRequest(caller, id);
  const { after } = await changeRequest(id, ({ request: r }, now) => {
    if (r.status !== 'pending') throw conflict('request_not_pending', `The request is ${r.status}.`, 'PRT-10');
    return { next: transitionRequest(r, { now, actor: `user:${caller.sub}`, action: 'request.revoked', status: 'revoked' }), with: [linkDelete(r.link.hash), pendingLockDelete(r)] };
  });
  return after;
}

/** The pending request a live invitation link belongs to, or LinkGone (reads only). */
export async function requestForLink(token: string): Promise<{ request: PartnershipRequest; hash: string }> {
  const { link, hash, now } = await liveLink(token, 'invitation');
  const record = await getRequest(link.subjectId);
  const r = record?.request;
  if (!r || r.status !== 'pending' || r.link.hash !== hash || r.link.expiresAt <= now) throw new LinkGone();
  return { request: r, hash };
}

/** Why this caller cannot accept, as an API error carrying the page to show. */
export class AcceptRefused extends ApiError {
  constructor(readonly page: 'wrong_role' | 'not_enrolled' | 'wrong_region' | 'already_partnered' | 'not_authorized_checkbox', status: number, rule: string, code: string, message: string) {
    super(status, status === 403 ? 'forbidden' : status === 409 ? 'conflict' : 'rule_violation', code, message, { rule });
  }
}

/**
 * PRT-3..6, PRT-10: a reseller admin authorises the provider. The relationship with its
 * grants, the pair lock and the request's acceptance are written in one transaction, so
 * of many concurrent accepts (or an accept racing a revoke) exactly one wins.
 */
export async function acceptInvitation(caller: Caller, token: string, authorize: boolean): Promise<Relationship> {
  const { request } = await requestForLink(token);
  if (!authorize) throw new AcceptRefused('not_authorized_checkbox', 422, 'PRT-4', 'authorization_required', 'Tick the authorisation to authorize the indirect provider.');
  const reseller = await getPartner(caller.tenantId);
  // An active reseller is enrolled (PRT-3) without looking at its enrollment.
  const enrollment = reseller?.status !== 'active' && reseller?.enrollmentId ? (await getEnrollment(reseller.enrollmentId))?.enrollment : undefined;
  const refusal = acceptRefusal({ roles: caller.roles, resellerTenantId: caller.tenantId, reseller, enrollment, request });
  if (refusal) throw new AcceptRefused(refusal.page, refusal.status, refusal.rule, refusal.code, refusal.message);
  // PRT-10's pair lock is a condition of the transaction below; a failed one is answered 409 there.
  const relationshipId = newId('rel');
  let created: Relationship | undefined;
  await changeRequest(
    request.id,
    ({ request: r }, now) => {
      if (r.status !== 'pending' || r.link.hash !== request.link.hash || r.link.expiresAt <= now) throw new LinkGone();
      const actor = `user:${caller.sub}`;
      const relationship: Relationship = {
        id: relationshipId,
        providerTenantId: r.providerTenantId,
        resellerTenantId: caller.tenantId,
        providerPartnerId: r.providerPartnerId,
        resellerPartnerId: reseller!.partnerId,
        providerName: r.providerName,
        resellerName: reseller!.company.legalName,
        region: r.providerRegion,
        state: 'active',
        grants: [...grants],
        requestId: r.id,
        authorizedBy: { sub: caller.sub, email: caller.email },
        createdAt: now,
        history: [{ at: now, actor, action: 'relationship.created', to: 'active', note: `grants: ${grants.join(', ')}` }],
      };
      created = relationship;
      const next = transitionRequest(r, { now, actor, action: 'request.accepted', status: 'accepted' }, { relationshipId, respondedBy: { sub: caller.sub, email: caller.email, tenantId: caller.tenantId } });
      return { next, with: [linkUse(r.link.hash, now), pendingLockDelete(r), pairLockPut(relationship), ...relationshipPuts(relationship)] };
    },
    async () => ((await pairExists(request.providerTenantId, caller.tenantId)) ? new AcceptRefused('already_partnered', 409, 'PRT-10', 'already_partnered', 'This reseller already has a partnership with the provider.') : undefined),
  );
  return created!;
}

/** Any signed-in user of the invited organisation may decline; the link dies. */
export async function declineInvitation(caller: Caller, token: string): Promise<PartnershipRequest> {
  const { request } = await requestForLink(token);
  const { after } = await changeRequest(
    request.id,
    ({ request: r }, now) => {
      if (r.status !== 'pending' || r.link.hash !== request.link.hash) throw new LinkGone();
      return {
        next: transitionRequest(r, { now, actor: `user:${caller.sub}`, action: 'request.declined', status: 'declined' }, { respondedBy: { sub: caller.sub, email: caller.email, tenantId: caller.tenantId } }),
        with: [linkUse(r.link.hash, now), pendingLockDelete(r)],
      };
    },
  );
  return after;
}
