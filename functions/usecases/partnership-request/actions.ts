/** The partnership request's actions (PRT-1..10): what providers and resellers do through the API and the link pages. */
import { nextEntityLink } from '#domain/links.js';
import {
  acceptRefusal,
  alreadyPartnered,
  authorizationRefusal,
  newRelationship,
  pairLockId,
  requestingProviderRefusal,
  transitionRequest,
  type PartnershipRequest,
  type PartnershipRequestReader,
  type Relationship,
  type RequestStatus,
} from '#domain/partnerships.js';
import { firstExecution } from '#domain/history.js';
import { assertAllowed, conflict, notFound, Refused } from '#domain/refusal.js';
import type { Caller } from '#domain/caller.js';
import type { Language, Partner } from '#domain/partners.js';
import type { Stored } from '#domain/ports.js';
import { config } from '#lib/config.js';
import { startEntity, change } from '../lifecycle.js';
import { answerWrites, invitationForLink, newInvitationWrites, resendInvitation, revokeInvitation } from '../invitation.js';
import { invitationEmail, partnershipLifecycle, type PartnershipLinkPorts, type PartnershipPorts } from './lifecycle.js';

export interface RequestInput {
  email: string;
  message?: string | undefined;
  language?: Language | undefined;
  send: boolean;
}

/** PRT-1: the caller's tenant as an active indirect provider. */
async function activeProvider(p: Pick<PartnershipPorts, 'partners'>, caller: Caller) {
  const provider = await p.partners.get(caller.tenantId);
  const registry = provider ? await p.partners.registryEntry(provider.partnerId) : undefined;
  assertAllowed(requestingProviderRefusal(provider, registry));
  return provider!;
}

/** `POST /partnership-requests` (PRT-1, PRT-2, PRT-10). */
export async function createRequest(p: PartnershipPorts, caller: Caller, input: RequestInput) {
  const provider = await activeProvider(p, caller);
  const now = p.clock.now().toISOString();
  const issued = await p.links.issue('invitation');
  const id = p.ids.newId('preq');
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
    link: nextEntityLink(issued, 0, now, config().PARTNERSHIP_EXPIRY_SECONDS),
    sendEmails: input.send,
    remindersSent: 0,
    createdBy: { sub: caller.sub, email: caller.email },
    version: 1,
    execution: firstExecution(id),
    createdAt: now,
    updatedAt: now,
    history: [{ at: now, actor: `user:${caller.sub}`, action: 'request.created', status: 'pending', to: 'pending', note: input.send ? 'sent by the system' : 'draft for the provider to send' }],
  };
  const lc = partnershipLifecycle(p);
  await startEntity(
    lc,
    request,
    newInvitationWrites(lc.definition, request, issued),
    () => conflict('request_pending', 'A pending request to this address exists already; resend or revoke it.', 'PRT-10'),
  );
  const draft = await invitationEmail(p, request);
  return { request, link: p.links.url('invitation', issued.token), draft: { subject: draft.subject, body: draft.text } };
}

/** `GET /partnership-requests`: the provider's own requests. */
export const listRequests = (p: { requests: Pick<PartnershipRequestReader, 'ofProvider'> }, caller: Caller, status: RequestStatus | undefined, limit: number, cursor?: Record<string, unknown>) =>
  p.requests.ofProvider(caller.tenantId, status, limit, cursor);

async function ownRequest(p: Pick<PartnershipPorts, 'requests'>, caller: Caller, id: string) {
  const stored = await p.requests.load(id);
  if (!stored || stored.entity.providerTenantId !== caller.tenantId) throw notFound('partnership_request');
  return stored;
}

/** PRT-10: resend = a new link and a new expiry; the old link dies; the email goes out. */
export async function resendRequest(p: PartnershipPorts, caller: Caller, id: string) {
  await activeProvider(p, caller);
  const read = await ownRequest(p, caller, id);
  const { invitation, link } = await resendInvitation(partnershipLifecycle(p), id, `user:${caller.sub}`, read);
  return { request: invitation, link };
}

