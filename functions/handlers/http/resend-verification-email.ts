import { resendVerification } from '#api/enrollment-routes.js';
import { httpHandler } from '#lib/http.js';
import { idempotency } from '#lib/idempotency.js';
import { resendVerificationEmail } from '#usecases/enrollment/actions.js';
import { enrollmentPorts } from '../wiring/enrollment.js';

export const handler = httpHandler(resendVerification, async ({ caller, params }) => ({
  status: 202,
  json: await resendVerificationEmail(enrollmentPorts, caller, params.id),
}), idempotency);
