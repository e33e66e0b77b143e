import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { SFNClient, StopExecutionCommand } from '@aws-sdk/client-sfn';
import { advanceClock, api, emailsTo, eventually, registerPartnerId, settle, uniquePartnerId, type User } from '../support/api.js';
import {
  activeReseller,
  currentAgreementVersion,
  enroll,
  enrollmentBody,
  getEnrollment,
  localNow,
  newReseller,
  sendVetting,
  verifyLinkOf,
  waitForEmail,
  waitForStatus,
} from '../support/enrollment.js';

const DAY = 86_400;
const sweep = async () => (await api('POST', '/_local/sweep')).body as { reminded: number; expired: number; redriven: number };
const as = (user: User, roles: User['roles']): User => ({ ...user, roles, sub: `${user.sub}-${roles.join('-')}` });

describe('enrollment happy path (ENR-1, ENR-6, ENR-9, MPA-4, MPA-5, ENR-13, GEN-1)', () => {
  it('takes a tenant from POST /enrollments to active through the email link, the webhook and the agreement', async () => {
    const r = await newReseller();
    const created = await api('POST', '/enrollments', { user: r.admin, body: r.body });
    expect(created.status).toBe(202);
    expect(created.body).toMatchObject({ status: 'pending_contact_verification', partnerId: r.partnerId, region: 'europe', contactDeliverable: true });
    expect(created.body.requirements.currentlyDue).toEqual(['contact_verification', 'vetting', 'agreement_acceptance']);
    const id = created.body.id as string;

    const mail = await waitForEmail(r.contactEmail);
    expect(mail.subject).toMatch(/Fabrikam/);
    expect(mail.text).toContain(mail.links.find((l) => l.includes('/verify/')));
    const path = verifyLinkOf(mail);

    // ENR-7: opening the link shows a confirm button and changes nothing.
    const page = await api('GET', path);
    expect(page.status).toBe(200);
    expect(page.text).toMatch(/<form[^>]+method="post"/i);
    expect((await getEnrollment(r.admin, id)).status).toBe('pending_contact_verification');

    const confirmed = await api('POST', path, { headers: { accept: 'application/json' } });
    expect(confirmed.status).toBe(200);
    await waitForStatus(r.admin, id, 'under_review');
    const reviewMail = await waitForEmail(r.contactEmail, 2);
    expect(reviewMail.subject).not.toBe(mail.subject);

    // MPA-5: either order — accept the agreement first, then vetting approves.
    const version = await currentAgreementVersion(r.admin);
    const accepted = await api('POST', '/partners/me/agreements', { user: r.admin, body: { version, accept: true }, headers: { 'user-agent': 'test-browser/1.0' } });
    expect(accepted.status).toBe(201);
    expect(accepted.body).toMatchObject({ version, acceptedBy: r.admin.email, userAgent: 'test-browser/1.0' });
    expect(accepted.body.ipAddress).toBeTruthy();
    const again = await api('POST', '/partners/me/agreements', { user: r.admin, body: { version, accept: true } });
    expect(again.status).toBe(200);
    expect(again.body.acceptedAt).toBe(accepted.body.acceptedAt);

    expect((await sendVetting(id, 'approved')).status).toBe(204);
    const active = await waitForStatus(r.admin, id, 'active');
    expect(active.requirements.currentlyDue).toEqual([]);
    const actions = active.history.map((h: { action: string }) => h.action);
    expect(actions).toEqual(expect.arrayContaining(['enrollment.submitted', 'contact.confirmed', 'agreement.accepted', 'vetting.approved', 'enrollment.activated']));
    expect(active.history.find((h: { action: string }) => h.action === 'contact.confirmed')).toMatchObject({ from: 'pending_contact_verification', to: 'under_review' });

    const me = await api('GET', '/partners/me', { user: as(r.admin, ['sales_agent']) });
    expect(me.body).toMatchObject({ type: 'indirect_reseller', status: 'active', partnerId: r.partnerId, isAgreementSigned: true, enrollmentId: id });
    // ENR-13: the enrolling user is the account's first admin agent.
    expect(me.body.adminAgents).toEqual([r.admin.sub]);
    // ENR-9: the contact heard of every change: verification, under review, approved, active.
    const subjects = (await eventually(async () => {
      const all = await emailsTo(r.contactEmail);
      return all.length >= 4 ? all : undefined;
    })).map((m) => m.subject);
    expect(new Set(subjects).size).toBe(4);
  });

  it('GEN-3 the same enrollment POSTed twice with one Idempotency-Key creates one enrollment', async () => {
    const r = await newReseller();
    const headers = { 'idempotency-key': `enroll-${r.admin.tenantId}` };
    const [a, b] = await Promise.all([api('POST', '/enrollments', { user: r.admin, body: r.body, headers }), api('POST', '/enrollments', { user: r.admin, body: r.body, headers })]);
    // One creates; the other replays it or is told the key is in flight — never a second enrollment.
    const created = [a, b].filter((x) => x.status === 202);
    expect(created.length).toBeGreaterThanOrEqual(1);
    for (const res of [a, b]) {
      if (res.status === 202) expect(res.body.id).toBe(created[0]!.body.id);
      else expect({ status: res.status, type: res.body.error.type, code: res.body.error.code }).toEqual({ status: 409, type: 'conflict', code: 'idempotency_key_in_use' });
    }
    const later = await api('POST', '/enrollments', { user: r.admin, body: r.body, headers });
    expect(later.status).toBe(202);
    expect(later.body.id).toBe(created[0]!.body.id);
    await waitForEmail(r.contactEmail);
    await settle();
    expect(await emailsTo(r.contactEmail)).toHaveLength(1);
  });
});

