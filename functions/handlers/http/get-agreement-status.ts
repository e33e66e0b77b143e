import { agreementStatus } from '#api/enrollment-routes.js';
import { httpHandler } from '#lib/http.js';
import { agreementStatusOf } from '#usecases/agreements.js';
import { partnerReadPorts } from '../wiring/operator.js';

export const handler = httpHandler(agreementStatus, async ({ caller, params }) => ({
  status: 200,
  json: await agreementStatusOf(partnerReadPorts, caller, params.partnerId),
}));