/** PRT-10: a pending request can be revoked; its link dies. */
export async function revokeRequest(p: PartnershipPorts, caller: Caller, id: string) {
  const read = await ownRequest(p, caller, id);
  return revokeInvitation(partnershipLifecycle(p), id, `user:${caller.sub}`, read);
}

/** The pending request a live invitation link belongs to; any other token is gone. Reads only. */
export async function requestForLink(p: PartnershipLinkPorts, token: string): Promise<{ request: PartnershipRequest; hash: string; stored: Stored<PartnershipRequest> }> {
  const { invitation, hash, stored } = await invitationForLink({ store: p.requests, links: p.links, clock: p.clock, linkKind: 'invitation' }, token);
  return { request: invitation, hash, stored };
}

/**
 * PRT-3..6, PRT-10: a reseller admin authorises the provider. The relationship with its
 * grants, the pair lock and the request's acceptance are written in one transaction, so
 * of many concurrent accepts (or an accept racing a revoke) exactly one wins.
 */
export async function acceptInvitation(p: PartnershipPorts, caller: Caller, token: string, authorize: boolean): Promise<{ relationship: Relationship; reseller: Partner | undefined }> {
  // The link's request and the caller's profile in one round trip; the refusals keep their order.
  const [found, reseller] = await Promise.allSettled([requestForLink(p, token), p.partners.get(caller.tenantId)]);
  if (found.status === 'rejected') throw found.reason;
  if (reseller.status === 'rejected') throw reseller.reason;
  const { request, hash, stored } = found.value;
  return { relationship: await acceptRequest(p, caller, request, hash, stored, authorize, reseller.value), reseller: reseller.value };
}

async function acceptRequest(p: PartnershipPorts, caller: Caller, request: PartnershipRequest, hash: string, stored: Stored<PartnershipRequest>, authorize: boolean, reseller: Partner | undefined): Promise<Relationship> {
  assertAllowed(authorizationRefusal(authorize));
  // An active reseller is enrolled (PRT-3) without looking at its enrollment.
  const enrollment = reseller?.status !== 'active' && reseller?.enrollmentId ? (await p.enrollments.load(reseller.enrollmentId))?.entity : undefined;
  assertAllowed(acceptRefusal({ roles: caller.roles, resellerTenantId: caller.tenantId, reseller, enrollment, request }));
  const relationshipId = p.ids.newId('rel');
  let created: Relationship | undefined;
  const lc = partnershipLifecycle(p);
  await change(
    lc,
    request.id,
    ({ entity: r }, now) => {
      const answered = answerWrites(lc.definition, r, hash, now);
      const relationship = newRelationship(r, relationshipId, reseller!, { sub: caller.sub, email: caller.email }, now);
      created = relationship;
      const next = transitionRequest(r, { now, actor: `user:${caller.sub}`, action: 'request.accepted', status: 'accepted' }, { relationshipId, respondedBy: { sub: caller.sub, email: caller.email, tenantId: caller.tenantId } });
      return {
        next,
        writes: [
          ...answered,
          // PRT-10's pair lock: a held one fails the transaction, answered below.
          { type: 'lock.take', lock: { kind: 'partnership-pair', id: pairLockId(r.providerTenantId, caller.tenantId) }, owner: relationshipId },
          { type: 'relationship.create', relationship },
        ],
      };
    },
    { read: stored, onLostRace: async () => ((await p.relationships.pairExists(request.providerTenantId, caller.tenantId)) ? new Refused(alreadyPartnered()) : undefined) },
  );
  return created!;
}

/** Any signed-in user of the invited organisation may decline; the link dies. */
export async function declineInvitation(p: PartnershipPorts, caller: Caller, token: string): Promise<PartnershipRequest> {
  const { request, hash, stored } = await requestForLink(p, token);
  const lc = partnershipLifecycle(p);
  const { after } = await change(
    lc,
    request.id,
    ({ entity: r }, now) => ({
      next: transitionRequest(r, { now, actor: `user:${caller.sub}`, action: 'request.declined', status: 'declined' }, { respondedBy: { sub: caller.sub, email: caller.email, tenantId: caller.tenantId } }),
      writes: answerWrites(lc.definition, r, hash, now),
    }),
    { read: stored },
  );
  return after;
}
