import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logger } from '#lib/observability.js';
import { enrollmentLifecycle } from '#usecases/enrollment/lifecycle.js';
import { orderLifecycle } from '#usecases/orders/lifecycle.js';
import { partnershipLifecycle } from '#usecases/partnership-request/lifecycle.js';
import { customerInvitationLifecycle } from '#usecases/customer-invitation/lifecycle.js';
import { sweep } from '#usecases/sweep.js';
import { enrollmentPorts } from '../wiring/enrollment.js';
import { orderPorts } from '../wiring/orders.js';
import { partnershipPorts } from '../wiring/partnership.js';
import { customerInvitationPorts } from '../wiring/customer-invitation.js';

/** Every lifecycle the sweep drains, in order. */
const lifecycles = [enrollmentLifecycle(enrollmentPorts), partnershipLifecycle(partnershipPorts), orderLifecycle(orderPorts), customerInvitationLifecycle(customerInvitationPorts)];

/** EventBridge Scheduler target: reminders, deadlines and re-drive of what is due. */
export const handler = middy()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async () => {
    const result = await sweep(lifecycles as never);
    logger.info('sweep finished', { ...result });
    return result;
  });
