import { viewInvitation } from '#api/partnership-routes.js';
import { regionNames } from '#domain/regions.js';
import { httpHandler } from '#lib/http.js';
import { neutralPage, page } from '#lib/pages.js';
import { signInUrl } from '#lib/sign-in.js';
import { requestForLink } from '#usecases/partnerships.js';
import { LinkGone } from '#usecases/verification.js';

export const handler = httpHandler(viewInvitation, async ({ params, headers, rawPath }) => {
  try {
    const { request: r } = await requestForLink(params.token);
    return page(200, { kind: 'invitation.view', providerName: r.providerName, providerRegionName: regionNames[r.providerRegion], signedIn: false, signInUrl: signInUrl(rawPath) }, headers, r.language);
  } catch (error) {
    if (error instanceof LinkGone) return neutralPage(headers);
    throw error;
  }
});
