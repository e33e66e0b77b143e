import { randomUUID } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { advanceClock, api, emailsTo, eventually, registerPartnerId, uniquePartnerId, uniqueTenant, type User } from './api.js';

export const vettingSecret = 'whsec_bG9jYWwtdmV0dGluZy1zZWNyZXQtY2hhbmdlLW1l';

export interface Reseller {
  admin: User;
  partnerId: string;
  contactEmail: string;
  body: ReturnType<typeof enrollmentBody>;
}

export function enrollmentBody(partnerId: string, contactEmail: string, overrides: { country?: string; language?: string; companyName?: string; firstName?: string } = {}) {
  return {
    partnerId,
    company: {
      legalName: overrides.companyName ?? 'Fabrikam Reseller GmbH',
      address: { line1: 'Friedrichstraße 10', city: 'Berlin', postalCode: '10117', country: overrides.country ?? 'DE' },
    },
    primaryContact: { firstName: overrides.firstName ?? 'Jonas', lastName: 'Keller', email: contactEmail, phone: '+49 30 1234567', ...(overrides.language ? { language: overrides.language } : {}) },
    supportContact: { email: 'support@fabrikam.example', website: 'https://fabrikam.example' },
  };
}

/** A fresh tenant with a registered partner ID, ready to enroll. */
export async function newReseller(options: { country?: string; language?: string; companyName?: string; firstName?: string } = {}): Promise<Reseller> {
  const country = options.country ?? 'DE';
  const tenantId = uniqueTenant('reseller');
  const partnerId = uniquePartnerId();
  await registerPartnerId(partnerId, { legalName: 'Fabrikam Reseller GmbH', country });
  const contactEmail = `contact-${tenantId}@fabrikam.example`;
  return {
    admin: { tenantId, tenantCountry: country, email: `admin-${tenantId}@fabrikam.example`, roles: ['global_admin'], sub: `admin-${tenantId}` },
    partnerId,
    contactEmail,
    body: enrollmentBody(partnerId, contactEmail, options),
  };
}

export async function enroll(r: Reseller) {
  const res = await api('POST', '/enrollments', { user: r.admin, body: r.body });
  if (res.status !== 202) throw new Error(`enroll: ${res.status} ${res.text}`);
  return res.body as { id: string; status: string };
}

/** Waits for the n-th email to an address whose subject or text matches, and returns it. */
export async function waitForEmail(to: string, count = 1) {
  return eventually(async () => {
    const mails = await emailsTo(to);
    return mails.length >= count ? mails[count - 1] : undefined;
  }, 20_000, `email #${count} to ${to}`);
}

export const verifyLinkOf = (email: { links: string[] }) => {
  const link = email.links.find((l) => l.includes('/verify/'));
  if (!link) throw new Error('no verification link in the email');
  return new URL(link).pathname;
};

export async function getEnrollment(user: User, id: string) {
  return (await api('GET', `/enrollments/${id}`, { user })).body;
}

export async function waitForStatus(user: User, id: string, status: string) {
  return eventually(async () => {
    const e = await getEnrollment(user, id);
    return e.status === status ? e : undefined;
  }, 20_000, `status ${status}`);
}

export async function localNow(): Promise<Date> {
  return new Date(await advanceClock(0));
}

/** Signs a vetting webhook like the vetting service (Standard Webhooks). */
export async function signedWebhook(payload: unknown, options: { id?: string; at?: Date; secret?: string } = {}) {
  const body = JSON.stringify(payload);
  const id = options.id ?? `msg_${randomUUID()}`;
  const at = options.at ?? (await localNow());
  const signature = new Webhook(options.secret ?? vettingSecret).sign(id, at, body);
  return {
    rawBody: body,
    headers: { 'content-type': 'application/json', 'webhook-id': id, 'webhook-timestamp': String(Math.floor(at.getTime() / 1000)), 'webhook-signature': signature },
  };
}

export async function sendVetting(enrollmentId: string, outcome: string, reasons: unknown[] = [], options: { id?: string; at?: Date; secret?: string } = {}) {
  const signed = await signedWebhook({ type: 'vetting.completed', data: { enrollmentId, outcome, reasons } }, options);
  return api('POST', '/webhooks/vetting', signed);
}

export const currentAgreementVersion = async (user: User) => (await api('GET', '/agreements/current', { user })).body.version as string;

/** Takes a fresh reseller from enrollment to active through the API, the emails and the webhook. */
export async function activeReseller(options: Parameters<typeof newReseller>[0] = {}) {
  const r = await newReseller(options);
  const { id } = await enroll(r);
  const mail = await waitForEmail(r.contactEmail);
  const confirm = await api('POST', verifyLinkOf(mail), { headers: { accept: 'application/json' } });
  if (confirm.status !== 200) throw new Error(`confirm: ${confirm.status} ${confirm.text}`);
  await waitForStatus(r.admin, id, 'under_review');
  await eventually(async () => (await sendVetting(id, 'approved')).status === 204 || undefined, 5000, 'vetting');
  const version = await currentAgreementVersion(r.admin);
  const accepted = await api('POST', '/partners/me/agreements', { user: r.admin, body: { version, accept: true } });
  if (accepted.status !== 201) throw new Error(`agreement: ${accepted.status} ${accepted.text}`);
  await waitForStatus(r.admin, id, 'active');
  return { ...r, enrollmentId: id };
}
