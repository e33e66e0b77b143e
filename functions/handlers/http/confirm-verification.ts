import { confirmVerification } from '#api/enrollment-routes.js';
import { isLinkGone } from '#domain/refusal.js';
import { httpHandler } from '#lib/http.js';
import { idempotency } from '#lib/idempotency.js';
import { neutralPage, page, wantsJson } from '#lib/pages.js';
import { confirmContact } from '#usecases/enrollment/actions.js';
import { enrollmentPorts } from '../wiring/enrollment.js';
import { verifyDonePage } from '#messages/pages.js';

export const handler = httpHandler(confirmVerification, async ({ params, headers }) => {
  try {
    const e = await confirmContact(enrollmentPorts, params.token);
    if (wantsJson(headers)) return { status: 200, json: { status: 'confirmed', enrollmentId: e.id, enrollmentStatus: e.status } };
    return page(200, verifyDonePage({ companyName: e.company.legalName }), headers, e.primaryContact.language);
  } catch (error) {
    if (isLinkGone(error) && !wantsJson(headers)) return neutralPage(headers);
    throw error;
  }
}, idempotency);
