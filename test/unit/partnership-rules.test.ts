import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { acceptRefusal, isEnrolledReseller, requestNextDue, requestNotificationKey, transactability, type PartnershipRequest } from '#domain/partnerships.js';
import type { Partner } from '#domain/partners.js';

const DAY = 86_400;
const at = (days: number) => new Date(Date.UTC(2026, 0, 1) + days * DAY * 1000).toISOString();

const partner = (overrides: Partial<Partner> = {}): Partner => ({
  tenantId: 'reseller',
  type: 'indirect_reseller',
  status: 'active',
  partnerId: '5100001',
  region: 'europe',
  company: { legalName: 'Fabrikam', address: { line1: 'W', city: 'B', postalCode: '10115', country: 'DE' } },
  primaryContact: { firstName: 'J', lastName: 'K', email: 'j@fabrikam.example' },
  agreement: { accepted: true, version: 'v1' },
  adminAgents: [],
  createdAt: at(0),
  updatedAt: at(0),
  history: [],
  ...overrides,
});

const request = { providerTenantId: 'provider', providerRegion: 'europe' as const };
const refusal = (roles: string[], reseller: Partner | undefined, tenant = 'reseller', enrollment?: { status: 'under_review'; vetting: { status: 'approved' | 'pending'; reasons: []; fieldsDue: []; round: 0 } }) =>
  acceptRefusal({ roles, resellerTenantId: tenant, reseller, enrollment, request });

describe('PRT-3 only an enrolled indirect reseller can accept', () => {
  it('an active reseller, or one whose vetting is approved, is enrolled; providers and strangers are not', () => {
    expect(isEnrolledReseller(partner(), undefined)).toBe(true);
    expect(isEnrolledReseller(partner({ status: 'enrolling' }), { status: 'under_review', vetting: { status: 'approved', reasons: [], fieldsDue: [], round: 0 } })).toBe(true);
    expect(isEnrolledReseller(partner({ status: 'enrolling' }), { status: 'under_review', vetting: { status: 'pending', reasons: [], fieldsDue: [], round: 0 } })).toBe(false);
    expect(isEnrolledReseller(partner({ type: 'indirect_provider' }), undefined)).toBe(false);
    expect(isEnrolledReseller(undefined, undefined)).toBe(false);
    expect(refusal(['global_admin'], undefined)?.rule).toBe('PRT-3');
    expect(refusal(['global_admin'], partner(), 'provider')?.rule).toBe('PRT-3');
  });
});

describe('PRT-4 only a global admin or admin agent authorises', () => {
  it('any role set without global_admin or admin_agent is refused with 403', () => {
    fc.assert(
      fc.property(fc.subarray(['global_admin', 'user_admin', 'admin_agent', 'sales_agent', 'operator']), (roles) => {
        const r = refusal(roles, partner());
        const allowed = roles.includes('global_admin') || roles.includes('admin_agent');
        expect(r === undefined).toBe(allowed);
        if (!allowed) expect(r).toMatchObject({ kind: 'forbidden', rule: 'PRT-4' });
      }),
    );
  });
});

describe('PRT-6 provider and reseller in the same region', () => {
  it('a reseller of another region is refused', () => {
    expect(refusal(['admin_agent'], partner({ region: 'united_states' }))).toMatchObject({ kind: 'rule', rule: 'PRT-6' });
    expect(refusal(['admin_agent'], partner({ region: 'europe' }))).toBeUndefined();
  });
});

describe('PRT-7 no new business without the reseller’s agreement', () => {
  it('canTransact needs an active relationship and the reseller’s accepted agreement', () => {
    expect(transactability({ state: 'active' }, partner())).toEqual({ canTransact: true });
    expect(transactability({ state: 'active' }, partner({ agreement: { accepted: false } }))).toEqual({ canTransact: false, reason: 'reseller_agreement_not_accepted' });
    expect(transactability({ state: 'terminated' }, partner())).toEqual({ canTransact: false, reason: 'relationship_terminated' });
  });
});

describe('PRT-10 request reminders, expiry and emails', () => {
  const req = (o: Partial<PartnershipRequest> = {}) =>
    ({ status: 'pending', sendEmails: true, remindersSent: 0, link: { generation: 1, hash: 'h', nonce: 'n', issuedAt: at(0), expiresAt: at(30) }, ...o }) as PartnershipRequest;
  it('reminds at 7 and 21 days, expires at 30; drafts the provider sends itself get no reminders', () => {
    expect(requestNextDue(req(), [7 * DAY, 21 * DAY], 100 * DAY, at(0))).toEqual({ at: at(7), action: 'reminder' });
    expect(requestNextDue(req({ remindersSent: 1 }), [7 * DAY, 21 * DAY], 100 * DAY, at(7))).toEqual({ at: at(21), action: 'reminder' });
    expect(requestNextDue(req({ remindersSent: 2 }), [7 * DAY, 21 * DAY], 100 * DAY, at(21))).toEqual({ at: at(30), action: 'expire' });
    expect(requestNextDue(req({ sendEmails: false }), [7 * DAY, 21 * DAY], 100 * DAY, at(0))).toEqual({ at: at(30), action: 'expire' });
    for (const status of ['accepted', 'declined', 'revoked', 'expired'] as const) expect(requestNextDue(req({ status }), [7 * DAY], DAY, at(0))).toBeUndefined();
  });

  it('PRT-2 the system sends the invitation only when asked, and after every resend', () => {
    expect(requestNotificationKey(req())).toBe('invitation#1');
    expect(requestNotificationKey(req({ sendEmails: false }))).toBe('draft_only');
    expect(requestNotificationKey(req({ sendEmails: false, link: { generation: 2, hash: 'h', nonce: 'n', issuedAt: at(0), expiresAt: at(30) } }))).toBe('invitation#2');
    expect(requestNotificationKey(req({ status: 'accepted' }))).toBe('accepted');
  });
});
