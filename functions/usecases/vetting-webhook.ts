import { timingSafeEqual } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { GetCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { VettingWebhook } from '#api/schemas.js';
import { ddb, tableName } from '#adapters/dynamodb/client.js';
import { systemClock } from '#lib/clock.js';
import { config } from '#lib/config.js';
import { ApiError, invalidRequest, unauthenticated } from '#lib/errors.js';
import { secret } from '#lib/secrets.js';
import { decideVetting } from './enrollments.js';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

const webhookKey = (id: string) => ({ pk: `WEBHOOK#${id}`, sk: 'WEBHOOK' });

/**
 * Standard Webhooks verification against the project clock: the signature over
 * `id.timestamp.body` with the vetting secret, and a timestamp within the tolerance.
 */
export async function verifyVettingSignature(headers: Record<string, string>, rawBody: string): Promise<string> {
  const id = headers['webhook-id'];
  const timestamp = headers['webhook-timestamp'];
  const signatures = headers['webhook-signature'];
  if (!id || !timestamp || !signatures || !/^\d{1,12}$/.test(timestamp) || id.length > 200) throw unauthenticated('Missing or malformed webhook signature headers.');
  const skew = Math.abs(systemClock.now().getTime() / 1000 - Number(timestamp));
  if (skew > config().WEBHOOK_TOLERANCE_SECONDS) throw unauthenticated('The webhook timestamp is outside the tolerance.');
  const expected = Buffer.from(new Webhook(await secret('vetting-webhook')).sign(id, new Date(Number(timestamp) * 1000), rawBody).split(',')[1] ?? '');
  const ok = signatures.split(' ').some((candidate) => {
    const [version, value] = candidate.split(',');
    if (version !== 'v1' || !value) return false;
    const given = Buffer.from(value);
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  if (!ok) throw unauthenticated('The webhook signature does not match.');
  return id;
}

/** `POST /webhooks/vetting`: verify, then apply once per webhook-id (ENR-8, GEN-3). */
export async function receiveVettingWebhook(headers: Record<string, string>, rawBody: string): Promise<void> {
  const webhookId = await verifyVettingSignature(headers, rawBody);
  let body: unknown;
  try {
    body = JSON.parse(rawBody);
  } catch {
    throw invalidRequest('malformed_json', 'The request body is not valid JSON.');
  }
  const parsed = VettingWebhook.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw invalidRequest('invalid_field', issue.message, issue.path.join('.'));
  }
  const seen = await ddb.send(new GetCommand({ TableName: tableName(), Key: webhookKey(webhookId), ConsistentRead: true }));
  if (seen.Item) return;
  const now = systemClock.now();
  const record: TransactItem = {
    Put: {
      TableName: tableName(),
      Item: { ...webhookKey(webhookId), receivedAt: now.toISOString(), enrollmentId: parsed.data.data.enrollmentId, ttl: Math.floor(now.getTime() / 1000) + 30 * 86_400 },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
  const { enrollmentId, ...decision } = parsed.data.data;
  try {
    await decideVetting(enrollmentId, decision, `vetting-service:${webhookId}`, {
      with: [record],
    });
  } catch (error) {
    if (error instanceof ApiError && error.status === 409) {
      // A concurrent delivery of the same webhook-id won: that is a replay, not a conflict.
      const again = await ddb.send(new GetCommand({ TableName: tableName(), Key: webhookKey(webhookId), ConsistentRead: true }));
      if (again.Item) return;
    }
    throw error;
  }
}
