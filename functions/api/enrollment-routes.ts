import * as z from 'zod/mini';
import { route } from './contract.js';
import {
  AgreementAcceptInput,
  Correction,
  Cursor,
  EnrollmentInput,
  EnrollmentStatusFilter,
  Id,
  Limit,
  LinkToken,
  PrimaryContactChange,
  VettingDecision,
} from './schemas.js';

const idParam = z.object({ id: Id });
const tokenParam = z.object({ token: LinkToken });

export const createEnrollment = /* @__PURE__ */ route({
  name: 'create-enrollment',
  method: 'POST',
  path: '/enrollments',
  auth: 'jwt',
  roles: ['global_admin'],
  roleRule: 'ENR-1',
  summary: 'Enroll the signed-in tenant as an indirect reseller (ENR-1..6, TYP-2)',
  tag: 'Enrollment',
  body: EnrollmentInput,
  responses: { 202: 'The enrollment; a verification email goes to the primary contact', 409: 'ENR-5', 422: 'ENR-3, ENR-4' },
});

export const getEnrollment = /* @__PURE__ */ route({
  name: 'get-enrollment',
  method: 'GET',
  path: '/enrollments/{id}',
  auth: 'jwt',
  summary: 'An enrollment of the caller’s tenant (operators: any)',
  tag: 'Enrollment',
  params: idParam,
  responses: { 200: 'The enrollment', 404: 'Unknown, or of another tenant' },
});

export const changePrimaryContact = /* @__PURE__ */ route({
  name: 'change-primary-contact',
  method: 'PUT',
  path: '/enrollments/{id}/primary-contact',
  auth: 'jwt',
  roles: ['global_admin'],
  roleRule: 'ENR-11',
  summary: 'Replace the primary contact before it confirmed; the old link dies (ENR-11)',
  tag: 'Enrollment',
  params: idParam,
  body: PrimaryContactChange,
  responses: { 200: 'The enrollment', 409: 'Already confirmed', 422: 'ENR-4' },
});

export const resendVerification = /* @__PURE__ */ route({
  name: 'resend-verification-email',
  method: 'POST',
  path: '/enrollments/{id}/verification-email',
  auth: 'jwt',
  roles: ['global_admin'],
  roleRule: 'ENR-11',
  summary: 'Send the verification email again, same link (rate-limited, ENR-11)',
  tag: 'Enrollment',
  params: idParam,
  responses: { 202: 'Sent', 409: 'Not awaiting confirmation', 422: 'ENR-12 contact undeliverable', 429: 'Rate-limited' },
});

export const correctEnrollment = /* @__PURE__ */ route({
  name: 'correct-enrollment',
  method: 'PATCH',
  path: '/enrollments/{id}',
  auth: 'jwt',
  roles: ['global_admin'],
  roleRule: 'ENR-8',
  summary: 'Correct the fields named in requirements.currentlyDue (ENR-8)',
  tag: 'Enrollment',
  params: idParam,
  body: Correction,
  responses: { 200: 'The enrollment, back under review', 409: 'Not awaiting information', 422: 'ENR-8 field not requested' },
});

export const viewVerification = /* @__PURE__ */ route({
  name: 'view-verification',
  method: 'GET',
  path: '/verify/{token}',
  auth: 'public',
  summary: 'The confirmation page of a verification link; changes nothing (ENR-7)',
  tag: 'Links',
  params: tokenParam,
  html: true,
  responses: { 200: 'Page with a confirm button', 410: 'The neutral page' },
});

export const confirmVerification = /* @__PURE__ */ route({
  name: 'confirm-verification',
  method: 'POST',
  path: '/verify/{token}',
  auth: 'public',
  summary: 'Confirm the primary contact (ENR-6, ENR-7)',
  tag: 'Links',
  params: tokenParam,
  form: true,
  reservedConcurrency: 20,
  responses: { 200: 'Confirmed (HTML, or JSON with Accept: application/json)', 410: 'Used, expired or unknown link: the same neutral answer' },
});

export const vettingWebhook = /* @__PURE__ */ route({
  name: 'vetting-webhook',
  method: 'POST',
  path: '/webhooks/vetting',
  auth: 'public',
  summary: 'Vetting outcome, signed with Standard Webhooks (ENR-8)',
  tag: 'Webhooks',
  idempotent: false,
  reservedConcurrency: 20,
  responses: { 204: 'Applied, or a replay of an applied webhook-id', 400: 'Invalid body', 401: 'Bad signature or timestamp', 404: 'Unknown enrollment', 409: 'Not awaiting vetting' },
});

export const reviewQueue = /* @__PURE__ */ route({
  name: 'operator-list-enrollments',
  method: 'GET',
  path: '/operator/enrollments',
  auth: 'jwt',
  roles: ['operator'],
  summary: 'The review queue by status, oldest first, paginated',
  tag: 'Operator',
  query: z.object({ status: z._default(EnrollmentStatusFilter, 'under_review'), limit: Limit, cursor: Cursor }),
  responses: { 200: '{data, nextCursor}' },
});

export const operatorDecision = /* @__PURE__ */ route({
  name: 'operator-decide-enrollment',
  method: 'POST',
  path: '/operator/enrollments/{id}/decision',
  auth: 'jwt',
  roles: ['operator'],
  summary: 'Record a vetting outcome as the operator (ENR-8)',
  tag: 'Operator',
  params: idParam,
  body: VettingDecision,
  responses: { 200: 'The enrollment', 409: 'Not awaiting vetting' },
});

export const currentAgreement = /* @__PURE__ */ route({
  name: 'get-current-agreement',
  method: 'GET',
  path: '/agreements/current',
  auth: 'jwt',
  summary: 'The current partner agreement',
  tag: 'Partner agreement',
  responses: { 200: '{type, version, title, url}' },
});

export const acceptAgreement = /* @__PURE__ */ route({
  name: 'accept-agreement',
  method: 'POST',
  path: '/partners/me/agreements',
  auth: 'jwt',
  roles: ['global_admin'],
  roleRule: 'MPA-2',
  summary: 'Accept the partner agreement (MPA-1, MPA-2, MPA-5)',
  tag: 'Partner agreement',
  body: AgreementAcceptInput,
  responses: { 201: 'The acceptance', 200: 'Already accepted', 422: 'MPA-1 not the current version, MPA-5 contact not confirmed' },
});

export const agreementStatus = /* @__PURE__ */ route({
  name: 'get-agreement-status',
  method: 'GET',
  path: '/partners/{partnerId}/agreement-status',
  auth: 'jwt',
  summary: 'Whether a partner has accepted the agreement (MPA-3): indirect providers and operators',
  tag: 'Partner agreement',
  params: z.object({ partnerId: z.string().check(z.regex(/^[A-Za-z0-9][A-Za-z0-9-]{2,31}$/)) }),
  responses: { 200: '{partnerId, isAgreementSigned}', 403: 'Not an indirect provider', 404: 'Unknown partner ID' },
});

export const enrollmentRoutes = [
  createEnrollment,
  getEnrollment,
  changePrimaryContact,
  resendVerification,
  correctEnrollment,
  viewVerification,
  confirmVerification,
  vettingWebhook,
  reviewQueue,
  operatorDecision,
  currentAgreement,
  acceptAgreement,
  agreementStatus,
];
