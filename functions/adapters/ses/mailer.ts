import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import type { Mailer } from '#domain/ports.js';
import { config } from '#lib/config.js';

/** The one SES v2 client of a bundle, built on first use; locally the endpoint comes from AWS_ENDPOINT_URL_SESV2. */
let client: SESv2Client | undefined;
const ses = () => (client ??= new SESv2Client({}));

const tagValue = (v: string) => v.replace(/[^A-Za-z0-9_.@-]/g, '_').slice(0, 256);

/** The mailer port on SES: the configured sender, reply-to and configuration set. */
export const mailer: Mailer = {
  async send(email) {
    const c = config();
    const out = await ses().send(
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
  },
};
