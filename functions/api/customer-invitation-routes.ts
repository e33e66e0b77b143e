import * as z from 'zod/mini';
import { route } from './contract.js';
import { AcceptCustomerInvitationInput, CustomerInvitationInput, CustomerInvitationStatusFilter, Cursor, Id, LinkToken, Limit } from './schemas.js';

const idParam = z.object({ id: Id });
const tokenParam = z.object({ token: LinkToken });
const inviterRoles = ['global_admin', 'admin_agent'] as const;

export const createCustomerInvitation = /* @__PURE__ */ route({
  name: 'create-customer-invitation',
  method: 'POST',
  path: '/customer-invitations',
  auth: 'jwt',
  roles: inviterRoles,
  roleRule: 'CUS-7',
  summary: 'Invite a customer by email to authorise the partner (and, from a reseller, its provider): a draft with the personal link, sent if asked (CUS-7)',
  tag: 'Customer invitations',
  body: CustomerInvitationInput,
  responses: {
    201: '{id, status, email, expiresAt, link, draft:{subject, body}}',
    400: 'A reseller without providerTenantId',
    403: 'Wrong role, or not an active partner',
    409: 'A pending invitation to this address exists',
    422: 'CUS-7 provider_not_partnered',
  },
});

export const listCustomerInvitations = /* @__PURE__ */ route({
  name: 'list-customer-invitations',
  method: 'GET',
  path: '/customer-invitations',
  auth: 'jwt',
  summary: 'The inviting partner’s customer invitations, newest first',
  tag: 'Customer invitations',
  query: z.object({ status: z.optional(CustomerInvitationStatusFilter), limit: Limit, cursor: Cursor }),
  responses: { 200: '{data, nextCursor}' },
});

export const resendCustomerInvitation = /* @__PURE__ */ route({
  name: 'resend-customer-invitation',
  method: 'POST',
  path: '/customer-invitations/{id}/resend',
  auth: 'jwt',
  roles: inviterRoles,
  roleRule: 'CUS-7',
  summary: 'New link, new expiry, email sent; the old link dies',
  tag: 'Customer invitations',
  params: idParam,
  responses: { 200: 'The invitation with its new link', 404: 'Unknown or another partner’s', 409: 'Not pending' },
});

export const revokeCustomerInvitation = /* @__PURE__ */ route({
  name: 'revoke-customer-invitation',
  method: 'POST',
  path: '/customer-invitations/{id}/revoke',
  auth: 'jwt',
  roles: inviterRoles,
  roleRule: 'CUS-7',
  summary: 'Revoke a pending invitation; its link dies',
  tag: 'Customer invitations',
  params: idParam,
  responses: { 200: 'The revoked invitation', 404: 'Unknown or another partner’s', 409: 'Not pending' },
});

export const viewCustomerLink = /* @__PURE__ */ route({
  name: 'view-customer-link',
  method: 'GET',
  path: '/customer-links/{token}',
  auth: 'public',
  summary: 'The invitation page: who invites, which partners will be related, what delegated admin grants, sign-in, checkbox (CUS-7)',
  tag: 'Links',
  params: tokenParam,
  html: true,
  responses: { 200: 'The invitation page', 410: 'The neutral page' },
});

export const acceptCustomerLink = /* @__PURE__ */ route({
  name: 'accept-customer-link',
  method: 'POST',
  path: '/customer-links/{token}/accept',
  auth: 'jwt',
  summary: 'The customer tenant’s global admin authorises the partners: the customer is created on the first acceptance and reused by later ones (CUS-7..10, PRT-11)',
  tag: 'Customer invitations',
  params: tokenParam,
  body: AcceptCustomerInvitationInput,
  reservedConcurrency: 20,
  responses: { 201: 'The customer', 403: 'CUS-7 not a global admin', 410: 'Used, expired, revoked or unknown link', 422: 'CUS-9/PRT-11 a program tenant, CUS-8 other region, CUS-7 not authorised' },
});

export const declineCustomerLink = /* @__PURE__ */ route({
  name: 'decline-customer-link',
  method: 'POST',
  path: '/customer-links/{token}/decline',
  auth: 'jwt',
  summary: 'Decline the customer invitation',
  tag: 'Customer invitations',
  params: tokenParam,
  responses: { 200: 'The declined invitation', 410: 'Used, expired, revoked or unknown link' },
});

export const authorizeCustomerLink = /* @__PURE__ */ route({
  name: 'authorize-customer-link',
  method: 'POST',
  path: '/customer-links/{token}/authorize',
  auth: 'public',
  summary:
    'The invitation page’s “Authorize partners” form (CUS-7): form-encoded `authorize=true` when the box is ticked; the signer-in is read from the `pp_session` cookie (no cookie: 303 to sign-in); a foreign `Origin` is refused',
  tag: 'Links',
  params: tokenParam,
  html: true,
  idempotent: false,
  reservedConcurrency: 20,
  responses: {
    200: 'The “partners authorized” page',
    303: 'Not signed in: to the sign-in, returning to the invitation',
    403: 'CUS-7 not a global admin (page), or a cross-origin form post',
    410: 'The neutral page',
    422: 'CUS-9/PRT-11 a program tenant, CUS-8 other region, CUS-7 box not ticked (page)',
  },
});

export const refuseCustomerLink = /* @__PURE__ */ route({
  name: 'refuse-customer-link',
  method: 'POST',
  path: '/customer-links/{token}/refuse',
  auth: 'public',
  summary: 'The invitation page’s decline form, for the signer-in of the `pp_session` cookie (no cookie: 303 to sign-in); a foreign `Origin` is refused',
  tag: 'Links',
  params: tokenParam,
  html: true,
  idempotent: false,
  reservedConcurrency: 20,
  responses: { 200: 'The “invitation declined” page', 303: 'Not signed in: to the sign-in, returning to the invitation', 403: 'A cross-origin form post', 410: 'The neutral page' },
});

export const customerInvitationRoutes = [
  createCustomerInvitation,
  listCustomerInvitations,
  resendCustomerInvitation,
  revokeCustomerInvitation,
  viewCustomerLink,
  acceptCustomerLink,
  declineCustomerLink,
  authorizeCustomerLink,
  refuseCustomerLink,
];
