import { invitationNextDue } from '#domain/lifecycle.js';
import type { CustomerInvitation, CustomerInvitationStore, CustomerInvitationWrite } from '#domain/customer-invitations.js';
import { config } from '#lib/config.js';
import { systemClock } from '#lib/clock.js';
import { customerItems } from './customers.js';
import { dynamoLifecycleStore, type TransactItem } from './lifecycle-store.js';

const listKey = (partnerTenantId: string) => `PARTNER#${partnerTenantId}#CINV`;

/** The customer an acceptance creates or relates, in the same transaction as the invitation's change. */
function translate(write: CustomerInvitationWrite): TransactItem[] {
  switch (write.type) {
    case 'customer.create':
      return customerItems.create(write.customer, []);
    case 'customer.update':
      return customerItems.commit(write.customer, write.read, []);
    case 'customer.relate':
      return customerItems.writes([write]);
  }
}

const store = dynamoLifecycleStore<CustomerInvitation, CustomerInvitationWrite>({
  prefix: 'CINV',
  now: () => systemClock.now().toISOString(),
  indexOf(e, now) {
    const c = config();
    const due = invitationNextDue(e, c.CUSTOMER_INVITATION_REMINDERS_SECONDS, c.LIVENESS_CHECK_SECONDS, now);
    return { list: { pk: listKey(e.partnerTenantId), sk: `${e.createdAt}#${e.id}` }, ...(due ? { due } : {}) };
  },
  translate,
});

/** The customer invitation store on DynamoDB. */
export const customerInvitations: CustomerInvitationStore = {
  ...store,
  ofPartner: (partnerTenantId, status, limit, cursor) => store.listPage(listKey(partnerTenantId), { status, newestFirst: true }, limit, cursor),
};
