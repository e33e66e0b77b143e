import { api, emailsTo, eventually, operator, registerPartnerId, uniquePartnerId, uniqueTenant, type User } from './api.js';
import { enroll, newReseller, sendVetting, verifyLinkOf, waitForEmail, waitForStatus } from './enrollment.js';

export interface Provider {
  admin: User;
  partnerId: string;
  name: string;
}

/** Onboards an indirect provider through the operator routes. */
export async function newProvider(country = 'DE', options: { name?: string } = {}): Promise<Provider> {
  const tenantId = uniqueTenant('provider');
  const partnerId = uniquePartnerId();
  const name = options.name ?? `Contoso Distribution ${tenantId.slice(-4)}`;
  await registerPartnerId(partnerId, { legalName: name, country });
  const res = await api('POST', '/operator/partners', {
    user: operator,
    body: {
      tenantId,
      type: 'indirect_provider',
      partnerId,
      company: { legalName: name, address: { line1: 'Hafenstraße 2', city: 'Hamburg', postalCode: '20457', country } },
      primaryContact: { firstName: 'Greta', lastName: 'Becker', email: `greta-${tenantId}@contoso.example` },
    },
  });
  if (res.status !== 201) throw new Error(`provider: ${res.status} ${res.text}`);
  return { admin: { tenantId, tenantCountry: country, email: `admin-${tenantId}@contoso.example`, roles: ['global_admin'], sub: `padmin-${tenantId}` }, partnerId, name };
}

/** A reseller whose vetting is approved; the agreement is accepted unless told otherwise. */
export async function enrolledReseller(options: { country?: string; acceptAgreement?: boolean } = {}) {
  const r = await newReseller({ country: options.country ?? 'DE', companyName: `Fabrikam ${Math.random().toString(36).slice(2, 6)} GmbH` });
  const { id } = await enroll(r);
  await api('POST', verifyLinkOf(await waitForEmail(r.contactEmail)));
  await waitForStatus(r.admin, id, 'under_review');
  await sendVetting(id, 'approved');
  if (options.acceptAgreement !== false) {
    const version = (await api('GET', '/agreements/current', { user: r.admin })).body.version;
    await api('POST', '/partners/me/agreements', { user: r.admin, body: { version, accept: true } });
    await waitForStatus(r.admin, id, 'active');
  } else {
    await eventually(async () => ((await api('GET', `/enrollments/${id}`, { user: r.admin })).body.vetting.status === 'approved' ? true : undefined));
  }
  return { ...r, enrollmentId: id };
}

export async function requestPartnership(provider: Provider, email: string, extra: Record<string, unknown> = {}) {
  const res = await api('POST', '/partnership-requests', { user: provider.admin, body: { email, ...extra } });
  if (res.status !== 201) throw new Error(`request: ${res.status} ${res.text}`);
  return res.body as { id: string; link: string; expiresAt: string; draft: { subject: string; body: string } };
}

export const tokenOf = (link: string) => new URL(link).pathname.split('/').at(-1)!;

export const invitationLinkIn = async (to: string, count = 1) => {
  const mail = await waitForEmail(to, count);
  const link = mail.links.find((l) => l.includes('/invitations/'));
  if (!link) throw new Error('no invitation link');
  return { mail, link };
};

export { emailsTo };
