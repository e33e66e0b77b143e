import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { z } from 'zod';
import { logger } from '#lib/observability.js';
import { expireRequestIfOverdue, parkRequestWorkflow, syncRequest } from '#usecases/partnership-workflow.js';

const StepEvent = z.discriminatedUnion('action', [
  z.object({ action: z.literal('sync'), requestId: z.string(), wakeups: z.number().int().min(0) }),
  z.object({ action: z.literal('wait'), requestId: z.string(), taskToken: z.string().min(1), expectVersion: z.number().int() }),
  z.object({ action: z.literal('expire'), requestId: z.string() }),
]);

/** The partnership request workflow's Lambda steps (workflows/partnership-request.asl.json). */
async function partnershipStep(event: unknown) {
  const step = StepEvent.parse(event);
  switch (step.action) {
    case 'sync':
      return { requestId: step.requestId, wakeups: step.wakeups, ...(await syncRequest(step.requestId)) };
    case 'wait':
      await parkRequestWorkflow(step.requestId, step.taskToken, step.expectVersion);
      return {};
    case 'expire':
      return { expired: await expireRequestIfOverdue(step.requestId, 'system:workflow-timeout') };
  }
}

export const handler = middy().use(injectLambdaContext(logger, { resetKeys: true })).handler(partnershipStep);
