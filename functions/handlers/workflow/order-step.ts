import { loadStep } from '#usecases/lifecycle.js';
import { completeProvisioning, failProvisioning, orderLifecycle, planProvisioning } from '#usecases/orders/lifecycle.js';
import { orderPorts } from '../wiring/orders.js';
import { lifecycleStepHandler } from './lifecycle-step.js';

const lifecycle = orderLifecycle(orderPorts);

/**
 * After recording the outcome, the same invocation loads again (sends the confirmation
 * once) and answers the routing: one invocation, not two. A failure of that load is named
 * apart, so the workflow loads again instead of undoing a recorded outcome.
 */
async function thenLoad(id: string, wakeups: number | undefined) {
  try {
    return { id, wakeups: wakeups ?? 0, ...(await loadStep(lifecycle, id, 'done')) };
  } catch (error) {
    throw Object.assign(new Error(`the outcome is recorded; loading after it failed: ${(error as Error).message}`), { name: 'LoadAfterOutcomeFailed' });
  }
}

/** The order workflow's Lambda steps (workflows/order.asl.json): load/expire, and plan/complete/fail around its Map of direct writes. */
export const handler = lifecycleStepHandler(lifecycle, 'done', {
  plan: (id) => planProvisioning(orderPorts, id),
  complete: async (id, step) => {
    await completeProvisioning(orderPorts, id);
    return thenLoad(id, step.wakeups);
  },
  fail: async (id, step) => {
    await failProvisioning(orderPorts, id, step.error);
    return thenLoad(id, step.wakeups);
  },
});
