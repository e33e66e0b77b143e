import { describe, expect, it } from 'vitest';
import { advanceClock, api, emailsTo, eventually, operator, registerPartnerId, settle, type User } from '../support/api.js';
import { waitForEmail } from '../support/enrollment.js';
import { enrolledReseller, invitationLinkIn, newProvider, requestPartnership, tokenOf } from '../support/partnerships.js';

const DAY = 86_400;
const accept = (user: User, token: string, authorize = true) => api('POST', `/invitations/${token}/accept`, { user, body: { authorize } });
const as = (user: User, roles: User['roles']): User => ({ ...user, roles, sub: `${user.sub}-${roles.join('-')}` });
const inviteeOf = (tenantId: string) => `partners-${tenantId}@fabrikam.example`;

describe('partnership from request to both lists (PRT-2, PRT-4, PRT-5, PRT-7, PRT-8)', () => {
  it('sends the invitation, accepts it through the emailed link, lists it on both sides, removes it silently', async () => {
    const provider = await newProvider();
    const reseller = await enrolledReseller();
    const invitee = inviteeOf(reseller.admin.tenantId);
    const created = await api('POST', '/partnership-requests', { user: provider.admin, body: { email: invitee, message: 'Wir freuen uns auf die Zusammenarbeit.', language: 'de' } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'pending', email: invitee });
    expect(created.body.draft.body).toContain(created.body.link);
    expect(created.body.draft.subject).toMatch(/[äöüÄÖÜß]|Anbieter|Partner/);

    const { mail, link } = await invitationLinkIn(invitee);
    expect(link).toBe(created.body.link);
    expect(mail.text).toContain('Wir freuen uns auf die Zusammenarbeit.');
    const page = await api('GET', new URL(link).pathname);
    expect(page.status).toBe(200);
    expect(page.text).toContain(provider.name);

    const token = tokenOf(link);
    const details = await api('GET', `/invitations/${token}/details`, { user: reseller.admin });
    expect(details.body).toMatchObject({ providerName: provider.name, region: 'europe', grants: ['place_orders', 'add_subscriptions', 'delegated_admin'] });

    const accepted = await accept(as(reseller.admin, ['admin_agent']), token);
    expect(accepted.status).toBe(201);
    expect(accepted.body).toMatchObject({
      providerTenantId: provider.admin.tenantId,
      resellerTenantId: reseller.admin.tenantId,
      providerPartnerId: provider.partnerId,
      resellerPartnerId: reseller.partnerId,
      state: 'active',
      grants: ['place_orders', 'add_subscriptions', 'delegated_admin'],
      canTransact: true,
    });
    const relId = accepted.body.id as string;

    const providersList = await api('GET', '/relationships?type=indirect_reseller', { user: as(provider.admin, ['sales_agent']) });
    expect(providersList.body.data.map((r: { id: string }) => r.id)).toEqual([relId]);
    const resellersList = await api('GET', '/relationships?type=indirect_provider', { user: reseller.admin });
    expect(resellersList.body.data.map((r: { id: string }) => r.id)).toEqual([relId]);

    // Both sides are told.
    await waitForEmail(provider.admin.email);
    const resellerMailsBefore = await eventually(async () => {
      const m = await emailsTo(reseller.admin.email);
      return m.length >= 1 ? m : undefined;
    });

    const requests = await api('GET', '/partnership-requests?status=accepted', { user: provider.admin });
    expect(requests.body.data[0]).toMatchObject({ id: created.body.id, status: 'accepted', relationshipId: relId });

    // PRT-9: the reseller cannot remove it; PRT-8: the provider needs confirm and attestation.
    const byReseller = await api('DELETE', `/relationships/${relId}`, { user: reseller.admin, body: { confirm: true, attestation: true } });
    expect(byReseller.status).toBe(403);
    expect(byReseller.body.error.rule).toBe('PRT-9');
    const noAttestation = await api('DELETE', `/relationships/${relId}`, { user: provider.admin, body: { confirm: true, attestation: false } });
    expect(noAttestation.status).toBe(422);
    expect(noAttestation.body.error).toMatchObject({ rule: 'PRT-8', param: 'attestation' });
    const removed = await api('DELETE', `/relationships/${relId}`, { user: provider.admin, body: { confirm: true, attestation: true, reason: 'Contract ended' } });
    expect(removed.status).toBe(200);
    expect(removed.body).toMatchObject({ state: 'terminated', grants: ['place_orders', 'add_subscriptions', 'delegated_admin'], canTransact: false });
    expect(removed.body.history.at(-1).note).toMatch(/good faith/);
    expect((await api('GET', '/relationships?type=indirect_reseller', { user: provider.admin })).body.data).toEqual([]);
    expect((await api('GET', '/relationships?type=indirect_reseller&state=terminated', { user: provider.admin })).body.data).toHaveLength(1);
    await settle();
    expect(await emailsTo(reseller.admin.email)).toHaveLength(resellerMailsBefore.length);
  });

  it('PRT-2 a draft-only request sends nothing; its link works when the provider sends it itself', async () => {
    const provider = await newProvider();
    const reseller = await enrolledReseller();
    const invitee = inviteeOf(reseller.admin.tenantId);
    const created = await requestPartnership(provider, invitee, { send: false });
    await settle();
    expect(await emailsTo(invitee)).toHaveLength(0);
    expect((await accept(reseller.admin, tokenOf(created.link))).status).toBe(201);
  });

  it('PRT-7 a reseller without the agreement can be partnered but the provider cannot transact; MPA-3 status check', async () => {
    const provider = await newProvider();
    const reseller = await enrolledReseller({ acceptAgreement: false });
    const created = await requestPartnership(provider, inviteeOf(reseller.admin.tenantId), { send: false });
    const rel = await accept(reseller.admin, tokenOf(created.link));
    expect(rel.status).toBe(201);
    expect(rel.body).toMatchObject({ canTransact: false, canTransactReason: 'reseller_agreement_not_accepted' });
    const status = await api('GET', `/partners/${reseller.partnerId}/agreement-status`, { user: provider.admin });
    expect(status.body).toEqual({ partnerId: reseller.partnerId, isAgreementSigned: false });
    const byReseller = await api('GET', `/partners/${reseller.partnerId}/agreement-status`, { user: reseller.admin });
    expect(byReseller.status).toBe(403);
    expect(byReseller.body.error.rule).toBe('MPA-3');
  });
});

