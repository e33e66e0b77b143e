import { vettingWebhook } from '#api/enrollment-routes.js';
import { httpHandler } from '#lib/http.js';
import { receiveVettingWebhook } from '#usecases/vetting-webhook.js';

export const handler = httpHandler(vettingWebhook, async ({ headers, rawBody }) => {
  await receiveVettingWebhook(headers, rawBody);
  return { status: 204 };
});
