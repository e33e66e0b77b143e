import { api, uniqueTenant, type User } from './api.js';
import { waitForEmail } from './enrollment.js';
import { enrolledReseller, invitationLinkIn, newProvider, requestPartnership, tokenOf, type Provider } from './partnerships.js';

/** A reseller with an active partnership with `provider` (through the emailed request). */
export async function partneredReseller(provider: Provider, options: { country?: string } = {}) {
  const reseller = await enrolledReseller(options);
  const invitee = `partners-${reseller.admin.tenantId}@fabrikam.example`;
  await requestPartnership(provider, invitee);
  const { link } = await invitationLinkIn(invitee);
  const accepted = await api('POST', `/invitations/${tokenOf(link)}/accept`, { user: reseller.admin, body: { authorize: true } });
  if (accepted.status !== 201) throw new Error(`partnership: ${accepted.status} ${accepted.text}`);
  return reseller;
}

/** The global admin of a fresh customer tenant (no partner of the program). */
export const customerAdmin = (country = 'DE', label = 'customer'): User => {
  const tenantId = uniqueTenant(label);
  return { tenantId, tenantCountry: country, email: `admin@${tenantId}.example`, roles: ['global_admin'], sub: `cadmin-${tenantId}` };
};

export async function inviteCustomer(inviter: User, body: Record<string, unknown>) {
  const res = await api('POST', '/customer-invitations', { user: inviter, body });
  if (res.status !== 201) throw new Error(`invitation: ${res.status} ${res.text}`);
  return res.body as { id: string; status: string; link: string; expiresAt: string; draft: { subject: string; body: string } };
}

/** The customer invitation link in the n-th email to `to`. */
export async function customerLinkIn(to: string, count = 1) {
  const mail = await waitForEmail(to, count);
  const link = mail.links.find((l) => l.includes('/customer-links/'));
  if (!link) throw new Error('no customer invitation link');
  return { mail, link };
}

export const acceptCustomerLink = (user: User, link: string, authorize = true) => api('POST', `/customer-links/${tokenOf(link)}/accept`, { user, body: { authorize } });

export { newProvider };
