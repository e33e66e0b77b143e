/**
 * The partnership request lifecycle (PRT-2, PRT-5, PRT-10) on the lifecycle mechanism:
 * its store, its steps, the emails each state owes, its reminders and expiry.
 */
import type { Enrollment } from '#domain/enrollment.js';
import { isRequestOverdue, pendingLockId, requestNextDue, requestNotificationKey, requestStep, transitionRequest, type PartnershipRequest, type PartnershipRequestStore, type PartnershipWrite, type RequestDue, type RequestStep, type Relationships } from '#domain/partnerships.js';
import type { Clock, Ids, LifecycleStore, Links, Mailer, Partners, Workflows } from '#domain/ports.js';
import { config } from '#lib/config.js';
import { renderEmail } from '#messages/emails.js';
import { pickLanguage } from '#messages/language.js';
import { regionName } from '#messages/regions.js';
import { change, expireIf, type Lifecycle } from '../lifecycle.js';

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

export type PartnershipLifecycle = Lifecycle<PartnershipRequest, PartnershipWrite, RequestStep, RequestDue> & { ports: PartnershipPorts };

/** The invitation link of the request's current generation (the same across reminders). */
export const invitationLink = async (p: Pick<PartnershipPorts, 'links'>, r: PartnershipRequest) => p.links.url('invitation', await p.links.tokenOf('invitation', r.link.nonce));

/** PRT-2: the invitation in the invitee's language (GEN-2), as draft or email. */
export async function invitationEmail(p: Pick<PartnershipPorts, 'links'>, r: PartnershipRequest, reminderNumber?: number) {
  const language = r.language ?? 'en';
  const base = { providerName: r.providerName, providerRegionName: regionName(r.providerRegion, language), link: await invitationLink(p, r), expiresAt: r.link.expiresAt, ...(r.message ? { message: r.message } : {}) };
  return renderEmail(reminderNumber === undefined ? { kind: 'partnership.invitation', ...base } : { kind: 'partnership.reminder', ...base, reminderNumber }, language);
}

/** PRT-5: both sides hear of an accepted request, each in its own language. */
async function acceptedEmails(p: PartnershipPorts, r: PartnershipRequest): Promise<void> {
  const reseller = r.respondedBy ? await p.partners.get(r.respondedBy.tenantId) : undefined;
  const provider = await p.partners.get(r.providerTenantId);
  const names = { providerName: r.providerName, resellerName: reseller?.company.legalName ?? r.email };
  await p.mailer.send({ to: r.createdBy.email, ...renderEmail({ kind: 'partnership.accepted', recipient: 'provider', ...names }, pickLanguage(provider?.primaryContact.language, undefined)) });
  if (r.respondedBy) {
    await p.mailer.send({ to: r.respondedBy.email, ...renderEmail({ kind: 'partnership.accepted', recipient: 'reseller', ...names }, pickLanguage(reseller?.primaryContact.language ?? r.language, undefined)) });
  }
}

const HOUR = 3600;

export function partnershipLifecycle(p: PartnershipPorts): PartnershipLifecycle {
  const lc: PartnershipLifecycle = {
    ports: p,
    name: 'partnership-request',
    what: 'partnership_request',
    store: p.requests,
    workflows: p.workflows,
    clock: p.clock,
    nextStep: requestStep,
    waitSeconds: (r, now) => Math.max(60, Math.ceil((Date.parse(r.link.expiresAt) - Date.parse(now)) / 1000) + HOUR),
    owedNotification: (r) => requestNotificationKey(r),
    async send(r, key) {
      if (key.startsWith('invitation#')) await p.mailer.send({ to: r.email, ...(await invitationEmail(p, r)), tags: { request: r.id } });
      else if (key === 'accepted') await acceptedEmails(p, r);
    },
    isOpen: (r) => r.status === 'pending',
    nextDue: (r, now) => requestNextDue(r, config().PARTNERSHIP_REMINDERS_SECONDS, config().LIVENESS_CHECK_SECONDS, now),
    async onDue(id, action) {
      switch (action) {
        case 'expire':
          return (await lc.expireIfOverdue(id, 'system:sweep')) ? 'expired' : undefined;
        case 'reminder': {
          const { after } = await change(lc, id, ({ entity: r }, now) => ({
            next: transitionRequest(r, { now, actor: 'system:sweep', action: 'reminder.partnership' }, { remindersSent: r.remindersSent + 1 }),
            wake: false,
          }));
          await p.mailer.send({ to: after.email, ...(await invitationEmail(p, after, after.remindersSent)), tags: { request: id } });
          return 'reminded';
        }
      }
    },
    /** PRT-10: a pending request past its expiry expires; its link and pending lock go. */
    expireIfOverdue: (id, actor) =>
      expireIf(lc, id, isRequestOverdue, ({ entity: r }, now) => ({
        next: transitionRequest(r, { now, actor, action: 'request.expired', status: 'expired' }),
        writes: [
          { type: 'link.delete', hash: r.link.hash },
          { type: 'lock.release', lock: { kind: 'partnership-pending', id: pendingLockId(r) } },
        ],
      })),
  };
  return lc;
}
