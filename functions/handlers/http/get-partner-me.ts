import { getPartnerMe } from '#api/routes.js';
import { getPartner } from '#adapters/dynamodb/partners.js';
import { partnerProfile } from '#domain/partners.js';
import { notFound } from '#lib/errors.js';
import { httpHandler } from '#lib/http.js';

export const handler = httpHandler(getPartnerMe, async ({ caller }) => {
  const partner = await getPartner(caller.tenantId);
  if (!partner) throw notFound('partner');
  return { status: 200, json: partnerProfile(partner) };
});
