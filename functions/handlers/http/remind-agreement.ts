import { remindAgreement as route } from '#api/customer-routes.js';
import { httpHandler } from '#lib/http.js';
import { idempotency } from '#lib/idempotency.js';
import { remindAgreement } from '#usecases/agreement-reminders.js';
import { reminderPorts } from '../wiring/orders.js';

export const handler = httpHandler(route, async ({ caller, params }) => ({ status: 202, json: await remindAgreement(reminderPorts, caller, params.id) }), idempotency);
