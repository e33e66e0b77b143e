import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EnrollmentInput, PartnerType } from '#api/schemas.js';
import {
  applyCorrection,
  blocksNewEnrollment,
  canAcceptAgreement,
  canChangeContact,
  currentlyDue,
  fieldNotDue,
  isReadyToActivate,
  nextDue,
  notificationKey,
  resendRefusal,
  touchedFields,
  transition,
  type Enrollment,
  type EnrollmentStatus,
  type Timing,
} from '#domain/enrollment.js';

const DAY = 86_400;
const at = (days: number) => new Date(Date.UTC(2026, 0, 1) + days * DAY * 1000).toISOString();
const statuses: EnrollmentStatus[] = ['pending_contact_verification', 'under_review', 'more_info_needed', 'active', 'rejected', 'expired'];
const timing: Timing = {
  verificationRemindersSeconds: [2 * DAY, 5 * DAY],
  verificationExpirySeconds: 7 * DAY,
  agreementReminderIntervalSeconds: 7 * DAY,
  agreementReminderMax: 3,
  moreInfoRemindersSeconds: [3 * DAY, 7 * DAY],
  moreInfoExpirySeconds: 30 * DAY,
  livenessCheckSeconds: 100 * DAY,
};

function enrollment(overrides: Partial<Enrollment> = {}): Enrollment {
  return {
    id: 'enr_test',
    tenantId: 't1',
    partnerId: '5100001',
    status: 'pending_contact_verification',
    company: { legalName: 'Fabrikam GmbH', address: { line1: 'Weg 1', city: 'Berlin', postalCode: '10115', country: 'DE' } },
    primaryContact: { firstName: 'Jonas', lastName: 'Keller', email: 'jonas@fabrikam.example' },
    supportContact: { email: 'support@fabrikam.example' },
    region: 'europe',
    agreement: { accepted: false },
    contactVerification: { generation: 1, linkHash: 'h', linkNonce: 'n', linkIssuedAt: at(0), expiresAt: at(7), remindersSent: 0, deliverable: true, resends: [] },
    vetting: { status: 'not_started', reasons: [], fieldsDue: [], round: 0 },
    enrolledBy: { sub: 'admin', email: 'admin@fabrikam.example' },
    agreementRemindersSent: 0,
    moreInfoRemindersSent: 0,
    version: 1,
    execution: { generation: 1, name: 'enr_test-g1' },
    createdAt: at(0),
    updatedAt: at(0),
    history: [],
    ...overrides,
  };
}

const validInput = {
  partnerId: '5100001',
  company: { legalName: 'Fabrikam GmbH', address: { line1: 'Weg 1', city: 'Berlin', postalCode: '10115', country: 'de' } },
  primaryContact: { firstName: 'Jonas', lastName: 'Keller', email: 'Jonas@Fabrikam.example', language: 'de' },
  supportContact: { email: 'support@fabrikam.example', phone: '+49 30 123456', website: 'https://fabrikam.example' },
};

describe('ENR-2 what an enrollment carries', () => {
  it('accepts the partner ID, legal profile with ISO country, primary and support contacts; normalises case', () => {
    const parsed = EnrollmentInput.parse(validInput);
    expect(parsed.company.address.country).toBe('DE');
    expect(parsed.primaryContact.email).toBe('jonas@fabrikam.example');
  });

  it.each([
    ['company.address.country', { ...validInput, company: { ...validInput.company, address: { ...validInput.company.address, country: 'XX' } } }],
    ['primaryContact.language', { ...validInput, primaryContact: { ...validInput.primaryContact, language: 'fr' } }],
    ['supportContact', { ...validInput, supportContact: undefined }],
    ['primaryContact.firstName', { ...validInput, primaryContact: { ...validInput.primaryContact, firstName: 'A\r\nBcc: x@y' } }],
    ['unknown field', { ...validInput, role: 'admin' }],
  ])('refuses a bad or missing %s', (_what, input) => {
    expect(EnrollmentInput.safeParse(input).success).toBe(false);
  });
});

