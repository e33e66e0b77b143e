/**
 * The workflow contract of every lifecycle: the Lambda step of `workflows/<name>.asl.json`
 * answers `{next, version, waitSeconds}`, and the workflow's "Route By Step" Choice routes
 * on `next`. Each lifecycle declares its steps as a const tuple; a test ties them to the
 * Choice values of its workflow file, and every Choice `Default` is a `Fail` state.
 */
export interface LoadResult<Step extends string> {
  next: Step;
  version: number;
  waitSeconds: number;
}

/** What a sweep did, summed over every lifecycle. */
export interface SweepResult {
  reminded: number;
  expired: number;
  redriven: number;
  /** Items read from the due index: grows with what is due, never with what exists. */
  examined: number;
}

/** Something due at a time: a reminder, an expiry, or only GEN-4's liveness check. */
export interface Due<A extends string> {
  at: string;
  action: A | 'liveness_check';
}

/** The next of several candidate due times, or undefined when none. */
export function earliest<A extends string>(candidates: (Due<A> | undefined)[]): Due<A> | undefined {
  return candidates.filter((d): d is Due<A> => d !== undefined).sort((a, b) => a.at.localeCompare(b.at))[0];
}

/**
 * An invitation: an entity that waits on one emailed link (a partnership request, a
 * customer invitation). It is `pending` until the invitee answers, the sender revokes it
 * or its link expires; a resend issues the next link generation and kills the previous one;
 * reminders (when the system sends the emails) fall due at offsets from the link's issue.
 */
export interface Invitation {
  status: string;
  link: { generation: number; hash: string; nonce: string; issuedAt: string; expiresAt: string };
  /** Whether the system emails the invitation (else the sender copies the draft). */
  sendEmails: boolean;
  remindersSent: number;
}

export type InvitationDue = 'reminder' | 'expire';

/** The steps of every invitation workflow (`wait_for_response` → `done`). */
export const invitationSteps = ['wait_for_response', 'done'] as const;
export type InvitationStep = (typeof invitationSteps)[number];

export const invitationStep = (e: Pick<Invitation, 'status'>): InvitationStep => (e.status === 'pending' ? 'wait_for_response' : 'done');

/** Reminders at `reminders` seconds after the link's issue (while before its expiry), the expiry, GEN-4's liveness check. */
export function invitationNextDue(e: Invitation, reminders: readonly number[], livenessSeconds: number, now: string): Due<InvitationDue> | undefined {
  if (e.status !== 'pending') return undefined;
  const offset = e.sendEmails ? reminders[e.remindersSent] : undefined;
  const reminder = offset === undefined ? undefined : new Date(Date.parse(e.link.issuedAt) + offset * 1000).toISOString();
  return earliest<InvitationDue>([
    { at: e.link.expiresAt, action: 'expire' },
    { at: new Date(Date.parse(now) + livenessSeconds * 1000).toISOString(), action: 'liveness_check' },
    reminder && reminder < e.link.expiresAt ? { at: reminder, action: 'reminder' } : undefined,
  ]);
}

/** A pending invitation past its link's expiry. */
export const isInvitationOverdue = (e: Pick<Invitation, 'status' | 'link'>, now: string): boolean => e.status === 'pending' && e.link.expiresAt <= now;

/**
 * The email an invitation's state owes (sent once per key): the invitation for each link
 * generation the system sends (a resend always sends), else nothing while pending; then
 * the outcome, keyed by the final status.
 */
export function invitationNotificationKey(e: Pick<Invitation, 'status' | 'link' | 'sendEmails'>): string {
  if (e.status === 'pending') return e.sendEmails || e.link.generation > 1 ? `invitation#${e.link.generation}` : 'draft_only';
  return e.status;
}

/** The invitation whose current link this is, pending and unexpired at `now`. */
export const isCurrentInvitationLink = (e: Pick<Invitation, 'status' | 'link'>, hash: string, now: string): boolean =>
  e.status === 'pending' && e.link.hash === hash && e.link.expiresAt > now;
