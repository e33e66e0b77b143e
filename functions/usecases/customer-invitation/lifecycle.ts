/**
 * The customer invitation lifecycle (CUS-7, CUS-10) on the lifecycle mechanism: an
 * invitation (`#usecases/invitation.js`) with its store, its lock and its emails.
 */
import type { CustomerStore } from '#domain/customers.js';
import { invitationNotPendingRefusal, invitationPendingLock, type CustomerInvitation, type CustomerInvitationStore, type CustomerInvitationWrite } from '#domain/customer-invitations.js';
import type { Relationships } from '#domain/partnerships.js';
import type { Clock, Ids, LifecycleReader, LinkLookup, Links, Mailer, Partners, Workflows } from '#domain/ports.js';
import { config } from '#lib/config.js';
import { renderCustomerEmail } from '#messages/emails.js';
import { pickLanguage } from '#messages/language.js';
import { regionName } from '#messages/regions.js';
import { invitationLifecycle, type InvitationLifecycle } from '../invitation.js';

export interface CustomerInvitationPorts {
  invitations: CustomerInvitationStore;
  /** CUS-10: the customer of the accepting tenant, if the program knows it. */
  customers: Pick<CustomerStore, 'byTenant'>;
  /** CUS-7 / PRT-11: partnerships between resellers and providers. */
  relationships: Pick<Relationships, 'pairExists'>;
  partners: Partners;
  links: Links;
  mailer: Mailer;
  workflows: Workflows;
  clock: Clock;
  ids: Ids;
}

/** What a link's page reads (CUS-7: GET changes nothing): the invitation behind a live link. */
export interface CustomerInvitationLinkPorts {
  invitations: LifecycleReader<CustomerInvitation>;
  links: LinkLookup;
  clock: Clock;
}

export type CustomerInvitationLifecycle = InvitationLifecycle<CustomerInvitation, CustomerInvitationWrite> & { ports: CustomerInvitationPorts };

/** The link of the invitation's current generation (the same across reminders). */
export const customerLink = async (p: Pick<CustomerInvitationPorts, 'links'>, e: CustomerInvitation) =>
  p.links.url('customer-invitation', await p.links.tokenOf('customer-invitation', e.link.nonce));

/** CUS-7: the invitation in the invitee's language (GEN-2), as draft or email. */
export async function customerInvitationEmail(p: Pick<CustomerInvitationPorts, 'links'>, e: CustomerInvitation, reminderNumber?: number) {
  const language = e.language ?? 'en';
  const base = {
    partnerName: e.partnerName,
    partnerType: e.partnerType,
    partnerRegionName: regionName(e.partnerRegion, language),
    ...(e.provider ? { providerName: e.provider.name } : {}),
    ...(e.customerName ? { customerName: e.customerName } : {}),
    ...(e.message ? { message: e.message } : {}),
    delegatedAdmin: e.delegatedAdmin,
    link: await customerLink(p, e),
    expiresAt: e.link.expiresAt,
  };
  return renderCustomerEmail(reminderNumber === undefined ? { kind: 'customer.invitation', ...base } : { kind: 'customer.invitation_reminder', ...base, reminderNumber }, language);
}

/** CUS-7: the inviting partner (and the named provider) hear of the acceptance, each in its own language. */
async function acceptedEmails(p: CustomerInvitationPorts, e: CustomerInvitation): Promise<void> {
  const customerName = e.customerName ?? e.respondedBy?.email.split('@')[1] ?? e.email;
  const names = { partnerName: e.partnerName, customerName, ...(e.provider ? { providerName: e.provider.name } : {}), delegatedAdmin: e.delegatedAdmin };
  const partner = await p.partners.get(e.partnerTenantId);
  await p.mailer.send({ to: e.createdBy.email, ...renderCustomerEmail({ kind: 'customer.accepted', recipient: 'partner', ...names }, pickLanguage(partner?.primaryContact.language, undefined)), tags: { invitation: e.id } });
  if (e.provider) {
    const provider = await p.partners.get(e.provider.tenantId);
    if (provider) await p.mailer.send({ to: provider.primaryContact.email, ...renderCustomerEmail({ kind: 'customer.accepted', recipient: 'provider', ...names }, pickLanguage(provider.primaryContact.language, undefined)), tags: { invitation: e.id } });
  }
}

export function customerInvitationLifecycle(p: CustomerInvitationPorts): CustomerInvitationLifecycle {
  const lc = invitationLifecycle<CustomerInvitation, CustomerInvitationWrite>({
    name: 'customer-invitation',
    what: 'customer_invitation',
    linkKind: 'customer-invitation',
    store: p.invitations,
    workflows: p.workflows,
    clock: p.clock,
    links: p.links,
    pendingLock: invitationPendingLock,
    reminders: () => config().CUSTOMER_INVITATION_REMINDERS_SECONDS,
    expirySeconds: () => config().CUSTOMER_INVITATION_EXPIRY_SECONDS,
    livenessSeconds: () => config().LIVENESS_CHECK_SECONDS,
    actions: { reminder: 'reminder.customer_invitation', expired: 'invitation.expired', resent: 'invitation.resent', revoked: 'invitation.revoked' },
    async sendInvitation(e, reminderNumber) {
      await p.mailer.send({ to: e.email, ...(await customerInvitationEmail(p, e, reminderNumber)), tags: { invitation: e.id } });
    },
    async sendOutcome(e, status) {
      if (status === 'accepted') await acceptedEmails(p, e);
    },
    notPending: invitationNotPendingRefusal,
  });
  return Object.assign(lc, { ports: p });
}
