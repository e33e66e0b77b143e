import { acceptAgreement as route } from '#api/enrollment-routes.js';
import { httpHandler } from '#lib/http.js';
import { acceptAgreement } from '#usecases/agreements.js';

export const handler = httpHandler(route, async ({ caller, body, sourceIp, userAgent }) => {
  const { acceptance, created } = await acceptAgreement(caller, body.version, { ipAddress: sourceIp, userAgent });
  return { status: created ? 201 : 200, json: acceptance };
});
