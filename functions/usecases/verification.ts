import { getEnrollment, getLink, linkUse, type LinkRecord } from '#adapters/dynamodb/enrollments.js';
import { transition, type Enrollment } from '#domain/enrollment.js';
import { systemClock } from '#lib/clock.js';
import { ApiError } from '#lib/errors.js';
import { hashToken } from '#lib/ids.js';
import { isWellFormedToken } from '#lib/links.js';
import { changeEnrollment } from './enrollment-store.js';

/** ENR-7: used, expired and unknown links all get this one answer. */
export class LinkGone extends ApiError {
  constructor() {
    super(410, 'gone', 'link_invalid', 'This link is no longer valid.');
  }
}

/**
 * ENR-7 / PRT-10: a link that is well formed, known, of this kind, unused and unexpired;
 * anything else is LinkGone, whatever the cause. Reads only.
 */
export async function liveLink(token: string, kind: LinkRecord['kind']): Promise<{ link: LinkRecord; hash: string; now: string }> {
  if (!isWellFormedToken(token)) throw new LinkGone();
  const hash = hashToken(token);
  const link = await getLink(hash);
  const now = systemClock.now().toISOString();
  if (!link || link.kind !== kind || link.usedAt || link.expiresAt <= now) throw new LinkGone();
  return { link, hash, now };
}

/** The enrollment a live verification link belongs to, or LinkGone. Reads only (ENR-7: GET changes nothing). */
export async function enrollmentForLink(token: string): Promise<{ enrollment: Enrollment; hash: string }> {
  const { link, hash, now } = await liveLink(token, 'verify');
  const record = await getEnrollment(link.subjectId);
  const e = record?.enrollment;
  if (!e || e.status !== 'pending_contact_verification' || e.contact.linkHash !== hash || e.contact.expiresAt <= now) throw new LinkGone();
  return { enrollment: e, hash };
}

/**
 * ENR-6/7: the contact confirms. The link is used and the enrollment moves to review in
 * one transaction, so of many concurrent clicks exactly one confirms; the rest lose the
 * race, read the enrollment again and see LinkGone. (A lost race can also be the
 * workflow parking a new token meanwhile: then the retry simply confirms.)
 */
export async function confirmContact(token: string): Promise<Enrollment> {
  const { enrollment, hash } = await enrollmentForLink(token);
  const { after } = await changeEnrollment(
    enrollment.id,
    ({ enrollment: e }, now) => {
      if (e.status !== 'pending_contact_verification' || e.contact.linkHash !== hash || e.contact.expiresAt <= now) throw new LinkGone();
      const next = transition(
        e,
        { now, actor: `contact:${e.primaryContact.email}`, action: 'contact.confirmed', status: 'under_review' },
        { contact: { ...e.contact, verifiedAt: now }, vetting: { ...e.vetting, status: 'pending' } },
      );
      return { next, with: [linkUse(hash, now)] };
    },
  );
  return after;
}