describe('partnership refusals', () => {
  it('PRT-1 only an active indirect provider, through global_admin or admin_agent, may request', async () => {
    const provider = await newProvider();
    const reseller = await enrolledReseller();
    const asAgent = await api('POST', '/partnership-requests', { user: as(provider.admin, ['sales_agent']), body: { email: 'x@fabrikam.example' } });
    expect(asAgent.status).toBe(403);
    expect(asAgent.body.error.rule).toBe('PRT-1');
    const asReseller = await api('POST', '/partnership-requests', { user: reseller.admin, body: { email: 'x@fabrikam.example' } });
    expect(asReseller.status).toBe(422);
    expect(asReseller.body.error).toMatchObject({ type: 'rule_violation', rule: 'PRT-1' });
  });

  it('PRT-1 a provider whose partner ID the operator made inactive cannot request, and nothing is created', async () => {
    const provider = await newProvider();
    await registerPartnerId(provider.partnerId, { legalName: provider.name, country: 'DE', status: 'inactive' });
    const res = await api('POST', '/partnership-requests', { user: provider.admin, body: { email: 'inactive@fabrikam.example' } });
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ rule: 'PRT-1', code: 'not_active_indirect_provider' });
    expect((await api('GET', '/partnership-requests', { user: provider.admin })).body.data).toEqual([]);
    await registerPartnerId(provider.partnerId, { legalName: provider.name, country: 'DE', status: 'active' });
    expect((await api('POST', '/partnership-requests', { user: provider.admin, body: { email: 'inactive@fabrikam.example', send: false } })).status).toBe(201);
  });

  it('PRT-10 one pending request per provider and address', async () => {
    const provider = await newProvider();
    await requestPartnership(provider, 'twice@fabrikam.example', { send: false });
    const second = await api('POST', '/partnership-requests', { user: provider.admin, body: { email: 'TWICE@fabrikam.example' } });
    expect(second.status).toBe(409);
    expect(second.body.error.rule).toBe('PRT-10');
  });

  it('PRT-3 an unenrolled tenant, PRT-6 another region, PRT-4 wrong role or no authorisation are refused and the link stays usable', async () => {
    const provider = await newProvider();
    const created = await requestPartnership(provider, 'refusals@fabrikam.example', { send: false });
    const token = tokenOf(created.link);
    const stranger: User = { tenantId: 'not-enrolled-tenant', tenantCountry: 'DE', email: 'a@nowhere.example', roles: ['global_admin'] };
    const notEnrolled = await accept(stranger, token);
    expect(notEnrolled.status).toBe(422);
    expect(notEnrolled.body.error.rule).toBe('PRT-3');
    const american = await enrolledReseller({ country: 'US' });
    const wrongRegion = await accept(american.admin, token);
    expect(wrongRegion.status).toBe(422);
    expect(wrongRegion.body.error.rule).toBe('PRT-6');
    const german = await enrolledReseller();
    const wrongRole = await accept(as(german.admin, ['sales_agent']), token);
    expect(wrongRole.status).toBe(403);
    expect(wrongRole.body.error.rule).toBe('PRT-4');
    const unticked = await accept(german.admin, token, false);
    expect(unticked.status).toBe(422);
    expect(unticked.body.error.rule).toBe('PRT-4');
    expect((await api('GET', '/relationships?type=indirect_provider', { user: german.admin })).body.data).toEqual([]);
    expect((await accept(german.admin, token)).status).toBe(201);
    // Used now: the same neutral answer as any dead link.
    expect((await accept(german.admin, token)).status).toBe(410);
  });

  it('PRT-10 a second partnership of the same pair is refused', async () => {
    const provider = await newProvider();
    const reseller = await enrolledReseller();
    const first = await requestPartnership(provider, 'first@fabrikam.example', { send: false });
    expect((await accept(reseller.admin, tokenOf(first.link))).status).toBe(201);
    const second = await requestPartnership(provider, 'second@fabrikam.example', { send: false });
    const res = await accept(reseller.admin, tokenOf(second.link));
    expect(res.status).toBe(409);
    expect(res.body.error.rule).toBe('PRT-10');
  });

  it('revoked and resent-away links are dead; the new link works', async () => {
    const provider = await newProvider();
    const reseller = await enrolledReseller();
    const revoked = await requestPartnership(provider, 'revoked@fabrikam.example', { send: false });
    expect((await api('POST', `/partnership-requests/${revoked.id}/revoke`, { user: provider.admin })).body.status).toBe('revoked');
    expect((await accept(reseller.admin, tokenOf(revoked.link))).status).toBe(410);
    expect((await api('GET', new URL(revoked.link).pathname)).status).toBe(410);

    const resent = await requestPartnership(provider, inviteeOf(reseller.admin.tenantId));
    await invitationLinkIn(inviteeOf(reseller.admin.tenantId));
    const again = await api('POST', `/partnership-requests/${resent.id}/resend`, { user: provider.admin });
    expect(again.status).toBe(200);
    expect(again.body.link).not.toBe(resent.link);
    expect(again.body.expiresAt > resent.expiresAt || again.body.expiresAt === resent.expiresAt).toBe(true);
    const { link: mailed } = await invitationLinkIn(inviteeOf(reseller.admin.tenantId), 2);
    expect(mailed).toBe(again.body.link);
    expect((await accept(reseller.admin, tokenOf(resent.link))).status).toBe(410);
    expect((await accept(reseller.admin, tokenOf(again.body.link))).status).toBe(201);
  });
});

