import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';
import { isKnownCountry } from '#domain/regions.js';

/**
 * Request schemas are `zod/mini`: functions, not methods, so a Lambda bundle carries only
 * the parts of zod its own schemas use (the classic API's methods on every schema kept the
 * whole library, JSON-schema tools included, in every bundle and made every schema slower to
 * build at cold start). The messages a refusal quotes are zod's English ones, which mini
 * does not load by itself.
 *
 * Bodies and their parts are `z.lazy`: every function's bundle holds this whole module, and a
 * schema is built the first time a request is validated against it, so a cold start builds
 * only the function's own (building all of them took ~10 ms of CPU at module init). Path and
 * query parts stay eager: they are small, and the route modules compose them.
 */
z.config(en());

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
  z.string().check(
    z.maxLength(max),
    z.refine((s: string) => isWellFormedText(s, options.multiline), wellFormedMessage),
  );

/** A name or single-line free text: well-formed, trimmed, non-empty. */
const text = (max: number) => Str(max).check(z.trim(), z.minLength(1));

export const PartnerId = z.string().check(z.regex(/^[A-Za-z0-9][A-Za-z0-9-]{2,31}$/, 'a partner ID is 3–32 letters, digits or dashes'));
export const Country = z.lazy(() =>
  z
    .pipe(
      z.string().check(z.regex(/^[A-Za-z]{2}$/, 'an ISO-3166 alpha-2 country code')),
      z.transform((s: string) => s.toUpperCase()),
    )
    .check(z.refine(isKnownCountry, 'not an ISO-3166 country code')),
);
export const Email = z.lazy(() =>
  z.pipe(
    z.pipe(Str(254).check(z.trim()), z.email()),
    z.transform((s: string) => s.toLowerCase()),
  ),
);
export const Phone = z.lazy(() =>
  Str(25).check(z.trim(), z.regex(/^\+?[0-9 ()./-]{5,25}$/, 'a phone number')),
);
export const Website = z.lazy(() =>
  z.pipe(Str(2048), z.url({ protocol: /^https?$/ })),
);

const PostalCode = z.lazy(() =>
  Str(12).check(z.trim(), z.regex(/^[A-Za-z0-9 -]{2,12}$/, 'a postal code')),
);

export const Address = z.lazy(() =>
  z.strictObject({
    line1: text(200),
    line2: z.optional(text(200)),
    city: text(100),
    region: z.optional(text(100)),
    postalCode: PostalCode,
    country: Country,
  }),
);

export const Company = z.lazy(() =>
  z.strictObject({ legalName: text(200), address: Address }),
);

export const PrimaryContact = z.lazy(() =>
  z.strictObject({
    firstName: text(100),
    lastName: text(100),
    email: Email,
    phone: z.optional(Phone),
    language: z.optional(Language),
  }),
);

export const SupportContact = z.lazy(() =>
  z.strictObject({
    email: Email,
    phone: z.optional(Phone),
    website: z.optional(Website),
  }),
);

export const PartnerType = z.enum(['indirect_provider', 'indirect_reseller', 'direct_bill']);

export const RegistryEntryInput = z.lazy(() =>
  z.strictObject({
    legalName: text(200),
    country: Country,
    status: z.enum(['active', 'inactive']),
  }),
);

export const OnboardPartnerInput = z.lazy(() =>
  z.strictObject({
    tenantId: Str(100).check(z.minLength(1)),
    type: PartnerType,
    partnerId: PartnerId,
    company: Company,
    primaryContact: PrimaryContact,
  }),
);

export const Id = z.string().check(z.regex(/^[a-z]+_[A-Za-z0-9]{10,40}$/, 'an id'));
export const Limit = z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100)), 25);
export const Cursor = z.optional(Str(2048));

/** `POST /enrollments` (ENR-2). */
export const EnrollmentInput = z.lazy(() =>
  z.strictObject({
    partnerId: PartnerId,
    company: Company,
    primaryContact: PrimaryContact,
    supportContact: SupportContact,
  }),
);

/** `PUT /enrollments/{id}/primary-contact` (ENR-11). */
export const PrimaryContactChange = PrimaryContact;

/** `PATCH /enrollments/{id}` (ENR-8): any subset of the correctable fields. */
export const Correction = z.lazy(() =>
  z.strictObject({
    company: z.optional(
      z.strictObject({
        legalName: z.optional(text(200)),
        address: z.optional(
          z.strictObject({
            line1: z.optional(text(200)),
            line2: z.optional(text(200)),
            city: z.optional(text(100)),
            region: z.optional(text(100)),
            postalCode: z.optional(PostalCode),
          }),
        ),
      }),
    ),
    supportContact: z.optional(z.strictObject({ email: z.optional(Email), phone: z.optional(Phone), website: z.optional(Website) })),
    primaryContact: z.optional(z.strictObject({ firstName: z.optional(text(100)), lastName: z.optional(text(100)), phone: z.optional(Phone) })),
  }),
);

export const VettingReasonSchema = z.lazy(() =>
  z.strictObject({
    code: Str(100).check(z.minLength(1)),
    message: Str(1000, { multiline: true }).check(z.trim(), z.minLength(1)),
    field: z.optional(z.string().check(z.regex(/^[a-zA-Z]+(\.[a-zA-Z0-9]+)*$/, 'a field path such as company.address.line1'), z.maxLength(200))),
  }),
);

const vettingDecision = () => ({
  outcome: z.enum(['approved', 'rejected', 'more_info_needed']),
  reasons: z.optional(z.array(VettingReasonSchema).check(z.maxLength(50))),
});

