import { getPartnerMe } from '#api/partner-routes.js';
import { partnerProfile } from '#domain/partners.js';
import { notFound } from '#domain/refusal.js';
import { httpHandler } from '#lib/http.js';
import { partnerReadPorts } from '../wiring/operator.js';

export const handler = httpHandler(getPartnerMe, async ({ caller }) => {
  const partner = await partnerReadPorts.partners.get(caller.tenantId);
  if (!partner) throw notFound('partner');
  return { status: 200, json: partnerProfile(partner) };
});
