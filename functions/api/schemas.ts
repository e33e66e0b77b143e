import { z } from 'zod';
import { isKnownCountry } from '#domain/regions.js';

/** Building blocks of the request schemas of API.md. */
export const languages = ['en', 'de', 'sv', 'nl'] as const;
export const Language = z.enum(languages);

const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    // No control characters (header injection through names or subjects).
    .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), 'must not contain control characters');

export const PartnerId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9-]{2,31}$/, 'a partner ID is 3–32 letters, digits or dashes');
export const Country = z
  .string()
  .regex(/^[A-Za-z]{2}$/, 'an ISO-3166 alpha-2 country code')
  .transform((s) => s.toUpperCase())
  .refine(isKnownCountry, 'not an ISO-3166 country code');
export const Email = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email())
  .transform((s) => s.toLowerCase());
export const Phone = z.string().trim().regex(/^\+?[0-9 ()./-]{5,25}$/, 'a phone number');
export const Website = z.url({ protocol: /^https?$/ }).max(2048);

export const Address = z.strictObject({
  line1: text(200),
  line2: text(200).optional(),
  city: text(100),
  region: text(100).optional(),
  postalCode: z.string().trim().regex(/^[A-Za-z0-9 -]{2,12}$/, 'a postal code'),
  country: Country,
});

export const Company = z.strictObject({ legalName: text(200), address: Address });

export const PrimaryContact = z.strictObject({
  firstName: text(100),
  lastName: text(100),
  email: Email,
  phone: Phone.optional(),
  language: Language.optional(),
});

export const SupportContact = z.strictObject({
  email: Email,
  phone: Phone.optional(),
  website: Website.optional(),
});

export const PartnerType = z.enum(['indirect_provider', 'indirect_reseller', 'direct_bill']);

export const RegistryEntryInput = z.strictObject({
  legalName: text(200),
  country: Country,
  status: z.enum(['active', 'inactive']),
});

export const OnboardPartnerInput = z.strictObject({
  tenantId: z.string().trim().min(1).max(100),
  type: PartnerType,
  partnerId: PartnerId,
  company: Company,
  primaryContact: PrimaryContact,
});

export const Id = z.string().regex(/^[a-z]+_[A-Za-z0-9]{10,40}$/, 'an id');
export const Limit = z.coerce.number().int().min(1).max(100).default(25);
export const Cursor = z.string().max(2048).optional();

/** `POST /enrollments` (ENR-2). */
export const EnrollmentInput = z.strictObject({
  partnerId: PartnerId,
  company: Company,
  primaryContact: PrimaryContact,
  supportContact: SupportContact,
});

/** `PUT /enrollments/{id}/primary-contact` (ENR-11). */
export const PrimaryContactChange = PrimaryContact;

/** `PATCH /enrollments/{id}` (ENR-8): any subset of the correctable fields. */
export const Correction = z.strictObject({
  company: z
    .strictObject({
      legalName: text(200).optional(),
      address: z
        .strictObject({
          line1: text(200).optional(),
          line2: text(200).optional(),
          city: text(100).optional(),
          region: text(100).optional(),
          postalCode: z.string().trim().regex(/^[A-Za-z0-9 -]{2,12}$/, 'a postal code').optional(),
        })
        .optional(),
    })
    .optional(),
  supportContact: z.strictObject({ email: Email.optional(), phone: Phone.optional(), website: Website.optional() }).optional(),
  primaryContact: z.strictObject({ firstName: text(100).optional(), lastName: text(100).optional(), phone: Phone.optional() }).optional(),
});

export const VettingReasonSchema = z.strictObject({
  code: z.string().trim().min(1).max(100),
  message: text(1000),
  field: z.string().regex(/^[a-zA-Z]+(\.[a-zA-Z0-9]+)*$/, 'a field path such as company.address.line1').max(200).optional(),
});

/** The outcome of vetting: the webhook's `data` minus the id, and the operator decision body. */
export const VettingDecision = z.strictObject({
  outcome: z.enum(['approved', 'rejected', 'more_info_needed']),
  reasons: z.array(VettingReasonSchema).max(50).optional(),
});

export const VettingWebhook = z.strictObject({
  type: z.literal('vetting.completed'),
  data: VettingDecision.extend({ enrollmentId: Id }),
});

export const AgreementAcceptInput = z.strictObject({
  version: z.string().trim().min(1).max(50),
  accept: z.literal(true, 'accept must be true'),
});

export const EnrollmentStatusFilter = z.enum(['pending_contact_verification', 'under_review', 'more_info_needed', 'active', 'rejected', 'expired']);

/** `POST /partnership-requests` (PRT-2). */
export const PartnershipRequestInput = z.strictObject({
  email: Email,
  message: z
    .string()
    .trim()
    .max(2000)
    .refine((s) => !/[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f]/.test(s), 'must not contain control characters')
    .optional(),
  language: Language.optional(),
  send: z.boolean().default(true),
});

export const RequestStatusFilter = z.enum(['pending', 'accepted', 'declined', 'revoked', 'expired']);

/** `POST /invitations/{token}/accept` (PRT-4): the explicit authorisation. */
export const AcceptInvitationInput = z.strictObject({ authorize: z.boolean() });

/** `DELETE /relationships/{id}` (PRT-8). */
export const RemoveRelationshipInput = z.strictObject({ confirm: z.boolean(), attestation: z.boolean(), reason: z.string().trim().max(1000).optional() });

export const TerminateRelationshipInput = z.strictObject({ reason: text(1000), supportTicket: z.string().trim().max(100).optional() });
