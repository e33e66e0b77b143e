import { viewVerification } from '#api/enrollment-routes.js';
import { httpHandler } from '#lib/http.js';
import { neutralPage, page } from '#lib/pages.js';
import { isLinkGone } from '#domain/refusal.js';
import { enrollmentForLink } from '#usecases/enrollment/actions.js';
import { enrollmentLinkPorts } from '../wiring/enrollment.js';
import { verifyConfirmPage } from '#messages/pages.js';

export const handler = httpHandler(viewVerification, async ({ params, headers, rawPath }) => {
  try {
    const { enrollment: e } = await enrollmentForLink(enrollmentLinkPorts, params.token);
    return page(
      200,
      verifyConfirmPage({
        companyName: e.company.legalName,
        contactName: `${e.primaryContact.firstName} ${e.primaryContact.lastName}`,
        requestedBy: e.enrolledBy.email,
        formAction: rawPath,
        expiresAt: e.contactVerification.expiresAt,
      }),
      headers,
      e.primaryContact.language,
    );
  } catch (error) {
    if (isLinkGone(error)) return neutralPage(headers);
    throw error;
  }
});