describe('enrollment refusals leave nothing behind', () => {
  it('ENR-1 only a global_admin may enroll', async () => {
    const r = await newReseller();
    const res = await api('POST', '/enrollments', { user: as(r.admin, ['admin_agent']), body: r.body });
    expect(res.status).toBe(403);
    expect(res.body.error).toMatchObject({ type: 'forbidden', rule: 'ENR-1' });
    expect((await api('GET', '/partners/me', { user: r.admin })).status).toBe(404);
  });

  it('ENR-3 refuses a partner ID of another country, an inactive or an unknown one', async () => {
    const r = await newReseller();
    const swedish = uniquePartnerId();
    await registerPartnerId(swedish, { legalName: 'S AB', country: 'SE' });
    const inactive = uniquePartnerId();
    await registerPartnerId(inactive, { legalName: 'I GmbH', country: 'DE', status: 'inactive' });
    for (const [partnerId, code] of [[swedish, 'partner_id_country_mismatch'], [inactive, 'partner_id_inactive'], [uniquePartnerId(), 'partner_id_unknown']] as const) {
      const res = await api('POST', '/enrollments', { user: r.admin, body: { ...r.body, partnerId } });
      expect(res.status).toBe(422);
      expect(res.body.error).toMatchObject({ type: 'rule_violation', rule: 'ENR-3', code, param: 'partnerId' });
    }
    expect((await api('GET', '/partners/me', { user: r.admin })).status).toBe(404);
  });

  it('ENR-4 refuses webmail primary contacts, subdomains and IDNA spellings included', async () => {
    const r = await newReseller();
    for (const email of ['jonas@gmail.com', 'jonas@HOTMAIL.de', 'jonas@mail.yahoo.co.uk', 'jonas@ｇｍａｉｌ.com']) {
      const res = await api('POST', '/enrollments', { user: r.admin, body: enrollmentBody(r.partnerId, email) });
      expect([400, 422]).toContain(res.status);
      if (res.status === 422) expect(res.body.error).toMatchObject({ rule: 'ENR-4', param: 'primaryContact.email' });
    }
    const plain = await api('POST', '/enrollments', { user: r.admin, body: enrollmentBody(r.partnerId, 'jonas@gmail.com') });
    expect(plain.body.error.rule).toBe('ENR-4');
    expect(await emailsTo('jonas@gmail.com')).toHaveLength(0);
  });

  it('ENR-5 a second enrollment of the tenant, and a partner ID already linked, are refused', async () => {
    const r = await newReseller();
    await enroll(r);
    const second = await api('POST', '/enrollments', { user: r.admin, body: r.body });
    expect(second.status).toBe(409);
    expect(second.body.error).toMatchObject({ type: 'conflict', rule: 'ENR-5' });
    const other = await newReseller();
    const linked = await api('POST', '/enrollments', { user: other.admin, body: { ...other.body, partnerId: r.partnerId } });
    expect(linked.status).toBe(422);
    expect(linked.body.error).toMatchObject({ rule: 'ENR-5', code: 'partner_id_linked' });
  });

  it('ENR-5 concurrent enrollments of one tenant with different partner IDs: exactly one is recorded, the other partner ID stays free', async () => {
    const r = await newReseller();
    const others = Array.from({ length: 5 }, () => uniquePartnerId());
    for (const partnerId of others) await registerPartnerId(partnerId, { legalName: 'Fabrikam Reseller GmbH', country: 'DE' });
    const answers = await Promise.all([r.partnerId, ...others].map((partnerId) => api('POST', '/enrollments', { user: r.admin, body: { ...r.body, partnerId } })));
    const won = answers.filter((a) => a.status === 202);
    expect(won).toHaveLength(1);
    for (const lost of answers.filter((a) => a.status !== 202)) expect(lost.body.error).toMatchObject({ type: 'conflict', rule: 'ENR-5' });
    // Every partner ID but the winner's is still free: another tenant can enroll with it.
    const winner = (await api('GET', `/enrollments/${won[0]!.body.id}`, { user: r.admin })).body.partnerId as string;
    for (const partnerId of [r.partnerId, ...others].filter((id) => id !== winner)) {
      const other = await newReseller();
      expect((await api('POST', '/enrollments', { user: other.admin, body: { ...other.body, partnerId } })).status).toBe(202);
    }
  });

  it('another tenant learns nothing about an enrollment (404), the operator sees it', async () => {
    const r = await newReseller();
    const { id } = await enroll(r);
    const stranger: User = { tenantId: 'someone-else', tenantCountry: 'DE', email: 'x@else.example', roles: ['global_admin'] };
    const res = await api('GET', `/enrollments/${id}`, { user: stranger });
    expect(res.status).toBe(404);
    expect(res.body.error.type).toBe('not_found');
    expect((await api('GET', `/enrollments/${id}`, { user: { tenantId: 'tenant-operator', tenantCountry: 'US', email: 'op@x.example', roles: ['operator'] } })).status).toBe(200);
  });

  it('MPA-2 a sales_agent cannot accept the agreement; MPA-5 nobody can before the contact confirmed', async () => {
    const r = await newReseller();
    const { id } = await enroll(r);
    const version = await currentAgreementVersion(r.admin);
    const agent = await api('POST', '/partners/me/agreements', { user: as(r.admin, ['sales_agent']), body: { version, accept: true } });
    expect(agent.status).toBe(403);
    expect(agent.body.error.rule).toBe('MPA-2');
    const early = await api('POST', '/partners/me/agreements', { user: r.admin, body: { version, accept: true } });
    expect(early.status).toBe(422);
    expect(early.body.error.rule).toBe('MPA-5');
    const wrongVersion = await api('POST', '/partners/me/agreements', { user: r.admin, body: { version: '1999-01', accept: true } });
    expect(wrongVersion.body.error.rule).toBe('MPA-1');
    expect((await getEnrollment(r.admin, id)).agreement.accepted).toBe(false);
  });
});