describe('partnership concurrency', () => {
  it('50 concurrent accepts of one link → exactly one relationship', async () => {
    const provider = await newProvider();
    const reseller = await enrolledReseller();
    const created = await requestPartnership(provider, 'race@fabrikam.example', { send: false });
    const results = await Promise.all(Array.from({ length: 50 }, () => accept(reseller.admin, tokenOf(created.link))));
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.every((r) => [201, 409, 410].includes(r.status))).toBe(true);
    const list = await api('GET', '/relationships?type=indirect_reseller', { user: provider.admin });
    expect(list.body.data).toHaveLength(1);
  });

  it('accept racing revoke → one consistent winner', async () => {
    for (let round = 0; round < 3; round++) {
      const provider = await newProvider();
      const reseller = await enrolledReseller();
      const created = await requestPartnership(provider, `race-${round}@fabrikam.example`, { send: false });
      const [accepted, revoked] = await Promise.all([accept(reseller.admin, tokenOf(created.link)), api('POST', `/partnership-requests/${created.id}/revoke`, { user: provider.admin })]);
      const request = (await api('GET', '/partnership-requests', { user: provider.admin })).body.data[0];
      const rels = (await api('GET', '/relationships?type=indirect_reseller', { user: provider.admin })).body.data;
      if (accepted.status === 201) {
        expect(revoked.status).toBe(409);
        expect(request.status).toBe('accepted');
        expect(rels).toHaveLength(1);
      } else {
        expect(accepted.status).toBe(410);
        expect(revoked.status).toBe(200);
        expect(request.status).toBe('revoked');
        expect(rels).toHaveLength(0);
      }
    }
  });
});

