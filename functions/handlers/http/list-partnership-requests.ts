import { listPartnershipRequests } from '#api/partnership-routes.js';
import { requestResource } from '#api/resources.js';
import { decodeCursor, encodeCursor } from '#lib/cursor.js';
import { httpHandler } from '#lib/http.js';
import { listRequests } from '#usecases/partnership-request/actions.js';
import { partnershipReadPorts } from '../wiring/partnership.js';

export const handler = httpHandler(listPartnershipRequests, async ({ caller, query }) => {
  const page = await listRequests(partnershipReadPorts, caller, query.status, query.limit, decodeCursor(query.cursor));
  return { status: 200, json: { data: page.items.map(requestResource), nextCursor: encodeCursor(page.next) } };
});
