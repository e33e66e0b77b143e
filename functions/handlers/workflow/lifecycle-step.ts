import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import * as z from 'zod/mini';
import type { LifecycleEntity } from '#domain/history.js';
import { logger } from '#lib/observability.js';
import { loadStep, type Lifecycle } from '#usecases/lifecycle.js';

const Id = z.string().check(z.minLength(1), z.maxLength(100));

/**
 * The Lambda steps every lifecycle's workflow calls: `load` (read the entity, send what its
 * state owes once, answer the next step), `park` (park the task token on the entity) and
 * `expire` (the wait's timeout backstop), plus any step a lifecycle needs code for.
 */
export function lifecycleStepHandler<T extends LifecycleEntity, Step extends string>(
  lifecycle: Omit<Lifecycle<T, never, Step, string>, 'fold'>,
  done: Step,
  extra: Record<string, (id: string, step: { error?: string | undefined; wakeups?: number | undefined }) => Promise<unknown>> = {},
) {
  const Step = z.discriminatedUnion('action', [
    z.object({ action: z.literal('load'), id: Id, wakeups: z.int().check(z.gte(0)) }),
    z.object({ action: z.literal('expire'), id: Id }),
    z.object({ action: z.enum(Object.keys(extra).length ? (Object.keys(extra) as [string, ...string[]]) : ['-']), id: Id, error: z.optional(z.string().check(z.maxLength(500))), wakeups: z.optional(z.int().check(z.gte(0))) }),
  ]);
  async function lifecycleStep(event: unknown) {
    const step = Step.parse(event);
    switch (step.action) {
      case 'load':
        // The workflow's state is this answer: the id and the wake-up count travel through it.
        return { id: step.id, wakeups: 'wakeups' in step ? step.wakeups : 0, ...(await loadStep(lifecycle, step.id, done)) };
      case 'expire':
        return { expired: await lifecycle.expireIfOverdue(step.id, 'system:workflow-timeout') };
      default:
        return (await extra[step.action]!(step.id, 'error' in step ? { error: step.error, wakeups: step.wakeups } : {})) ?? {};
    }
  }
  return middy().use(injectLambdaContext(logger, { resetKeys: true })).handler(lifecycleStep);
}
