import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logger } from '#lib/observability.js';
import { sweep } from '#usecases/sweep.js';

/** EventBridge Scheduler target: reminders, deadlines and re-drive of what is due. */
export const handler = middy()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async () => {
    const result = await sweep();
    logger.info('sweep finished', { ...result });
    return result;
  });