/** The outcome of vetting: the webhook's `data` minus the id, and the operator decision body. */
export const VettingDecision = z.lazy(() => z.strictObject(vettingDecision()));

export const VettingWebhook = z.lazy(() =>
  z.strictObject({
    type: z.literal('vetting.completed'),
    data: z.strictObject({ ...vettingDecision(), enrollmentId: Id }),
  }),
);

export const AgreementAcceptInput = z.lazy(() =>
  z.strictObject({
    version: Str(50).check(z.minLength(1)),
    accept: z.literal(true, 'accept must be true'),
  }),
);

export const EnrollmentStatusFilter = z.enum(['pending_contact_verification', 'under_review', 'more_info_needed', 'active', 'rejected', 'expired']);

/** A personal note with an invitation: multi-line, trimmed, optional. */
const optionalMessage = () => z.optional(Str(2000, { multiline: true }).check(z.trim()));

/** `POST /partnership-requests` (PRT-2). */
export const PartnershipRequestInput = z.lazy(() =>
  z.strictObject({
    email: Email,
    message: optionalMessage(),
    language: z.optional(Language),
    send: z._default(z.boolean(), true),
  }),
);

export const RequestStatusFilter = z.enum(['pending', 'accepted', 'declined', 'revoked', 'expired']);

/** `POST /invitations/{token}/accept` (PRT-4): the explicit authorisation. */
export const AcceptInvitationInput = z.lazy(() =>
  z.strictObject({ authorize: z.boolean() }),
);

/** `DELETE /relationships/{id}` (PRT-8). */
export const RemoveRelationshipInput = z.lazy(() =>
  z.strictObject({ confirm: z.boolean(), attestation: z.boolean(), reason: z.optional(Str(1000, { multiline: true }).check(z.trim())) }),
);

export const TerminateRelationshipInput = z.lazy(() =>
  z.strictObject({ reason: Str(1000, { multiline: true }).check(z.trim(), z.minLength(1)), supportTicket: z.optional(Str(100).check(z.trim())) }),
);

/**
 * Whatever stands in a link's token position. Any string is accepted here and a malformed
 * one is simply an unknown link (ENR-7): too long, wrong alphabet or empty, it gets the same
 * neutral 410 as a used or expired link, so the answer reveals nothing about the format.
 */
export const LinkToken = z.string();

/** Offers, customers, orders and subscriptions (CUS-1..6, CUS-8, CUS-9). */
export const OfferId = z.string().check(z.regex(/^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$/, 'an offer id: 2–64 letters, digits, dots, dashes or underscores'));
const Quantity = z.lazy(() =>
  z.number().check(z.int(), z.gte(1), z.lte(1_000_000)),
);

/** `PUT /operator/offers/{offerId}`. */
export const OfferInput = z.lazy(() =>
  z.strictObject({ name: text(200), minQuantity: Quantity, maxQuantity: Quantity, status: z.enum(['active', 'retired']) }),
);

export const Domain = z.lazy(() =>
  Str(253).check(
    z.trim(),
    z.toLowerCase(),
    z.regex(/^(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'a domain name such as contoso.example'),
  ),
);

/** `POST /customers` (CUS-1, CUS-2). */
export const CustomerInput = z.lazy(() =>
  z.strictObject({
    company: Company,
    domain: Domain,
    primaryContact: z.strictObject({ firstName: text(100), lastName: text(100), email: Email, language: z.optional(Language) }),
    resellerTenantId: z.optional(Str(100).check(z.trim(), z.minLength(1))),
  }),
);

/** `POST /customers/{id}/orders` (CUS-3, CUS-4). */
export const OrderInput = z.lazy(() =>
  z.strictObject({
    lineItems: z.array(z.strictObject({ offerId: OfferId, quantity: Quantity, partnerIdOnRecord: z.optional(PartnerId) })).check(z.minLength(1), z.maxLength(20)),
  }),
);

/** `PATCH /subscriptions/{id}` (CUS-4). */
export const SubscriptionChange = z.lazy(() =>
  z
    .strictObject({ quantity: z.optional(Quantity), status: z.optional(z.enum(['active', 'suspended'])), partnerIdOnRecord: z.optional(z.nullable(PartnerId)) })
    .check(
      z.refine(
        (b: { quantity?: number | undefined; status?: string | undefined; partnerIdOnRecord?: string | null | undefined }) =>
          b.quantity !== undefined || b.status !== undefined || b.partnerIdOnRecord !== undefined,
        'name at least one of quantity, status, partnerIdOnRecord',
      ),
    ),
);

/** `PUT /subscriptions/{id}/support-contact` (CUS-5). */
export const SupportContactInput = z.lazy(() =>
  z.strictObject({ tenantId: Str(100).check(z.trim(), z.minLength(1)) }),
);

/** `POST /customer-invitations` (CUS-7): from a reseller, the provider it buys through. */
export const CustomerInvitationInput = z.lazy(() =>
  z.strictObject({
    email: Email,
    message: optionalMessage(),
    language: z.optional(Language),
    send: z._default(z.boolean(), true),
    providerTenantId: z.optional(Str(100).check(z.trim(), z.minLength(1))),
    delegatedAdmin: z._default(z.boolean(), false),
    /** The company the partner means to invite, shown to its admin. */
    customerName: z.optional(text(200)),
  }),
);

export const CustomerInvitationStatusFilter = z.enum(['pending', 'accepted', 'declined', 'revoked', 'expired']);

/** `POST /customer-links/{token}/accept` (CUS-7): the explicit authorisation; the company profile if the admin gives it. */
export const AcceptCustomerInvitationInput = z.lazy(() =>
  z.strictObject({ authorize: z.boolean(), company: z.optional(Company) }),
);
