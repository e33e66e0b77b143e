import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logger } from '#lib/observability.js';
import { enrollmentLifecycle } from '#usecases/enrollment/lifecycle.js';
import { orderLifecycle } from '#usecases/orders/lifecycle.js';
import { partnershipLifecycle } from '#usecases/partnership-request/lifecycle.js';
import { customerInvitationLifecycle } from '#usecases/customer-invitation/lifecycle.js';
import { sweep } from '#usecases/sweep.js';
import { customerInvitationsDue } from '#adapters/dynamodb/customer-invitations.js';
import { enrollmentsDue } from '#adapters/dynamodb/enrollments.js';
import { ordersDue } from '#adapters/dynamodb/orders.js';
import { partnershipRequestsDue } from '#adapters/dynamodb/partnerships.js';
import { enrollmentPorts } from '../wiring/enrollment.js';
import { orderPorts } from '../wiring/orders.js';
import { partnershipPorts } from '../wiring/partnership.js';
import { customerInvitationPorts } from '../wiring/customer-invitation.js';

/** Every lifecycle the sweep drains, in order, with its due index (only the sweep reads those). */
const lifecycles = [
  { lifecycle: enrollmentLifecycle(enrollmentPorts), due: enrollmentsDue },
  { lifecycle: partnershipLifecycle(partnershipPorts), due: partnershipRequestsDue },
  { lifecycle: orderLifecycle(orderPorts), due: ordersDue },
  { lifecycle: customerInvitationLifecycle(customerInvitationPorts), due: customerInvitationsDue },
];

/** EventBridge Scheduler target: reminders, deadlines and re-drive of what is due. */
export const handler = middy()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async () => {
    const result = await sweep(lifecycles as never);
    logger.info('sweep finished', { ...result });
    return result;
  });
