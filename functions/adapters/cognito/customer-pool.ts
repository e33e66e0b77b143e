import type { CustomerRole } from '#domain/ports/identity.js';

/**
 * How the customer user pool stores what the program needs, shared by the adapter and
 * the pool's description (`infra/identity.ts`, read by the CDK stack and the local cloud).
 */
export const customerPoolAttributes = {
  /** The customer tenant a user belongs to: set at creation, immutable, not writable by app clients. */
  tenantId: { name: 'tenant_id', attribute: 'custom:tenant_id', maxLength: 64 },
  /** The customer tenant's country (ISO-3166 alpha-2), the token's `tenant_ctry`. */
  tenantCountry: { name: 'tenant_ctry', attribute: 'custom:tenant_ctry', maxLength: 2 },
} as const;

/** A user's roles are its groups in the pool (the ID token's `cognito:groups`). */
export const customerPoolGroups: readonly CustomerRole[] = ['global_admin', 'user_admin'];
