import { Refused, type RefusalKind } from '#domain/refusal.js';
import { ApiError, type ErrorType } from '#lib/errors.js';
import type { InvitationRefusal } from '#messages/pages/invitation-refused.js';
import type { CustomerInvitationRefusal } from '#messages/pages/customer-invitation.js';

/** The one place a refusal becomes HTTP: its status and error type (API.md "Errors"). */
const http: Record<RefusalKind, { status: number; type: ErrorType }> = {
  invalid: { status: 400, type: 'invalid_request' },
  forbidden: { status: 403, type: 'forbidden' },
  not_found: { status: 404, type: 'not_found' },
  conflict: { status: 409, type: 'conflict' },
  gone: { status: 410, type: 'gone' },
  rule: { status: 422, type: 'rule_violation' },
  rate_limited: { status: 429, type: 'rate_limited' },
};

export const statusOf = (refused: Refused): number => http[refused.kind].status;

/** The API error for a refusal; anything else passes through unchanged. */
export function apiErrorOf(error: unknown): unknown {
  if (!(error instanceof Refused)) return error;
  const { status, type } = http[error.kind];
  return new ApiError(status, type, error.code, error.message, {
    ...(error.param === undefined ? {} : { param: error.param }),
    ...(error.rule === undefined ? {} : { rule: error.rule }),
    ...(error.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: error.retryAfterSeconds }),
  });
}

/** Which page a person sees when a link page's action is refused (the invitation pages). */
const pages: Record<string, InvitationRefusal> = {
  role_not_allowed: 'wrong_role',
  reseller_not_enrolled: 'not_enrolled',
  region_mismatch: 'wrong_region',
  already_partnered: 'already_partnered',
  authorization_required: 'not_authorized_checkbox',
};
/** The refusal page for a refusal, or undefined when it has none (then the error envelope answers). */
export const refusalPage = (refused: Refused): InvitationRefusal | undefined => pages[refused.code];

/** Which page a customer admin sees when the customer invitation page's action is refused (CUS-7/8/9, PRT-11). */
const customerPages: Record<string, CustomerInvitationRefusal> = {
  role_not_allowed: 'wrong_role',
  region_mismatch: 'wrong_region',
  program_tenant: 'program_tenant',
  authorization_required: 'not_authorized_checkbox',
};
/** The customer invitation's refusal page for a refusal, or undefined when it has none. */
export const customerRefusalPage = (refused: Refused): CustomerInvitationRefusal | undefined => customerPages[refused.code];
