import { linkDelete } from '#adapters/dynamodb/enrollments.js';
import { getRequest, markRequestNotified, pendingLockDelete, registerRequestWait } from '#adapters/dynamodb/partnerships.js';
import { sendEmail } from '#adapters/ses/mailer.js';
import { wakeWorkflow } from '#adapters/sfn/workflows.js';
import { requestNextDue, requestNotificationKey, transitionRequest, type PartnershipRequest } from '#domain/partnerships.js';
import { systemClock } from '#lib/clock.js';
import { config } from '#lib/config.js';
import { renderEmail } from '#messages/emails.js';
import { pickLanguage } from '#messages/language.js';
import { getPartner } from '#adapters/dynamodb/partners.js';
import { changeRequest, invitationEmail, requestTiming } from './partnerships.js';
import type { SweepResult } from './due.js';
import { notifyOnce } from './notify-once.js';
import { redriveIfStranded } from './redrive.js';

/** PRT-5: both sides hear of an accepted request, each in its own language. */
async function acceptedEmails(r: PartnershipRequest): Promise<void> {
  const reseller = r.respondedBy ? await getPartner(r.respondedBy.tenantId) : undefined;
  const provider = await getPartner(r.providerTenantId);
  const names = { providerName: r.providerName, resellerName: reseller?.company.legalName ?? r.email };
  await sendEmail({ to: r.createdBy.email, ...renderEmail({ kind: 'partnership.accepted', recipient: 'provider', ...names }, pickLanguage(provider?.primaryContact.language, undefined)) });
  if (r.respondedBy) {
    await sendEmail({ to: r.respondedBy.email, ...renderEmail({ kind: 'partnership.accepted', recipient: 'reseller', ...names }, pickLanguage(reseller?.primaryContact.language ?? r.language, undefined)) });
  }
}

async function sendOwed(r: PartnershipRequest, key: string): Promise<void> {
  if (key.startsWith('invitation#')) await sendEmail({ to: r.email, ...(await invitationEmail(r)), tags: { request: r.id } });
  else if (key === 'accepted') await acceptedEmails(r);
}

/** The workflow's "Load" step for a request: sends the email its state owes, answers what next. */
export async function syncRequest(id: string) {
  const record = await getRequest(id);
  if (!record) return { next: 'done', version: 0, waitSeconds: 60 };
  const r = record.request;
  const key = requestNotificationKey(r);
  await notifyOnce(key, record.notified, (next, previous) => markRequestNotified(id, next, previous), () => sendOwed(r, key));
  const now = systemClock.now().toISOString();
  const waitSeconds = Math.max(60, Math.ceil((Date.parse(r.link.expiresAt) - Date.parse(now)) / 1000) + 3600);
  return { next: r.status === 'pending' ? 'wait_for_response' : 'done', version: r.version, waitSeconds };
}

export async function parkRequestWorkflow(id: string, token: string, expectVersion: number): Promise<void> {
  if (!(await registerRequestWait(id, token, expectVersion))) await wakeWorkflow(token);
}

/** PRT-10: a pending request past its expiry expires; its link and pending lock go. */
export async function expireRequestIfOverdue(id: string, actor: string): Promise<boolean> {
  const record = await getRequest(id);
  const now = systemClock.now().toISOString();
  if (!record || record.request.status !== 'pending' || record.request.link.expiresAt > now) return false;
  try {
    await changeRequest(id, ({ request: r }, at) => {
      if (r.status !== 'pending' || r.link.expiresAt > at) throw new NotDue();
      return { next: transitionRequest(r, { now: at, actor, action: 'request.expired', status: 'expired' }), with: [linkDelete(r.link.hash), pendingLockDelete(r)] };
    });
    return true;
  } catch (error) {
    if (error instanceof NotDue) return false;
    throw error;
  }
}
class NotDue extends Error {}

/** The sweep's part for one partnership request: reminder (same link), expiry, re-drive (GEN-4). */
export async function sweepRequest(id: string, result: SweepResult): Promise<void> {
  const record = await getRequest(id);
  if (!record) return;
  const now = systemClock.now().toISOString();
  const due = requestNextDue(record.request, requestTiming().reminders, requestTiming().livenessSeconds, now);
  if (due && due.at <= now) {
    if (due.action === 'expire') {
      if (await expireRequestIfOverdue(id, 'system:sweep')) {
        result.expired++;
        await wakeWorkflow(record.waitToken);
      }
    } else if (due.action === 'reminder') {
      const { after } = await changeRequest(id, ({ request: r }, at) => ({
        next: transitionRequest(r, { now: at, actor: 'system:sweep', action: 'reminder.partnership' }, { remindersSent: r.remindersSent + 1 }),
        wake: false,
      }));
      await sendEmail({ to: after.email, ...(await invitationEmail(after, after.remindersSent)), tags: { request: id } });
      result.reminded++;
    }
  } else {
    // Only the liveness check (GEN-4) was due, or the entry is stale: move dueAt on.
    await changeRequest(id, ({ request: r }) => ({ next: r, wake: false }));
  }
  const redriven = await redriveIfStranded(
    config().PARTNERSHIP_STATE_MACHINE_ARN,
    (await getRequest(id))?.request,
    (r) => r.status === 'pending',
    async (next) => (await changeRequest(id, ({ request: r }, now) => ({ next: next(r, now), wake: false }))).after,
    { requestId: id },
  );
  if (redriven) result.redriven++;
}