describe('PRT-10 reminders and expiry on the moved clock', () => {
  it('reminds at 7 and 21 days with the same link and expires at 30', async () => {
    const provider = await newProvider();
    const invitee = `slow-${Date.now()}@fabrikam.example`;
    const created = await requestPartnership(provider, invitee);
    await invitationLinkIn(invitee);
    await advanceClock(7 * DAY + 60);
    await api('POST', '/_local/sweep');
    expect((await invitationLinkIn(invitee, 2)).link).toBe(created.link);
    await advanceClock(14 * DAY);
    await api('POST', '/_local/sweep');
    expect((await invitationLinkIn(invitee, 3)).link).toBe(created.link);
    await advanceClock(9 * DAY);
    await api('POST', '/_local/sweep');
    const request = await eventually(async () => {
      const r = (await api('GET', '/partnership-requests', { user: provider.admin })).body.data.find((x: { id: string }) => x.id === created.id);
      return r.status === 'expired' ? r : undefined;
    });
    expect(request.history.at(-1)).toMatchObject({ from: 'pending', to: 'expired' });
    expect((await api('GET', new URL(created.link).pathname)).status).toBe(410);
    // Expiry frees the address for a new request.
    expect((await api('POST', '/partnership-requests', { user: provider.admin, body: { email: invitee, send: false } })).status).toBe(201);
  });
});

describe('PRT-9 operator termination', () => {
  it('the operator terminates a partnership on the reseller’s request', async () => {
    const provider = await newProvider();
    const reseller = await enrolledReseller();
    const created = await requestPartnership(provider, 'support@fabrikam.example', { send: false });
    const rel = (await accept(reseller.admin, tokenOf(created.link))).body;
    const res = await api('POST', `/operator/relationships/${rel.id}/terminate`, { user: operator, body: { reason: 'Reseller asked support', supportTicket: 'T-1' } });
    expect(res.status).toBe(200);
    expect(res.body.state).toBe('terminated');
    expect((await api('GET', '/relationships?type=indirect_provider', { user: reseller.admin })).body.data).toEqual([]);
    const other = await api('GET', `/relationships/${rel.id}`, { user: { tenantId: 'x', tenantCountry: 'DE', email: 'x@x.example', roles: ['global_admin'] } });
    expect(other.status).toBe(404);
  });
});
