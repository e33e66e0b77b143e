import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { z } from 'zod';
import { logger } from '#lib/observability.js';
import { activate, expireIfOverdue, parkWorkflow, syncEnrollment } from '#usecases/enrollment-workflow.js';

const StepEvent = z.discriminatedUnion('action', [
  z.object({ action: z.literal('sync'), enrollmentId: z.string(), wakeups: z.number().int().min(0) }),
  z.object({ action: z.literal('wait'), enrollmentId: z.string(), taskToken: z.string().min(1), expectVersion: z.number().int() }),
  z.object({ action: z.literal('expire'), enrollmentId: z.string() }),
  z.object({ action: z.literal('activate'), enrollmentId: z.string() }),
]);

/** The enrollment workflow's Lambda steps (workflows/enrollment.asl.json). */
async function enrollmentStep(event: unknown) {
  const step = StepEvent.parse(event);
  switch (step.action) {
    case 'sync':
      // The workflow's state is this answer: the id and the wake-up count travel through it.
      return { enrollmentId: step.enrollmentId, wakeups: step.wakeups, ...(await syncEnrollment(step.enrollmentId)) };
    case 'wait':
      await parkWorkflow(step.enrollmentId, step.taskToken, step.expectVersion);
      return {};
    case 'expire':
      return { expired: await expireIfOverdue(step.enrollmentId, 'system:workflow-timeout') };
    case 'activate':
      await activate(step.enrollmentId);
      return {};
  }
}

export const handler = middy().use(injectLambdaContext(logger, { resetKeys: true })).handler(enrollmentStep);
