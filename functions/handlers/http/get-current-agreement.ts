import { currentAgreement as route } from '#api/enrollment-routes.js';
import { httpHandler } from '#lib/http.js';
import { currentAgreement } from '#usecases/agreements.js';

export const handler = httpHandler(route, async () => ({ status: 200, json: currentAgreement() }));