describe('ENR-7 verification links', () => {
  it('used, expired and unknown links get the same neutral 410', async () => {
    const r = await newReseller();
    await enroll(r);
    const path = verifyLinkOf(await waitForEmail(r.contactEmail));
    // GEN-3: a retried confirmation with its Idempotency-Key gets the first answer again.
    const key = { 'idempotency-key': `confirm-${r.admin.tenantId}`, accept: 'application/json' };
    const first = await api('POST', path, { headers: key });
    const retried = await api('POST', path, { headers: key });
    expect([first.status, retried.status]).toEqual([200, 200]);
    expect(retried.body).toEqual(first.body);
    const used = await api('POST', path);
    const usedGet = await api('GET', path);
    const unknown = await api('GET', `/verify/${'A'.repeat(43)}`);
    const garbage = await api('POST', '/verify/not-a-token');
    expect([used.status, usedGet.status, unknown.status, garbage.status]).toEqual([410, 410, 410, 410]);
    expect(used.text).toBe(unknown.text);
    expect(usedGet.text).toBe(garbage.text);

    const late = await newReseller();
    await enroll(late);
    const latePath = verifyLinkOf(await waitForEmail(late.contactEmail));
    await advanceClock(7 * DAY + 60);
    const expired = await api('GET', latePath);
    expect(expired.status).toBe(410);
    expect(expired.text).toBe(unknown.text);
  });

  it('20 concurrent confirmations → exactly one confirms and one status email goes out', async () => {
    const r = await newReseller();
    const { id } = await enroll(r);
    const path = verifyLinkOf(await waitForEmail(r.contactEmail));
    const results = await Promise.all(Array.from({ length: 20 }, () => api('POST', path, { headers: { accept: 'application/json' } })));
    expect(results.filter((x) => x.status === 200)).toHaveLength(1);
    expect(results.filter((x) => x.status === 410)).toHaveLength(19);
    await waitForStatus(r.admin, id, 'under_review');
    await waitForEmail(r.contactEmail, 2);
    await settle();
    expect(await emailsTo(r.contactEmail)).toHaveLength(2);
    const e = await getEnrollment(r.admin, id);
    expect(e.history.filter((h: { action: string }) => h.action === 'contact.confirmed')).toHaveLength(1);
  });
});

