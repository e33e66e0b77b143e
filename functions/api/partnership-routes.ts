import * as z from 'zod/mini';
import { route } from './contract.js';
import { AcceptInvitationInput, Cursor, Id, Limit, LinkToken, PartnershipRequestInput, RemoveRelationshipInput, RequestStatusFilter, TerminateRelationshipInput } from './schemas.js';

const idParam = z.object({ id: Id });
const tokenParam = z.object({ token: LinkToken });
const providerRoles = ['global_admin', 'admin_agent'] as const;

export const createPartnershipRequest = /* @__PURE__ */ route({
  name: 'create-partnership-request',
  method: 'POST',
  path: '/partnership-requests',
  auth: 'jwt',
  roles: providerRoles,
  roleRule: 'PRT-1',
  summary: 'Request a partnership with a reseller by email: a draft with the personal link, sent if asked (PRT-1, PRT-2)',
  tag: 'Partnerships',
  body: PartnershipRequestInput,
  responses: { 201: '{id, status, email, expiresAt, link, draft:{subject, body}}', 409: 'PRT-10 a pending request to this address exists', 422: 'PRT-1 not an active indirect provider' },
});

export const listPartnershipRequests = /* @__PURE__ */ route({
  name: 'list-partnership-requests',
  method: 'GET',
  path: '/partnership-requests',
  auth: 'jwt',
  summary: 'The provider’s partnership requests, newest first',
  tag: 'Partnerships',
  query: z.object({ status: z.optional(RequestStatusFilter), limit: Limit, cursor: Cursor }),
  responses: { 200: '{data, nextCursor}' },
});

export const resendPartnershipRequest = /* @__PURE__ */ route({
  name: 'resend-partnership-request',
  method: 'POST',
  path: '/partnership-requests/{id}/resend',
  auth: 'jwt',
  roles: providerRoles,
  roleRule: 'PRT-1',
  summary: 'New link, new expiry, email sent; the old link dies (PRT-10)',
  tag: 'Partnerships',
  params: idParam,
  responses: { 200: 'The request with its new link', 409: 'Not pending' },
});

export const revokePartnershipRequest = /* @__PURE__ */ route({
  name: 'revoke-partnership-request',
  method: 'POST',
  path: '/partnership-requests/{id}/revoke',
  auth: 'jwt',
  roles: providerRoles,
  roleRule: 'PRT-1',
  summary: 'Revoke a pending request (PRT-10)',
  tag: 'Partnerships',
  params: idParam,
  responses: { 200: 'The revoked request', 409: 'Not pending' },
});

export const viewInvitation = /* @__PURE__ */ route({
  name: 'view-invitation',
  method: 'GET',
  path: '/invitations/{token}',
  auth: 'public',
  summary: 'The invitation page: who invites, what authorising grants, sign-in, checkbox (PRT-4)',
  tag: 'Links',
  params: tokenParam,
  html: true,
  responses: { 200: 'The invitation page', 410: 'The neutral page' },
});

export const invitationDetails = /* @__PURE__ */ route({
  name: 'get-invitation-details',
  method: 'GET',
  path: '/invitations/{token}/details',
  auth: 'jwt',
  summary: 'The invitation as JSON, for a signed-in reseller user',
  tag: 'Partnerships',
  params: tokenParam,
  responses: { 200: '{providerName, providerPartnerId, region, grants, expiresAt}', 410: 'Used, expired, revoked or unknown link' },
});

export const acceptInvitation = /* @__PURE__ */ route({
  name: 'accept-invitation',
  method: 'POST',
  path: '/invitations/{token}/accept',
  auth: 'jwt',
  summary: 'Authorize the indirect provider (PRT-3..6, PRT-10)',
  tag: 'Partnerships',
  params: tokenParam,
  body: AcceptInvitationInput,
  reservedConcurrency: 20,
  responses: { 201: 'The relationship', 403: 'PRT-4 wrong role', 409: 'PRT-10 already partnered', 410: 'Used, expired, revoked or unknown link', 422: 'PRT-3 not enrolled, PRT-6 other region, PRT-4 not authorised' },
});

