import { beforeEach, describe, expect, it } from 'vitest';
import { Webhook } from 'standardwebhooks';
import { nextDue, type Enrollment, type EnrollmentStore, type EnrollmentWrite, type Timing } from '#domain/enrollment.js';
import { acceptAgreement, agreementStatusOf } from '#usecases/agreements.js';
import { contactUndeliverable } from '#usecases/bounces.js';
import { changePrimaryContact, confirmContact, correctEnrollment, decideVetting, enrollmentForLink, readEnrollment, resendVerificationEmail, submitEnrollment } from '#usecases/enrollment/actions.js';
import { activate, enrollmentLifecycle, type EnrollmentPorts } from '#usecases/enrollment/lifecycle.js';
import { loadStep, sweepOne } from '#usecases/lifecycle.js';
import { receiveVettingWebhook } from '#usecases/vetting-webhook.js';
import { caller, FakeClock, FakeMailer, FakeWorkflows, FakeWorld, fakeIds, fakeLinks, fakePartners, fakeStore, partner } from '../../support/fakes.js';

const DAY = 86_400;
const timing: Timing = {
  verificationRemindersSeconds: [2 * DAY, 5 * DAY],
  verificationExpirySeconds: 7 * DAY,
  agreementReminderIntervalSeconds: 7 * DAY,
  agreementReminderMax: 3,
  moreInfoRemindersSeconds: [3 * DAY],
  moreInfoExpirySeconds: 30 * DAY,
  livenessCheckSeconds: DAY,
};

function enrollmentWrites(world: FakeWorld) {
  return (w: EnrollmentWrite): boolean => {
    switch (w.type) {
      case 'partner.status':
      case 'partner.agreement':
        return world.applyPartner(w);
      case 'enrollment.open': {
        const entry = world.registry.get(w.enrollment.partnerId);
        if (!entry || entry.status !== 'active' || (entry.linkedTenantId && entry.linkedTenantId !== w.enrollment.tenantId)) return false;
        const existing = world.partners.get(w.partner.tenantId);
        if (existing && (existing.type !== 'indirect_reseller' || existing.status !== 'inactive')) return false;
        entry.linkedTenantId = w.enrollment.tenantId;
        world.partners.set(w.partner.tenantId, structuredClone(w.partner));
        return true;
      }
      case 'enrollment.release': {
        const entry = world.registry.get(w.enrollment.partnerId);
        if (entry?.linkedTenantId !== w.enrollment.tenantId) return false;
        delete entry.linkedTenantId;
        return true;
      }
    }
  };
}

function setup() {
  const world = new FakeWorld();
  world.registry.set('5100001', { partnerId: '5100001', legalName: 'Fabrikam', country: 'DE', status: 'active', updatedAt: '' });
  world.registry.set('4100001', { partnerId: '4100001', legalName: 'Contoso', country: 'DE', status: 'active', linkedTenantId: 'prov', updatedAt: '' });
  world.partners.set('prov', partner('prov'));
  const clock = new FakeClock();
  const store = fakeStore<Enrollment, EnrollmentWrite>(world, 'ENROLLMENT', enrollmentWrites(world), (e, now) => nextDue(e, timing, now));
  const enrollments: EnrollmentStore = { ...store, byStatus: async (status) => ({ items: store.all().filter((e) => e.status === status) }) };
  const mailer = new FakeMailer();
  const workflows = new FakeWorkflows();
  const ports: EnrollmentPorts = { enrollments, partners: fakePartners(world), links: fakeLinks(world), mailer, workflows, clock, ids: fakeIds(), timing: () => timing };
  return { world, ports, mailer, workflows, clock, store };
}

const input = (email = 'pat@fabrikam.example') => ({
  partnerId: '5100001',
  company: { legalName: 'Fabrikam GmbH', address: { line1: 'Main Street 1', city: 'Berlin', postalCode: '10115', country: 'DE' } },
  primaryContact: { firstName: 'Pat', lastName: 'Contact', email, language: 'de' as const },
  supportContact: { email: 'support@fabrikam.example' },
});
const admin = caller('res');
const tokenIn = (text: string) => /verify\/([A-Za-z0-9_-]{43})/.exec(text)![1]!;

