/**
 * The partnership request lifecycle (PRT-2, PRT-5, PRT-10) on the lifecycle mechanism:
 * its store, its steps, the emails each state owes, its reminders and expiry.
 */
import type { Enrollment } from '#domain/enrollment.js';
import { notPendingRefusal, pendingLockId, type PartnershipRequest, type PartnershipRequestStore, type PartnershipWrite, type Relationships } from '#domain/partnerships.js';
import type { Clock, Ids, LifecycleReader, LifecycleStore, LinkLookup, Links, Mailer, Partners, Workflows } from '#domain/ports.js';
import { config } from '#lib/config.js';
import { renderPartnershipEmail } from '#messages/emails.js';
import { pickLanguage } from '#messages/language.js';
import { regionName } from '#messages/regions.js';
import { invitationLifecycle, type InvitationLifecycle } from '../invitation.js';

export interface PartnershipPorts {
  requests: PartnershipRequestStore;
  relationships: Relationships;
  partners: Partners;
  /** PRT-3 reads a reseller's enrollment. */
  enrollments: Pick<LifecycleStore<Enrollment, never>, 'load'>;
  links: Links;
  mailer: Mailer;
  workflows: Workflows;
  clock: Clock;
  ids: Ids;
}

/** What a link's page reads (PRT-4: GET changes nothing): the request behind a live link. */
export interface PartnershipLinkPorts {
  requests: LifecycleReader<PartnershipRequest>;
  links: LinkLookup;
  clock: Clock;
}

export type PartnershipLifecycle = InvitationLifecycle<PartnershipRequest, PartnershipWrite> & { ports: PartnershipPorts };

/** The invitation link of the request's current generation (the same across reminders). */
export const invitationLink = async (p: Pick<PartnershipPorts, 'links'>, r: PartnershipRequest) => p.links.url('invitation', await p.links.tokenOf('invitation', r.link.nonce));

/** PRT-2: the invitation in the invitee's language (GEN-2), as draft or email. */
export async function invitationEmail(p: Pick<PartnershipPorts, 'links'>, r: PartnershipRequest, reminderNumber?: number) {
  const language = r.language ?? 'en';
  const base = { providerName: r.providerName, providerRegionName: regionName(r.providerRegion, language), link: await invitationLink(p, r), expiresAt: r.link.expiresAt, ...(r.message ? { message: r.message } : {}) };
  return renderPartnershipEmail(reminderNumber === undefined ? { kind: 'partnership.invitation', ...base } : { kind: 'partnership.reminder', ...base, reminderNumber }, language);
}

/** PRT-5: both sides hear of an accepted request, each in its own language. */
async function acceptedEmails(p: PartnershipPorts, r: PartnershipRequest): Promise<void> {
  // Both profiles in one read, both emails at once.
  const profiles = await p.partners.getMany([r.providerTenantId, ...(r.respondedBy ? [r.respondedBy.tenantId] : [])]);
  const reseller = r.respondedBy ? profiles.get(r.respondedBy.tenantId) : undefined;
  const provider = profiles.get(r.providerTenantId);
  const names = { providerName: r.providerName, resellerName: reseller?.company.legalName ?? r.email };
  await Promise.all([
    p.mailer.send({ to: r.createdBy.email, ...renderPartnershipEmail({ kind: 'partnership.accepted', recipient: 'provider', ...names }, pickLanguage(provider?.primaryContact.language, undefined)) }),
    ...(r.respondedBy ? [p.mailer.send({ to: r.respondedBy.email, ...renderPartnershipEmail({ kind: 'partnership.accepted', recipient: 'reseller', ...names }, pickLanguage(reseller?.primaryContact.language ?? r.language, undefined)) })] : []),
  ]);
}

/** PRT-10: the partnership request is an invitation of the mechanism (`#usecases/invitation.js`). */
export function partnershipLifecycle(p: PartnershipPorts): PartnershipLifecycle {
  const lc = invitationLifecycle<PartnershipRequest, PartnershipWrite>({
    name: 'partnership-request',
    what: 'partnership_request',
    linkKind: 'invitation',
    store: p.requests,
    workflows: p.workflows,
    clock: p.clock,
    links: p.links,
    pendingLock: (r) => ({ kind: 'partnership-pending', id: pendingLockId(r) }),
    reminders: () => config().PARTNERSHIP_REMINDERS_SECONDS,
    expirySeconds: () => config().PARTNERSHIP_EXPIRY_SECONDS,
    livenessSeconds: () => config().LIVENESS_CHECK_SECONDS,
    actions: { reminder: 'reminder.partnership', expired: 'request.expired', resent: 'request.resent', revoked: 'request.revoked' },
    async sendInvitation(r, reminderNumber) {
      await p.mailer.send({ to: r.email, ...(await invitationEmail(p, r, reminderNumber)), tags: { request: r.id } });
    },
    async sendOutcome(r, status) {
      if (status === 'accepted') await acceptedEmails(p, r);
    },
    notPending: notPendingRefusal,
  });
  return Object.assign(lc, { ports: p });
}
