/**
 * Invitations on the lifecycle mechanism: what every lifecycle that waits on one emailed
 * link shares (a partnership request, a customer invitation). A sender invites an address;
 * the system sends the invitation (or the sender copies the draft), reminds, expires it;
 * the sender may resend (the next link generation; the old link dies) or revoke it; the
 * invitee answers through the link. An instance supplies its store, its emails, its lock
 * and its rules; the answers themselves (accept, decline) stay with the instance.
 */
import type { LifecycleEntity } from '#domain/history.js';
import { recordChange } from '#domain/history.js';
import { invitationNextDue, invitationNotificationKey, invitationStep, isCurrentInvitationLink, isInvitationOverdue, type Invitation, type InvitationDue, type InvitationStep } from '#domain/lifecycle.js';
import { nextEntityLink, type IssuedLink, type LinkKind } from '#domain/links.js';
import type { Clock, CommonWrite, LifecycleName, LifecycleReader, LifecycleStore, LinkLookup, Links, Lock, Stored, Workflows } from '#domain/ports.js';
import { assertAllowed, linkGone, type Refusal } from '#domain/refusal.js';
import { change, entityForLink, expireIf, type Lifecycle } from './lifecycle.js';

export type InvitationStatus = 'pending' | 'accepted' | 'declined' | 'revoked' | 'expired';

export interface InvitationEntity extends LifecycleEntity<InvitationStatus>, Invitation {
  status: InvitationStatus;
  email: string;
}

/** What an invitation lifecycle is made of besides the mechanism. */
export interface InvitationDefinition<T extends InvitationEntity, W> {
  name: LifecycleName;
  /** The entity's word in errors. */
  what: string;
  linkKind: LinkKind;
  store: LifecycleStore<T, W>;
  workflows: Workflows;
  clock: Clock;
  links: Links;
  /** Held while pending: one pending invitation per sender and address. */
  pendingLock(e: T): Lock;
  reminders(): number[];
  expirySeconds(): number;
  livenessSeconds(): number;
  /** Audit-trail action names (GEN-1). */
  actions: { reminder: string; expired: string; resent: string; revoked: string };
  /** The invitation email (a reminder when `reminderNumber` is given). */
  sendInvitation(e: T, reminderNumber?: number): Promise<void>;
  /** What a final state owes (e.g. the acceptance notes); keyed by status. */
  sendOutcome(e: T, status: InvitationStatus): Promise<void>;
  /** Why the invitation cannot be resent or revoked (it is no longer pending). */
  notPending(e: T): Refusal | undefined;
}

export type InvitationLifecycle<T extends InvitationEntity, W> = Lifecycle<T, W, InvitationStep, InvitationDue> & { definition: InvitationDefinition<T, W> };

const HOUR = 3600;

/** The lifecycle of an invitation: the mechanism's `Lifecycle`, built from its definition. */
export function invitationLifecycle<T extends InvitationEntity, W>(def: InvitationDefinition<T, W>): InvitationLifecycle<T, W> {
  const lc: InvitationLifecycle<T, W> = {
    definition: def,
    name: def.name,
    what: def.what,
    store: def.store,
    workflows: def.workflows,
    clock: def.clock,
    nextStep: invitationStep,
    // The callback's timeout is a backstop an hour behind the link's expiry.
    waitSeconds: (e, now) => Math.max(60, Math.ceil((Date.parse(e.link.expiresAt) - Date.parse(now)) / 1000) + HOUR),
    owedNotification: invitationNotificationKey,
    async send(e, key) {
      if (key.startsWith('invitation#')) await def.sendInvitation(e);
      else if (key !== 'draft_only') await def.sendOutcome(e, e.status);
    },
    isOpen: (e) => e.status === 'pending',
    nextDue: (e, now) => invitationNextDue(e, def.reminders(), def.livenessSeconds(), now),
    async onDue(id, action) {
      switch (action) {
        case 'expire':
          return (await lc.expireIfOverdue(id, 'system:sweep')) ? 'expired' : undefined;
        case 'reminder': {
          const { after } = await change(lc, id, ({ entity: e }, now) => ({
            next: recordChange<InvitationStatus, T>(e, { now, actor: 'system:sweep', action: def.actions.reminder }, { remindersSent: e.remindersSent + 1 } as Partial<T>),
            wake: false,
          }));
          await def.sendInvitation(after, after.remindersSent);
          return 'reminded';
        }
      }
    },
    /** A pending invitation past its expiry expires; its link and pending lock go. */
    expireIfOverdue: (id, actor) =>
      expireIf(lc, id, isInvitationOverdue, ({ entity: e }, now) => ({
        next: recordChange<InvitationStatus, T>(e, { now, actor, action: def.actions.expired, status: 'expired' }),
        writes: [
          { type: 'link.delete', hash: e.link.hash },
          { type: 'lock.release', lock: def.pendingLock(e) },
        ],
      })),
  };
  return lc;
}

