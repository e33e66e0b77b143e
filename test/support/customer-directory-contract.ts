import { describe, expect, it } from 'vitest';
import { CustomerUserNameTaken, CustomerUserNotResettable, type CustomerDirectory } from '../../functions/domain/ports/identity.js';
import { passwordPolicyViolations } from '../../functions/domain/temporary-password.js';

export type SignInOutcome = 'signed_in' | 'new_password_required' | 'wrong_credentials';

export interface ContractSubject {
  directory: CustomerDirectory;
  /** The user signing in with the identity service that holds the directory's users. */
  signIn(userName: string, password: string, newPassword?: string): Promise<SignInOutcome>;
}

let counter = 0;
const unique = (label: string) => `${label}-${Date.now().toString(36)}-${(counter++).toString(36)}`;
const newAdmin = () => {
  const tenant = unique('cust');
  return { customerTenantId: tenant, tenantCountry: 'de', userName: `Admin@${tenant}.example`, email: `IT@${tenant}.example`, firstName: 'Erika', lastName: 'Muster' };
};

/**
 * What every CustomerDirectory does — the Cognito adapter against cognito-local and the
 * in-memory fake of unit tests run the same specification, so the fake cannot drift.
 */
export function customerDirectoryContract(name: string, subject: () => ContractSubject): void {
  describe(`CUS-2 customer directory contract: ${name}`, () => {
    it('creates the tenant admin with a temporary password that meets the policy and must be replaced', async () => {
      const { directory, signIn } = subject();
      const admin = newAdmin();
      const result = await directory.createAdmin(admin);
      if (!result.created) throw new Error('expected a new user');
      expect(result.user).toMatchObject({
        userName: admin.userName.toLowerCase(),
        customerTenantId: admin.customerTenantId,
        tenantCountry: 'DE',
        email: admin.email.toLowerCase(),
        roles: ['global_admin'],
        status: 'password_change_required',
      });
      expect(result.user.sub).not.toBe('');
      expect(passwordPolicyViolations(result.temporaryPassword.reveal())).toEqual([]);
      expect(await directory.findUser(admin.userName.toUpperCase())).toEqual(result.user);
      expect(await signIn(admin.userName, result.temporaryPassword.reveal())).toBe('new_password_required');
    });

    it('a retried creation answers the existing user without a second password, and the first one still works', async () => {
      const { directory, signIn } = subject();
      const admin = newAdmin();
      const first = await directory.createAdmin(admin);
      if (!first.created) throw new Error('expected a new user');
      const again = await directory.createAdmin({ ...admin, userName: admin.userName.toUpperCase() });
      expect(again.created).toBe(false);
      expect(again).not.toHaveProperty('temporaryPassword');
      expect(again.user).toEqual(first.user);
      expect(await signIn(admin.userName, first.temporaryPassword.reveal())).toBe('new_password_required');
    });

    it('20 concurrent creations of one admin make one user and show exactly one password', async () => {
      const { directory, signIn } = subject();
      const admin = newAdmin();
      const results = await Promise.all(Array.from({ length: 20 }, () => directory.createAdmin(admin)));
      const created = results.filter((r) => r.created);
      expect(created).toHaveLength(1);
      if (!created[0]?.created) throw new Error('expected a new user');
      expect(new Set(results.map((r) => r.user.sub))).toEqual(new Set([created[0].user.sub]));
      expect(await signIn(admin.userName, created[0].temporaryPassword.reveal())).toBe('new_password_required');
    });

    it("refuses another tenant's user name and leaves that user as it was", async () => {
      const { directory } = subject();
      const admin = newAdmin();
      const first = await directory.createAdmin(admin);
      await expect(directory.createAdmin({ ...newAdmin(), userName: admin.userName })).rejects.toBeInstanceOf(CustomerUserNameTaken);
      expect(await directory.findUser(admin.userName)).toEqual(first.user);
    });

    it('finds nobody under an unknown user name', async () => {
      expect(await subject().directory.findUser(`${unique('nobody')}@nowhere.example`)).toBeUndefined();
    });

    it('replaces a temporary password nobody has used: the new one works, the old one no longer', async () => {
      const { directory, signIn } = subject();
      const admin = newAdmin();
      const first = await directory.createAdmin(admin);
      if (!first.created) throw new Error('expected a new user');
      const replaced = await directory.replaceTemporaryPassword(admin.userName, admin.customerTenantId);
      expect(replaced.reveal()).not.toBe(first.temporaryPassword.reveal());
      expect(passwordPolicyViolations(replaced.reveal())).toEqual([]);
      expect(await signIn(admin.userName, first.temporaryPassword.reveal())).toBe('wrong_credentials');
      expect(await signIn(admin.userName, replaced.reveal())).toBe('new_password_required');
    });

    it('never replaces the password of a user who set its own, nor of another tenant or nobody', async () => {
      const { directory, signIn } = subject();
      const admin = newAdmin();
      const first = await directory.createAdmin(admin);
      if (!first.created) throw new Error('expected a new user');
      await expect(directory.replaceTemporaryPassword(admin.userName, 'another-tenant')).rejects.toBeInstanceOf(CustomerUserNameTaken);
      await expect(directory.replaceTemporaryPassword(`${unique('nobody')}@x.example`, admin.customerTenantId)).rejects.toBeInstanceOf(CustomerUserNotResettable);
      expect(await signIn(admin.userName, first.temporaryPassword.reveal(), 'Own-passw0rd-2026!')).toBe('signed_in');
      expect((await directory.findUser(admin.userName))?.status).toBe('active');
      await expect(directory.replaceTemporaryPassword(admin.userName, admin.customerTenantId)).rejects.toMatchObject({ name: 'CustomerUserNotResettable', status: 'active' });
      expect(await signIn(admin.userName, 'Own-passw0rd-2026!')).toBe('signed_in');
    });
  });
}