export const declineInvitation = /* @__PURE__ */ route({
  name: 'decline-invitation',
  method: 'POST',
  path: '/invitations/{token}/decline',
  auth: 'jwt',
  summary: 'Decline the partnership request',
  tag: 'Partnerships',
  params: tokenParam,
  responses: { 200: 'The declined request', 410: 'Used, expired, revoked or unknown link' },
});

export const listRelationships = /* @__PURE__ */ route({
  name: 'list-relationships',
  method: 'GET',
  path: '/relationships',
  auth: 'jwt',
  summary: 'A provider’s indirect resellers or a reseller’s indirect providers (PRT-5), with canTransact (PRT-7)',
  tag: 'Partnerships',
  query: z.object({ type: z.enum(['indirect_reseller', 'indirect_provider']), state: z._default(z.enum(['active', 'terminated']), 'active'), limit: Limit, cursor: Cursor }),
  responses: { 200: '{data, nextCursor}' },
});

export const getRelationship = /* @__PURE__ */ route({
  name: 'get-relationship',
  method: 'GET',
  path: '/relationships/{id}',
  auth: 'jwt',
  summary: 'A relationship the caller is party to',
  tag: 'Partnerships',
  params: idParam,
  responses: { 200: 'The relationship', 404: 'Unknown or not a party' },
});

export const removeRelationship = /* @__PURE__ */ route({
  name: 'remove-relationship',
  method: 'DELETE',
  path: '/relationships/{id}',
  auth: 'jwt',
  summary: 'Remove the partnership with confirmation and attestation; no email is sent (PRT-8); resellers cannot (PRT-9)',
  tag: 'Partnerships',
  params: idParam,
  body: RemoveRelationshipInput,
  responses: { 200: 'The terminated relationship', 403: 'PRT-9 reseller, PRT-8 wrong role', 422: 'PRT-8 confirmation or attestation missing' },
});

export const terminateRelationship = /* @__PURE__ */ route({
  name: 'operator-terminate-relationship',
  method: 'POST',
  path: '/operator/relationships/{id}/terminate',
  auth: 'jwt',
  roles: ['operator'],
  summary: 'Terminate a partnership on the reseller’s support request (PRT-9)',
  tag: 'Operator',
  params: idParam,
  body: TerminateRelationshipInput,
  responses: { 200: 'The terminated relationship', 409: 'Not active' },
});

export const authorizeInvitation = /* @__PURE__ */ route({
  name: 'authorize-invitation',
  method: 'POST',
  path: '/invitations/{token}/authorize',
  auth: 'public',
  summary:
    'The invitation page’s “Authorize indirect provider” form (PRT-4): form-encoded `authorize=true` when the box is ticked; the signer-in is read from the `pp_session` cookie (no cookie: 303 to sign-in); a foreign `Origin` is refused',
  tag: 'Links',
  params: tokenParam,
  html: true,
  idempotent: false,
  reservedConcurrency: 20,
  responses: {
    200: 'The “provider authorized” page',
    303: 'Not signed in: to the sign-in, returning to the invitation',
    403: 'PRT-4 wrong role (page), or a cross-origin form post',
    409: 'PRT-10 already partnered (page)',
    410: 'The neutral page',
    422: 'PRT-3 not enrolled, PRT-6 other region, PRT-4 box not ticked (page)',
  },
});

export const refuseInvitation = /* @__PURE__ */ route({
  name: 'refuse-invitation',
  method: 'POST',
  path: '/invitations/{token}/refuse',
  auth: 'public',
  summary: 'The invitation page’s decline form: declines the partnership request for the signer-in of the `pp_session` cookie (no cookie: 303 to sign-in); a foreign `Origin` is refused',
  tag: 'Links',
  params: tokenParam,
  html: true,
  idempotent: false,
  reservedConcurrency: 20,
  responses: { 200: 'The “invitation declined” page', 303: 'Not signed in: to the sign-in, returning to the invitation', 403: 'A cross-origin form post', 410: 'The neutral page' },
});

export const partnershipRoutes = [
  createPartnershipRequest,
  listPartnershipRequests,
  resendPartnershipRequest,
  revokePartnershipRequest,
  viewInvitation,
  invitationDetails,
  acceptInvitation,
  declineInvitation,
  listRelationships,
  getRelationship,
  removeRelationship,
  terminateRelationship,
  authorizeInvitation,
  refuseInvitation,
];
