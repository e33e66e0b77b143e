import { acceptAgreement as route } from '#api/enrollment-routes.js';
import { httpHandler } from '#lib/http.js';
import { idempotency } from '#lib/idempotency.js';
import { acceptAgreement } from '#usecases/agreements.js';
import { enrollmentPorts } from '../wiring/enrollment.js';

export const handler = httpHandler(route, async ({ caller, body, sourceIp, userAgent }) => {
  const { acceptance, created } = await acceptAgreement(enrollmentPorts, caller, body.version, { ipAddress: sourceIp, userAgent });
  return { status: created ? 201 : 200, json: acceptance };
}, idempotency);