describe('enrollment on the lifecycle mechanism (fakes)', () => {
  let t: ReturnType<typeof setup>;
  beforeEach(() => {
    t = setup();
  });

  async function submitted() {
    const e = await submitEnrollment(t.ports, admin, input());
    await loadStep(enrollmentLifecycle(t.ports), e.id, 'done');
    return { e, token: tokenIn(t.mailer.to('pat@fabrikam.example')[0]!.text) };
  }

  it('ENR-6: submitting records the enrollment, links the partner ID, sends the verification and starts the workflow already loaded; a Load sends nothing again', async () => {
    const { e } = await submitted();
    expect(t.workflows.started[0]?.input).toMatchObject({ id: e.id, wakeups: 0, next: 'wait_for_contact', version: 1 });
    await loadStep(enrollmentLifecycle(t.ports), e.id, 'done');
    expect(t.world.registry.get('5100001')?.linkedTenantId).toBe('res');
    expect(t.world.partners.get('res')).toMatchObject({ type: 'indirect_reseller', status: 'enrolling', enrollmentId: e.id });
    expect(t.workflows.started).toHaveLength(1);
    expect(t.mailer.to('pat@fabrikam.example')).toHaveLength(1);
  });

  it('ENR-4: a webmail contact is refused before anything is written', async () => {
    await expect(submitEnrollment(t.ports, admin, input('pat@gmail.com'))).rejects.toMatchObject({ kind: 'rule', rule: 'ENR-4', param: 'primaryContact.email' });
    expect(t.store.all()).toHaveLength(0);
  });

  it('ENR-3: an unknown partner ID is refused', async () => {
    await expect(submitEnrollment(t.ports, admin, { ...input(), partnerId: '9999999' })).rejects.toMatchObject({ rule: 'ENR-3', code: 'partner_id_unknown' });
  });

  it('ENR-5: a second enrollment of the tenant is refused; a provider tenant cannot enroll', async () => {
    await submitted();
    await expect(submitEnrollment(t.ports, admin, input())).rejects.toMatchObject({ kind: 'conflict', rule: 'ENR-5', code: 'enrollment_exists' });
    await expect(submitEnrollment(t.ports, caller('prov'), input())).rejects.toMatchObject({ rule: 'ENR-5' });
  });

  it('ENR-7: confirming uses the link once; the link is then gone', async () => {
    const { e, token } = await submitted();
    const confirmed = await confirmContact(t.ports, token);
    expect(confirmed.status).toBe('under_review');
    await expect(confirmContact(t.ports, token)).rejects.toMatchObject({ kind: 'gone' });
    await expect(enrollmentForLink(t.ports, 'x'.repeat(43))).rejects.toMatchObject({ kind: 'gone' });
    expect((await readEnrollment(t.ports, admin, e.id)).status).toBe('under_review');
  });

  it('ENR-11: a new contact kills the old link; after confirmation the contact cannot change', async () => {
    const { e, token } = await submitted();
    await changePrimaryContact(t.ports, admin, e.id, { firstName: 'Sam', lastName: 'New', email: 'sam@fabrikam.example' });
    await expect(enrollmentForLink(t.ports, token)).rejects.toMatchObject({ kind: 'gone' });
    await loadStep(enrollmentLifecycle(t.ports), e.id, 'done');
    const fresh = tokenIn(t.mailer.to('sam@fabrikam.example')[0]!.text);
    await confirmContact(t.ports, fresh);
    await expect(changePrimaryContact(t.ports, admin, e.id, { firstName: 'X', lastName: 'Y', email: 'x@fabrikam.example' })).rejects.toMatchObject({ code: 'contact_already_confirmed' });
  });

  it('ENR-11: resends are rate-limited with a retry time', async () => {
    const { e } = await submitted();
    await resendVerificationEmail(t.ports, admin, e.id);
    await expect(resendVerificationEmail(t.ports, admin, e.id)).rejects.toMatchObject({ kind: 'rate_limited', rule: 'ENR-11', retryAfterSeconds: 60 });
    expect(t.mailer.to('pat@fabrikam.example')).toHaveLength(2);
  });

  it('ENR-8/MPA-4/MPA-5: vetting first, then the acceptance activates the account in the same write; ENR-13 first admin agent', async () => {
    const { e, token } = await submitted();
    await expect(acceptAgreement(t.ports, admin, '2026-10', { ipAddress: '1.2.3.4', userAgent: 'ua' })).rejects.toMatchObject({ rule: 'MPA-5' });
    await confirmContact(t.ports, token);
    await decideVetting(t.ports, e.id, { outcome: 'approved' }, 'operator:x');
    const sentBefore = t.mailer.to('pat@fabrikam.example').length;
    const accepted = await acceptAgreement(t.ports, admin, '2026-10', { ipAddress: '1.2.3.4', userAgent: 'ua' });
    expect(accepted.created).toBe(true);
    // Activation needs no signal and no second write: the acceptance's commit carries it.
    const stored = await t.ports.enrollments.load(e.id);
    expect(stored?.entity).toMatchObject({ status: 'active', version: 5 });
    expect(stored?.entity.history.map((h) => h.action).slice(-2)).toEqual(['agreement.accepted', 'enrollment.activated']);
    expect(t.world.partners.get('res')).toMatchObject({ status: 'active', adminAgents: [admin.sub], agreement: { accepted: true, version: '2026-10' } });
    expect(t.world.partners.get('res')?.history.map((h) => h.action).slice(-2)).toEqual(['agreement.accepted', 'partner.activated']);
    expect(t.mailer.to('pat@fabrikam.example').slice(sentBefore).map((m) => m.subject)).toEqual([expect.stringMatching(/aktiv/)]);
    expect((await acceptAgreement(t.ports, admin, '2026-10', { ipAddress: '1.2.3.4', userAgent: 'ua' })).created).toBe(false);
    expect(await loadStep(enrollmentLifecycle(t.ports), e.id, 'done')).toMatchObject({ next: 'done' });
    expect(t.mailer.to('pat@fabrikam.example').length).toBe(sentBefore + 1);
    expect(await activate(t.ports, (await t.ports.enrollments.load(e.id))!)).toBeUndefined();
    expect(await agreementStatusOf(t.ports, caller('prov'), '5100001')).toEqual({ partnerId: '5100001', isAgreementSigned: true });
    await expect(agreementStatusOf(t.ports, admin, '5100001')).rejects.toMatchObject({ kind: 'forbidden', rule: 'MPA-3' });
  });

  it('ENR-9/MPA-4: the acceptance first, then the approval: the approval is told, then the activation (two states, two emails)', async () => {
    const { e, token } = await submitted();
    await confirmContact(t.ports, token);
    await acceptAgreement(t.ports, admin, '2026-10', { ipAddress: '1.2.3.4', userAgent: 'ua' });
    const sentBefore = t.mailer.to('pat@fabrikam.example').length;
    await decideVetting(t.ports, e.id, { outcome: 'approved' }, 'operator:x');
    expect((await t.ports.enrollments.load(e.id))?.entity.status).toBe('active');
    expect(t.mailer.to('pat@fabrikam.example').slice(sentBefore)).toHaveLength(2);
    expect(t.world.partners.get('res')).toMatchObject({ status: 'active', adminAgents: [admin.sub] });
  });

  it('a change sends the email its state owes and wakes the parked workflow with where it goes next; a Load then sends nothing again', async () => {
    const { e, token } = await submitted();
    await t.store.park(e.id, 'token-1', 1);
    await confirmContact(t.ports, token);
    expect(t.mailer.to('pat@fabrikam.example')).toHaveLength(2);
    expect(t.workflows.woken).toEqual(['token-1']);
    expect(t.workflows.wakeStates).toEqual([{ id: e.id, next: 'wait_for_review', version: 2, waitSeconds: expect.any(Number) }]);
    expect(await loadStep(enrollmentLifecycle(t.ports), e.id, 'done')).toMatchObject({ next: 'wait_for_review', version: 2 });
    expect(t.mailer.to('pat@fabrikam.example')).toHaveLength(2);
  });

  it('an email that cannot be sent is given back: the workflow is woken to load, and its Load sends it once', async () => {
    const { e, token } = await submitted();
    await t.store.park(e.id, 'token-1', 1);
    t.mailer.failNext = 1;
    expect((await confirmContact(t.ports, token)).status).toBe('under_review');
    expect(t.mailer.to('pat@fabrikam.example')).toHaveLength(1);
    expect(t.workflows.wakeStates).toEqual([{ id: e.id }]);
    expect((await t.ports.enrollments.load(e.id))?.notified).toBe('verification#1');
    await loadStep(enrollmentLifecycle(t.ports), e.id, 'done');
    await loadStep(enrollmentLifecycle(t.ports), e.id, 'done');
    expect(t.mailer.to('pat@fabrikam.example')).toHaveLength(2);
  });

  it('MPA-1: only the current agreement version', async () => {
    await expect(acceptAgreement(t.ports, admin, '2020-01', { ipAddress: '', userAgent: '' })).rejects.toMatchObject({ rule: 'MPA-1', code: 'agreement_version_not_current' });
  });

  it('ENR-8: corrections only of named fields while more information is needed; rejection frees the partner ID', async () => {
    const { e, token } = await submitted();
    await confirmContact(t.ports, token);
    await expect(correctEnrollment(t.ports, admin, e.id, { company: { legalName: 'X' } })).rejects.toMatchObject({ code: 'not_awaiting_information' });
    await decideVetting(t.ports, e.id, { outcome: 'more_info_needed', reasons: [{ code: 'name', message: 'fix', field: 'company.legalName' }] }, 'vetting');
    await expect(correctEnrollment(t.ports, admin, e.id, { supportContact: { email: 'a@b.example' } })).rejects.toMatchObject({ code: 'field_not_requested' });
    expect((await correctEnrollment(t.ports, admin, e.id, { company: { legalName: 'Fabrikam AG' } })).company.legalName).toBe('Fabrikam AG');
    await decideVetting(t.ports, e.id, { outcome: 'rejected', reasons: [{ code: 'fraud', message: 'no' }] }, 'vetting');
    expect(t.world.registry.get('5100001')?.linkedTenantId).toBeUndefined();
    expect(t.world.partners.get('res')?.status).toBe('inactive');
    await expect(submitEnrollment(t.ports, admin, input())).resolves.toMatchObject({ status: 'pending_contact_verification' });
  });

  it('ENR-10: reminders on days 2 and 5, expiry on day 7 through the sweep; the tenant may enroll again', async () => {
    const { e } = await submitted();
    const lc = enrollmentLifecycle(t.ports);
    const result = { reminded: 0, expired: 0, redriven: 0, examined: 0 };
    for (const days of [2, 3, 2.5]) {
      t.clock.advance(days * DAY);
      await sweepOne(lc, e.id, result);
    }
    expect(result).toMatchObject({ reminded: 2, expired: 1 });
    // The verification, two reminders, and the expiry notice — sent by the sweep's own change.
    const sent = t.mailer.to('pat@fabrikam.example');
    expect(sent).toHaveLength(4);
    expect(sent.at(-1)?.subject).toBe('Die Registrierung von Fabrikam GmbH ist abgelaufen');
    expect((await t.ports.enrollments.load(e.id))?.entity.status).toBe('expired');
    await expect(submitEnrollment(t.ports, admin, input())).resolves.toBeDefined();
  });

  it('ENR-12: a bounce marks the contact undeliverable, stops reminders and tells the enrolling admin', async () => {
    const { e } = await submitted();
    // A bounce for another enrollment, or for an address that is not this enrollment's contact, marks nothing.
    expect(await contactUndeliverable(t.ports, 'enr_unknown', 'pat@fabrikam.example', 'bounce')).toBe(false);
    expect(await contactUndeliverable(t.ports, e.id, 'someone-else@fabrikam.example', 'bounce')).toBe(false);
    expect(t.mailer.to(admin.email)).toHaveLength(0);
    expect(await contactUndeliverable(t.ports, e.id, 'PAT@fabrikam.example', 'bounce')).toBe(true);
    // Bounced again: already marked, nothing more is sent.
    expect(await contactUndeliverable(t.ports, e.id, 'pat@fabrikam.example', 'complaint')).toBe(false);
    expect(t.mailer.to(admin.email)).toHaveLength(1);
    t.clock.advance(2 * DAY + 1);
    const result = { reminded: 0, expired: 0, redriven: 0, examined: 0 };
    await sweepOne(enrollmentLifecycle(t.ports), e.id, result);
    expect(result.reminded).toBe(0);
  });

  it('the workflow parks its token at the version it read; a change wakes it; a park at a stale version is refused (the workflow loads again)', async () => {
    const { e, token } = await submitted();
    expect(await t.ports.enrollments.park(e.id, 'tok-1', 1)).toBe(true);
    expect((await t.ports.enrollments.load(e.id))?.parkedToken).toBe('tok-1');
    await confirmContact(t.ports, token);
    expect(t.workflows.woken).toEqual(['tok-1']);
    expect(await t.ports.enrollments.park(e.id, 'tok-2', 1)).toBe(false);
    expect((await t.ports.enrollments.load(e.id))?.parkedToken).toBe('tok-1');
  });

  it('ENR-8 / GEN-3: a vetting webhook applies once per webhook-id; a bad signature changes nothing', async () => {
    const { e, token } = await submitted();
    await confirmContact(t.ports, token);
    const secret = 'whsec_bG9jYWwtdmV0dGluZy1zZWNyZXQtY2hhbmdlLW1l';
    const body = JSON.stringify({ type: 'vetting.completed', data: { enrollmentId: e.id, outcome: 'approved' } });
    const sign = (id: string) => {
      const at = t.clock.now();
      return { 'webhook-id': id, 'webhook-timestamp': String(Math.floor(at.getTime() / 1000)), 'webhook-signature': new Webhook(secret).sign(id, at, body) };
    };
    const ports = { ...t.ports, secrets: { get: async () => secret } };
    const parse = (b: unknown) => (b as { data: { enrollmentId: string; outcome: 'approved' } }).data;
    await expect(receiveVettingWebhook(ports, { ...sign('wh-1'), 'webhook-signature': 'v1,AAAA' }, body, parse)).rejects.toMatchObject({ status: 401 });
    expect((await t.ports.enrollments.load(e.id))?.entity.vetting.status).toBe('pending');
    await receiveVettingWebhook(ports, sign('wh-1'), body, parse);
    await receiveVettingWebhook(ports, sign('wh-1'), body, parse);
    const after = (await t.ports.enrollments.load(e.id))!.entity;
    expect(after.vetting.status).toBe('approved');
    expect(after.history.filter((h) => h.action === 'vetting.approved')).toHaveLength(1);
  });

  it('ENR-8 / GEN-3: concurrent deliveries of one webhook-id apply once and all answer as applied; another webhook-id is judged on its own', async () => {
    const { e, token } = await submitted();
    await confirmContact(t.ports, token);
    const secret = 'whsec_bG9jYWwtdmV0dGluZy1zZWNyZXQtY2hhbmdlLW1l';
    const body = JSON.stringify({ type: 'vetting.completed', data: { enrollmentId: e.id, outcome: 'more_info_needed', reasons: [{ code: 'x', message: 'm', field: 'company.legalName' }] } });
    const sign = (id: string) => {
      const at = t.clock.now();
      return { 'webhook-id': id, 'webhook-timestamp': String(Math.floor(at.getTime() / 1000)), 'webhook-signature': new Webhook(secret).sign(id, at, body) };
    };
    const ports = { ...t.ports, secrets: { get: async () => secret } };
    const parse = (b: unknown) => (b as { data: { enrollmentId: string; outcome: 'more_info_needed'; reasons: { code: string; message: string; field: string }[] } }).data;
    const answers = await Promise.allSettled(Array.from({ length: 5 }, () => receiveVettingWebhook(ports, sign('wh-same'), body, parse)));
    expect(answers.map((a) => a.status)).toEqual(Array(5).fill('fulfilled'));
    const after = (await t.ports.enrollments.load(e.id))!.entity;
    expect(after.history.filter((h) => h.action === 'vetting.more_info_needed')).toHaveLength(1);
    expect(after.vetting.round).toBe(1);
    // A different webhook-id with the same decision is not a replay: the state's rules judge it.
    await expect(receiveVettingWebhook(ports, sign('wh-other'), body, parse)).rejects.toMatchObject({ kind: 'conflict' });
  });
});
