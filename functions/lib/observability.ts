import { Logger } from '@aws-lambda-powertools/logger';

/**
 * The module-scope Powertools logger, shared by every handler of a bundle.
 *
 * Tracing: Lambda's active tracing (the construct sets it) records every invocation as a
 * segment without code in the function. No X-Ray SDK is bundled for per-AWS-call
 * subsegments: the Powertools tracer brings aws-xray-sdk-core (with semver and cls-hooked,
 * ~120 KB per bundle and ~10 ms of every cold start), while what those subsegments would
 * show — how many calls a request makes and how long each takes — is what the bench
 * measures per route and the logs carry on errors.
 */
export const logger = new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'partner-program' });
