import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import * as z from 'zod/mini';
import { logger } from '#lib/observability.js';
import { contactUndeliverable } from '#usecases/bounces.js';
import { enrollmentPorts } from '../wiring/enrollment.js';

const recipients = z.array(z.object({ emailAddress: z.string() }));
/**
 * The SES event (configuration set → EventBridge) for bounces and complaints. `mail.tags`
 * carries the email's tags (each a list of values): an enrollment's emails to its contact
 * carry `enrollment`, which names the enrollment the bounce is about.
 */
const SesEvent = z.object({
  source: z.literal('aws.ses'),
  detail: z.object({
    eventType: z.string(),
    mail: z.optional(z.object({ tags: z.optional(z.record(z.string(), z.array(z.string()))) })),
    bounce: z.optional(z.object({ bounceType: z.string(), bouncedRecipients: recipients })),
    complaint: z.optional(z.object({ complainedRecipients: recipients })),
  }),
});

export const handler = middy()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async (event: unknown) => {
    const { detail } = SesEvent.parse(event);
    const enrollmentId = detail.mail?.tags?.enrollment?.[0];
    let marked = 0;
    // An email no enrollment sent (no `enrollment` tag) concerns no enrollment contact.
    if (enrollmentId === undefined) return { marked };
    // Transient bounces (mailbox full, …) are not a reason to give up on the contact.
    if (detail.eventType === 'Bounce' && detail.bounce?.bounceType === 'Permanent') {
      for (const r of detail.bounce.bouncedRecipients) if (await contactUndeliverable(enrollmentPorts, enrollmentId, r.emailAddress, 'bounce')) marked++;
    }
    if (detail.eventType === 'Complaint' && detail.complaint) {
      for (const r of detail.complaint.complainedRecipients) if (await contactUndeliverable(enrollmentPorts, enrollmentId, r.emailAddress, 'complaint')) marked++;
    }
    return { marked };
  });
