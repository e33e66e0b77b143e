import { invitationDetails } from '#api/partnership-routes.js';
import { grants } from '#domain/partnerships.js';
import { regionNames } from '#domain/regions.js';
import { httpHandler } from '#lib/http.js';
import { requestForLink } from '#usecases/partnership-request/actions.js';
import { partnershipLinkPorts } from '../wiring/partnership.js';

export const handler = httpHandler(invitationDetails, async ({ params }) => {
  const { request: r } = await requestForLink(partnershipLinkPorts, params.token);
  return {
    status: 200,
    json: { providerName: r.providerName, providerPartnerId: r.providerPartnerId, region: r.providerRegion, regionName: regionNames[r.providerRegion], grants, message: r.message, expiresAt: r.link.expiresAt },
  };
});
