import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { config } from '#lib/config.js';
import { tracer } from '#lib/observability.js';

/** The one SES v2 client of a bundle; locally the endpoint comes from AWS_ENDPOINT_URL_SESV2. */
const ses = tracer.captureAWSv3Client(new SESv2Client({}));

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Tags SES hands back on bounce/complaint events. */
  tags?: Record<string, string>;
}

const tagValue = (v: string) => v.replace(/[^A-Za-z0-9_.@-]/g, '_').slice(0, 256);

/** Sends one email through SES with the configured sender, reply-to and configuration set. */
export async function sendEmail(email: OutgoingEmail): Promise<string> {
  const c = config();
  const out = await ses.send(
    new SendEmailCommand({
      FromEmailAddress: c.MAIL_FROM,
      ReplyToAddresses: [c.MAIL_REPLY_TO],
      Destination: { ToAddresses: [email.to] },
      Content: {
        Simple: {
          Subject: { Data: email.subject, Charset: 'UTF-8' },
          Body: { Text: { Data: email.text, Charset: 'UTF-8' }, Html: { Data: email.html, Charset: 'UTF-8' } },
        },
      },
      ...(c.SES_CONFIGURATION_SET ? { ConfigurationSetName: c.SES_CONFIGURATION_SET } : {}),
      ...(email.tags ? { EmailTags: Object.entries(email.tags).map(([Name, Value]) => ({ Name, Value: tagValue(Value) })) } : {}),
    }),
  );
  return out.MessageId ?? '';
}