describe('TYP-1 partner types', () => {
  it('knows exactly indirect_provider, indirect_reseller and direct_bill', () => {
    expect(PartnerType.options).toEqual(['indirect_provider', 'indirect_reseller', 'direct_bill']);
    fc.assert(fc.property(fc.string(), (s) => PartnerType.safeParse(s).success === PartnerType.options.includes(s as never)));
  });
});

describe('ENR-5 one open enrollment per tenant', () => {
  it('only rejected and expired enrollments let the tenant enroll again', () => {
    for (const s of statuses) expect(blocksNewEnrollment(s)).toBe(s !== 'rejected' && s !== 'expired');
  });
});

describe('ENR-6 / MPA-5 / MPA-4 what is due and when the account is ready', () => {
  it('ENR-6 contact verification comes first; vetting and agreement follow in either order', () => {
    expect(currentlyDue(enrollment())).toEqual(['contact_verification', 'vetting', 'agreement_acceptance']);
    const review = enrollment({ status: 'under_review', vetting: { status: 'pending', reasons: [], fieldsDue: [], round: 0 } });
    expect(currentlyDue(review)).toEqual(['vetting', 'agreement_acceptance']);
    expect(currentlyDue({ ...review, agreement: { accepted: true, version: 'v' } })).toEqual(['vetting']);
    expect(currentlyDue({ ...review, vetting: { ...review.vetting, status: 'approved' } })).toEqual(['agreement_acceptance']);
  });

  it('MPA-4 active needs vetting approved AND the agreement accepted, in either order', () => {
    fc.assert(
      fc.property(fc.constantFrom('not_started', 'pending', 'approved', 'rejected', 'more_info_needed' as const), fc.boolean(), fc.constantFrom(...statuses), (vetting, accepted, status) => {
        const e = enrollment({ status, agreement: { accepted }, vetting: { status: vetting as Enrollment['vetting']['status'], reasons: [], fieldsDue: [], round: 0 } });
        expect(isReadyToActivate(e)).toBe(status === 'under_review' && vetting === 'approved' && accepted);
      }),
    );
  });

  it('MPA-5 the agreement can be accepted once the contact is confirmed, not before, not after the end', () => {
    expect(statuses.filter(canAcceptAgreement)).toEqual(['under_review', 'more_info_needed', 'active']);
  });
});

describe('ENR-8 corrections touch only the named fields', () => {
  it('flattens a correction into field paths and refuses the first one not requested', () => {
    const touched = touchedFields({ company: { legalName: 'X', address: { city: 'Y' } } });
    expect(touched).toEqual(['company.legalName', 'company.address.city']);
    expect(fieldNotDue(touched, ['company.legalName'])).toBe('company.address.city');
    expect(fieldNotDue(touched, ['company.legalName', 'company.address'])).toBeUndefined();
    expect(fieldNotDue(['company.legalNameX'], ['company.legalName'])).toBe('company.legalNameX');
  });

  it('deep-merges the correction and keeps the rest', () => {
    const merged = applyCorrection({ company: { legalName: 'A', address: { city: 'Berlin', line1: 'W' } } }, { company: { address: { city: 'Köln' } } });
    expect(merged).toEqual({ company: { legalName: 'A', address: { city: 'Köln', line1: 'W' } } });
  });
});

