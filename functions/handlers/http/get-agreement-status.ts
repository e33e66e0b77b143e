import { agreementStatus } from '#api/enrollment-routes.js';
import { httpHandler } from '#lib/http.js';
import { agreementStatusOf } from '#usecases/agreements.js';

export const handler = httpHandler(agreementStatus, async ({ caller, params }) => ({
  status: 200,
  json: await agreementStatusOf(caller, params.partnerId),
}));