describe('ENR-8 vetting webhook', () => {
  async function underReview() {
    const r = await newReseller();
    const { id } = await enroll(r);
    await api('POST', verifyLinkOf(await waitForEmail(r.contactEmail)));
    await waitForStatus(r.admin, id, 'under_review');
    return { r, id };
  }

  it('refuses a forged signature and a late timestamp with 401, changing nothing', async () => {
    const { r, id } = await underReview();
    const forged = await sendVetting(id, 'rejected', [], { secret: 'whsec_' + Buffer.from('not-the-secret-at-all-000').toString('base64') });
    expect(forged.status).toBe(401);
    expect(forged.body.error.type).toBe('authentication');
    const late = await sendVetting(id, 'rejected', [], { at: new Date((await localNow()).getTime() - 6 * 60_000) });
    expect(late.status).toBe(401);
    const e = await getEnrollment(r.admin, id);
    expect(e.status).toBe('under_review');
    expect(e.vetting.status).toBe('pending');
  });

  it('a replayed webhook-id answers 204 and has one effect', async () => {
    const { r, id } = await underReview();
    const first = await sendVetting(id, 'more_info_needed', [{ code: 'address_unverified', message: 'Street not found', field: 'company.address.line1' }], { id: `msg_replay_${id}` });
    expect(first.status).toBe(204);
    const replay = await sendVetting(id, 'more_info_needed', [{ code: 'address_unverified', message: 'Street not found', field: 'company.address.line1' }], { id: `msg_replay_${id}` });
    expect(replay.status).toBe(204);
    const e = await waitForStatus(r.admin, id, 'more_info_needed');
    expect(e.history.filter((h: { action: string }) => h.action === 'vetting.more_info_needed')).toHaveLength(1);
    expect(e.requirements.currentlyDue).toContain('company.address.line1');
  });

  it('more_info_needed → correction of the named field → back under review; other fields are refused', async () => {
    const { r, id } = await underReview();
    await sendVetting(id, 'more_info_needed', [{ code: 'name_mismatch', message: 'Legal name differs from register', field: 'company.legalName' }]);
    await waitForStatus(r.admin, id, 'more_info_needed');
    const wrongField = await api('PATCH', `/enrollments/${id}`, { user: r.admin, body: { company: { address: { city: 'Hamburg' } } } });
    expect(wrongField.status).toBe(422);
    expect(wrongField.body.error).toMatchObject({ rule: 'ENR-8', param: 'company.address.city' });
    const fixed = await api('PATCH', `/enrollments/${id}`, { user: r.admin, body: { company: { legalName: 'Fabrikam Reseller GmbH & Co. KG' } } });
    expect(fixed.status).toBe(200);
    expect(fixed.body).toMatchObject({ status: 'under_review', company: { legalName: 'Fabrikam Reseller GmbH & Co. KG', address: { city: 'Berlin' } } });
    const decision = await api('POST', `/operator/enrollments/${id}/decision`, { user: { tenantId: 'tenant-operator', tenantCountry: 'US', email: 'op@x.example', roles: ['operator'] }, body: { outcome: 'rejected', reasons: [{ code: 'sanctions', message: 'Listed' }] } });
    expect(decision.status).toBe(200);
    expect(decision.body.status).toBe('rejected');
    // The tenant may enroll again after a rejection.
    expect((await api('POST', '/enrollments', { user: r.admin, body: r.body })).status).toBe(202);
  });
});

