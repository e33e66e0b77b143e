import { describe, expect, it } from 'vitest';
import { advanceClock, api, emailsTo, settle } from '../support/api.js';
import { enroll, newReseller, sendVetting, verifyLinkOf, waitForEmail, waitForStatus } from '../support/enrollment.js';

/**
 * Faults in AWS lose nothing (issue 14): the local cloud's fault injection makes the
 * emulators answer AWS's errors, and every lifecycle still ends where it should, with
 * each email sent once.
 */
const DAY = 86_400;

async function arm(rule: { service: 'ses' | 'dynamodb' | 'stepfunctions'; operation?: string; failNext: number; error?: string; bodyContains?: string }) {
  const res = await api('POST', '/_local/faults', { body: rule });
  expect(res.status).toBe(200);
}
const injected = async (key: string): Promise<number> => ((await api('GET', '/_local/faults')).body.injected[key] as number | undefined) ?? 0;

describe('fault injection in the local cloud', () => {
  it('answers AWS errors in each protocol and refuses a malformed rule', async () => {
    expect((await api('POST', '/_local/faults', { body: { service: 'sqs', failNext: 1 } })).status).toBe(400);
    expect((await api('POST', '/_local/faults', { body: { service: 'ses', failNext: -1 } })).status).toBe(400);
    expect((await api('DELETE', '/_local/faults')).status).toBe(200);
  });

  it('SES throttled three times, then recovering: the verification email goes out exactly once', async () => {
    const r = await newReseller();
    const before = await injected('ses:SendEmail');
    await arm({ service: 'ses', operation: 'SendEmail', failNext: 3, bodyContains: r.contactEmail });
    const { id } = await enroll(r);
    await waitForEmail(r.contactEmail);
    // Once every workflow waits on a signal, the sending step is over.
    await settle();
    expect(await injected('ses:SendEmail')).toBe(before + 3);
    expect(await emailsTo(r.contactEmail)).toHaveLength(1);
  });

  it('a DynamoDB transaction throttled past the SDK retries: a 5xx, nothing partial, and a retry with the same key succeeds', async () => {
    const r = await newReseller();
    const key = `fault-${r.admin.tenantId}`;
    // Within the SDK's retries: retried, one enrollment.
    const before = await injected('dynamodb:TransactWriteItems');
    await arm({ service: 'dynamodb', operation: 'TransactWriteItems', failNext: 2, bodyContains: r.admin.tenantId });
    const retried = await api('POST', '/enrollments', { user: r.admin, body: r.body, headers: { 'idempotency-key': key } });
    expect(retried.status).toBe(202);
    expect(await injected('dynamodb:TransactWriteItems')).toBe(before + 2);

    const other = await newReseller();
    // Past them (the SDK gives DynamoDB four attempts): a 500 in the envelope.
    await arm({ service: 'dynamodb', operation: 'TransactWriteItems', failNext: 10, bodyContains: other.admin.tenantId });
    const failed = await api('POST', '/enrollments', { user: other.admin, body: other.body, headers: { 'idempotency-key': key } });
    expect(failed.status).toBe(500);
    expect(failed.body.error).toMatchObject({ type: 'internal', code: 'internal_error' });
    const { disarmed } = (await api('DELETE', '/_local/faults')).body as { disarmed: { failNext: number }[] };
    expect(disarmed.map((d) => d.failNext)).toEqual([6]);
    // Nothing partial: no lock, no link, no email; the same call again (same key) now enrolls.
    const again = await api('POST', '/enrollments', { user: other.admin, body: other.body, headers: { 'idempotency-key': key } });
    expect(again.status).toBe(202);
    await waitForEmail(other.contactEmail);
    await settle();
    expect(await emailsTo(other.contactEmail)).toHaveLength(1);
  });

  it('StartExecution failing after the enrollment is written: it is re-driven (GEN-4) and completes', async () => {
    const r = await newReseller();
    const before = await injected('stepfunctions:StartExecution');
    await arm({ service: 'stepfunctions', operation: 'StartExecution', failNext: 3 });
    const { id } = await enroll(r);
    expect(await injected('stepfunctions:StartExecution')).toBe(before + 3);
    expect((await api('GET', `/enrollments/${id}`, { user: r.admin })).body.status).toBe('pending_contact_verification');
    await advanceClock(DAY + 60);
    const swept = (await api('POST', '/_local/sweep')).body as { redriven: number };
    expect(swept.redriven).toBeGreaterThanOrEqual(1);
    const mail = await waitForEmail(r.contactEmail);
    expect((await api('POST', verifyLinkOf(mail), { headers: { accept: 'application/json' } })).status).toBe(200);
    await waitForStatus(r.admin, id, 'under_review');
  });

  it('SendTaskSuccess failing after a confirmation is recorded: the confirmation is not lost and the lifecycle completes', async () => {
    const r = await newReseller();
    const { id } = await enroll(r);
    const path = verifyLinkOf(await waitForEmail(r.contactEmail));
    await settle();
    const before = await injected('stepfunctions:SendTaskSuccess');
    await arm({ service: 'stepfunctions', operation: 'SendTaskSuccess', failNext: 3 });
    expect((await api('POST', path, { headers: { accept: 'application/json' } })).status).toBe(200);
    expect(await injected('stepfunctions:SendTaskSuccess')).toBe(before + 3);
    expect((await api('GET', `/enrollments/${id}`, { user: r.admin })).body.status).toBe('under_review');
    await sendVetting(id, 'approved');
    const version = (await api('GET', '/agreements/current', { user: r.admin })).body.version as string;
    expect((await api('POST', '/partners/me/agreements', { user: r.admin, body: { version, accept: true } })).status).toBe(201);
    await waitForStatus(r.admin, id, 'active');
  });
});
