import { confirmVerification } from '#api/enrollment-routes.js';
import { httpHandler } from '#lib/http.js';
import { neutralPage, page, wantsJson } from '#lib/pages.js';
import { LinkGone, confirmContact } from '#usecases/verification.js';

export const handler = httpHandler(confirmVerification, async ({ params, headers }) => {
  try {
    const e = await confirmContact(params.token);
    if (wantsJson(headers)) return { status: 200, json: { status: 'confirmed', enrollmentId: e.id, enrollmentStatus: e.status } };
    return page(200, { kind: 'verify.done', companyName: e.company.legalName }, headers, e.primaryContact.language);
  } catch (error) {
    if (error instanceof LinkGone && !wantsJson(headers)) return neutralPage(headers);
    throw error;
  }
});
