import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import * as z from 'zod/mini';
import { logger } from '#lib/observability.js';
import { contactUndeliverable } from '#usecases/bounces.js';
import { enrollmentPorts } from '../wiring/enrollment.js';

const recipients = z.array(z.object({ emailAddress: z.string() }));
/** The SES event (configuration set → EventBridge) for bounces and complaints. */
const SesEvent = z.object({
  source: z.literal('aws.ses'),
  detail: z.object({
    eventType: z.string(),
    bounce: z.optional(z.object({ bounceType: z.string(), bouncedRecipients: recipients })),
    complaint: z.optional(z.object({ complainedRecipients: recipients })),
  }),
});

export const handler = middy()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async (event: unknown) => {
    const { detail } = SesEvent.parse(event);
    let marked = 0;
    // Transient bounces (mailbox full, …) are not a reason to give up on the contact.
    if (detail.eventType === 'Bounce' && detail.bounce?.bounceType === 'Permanent') {
      for (const r of detail.bounce.bouncedRecipients) marked += await contactUndeliverable(enrollmentPorts, r.emailAddress, 'bounce');
    }
    if (detail.eventType === 'Complaint' && detail.complaint) {
      for (const r of detail.complaint.complainedRecipients) marked += await contactUndeliverable(enrollmentPorts, r.emailAddress, 'complaint');
    }
    return { marked };
  });
