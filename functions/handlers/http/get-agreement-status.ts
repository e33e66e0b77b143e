import { agreementStatus } from '#api/enrollment-routes.js';
import { httpHandler } from '#lib/http.js';
import { agreementStatusOf } from '#usecases/agreements.js';
import { operatorPorts } from '../wiring/operator.js';

export const handler = httpHandler(agreementStatus, async ({ caller, params }) => ({
  status: 200,
  json: await agreementStatusOf(operatorPorts, caller, params.partnerId),
}));
