/**
 * The identity port: a customer tenant's users in the identity service (CUS-2). On AWS the
 * customer user pool of the stack (Cognito), locally `cognito-local`; both behind
 * `functions/adapters/cognito/`. Unit tests use `test/support/fakes/customer-directory.ts`.
 */
import type { TemporaryPassword } from '../temporary-password.js';

/** Roles a customer tenant's user can hold (API.md Conventions). */
export type CustomerRole = 'global_admin' | 'user_admin';

export type CustomerUserStatus =
  /** Created with a temporary password that has not been replaced yet. */
  | 'password_change_required'
  /** Signed in and set its own password. */
  | 'active'
  | 'disabled';

/** A user of a customer tenant as the identity service knows it. Never a password. */
export interface CustomerUser {
  /** What the person signs in with; lower case (the pool compares case-insensitively). */
  userName: string;
  /** The identity service's immutable id of the user (the token's `sub`). */
  sub: string;
  customerTenantId: string;
  /** ISO-3166 alpha-2 country of the customer tenant (the token's `tenant_ctry`). */
  tenantCountry: string;
  email: string;
  roles: CustomerRole[];
  status: CustomerUserStatus;
}

export interface NewCustomerAdmin {
  customerTenantId: string;
  tenantCountry: string;
  userName: string;
  /** Where the identity service would write to the person (it sends nothing: the program shows the credentials). */
  email: string;
  firstName?: string;
  lastName?: string;
}

/**
 * The answer to `createAdmin`. `created: false` is a retry that found the user already
 * there for the same customer tenant: it carries no password — a second password for an
 * existing user is never made up (GEN-3: a replay answers without `adminCredentials`).
 */
export type CreatedCustomerAdmin =
  | { created: true; user: CustomerUser; temporaryPassword: TemporaryPassword }
  | { created: false; user: CustomerUser };

/** The user name is held by a user of another customer tenant (or of no customer tenant). */
export class CustomerUserNameTaken extends Error {
  constructor(readonly userName: string) {
    super(`The user name ${userName} belongs to another tenant.`);
    this.name = 'CustomerUserNameTaken';
  }
}

/** A temporary password can only be replaced by another while the user has not set its own. */
export class CustomerUserNotResettable extends Error {
  constructor(
    readonly userName: string,
    readonly status: CustomerUserStatus | 'not_found',
  ) {
    super(`The user ${userName} is ${status}: its temporary password cannot be replaced.`);
    this.name = 'CustomerUserNotResettable';
  }
}

export interface CustomerDirectory {
  /**
   * Creates the customer tenant's first `global_admin` with a generated temporary password
   * that meets the pool's policy; the identity service sends no message (the program shows
   * the credentials once). Idempotent: a user of the same name and customer tenant answers
   * `created: false` (and is made `global_admin` if an earlier attempt stopped half-way);
   * one of another tenant throws `CustomerUserNameTaken`.
   */
  createAdmin(admin: NewCustomerAdmin): Promise<CreatedCustomerAdmin>;
  /** The user of that name (any case), if any. */
  findUser(userName: string): Promise<CustomerUser | undefined>;
  /**
   * A new temporary password for a user of `customerTenantId` that still has to replace
   * its first one — for a creation that provisioned the user but failed before its answer
   * carried the password (so nobody ever saw it). Throws `CustomerUserNameTaken` for another
   * tenant's user, `CustomerUserNotResettable` for an unknown user or one that already set
   * its own password.
   */
  replaceTemporaryPassword(userName: string, customerTenantId: string): Promise<TemporaryPassword>;
}