describe('ENR-10 reminders and expiry on the moved clock', () => {
  it('reminds at 2 and 5 days with the same link, expires at 7 days, then the tenant may enroll again', async () => {
    const r = await newReseller();
    const { id } = await enroll(r);
    const first = await waitForEmail(r.contactEmail);
    const link = verifyLinkOf(first);
    await advanceClock(2 * DAY + 60);
    await sweep();
    const reminder = await waitForEmail(r.contactEmail, 2);
    expect(verifyLinkOf(reminder)).toBe(link);
    await advanceClock(3 * DAY);
    await sweep();
    expect(verifyLinkOf(await waitForEmail(r.contactEmail, 3))).toBe(link);
    expect((await api('GET', link)).status).toBe(200);
    await advanceClock(2 * DAY);
    await sweep();
    const expired = await waitForStatus(r.admin, id, 'expired');
    expect(expired.history.at(-1)).toMatchObject({ from: 'pending_contact_verification', to: 'expired' });
    expect((await api('GET', link)).status).toBe(410);
    await waitForEmail(r.contactEmail, 4);
    expect((await api('POST', '/enrollments', { user: r.admin, body: r.body })).status).toBe(202);
  });
});

describe('ENR-11 changing the contact and resending', () => {
  it('a new contact kills the old link and gets its own email; resends are rate-limited', async () => {
    const r = await newReseller();
    const { id } = await enroll(r);
    const oldPath = verifyLinkOf(await waitForEmail(r.contactEmail));
    const resent = await api('POST', `/enrollments/${id}/verification-email`, { user: r.admin });
    expect(resent.status).toBe(202);
    expect(verifyLinkOf(await waitForEmail(r.contactEmail, 2))).toBe(oldPath);
    const tooSoon = await api('POST', `/enrollments/${id}/verification-email`, { user: r.admin });
    expect(tooSoon.status).toBe(429);
    expect(tooSoon.headers.get('retry-after')).toBeTruthy();
    expect(tooSoon.body.error.rule).toBe('ENR-11');

    const newEmail = `new-${r.contactEmail}`;
    const changed = await api('PUT', `/enrollments/${id}/primary-contact`, { user: r.admin, body: { firstName: 'Mia', lastName: 'Roth', email: newEmail, language: 'de' } });
    expect(changed.status).toBe(200);
    expect((await api('GET', oldPath)).status).toBe(410);
    const newMail = await waitForEmail(newEmail);
    expect(newMail.subject).toMatch(/bestätig|Bestätig/);
    expect((await api('POST', verifyLinkOf(newMail))).status).toBe(200);
    await waitForStatus(r.admin, id, 'under_review');
    const late = await api('PUT', `/enrollments/${id}/primary-contact`, { user: r.admin, body: { firstName: 'X', lastName: 'Y', email: `z-${r.contactEmail}` } });
    expect(late.status).toBe(409);
    expect(late.body.error.rule).toBe('ENR-11');
  });
});

