import { timingSafeEqual } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import type { Secrets } from '#domain/ports.js';
import { invalid, Refused } from '#domain/refusal.js';
import { config } from '#lib/config.js';
import { unauthenticated } from '#lib/errors.js';
import { decideVetting, type VettingDecision } from './enrollment/actions.js';
import type { EnrollmentPorts } from './enrollment/lifecycle.js';

/**
 * Standard Webhooks verification against the project clock: the signature over
 * `id.timestamp.body` with the vetting secret, and a timestamp within the tolerance.
 */
export async function verifyVettingSignature(p: Pick<EnrollmentPorts, 'clock'> & { secrets: Secrets }, headers: Record<string, string>, rawBody: string): Promise<string> {
  const id = headers['webhook-id'];
  const timestamp = headers['webhook-timestamp'];
  const signatures = headers['webhook-signature'];
  if (!id || !timestamp || !signatures || !/^\d{1,12}$/.test(timestamp) || id.length > 200) throw unauthenticated('Missing or malformed webhook signature headers.');
  const skew = Math.abs(p.clock.now().getTime() / 1000 - Number(timestamp));
  if (skew > config().WEBHOOK_TOLERANCE_SECONDS) throw unauthenticated('The webhook timestamp is outside the tolerance.');
  const expected = Buffer.from(new Webhook(await p.secrets.get('vetting-webhook')).sign(id, new Date(Number(timestamp) * 1000), rawBody).split(',')[1] ?? '');
  const ok = signatures.split(' ').some((candidate) => {
    const [version, value] = candidate.split(',');
    if (version !== 'v1' || !value) return false;
    const given = Buffer.from(value);
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  if (!ok) throw unauthenticated('The webhook signature does not match.');
  return id;
}

export interface VettingWebhookPorts extends EnrollmentPorts {
  secrets: Secrets;
}

/**
 * `POST /webhooks/vetting`: verify, then apply once per webhook-id (ENR-8, GEN-3). The
 * replay record is the decision's own audit entry, whose actor names the webhook-id: it is
 * written by the decision's versioned commit, so of two deliveries of one webhook-id one
 * applies, the other reads the enrollment again and finds the entry. (No separate record
 * item: the signature covers the id and the body, so a webhook-id belongs to one enrollment.)
 */
export async function receiveVettingWebhook(p: VettingWebhookPorts, headers: Record<string, string>, rawBody: string, parse: (body: unknown) => { enrollmentId: string } & VettingDecision): Promise<void> {
  const webhookId = await verifyVettingSignature(p, headers, rawBody);
  let body: unknown;
  try {
    body = JSON.parse(rawBody);
  } catch {
    throw invalid('malformed_json', 'The request body is not valid JSON.');
  }
  const { enrollmentId, ...decision } = parse(body);
  const actor = `vetting-service:${webhookId}`;
  try {
    await decideVetting(p, enrollmentId, decision, actor, (e) => {
      if (e.history.some((entry) => entry.actor === actor)) throw replayed;
    });
  } catch (error) {
    if (error === replayed) return;
    throw error;
  }
}
const replayed = new Refused({ kind: 'conflict', code: 'webhook_replayed', message: 'This webhook was applied already.' });
