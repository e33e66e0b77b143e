import * as z from 'zod/mini';
import { route } from './contract.js';
import { OnboardPartnerInput, PartnerId, RegistryEntryInput } from './schemas.js';

/** Routes of API.md "Operator setup" and the partner profile. */
export const putPartnerId = /* @__PURE__ */ route({
  name: 'operator-put-partner-id',
  method: 'PUT',
  path: '/operator/partner-ids/{partnerId}',
  auth: 'jwt',
  roles: ['operator'],
  summary: 'Create or update a partner ID registry entry',
  tag: 'Operator setup',
  params: z.object({ partnerId: PartnerId }),
  body: RegistryEntryInput,
  responses: { 200: 'The registry entry', 400: 'Invalid input', 403: 'Not an operator' },
});

export const onboardPartner = /* @__PURE__ */ route({
  name: 'operator-create-partner',
  method: 'POST',
  path: '/operator/partners',
  auth: 'jwt',
  roles: ['operator'],
  summary: 'Onboard an indirect provider or direct-bill partner (TYP-2)',
  tag: 'Operator setup',
  body: OnboardPartnerInput,
  responses: { 201: 'The partner', 409: 'The tenant is already a partner or the partner ID is linked', 422: 'A rule says no (TYP-2, ENR-3)' },
});

export const getPartnerMe = /* @__PURE__ */ route({
  name: 'get-partner-me',
  method: 'GET',
  path: '/partners/me',
  auth: 'jwt',
  summary: 'The signed-in tenant’s partner profile',
  tag: 'Partners',
  responses: { 200: 'The partner profile', 404: 'The tenant is not a partner' },
});

export const partnerRoutes = [putPartnerId, onboardPartner, getPartnerMe];
