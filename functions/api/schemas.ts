import * as z from 'zod';
import { isKnownCountry } from '#domain/regions.js';

/** Building blocks of the request schemas of API.md. */
export const languages = ['en', 'de', 'sv', 'nl'] as const;
export const Language = z.enum(languages);

/**
 * Well-formed text (issue 14): every string of every request is checked by this one helper.
 * Refused: ill-formed UTF-16 (a lone surrogate), control characters (Unicode `Cc`: C0, DEL,
 * C1) and bidirectional controls (`Bidi_Control`: U+061C, U+200E/F, U+202A–U+202E,
 * U+2066–U+2069), which could make a name spoof what an email subject or a page says, and,
 * on one line, U+2028/U+2029. Multi-line fields (messages, reasons) may contain line
 * breaks (CR, LF) and tabs.
 */
const controls = /[\p{Cc}\p{Bidi_Control}\u2028\u2029]/u;
const controlsExceptLineBreaks = /(?![\t\n\r])[\p{Cc}\p{Bidi_Control}]/u;
export const isWellFormedText = (s: string, multiline = false): boolean =>
  s.isWellFormed() && !(multiline ? controlsExceptLineBreaks : controls).test(s);
const wellFormedMessage = 'must be well-formed text without control or bidirectional-control characters';

/**
 * Any request string: well-formed, within `max` UTF-16 units. Exact: no trimming, no case
 * folding (enum-like and version fields use it as is; `z.enum` matches exactly too).
 */
export const Str = (max: number, options: { multiline?: boolean } = {}) =>
  z
    .string()
    .max(max)
    .refine((s) => isWellFormedText(s, options.multiline), wellFormedMessage);

/** A name or single-line free text: well-formed, trimmed, non-empty. */
const text = (max: number) => Str(max).trim().min(1);

export const PartnerId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9-]{2,31}$/, 'a partner ID is 3–32 letters, digits or dashes');
export const Country = z
  .string()
  .regex(/^[A-Za-z]{2}$/, 'an ISO-3166 alpha-2 country code')
  .transform((s) => s.toUpperCase())
  .refine(isKnownCountry, 'not an ISO-3166 country code');
export const Email = Str(254)
  .trim()
  .pipe(z.email())
  .transform((s) => s.toLowerCase());
export const Phone = Str(25).trim().regex(/^\+?[0-9 ()./-]{5,25}$/, 'a phone number');
export const Website = Str(2048).pipe(z.url({ protocol: /^https?$/ }));

const PostalCode = Str(12).trim().regex(/^[A-Za-z0-9 -]{2,12}$/, 'a postal code');

export const Address = z.strictObject({
  line1: text(200),
  line2: text(200).optional(),
  city: text(100),
  region: text(100).optional(),
  postalCode: PostalCode,
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
  tenantId: Str(100).min(1),
  type: PartnerType,
  partnerId: PartnerId,
  company: Company,
  primaryContact: PrimaryContact,
});

export const Id = z.string().regex(/^[a-z]+_[A-Za-z0-9]{10,40}$/, 'an id');
export const Limit = z.coerce.number().int().min(1).max(100).default(25);
export const Cursor = Str(2048).optional();

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
          postalCode: PostalCode.optional(),
        })
        .optional(),
    })
    .optional(),
  supportContact: z.strictObject({ email: Email.optional(), phone: Phone.optional(), website: Website.optional() }).optional(),
  primaryContact: z.strictObject({ firstName: text(100).optional(), lastName: text(100).optional(), phone: Phone.optional() }).optional(),
});

export const VettingReasonSchema = z.strictObject({
  code: Str(100).min(1),
  message: Str(1000, { multiline: true }).trim().min(1),
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
  version: Str(50).min(1),
  accept: z.literal(true, 'accept must be true'),
});

export const EnrollmentStatusFilter = z.enum(['pending_contact_verification', 'under_review', 'more_info_needed', 'active', 'rejected', 'expired']);