/** The writes of a new invitation: its pending lock and its first link. */
export function newInvitationWrites<T extends InvitationEntity>(def: Pick<InvitationDefinition<T, never>, 'pendingLock' | 'linkKind'>, e: T, issued: IssuedLink): CommonWrite[] {
  return [
    { type: 'lock.take', lock: def.pendingLock(e), owner: e.id },
    { type: 'link.issue', hash: issued.hash, link: { kind: def.linkKind, subjectId: e.id, generation: e.link.generation, expiresAt: e.link.expiresAt } },
  ];
}

/** Resend: the next link generation with a new expiry; the old link dies; the workflow sends the email. */
export async function resendInvitation<T extends InvitationEntity, W>(lc: InvitationLifecycle<T, W>, id: string, actor: string, read?: Stored<T>): Promise<{ invitation: T; link: string }> {
  const def = lc.definition;
  const issued = await def.links.issue(def.linkKind);
  const { after } = await change(lc, id, ({ entity: e }, now) => {
    assertAllowed(def.notPending(e));
    const link = nextEntityLink(issued, e.link.generation, now, def.expirySeconds());
    return {
      next: recordChange<InvitationStatus, T>(e, { now, actor, action: def.actions.resent }, { link, remindersSent: 0 } as Partial<T>),
      writes: [
        { type: 'link.delete', hash: e.link.hash },
        { type: 'link.issue', hash: issued.hash, link: { kind: def.linkKind, subjectId: id, generation: link.generation, expiresAt: link.expiresAt } },
      ],
    };
  }, read ? { read } : {});
  return { invitation: after, link: def.links.url(def.linkKind, issued.token) };
}

/** Revoke a pending invitation; its link dies and its pending lock is freed. */
export async function revokeInvitation<T extends InvitationEntity, W>(lc: InvitationLifecycle<T, W>, id: string, actor: string, read?: Stored<T>): Promise<T> {
  const def = lc.definition;
  const { after } = await change(lc, id, ({ entity: e }, now) => {
    assertAllowed(def.notPending(e));
    return {
      next: recordChange<InvitationStatus, T>(e, { now, actor, action: def.actions.revoked, status: 'revoked' }),
      writes: [
        { type: 'link.delete', hash: e.link.hash },
        { type: 'lock.release', lock: def.pendingLock(e) },
      ],
    };
  }, read ? { read } : {});
  return after;
}

/** The pending invitation a live link belongs to; any other token is gone (one neutral answer). Reads only. */
export async function invitationForLink<T extends InvitationEntity>(def: { links: LinkLookup; store: LifecycleReader<T>; clock: Clock; linkKind: LinkKind }, token: string): Promise<{ invitation: T; hash: string; stored: Stored<T> }> {
  const { entity, hash, stored } = await entityForLink(def, def.linkKind, token, (id) => def.store.load(id), isCurrentInvitationLink);
  return { invitation: entity, hash, stored };
}

/**
 * The writes of an answer through the link (accept or decline): the pending lock goes. The
 * answer's versioned change out of `pending` is the link's single use — a concurrent answer,
 * a revoke or a resend makes it fail — so the link item itself is not written.
 */
export function answerWrites<T extends InvitationEntity>(def: Pick<InvitationDefinition<T, never>, 'pendingLock'>, e: T, hash: string, now: string): CommonWrite[] {
  if (!isCurrentInvitationLink(e, hash, now)) throw linkGone();
  return [{ type: 'lock.release', lock: def.pendingLock(e) }];
}
