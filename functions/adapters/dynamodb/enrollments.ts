import { nextDue, type Enrollment, type EnrollmentReader, type EnrollmentStore, type EnrollmentWrite, type Timing } from '#domain/enrollment.js';
import { config } from '#lib/config.js';
import { systemClock } from '#lib/clock.js';
import type { LifecycleReader } from '#domain/ports.js';
import { tableName } from './client.js';
import { compose } from '../compose.js';
import { dynamoDueIndex } from './due-index.js';
import { dynamoLifecycleReader } from './lifecycle-reader.js';
import { dynamoLifecycleWriter, type TransactItem } from './lifecycle-store.js';
import { partnerItems, partnerKey, registryKey } from './partners.js';

/** The reminder and deadline schedule, from the configuration. */
export function timing(): Timing {
  const c = config();
  return {
    verificationRemindersSeconds: c.VERIFICATION_REMINDERS_SECONDS,
    verificationExpirySeconds: c.VERIFICATION_EXPIRY_SECONDS,
    agreementReminderIntervalSeconds: c.AGREEMENT_REMINDER_INTERVAL_SECONDS,
    agreementReminderMax: c.AGREEMENT_REMINDER_MAX,
    moreInfoRemindersSeconds: c.MORE_INFO_REMINDERS_SECONDS,
    moreInfoExpirySeconds: c.MORE_INFO_EXPIRY_SECONDS,
    livenessCheckSeconds: c.LIVENESS_CHECK_SECONDS,
  };
}

function enrollmentItems(write: EnrollmentWrite): TransactItem[] {
  switch (write.type) {
    case 'partner.status':
    case 'partner.agreement':
      return partnerItems(write);
    case 'enrollment.open': {
      const e = write.enrollment;
      return [
        {
          Update: {
            TableName: tableName(),
            Key: registryKey(e.partnerId),
            UpdateExpression: 'SET linkedTenantId = :t',
            ConditionExpression: '#status = :active AND country = :c AND (attribute_not_exists(linkedTenantId) OR linkedTenantId = :t)',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':t': e.tenantId, ':active': 'active', ':c': e.company.address.country },
          },
        },
        {
          Put: {
            TableName: tableName(),
            Item: { ...partnerKey(write.partner.tenantId), ...write.partner },
            // ENR-5, the one enrollment per tenant: only a tenant with no profile yet, or a
            // reseller whose enrollment ended (inactive), may open one. A profile is `enrolling`
            // exactly while an enrollment is open (its end sets `inactive` in the same
            // transaction), so this condition is the tenant's lock and no lock item is needed.
            ConditionExpression: 'attribute_not_exists(pk) OR (#type = :reseller AND #status = :inactive)',
            ExpressionAttributeNames: { '#type': 'type', '#status': 'status' },
            ExpressionAttributeValues: { ':reseller': 'indirect_reseller', ':inactive': 'inactive' },
          },
        },
      ];
    }
    case 'enrollment.release':
      return [
        {
          Update: {
            TableName: tableName(),
            Key: registryKey(write.enrollment.partnerId),
            UpdateExpression: 'REMOVE linkedTenantId',
            ConditionExpression: 'linkedTenantId = :t',
            ExpressionAttributeValues: { ':t': write.enrollment.tenantId },
          },
        },
      ];
  }
}

const statusList = (status: string) => `ENRSTATUS#${status}`;

const PREFIX = 'ENROLLMENT';
const reader = /* @__PURE__ */ dynamoLifecycleReader<Enrollment>(PREFIX);

/** One enrollment by id, read only (a GET by id, the verification link's page): no list query. */
export const enrollmentLoader: LifecycleReader<Enrollment> = { load: (id) => reader.load(id) };

/** The enrollments read only (GET routes). */
export const enrollmentReader: EnrollmentReader = {
  load: (id) => reader.load(id),
  /** The operator's review queue: enrollments in a status, oldest first, paginated. */
  byStatus: (status, limit, cursor) => reader.listPage(statusList(status), {}, limit, cursor),
};

const writer = /* @__PURE__ */ dynamoLifecycleWriter<Enrollment, EnrollmentWrite>({
  prefix: PREFIX,
  now: () => systemClock.now().toISOString(),
  indexOf(e, now) {
    const due = nextDue(e, timing(), now);
    return { list: { pk: statusList(e.status), sk: `${e.createdAt}#${e.id}` }, ...(due ? { due } : {}) };
  },
  translate: enrollmentItems,
});

/** The enrollment store on DynamoDB. */
export const enrollments: EnrollmentStore = /* @__PURE__ */ compose(enrollmentReader, writer);

/** What of the enrollments is due (the sweep only). */
export const enrollmentsDue = /* @__PURE__ */ dynamoDueIndex(PREFIX);
