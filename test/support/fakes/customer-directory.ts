import { randomInt, randomUUID } from 'node:crypto';
import {
  CustomerUserNameTaken,
  CustomerUserNotResettable,
  type CustomerDirectory,
  type CustomerUser,
} from '../../../functions/domain/ports/identity.js';
import { generateTemporaryPassword, TemporaryPassword, type RandomInt } from '../../../functions/domain/temporary-password.js';

/**
 * The identity port in memory, with the adapter's semantics (the same contract runs against
 * both: test/support/customer-directory-contract.ts). It keeps the passwords only so tests
 * can play the user signing in (`signIn`), as the identity service would.
 */
export class FakeCustomerDirectory implements CustomerDirectory {
  readonly users = new Map<string, CustomerUser>();
  readonly #passwords = new Map<string, string>();
  /** Calls by method, to assert what a use case asked for. */
  readonly calls: { method: 'createAdmin' | 'findUser' | 'replaceTemporaryPassword'; userName: string }[] = [];
  /** Set to make the next `createAdmin` fail after the user exists (a crash half-way). */
  failAfterCreate = false;

  constructor(private readonly random: RandomInt = (max) => randomInt(max)) {}

  async createAdmin(admin: Parameters<CustomerDirectory['createAdmin']>[0]) {
    const userName = admin.userName.trim().toLowerCase();
    this.calls.push({ method: 'createAdmin', userName });
    const existing = this.users.get(userName);
    if (existing) {
      if (existing.customerTenantId !== admin.customerTenantId) throw new CustomerUserNameTaken(userName);
      if (!existing.roles.includes('global_admin')) existing.roles = [...existing.roles, 'global_admin'];
      return { created: false as const, user: structuredClone(existing) };
    }
    const password = generateTemporaryPassword(this.random);
    const user: CustomerUser = {
      userName,
      sub: randomUUID(),
      customerTenantId: admin.customerTenantId,
      tenantCountry: admin.tenantCountry.toUpperCase(),
      email: admin.email.toLowerCase(),
      roles: [],
      status: 'password_change_required',
    };
    this.users.set(userName, user);
    this.#passwords.set(userName, password);
    if (this.failAfterCreate) {
      this.failAfterCreate = false;
      throw new Error('identity service unavailable');
    }
    user.roles = ['global_admin'];
    return { created: true as const, user: structuredClone(user), temporaryPassword: new TemporaryPassword(password) };
  }

  async findUser(userName: string) {
    const name = userName.trim().toLowerCase();
    this.calls.push({ method: 'findUser', userName: name });
    const user = this.users.get(name);
    return user ? structuredClone(user) : undefined;
  }

  async replaceTemporaryPassword(userName: string, customerTenantId: string) {
    const name = userName.trim().toLowerCase();
    this.calls.push({ method: 'replaceTemporaryPassword', userName: name });
    const user = this.users.get(name);
    if (!user) throw new CustomerUserNotResettable(name, 'not_found');
    if (user.customerTenantId !== customerTenantId) throw new CustomerUserNameTaken(name);
    if (user.status !== 'password_change_required') throw new CustomerUserNotResettable(name, user.status);
    const password = generateTemporaryPassword(this.random);
    this.#passwords.set(name, password);
    return new TemporaryPassword(password);
  }

  /** The user signing in: `new_password_required` until it sets one, like the pool. */
  signIn(userName: string, password: string, newPassword?: string): 'signed_in' | 'new_password_required' | 'wrong_credentials' {
    const name = userName.trim().toLowerCase();
    const user = this.users.get(name);
    if (!user || this.#passwords.get(name) !== password || user.status === 'disabled') return 'wrong_credentials';
    if (user.status === 'password_change_required') {
      if (newPassword === undefined) return 'new_password_required';
      this.#passwords.set(name, newPassword);
      user.status = 'active';
    }
    return 'signed_in';
  }
}
