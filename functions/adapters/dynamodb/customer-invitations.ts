import { invitationNextDue } from '#domain/lifecycle.js';
import type { CustomerInvitation, CustomerInvitationReader, CustomerInvitationStore, CustomerInvitationWrite } from '#domain/customer-invitations.js';
import type { LifecycleReader } from '#domain/ports.js';
import { config } from '#lib/config.js';
import { systemClock } from '#lib/clock.js';
import { compose } from '../compose.js';
import { customerItems } from './customers.js';
import { dynamoDueIndex } from './due-index.js';
import { dynamoLifecycleReader } from './lifecycle-reader.js';
import { dynamoLifecycleWriter, type TransactItem } from './lifecycle-store.js';

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

const PREFIX = 'CINV';
const reader = /* @__PURE__ */ dynamoLifecycleReader<CustomerInvitation>(PREFIX);

/** One customer invitation by id, read only (the customer link's page): no list query. */
export const customerInvitationLoader: LifecycleReader<CustomerInvitation> = { load: (id) => reader.load(id) };

/** The customer invitations read only (GET routes and link pages). */
export const customerInvitationReader: CustomerInvitationReader = {
  load: (id) => reader.load(id),
  ofPartner: (partnerTenantId, status, limit, cursor) => reader.listPage(listKey(partnerTenantId), { status, newestFirst: true }, limit, cursor),
};

const writer = /* @__PURE__ */ dynamoLifecycleWriter<CustomerInvitation, CustomerInvitationWrite>({
  prefix: PREFIX,
  now: () => systemClock.now().toISOString(),
  indexOf(e, now) {
    const c = config();
    const due = invitationNextDue(e, c.CUSTOMER_INVITATION_REMINDERS_SECONDS, c.LIVENESS_CHECK_SECONDS, now);
    return { list: { pk: listKey(e.partnerTenantId), sk: `${e.createdAt}#${e.id}` }, ...(due ? { due } : {}) };
  },
  translate,
});

/** The customer invitation store on DynamoDB. */
export const customerInvitations: CustomerInvitationStore = /* @__PURE__ */ compose(customerInvitationReader, writer);

/** What of the customer invitations is due (the sweep only). */
export const customerInvitationsDue = /* @__PURE__ */ dynamoDueIndex(PREFIX);
