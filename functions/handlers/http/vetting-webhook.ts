import { vettingWebhook } from '#api/enrollment-routes.js';
import { VettingWebhook } from '#api/schemas.js';
import { secrets } from '#adapters/system.js';
import { invalid } from '#domain/refusal.js';
import { httpHandler } from '#lib/http.js';
import { receiveVettingWebhook } from '#usecases/vetting-webhook.js';
import { enrollmentPorts } from '../wiring/enrollment.js';

/** The webhook body, checked against its schema only once the signature held. */
function parse(body: unknown) {
  const parsed = VettingWebhook.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw invalid('invalid_field', issue.message, issue.path.join('.'));
  }
  return parsed.data.data;
}

export const handler = httpHandler(vettingWebhook, async ({ headers, rawBody }) => {
  await receiveVettingWebhook({ ...enrollmentPorts, secrets }, headers, rawBody, parse);
  return { status: 204 };
});