describe('ENR-9 one email per state change', () => {
  it('gives each state its own notification key, a new contact a new verification', () => {
    const pending = enrollment();
    const review = enrollment({ status: 'under_review', vetting: { status: 'pending', reasons: [], fieldsDue: [], round: 0 } });
    const keys = [
      notificationKey(pending),
      notificationKey({ ...pending, contactVerification: { ...pending.contactVerification, generation: 2 } }),
      notificationKey(review),
      notificationKey({ ...review, vetting: { ...review.vetting, status: 'approved' } }),
      notificationKey(enrollment({ status: 'more_info_needed', vetting: { status: 'more_info_needed', reasons: [], fieldsDue: ['company.legalName'], round: 1 } })),
      notificationKey({ ...review, vetting: { ...review.vetting, round: 1 } }),
      notificationKey(enrollment({ status: 'active' })),
      notificationKey(enrollment({ status: 'rejected' })),
      notificationKey(enrollment({ status: 'expired' })),
    ];
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('ENR-10 / ENR-12 reminders and deadlines', () => {
  it('ENR-10 reminds at 2 and 5 days, then expires at 7', () => {
    const e = enrollment();
    expect(nextDue(e, timing, at(0))).toEqual({ at: at(2), action: 'verification_reminder' });
    expect(nextDue({ ...e, contactVerification: { ...e.contactVerification, remindersSent: 1 } }, timing, at(2))).toEqual({ at: at(5), action: 'verification_reminder' });
    expect(nextDue({ ...e, contactVerification: { ...e.contactVerification, remindersSent: 2 } }, timing, at(5))).toEqual({ at: at(7), action: 'expire' });
  });

  it('ENR-12 an undeliverable contact gets no reminders but keeps its deadline', () => {
    const e = enrollment({ contactVerification: { ...enrollment().contactVerification, deliverable: false } });
    expect(nextDue(e, timing, at(0))).toEqual({ at: at(7), action: 'expire' });
    expect(currentlyDue(e)[0]).toBe('primary_contact');
  });

  it('agreement reminders every 7 days at most 3 times; more-info reminders at 3 and 7 days, expiry at 30', () => {
    const review = enrollment({ status: 'under_review', contactVerification: { ...enrollment().contactVerification, verifiedAt: at(1) }, vetting: { status: 'approved', reasons: [], fieldsDue: [], round: 0 } });
    expect(nextDue(review, timing, at(1))).toEqual({ at: at(8), action: 'agreement_reminder' });
    expect(nextDue({ ...review, agreementRemindersSent: 2 }, timing, at(15))).toEqual({ at: at(22), action: 'agreement_reminder' });
    expect(nextDue({ ...review, agreementRemindersSent: 3 }, timing, at(22))?.action).toBe('liveness_check');
    const info = enrollment({ status: 'more_info_needed', deadline: at(40), vetting: { status: 'more_info_needed', reasons: [], fieldsDue: ['company.legalName'], round: 1, decidedAt: at(10) } });
    expect(nextDue(info, timing, at(10))).toEqual({ at: at(13), action: 'more_info_reminder' });
    expect(nextDue({ ...info, moreInfoRemindersSent: 2 }, timing, at(17))).toEqual({ at: at(40), action: 'expire' });
  });

  it('finished enrollments leave the due index', () => {
    for (const s of ['active', 'rejected', 'expired'] as const) expect(nextDue(enrollment({ status: s }), timing, at(0))).toBeUndefined();
  });
});

describe('ENR-11 changing the contact and resending', () => {
  it('the contact can be changed only before it confirmed', () => {
    expect(statuses.filter(canChangeContact)).toEqual(['pending_contact_verification']);
  });

  it('resends wait a minimum interval and are capped per day', () => {
    const now = at(1);
    expect(resendRefusal([], now, 60, 3)).toBeUndefined();
    expect(resendRefusal([new Date(Date.parse(now) - 30_000).toISOString()], now, 60, 3)).toMatchObject({ kind: 'rate_limited', rule: 'ENR-11', retryAfterSeconds: 30 });
    const three = [at(0.5), at(0.6), at(0.7)];
    expect(resendRefusal(three, now, 60, 3)?.retryAfterSeconds).toBe(0.5 * DAY);
    expect(resendRefusal([at(-1), at(-0.9), at(-0.5)], now, 60, 3)).toBeUndefined();
  });
});

describe('GEN-1 audit trail', () => {
  it('every transition records who, when, what and before → after, and bumps the version', () => {
    const e = enrollment();
    const next = transition(e, { now: at(1), actor: 'contact:x', action: 'contact.confirmed', status: 'under_review' });
    expect(next.version).toBe(e.version + 1);
    expect(next.history.at(-1)).toEqual({ at: at(1), actor: 'contact:x', action: 'contact.confirmed', status: 'under_review', from: 'pending_contact_verification', to: 'under_review' });
    const same = transition(next, { now: at(2), actor: 'u', action: 'reminder' });
    expect(same.history.at(-1)).not.toHaveProperty('from');
    expect(e.history).toHaveLength(0);
  });
});