/** `POST /partnership-requests` (PRT-2). */
export const PartnershipRequestInput = z.strictObject({
  email: Email,
  message: Str(2000, { multiline: true }).trim().optional(),
  language: Language.optional(),
  send: z.boolean().default(true),
});

export const RequestStatusFilter = z.enum(['pending', 'accepted', 'declined', 'revoked', 'expired']);

/** `POST /invitations/{token}/accept` (PRT-4): the explicit authorisation. */
export const AcceptInvitationInput = z.strictObject({ authorize: z.boolean() });

/** `DELETE /relationships/{id}` (PRT-8). */
export const RemoveRelationshipInput = z.strictObject({ confirm: z.boolean(), attestation: z.boolean(), reason: Str(1000, { multiline: true }).trim().optional() });

export const TerminateRelationshipInput = z.strictObject({ reason: Str(1000, { multiline: true }).trim().min(1), supportTicket: Str(100).trim().optional() });

/**
 * Whatever stands in a link's token position. Any string is accepted here and a malformed
 * one is simply an unknown link (ENR-7): too long, wrong alphabet or empty, it gets the same
 * neutral 410 as a used or expired link, so the answer reveals nothing about the format.
 */
export const LinkToken = z.string();

/** Offers, customers, orders and subscriptions (CUS-1..6, CUS-8, CUS-9). */
export const OfferId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$/, 'an offer id: 2–64 letters, digits, dots, dashes or underscores');
const Quantity = z.number().int().min(1).max(1_000_000);

/** `PUT /operator/offers/{offerId}`. */
export const OfferInput = z.strictObject({ name: text(200), minQuantity: Quantity, maxQuantity: Quantity, status: z.enum(['active', 'retired']) });

export const Domain = Str(253)
  .trim()
  .toLowerCase()
  .regex(/^(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'a domain name such as contoso.example');

/** `POST /customers` (CUS-1, CUS-2). */
export const CustomerInput = z.strictObject({
  company: Company,
  domain: Domain,
  primaryContact: z.strictObject({ firstName: text(100), lastName: text(100), email: Email, language: Language.optional() }),
  resellerTenantId: Str(100).trim().min(1).optional(),
});

/** `POST /customers/{id}/orders` (CUS-3, CUS-4). */
export const OrderInput = z.strictObject({
  lineItems: z.array(z.strictObject({ offerId: OfferId, quantity: Quantity, partnerIdOnRecord: PartnerId.optional() })).min(1).max(20),
});

/** `PATCH /subscriptions/{id}` (CUS-4). */
export const SubscriptionChange = z
  .strictObject({ quantity: Quantity.optional(), status: z.enum(['active', 'suspended']).optional(), partnerIdOnRecord: PartnerId.nullable().optional() })
  .refine((b) => b.quantity !== undefined || b.status !== undefined || b.partnerIdOnRecord !== undefined, 'name at least one of quantity, status, partnerIdOnRecord');

/** `PUT /subscriptions/{id}/support-contact` (CUS-5). */
export const SupportContactInput = z.strictObject({ tenantId: Str(100).trim().min(1) });

/** `POST /customer-invitations` (CUS-7): from a reseller, the provider it buys through. */
export const CustomerInvitationInput = z.strictObject({
  email: Email,
  message: PartnershipRequestInput.shape.message,
  language: Language.optional(),
  send: z.boolean().default(true),
  providerTenantId: Str(100).trim().min(1).optional(),
  delegatedAdmin: z.boolean().default(false),
  /** The company the partner means to invite, shown to its admin. */
  customerName: text(200).optional(),
});

export const CustomerInvitationStatusFilter = z.enum(['pending', 'accepted', 'declined', 'revoked', 'expired']);

/** `POST /customer-links/{token}/accept` (CUS-7): the explicit authorisation; the company profile if the admin gives it. */
export const AcceptCustomerInvitationInput = z.strictObject({ authorize: z.boolean(), company: Company.optional() });
