import { completeProvisioning, failProvisioning, orderLifecycle, planProvisioning } from '#usecases/orders/lifecycle.js';
import { orderPorts } from '../wiring/orders.js';
import { lifecycleStepHandler } from './lifecycle-step.js';

/** The order workflow's Lambda steps (workflows/order.asl.json): load/park/expire, and plan/complete/fail around its Map of direct writes. */
export const handler = lifecycleStepHandler(orderLifecycle(orderPorts), 'done', {
  plan: (id) => planProvisioning(orderPorts, id),
  complete: (id) => completeProvisioning(orderPorts, id),
  fail: (id, step) => failProvisioning(orderPorts, id, step.error),
});