describe('ENR-12 bounces', () => {
  it('marks the contact undeliverable, stops reminders and asks for a new contact', async () => {
    const r = await newReseller();
    const { id } = await enroll(r);
    await waitForEmail(r.contactEmail);
    // A bounce of an address the enrollment never wrote to concerns no enrollment.
    expect((await api('POST', '/_local/ses-events', { body: { type: 'bounce', email: `other-${r.contactEmail}` } })).status).toBe(204);
    expect((await getEnrollment(r.admin, id)).contactDeliverable).toBe(true);
    expect((await api('POST', '/_local/ses-events', { body: { type: 'bounce', email: r.contactEmail } })).status).toBe(204);
    const e = await getEnrollment(r.admin, id);
    expect(e.contactDeliverable).toBe(false);
    expect(e.requirements.currentlyDue[0]).toBe('primary_contact');
    await waitForEmail(r.admin.email);
    await advanceClock(2 * DAY + 60);
    await sweep();
    await settle();
    expect(await emailsTo(r.contactEmail)).toHaveLength(1);
    const resend = await api('POST', `/enrollments/${id}/verification-email`, { user: r.admin });
    expect(resend.body.error.rule).toBe('ENR-12');
  });
});

describe('GEN-4 re-drive', () => {
  it('an enrollment whose execution is gone is found by the sweep and driven on from its state', async () => {
    const r = await newReseller();
    const { id } = await enroll(r);
    const path = verifyLinkOf(await waitForEmail(r.contactEmail));
    // A second enrollment whose workflow keeps running: its liveness check falls due too.
    const healthy = await newReseller();
    await enroll(healthy);
    await waitForEmail(healthy.contactEmail);
    const sfn = new SFNClient({ endpoint: inject('endpoints').stepFunctions, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
    await sfn.send(new StopExecutionCommand({ executionArn: `arn:aws:states:us-east-1:000000000000:execution:enrollment:${id}-g1` }));
    await advanceClock(DAY + 60);
    const swept = await sweep();
    expect(swept.redriven).toBeGreaterThanOrEqual(1);
    const e = await getEnrollment(r.admin, id);
    expect(e.history.at(-1).action).toBe('workflow.redriven');
    // Every sweep moves what it examined to its next due time, so sweeping again drains
    // to nothing (a liveness check that stayed due would be examined forever).
    let examined = -1;
    for (let i = 0; i < 10 && examined !== 0; i++) examined = (await api('POST', '/_local/sweep')).body.examined;
    expect(examined).toBe(0);
    expect((await api('POST', path)).status).toBe(200);
    await waitForStatus(r.admin, id, 'under_review');
    // The new execution told the contact, as the old one would have.
    await waitForEmail(r.contactEmail, 2);
  });
});

describe('operator review queue', () => {
  it('lists enrollments by status with a cursor, for operators only', async () => {
    const { enrollmentId } = await activeReseller();
    const op: User = { tenantId: 'tenant-operator', tenantCountry: 'US', email: 'op@x.example', roles: ['operator'] };
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { status: number; body: { data: { id: string }[]; nextCursor: string | null } } = await api('GET', `/operator/enrollments?status=active&limit=2${cursor ? `&cursor=${cursor}` : ''}`, { user: op });
      expect(page.status).toBe(200);
      expect(page.body.data.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.data.map((e) => e.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toContain(enrollmentId);
    const reseller = await api('GET', '/operator/enrollments', { user: { ...op, roles: ['global_admin'] } });
    expect(reseller.status).toBe(403);
  });
});
