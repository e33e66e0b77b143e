import { describe, expect, it } from 'vitest';
import { customerDirectoryContract } from '../support/customer-directory-contract.js';
import { FakeCustomerDirectory } from '../support/fakes/customer-directory.js';

const fake = new FakeCustomerDirectory();
customerDirectoryContract('in-memory fake', () => ({ directory: fake, signIn: async (u, p, n) => fake.signIn(u, p, n) }));

describe('CUS-2 a creation that stopped half-way', () => {
  it('is completed by the retry, which shows no password; replacing the unseen one gives the admin a usable password', async () => {
    const directory = new FakeCustomerDirectory();
    const admin = { customerTenantId: 'cust-half', tenantCountry: 'SE', userName: 'admin@half.example', email: 'it@half.example' };
    directory.failAfterCreate = true;
    await expect(directory.createAdmin(admin)).rejects.toThrow('identity service unavailable');
    const retried = await directory.createAdmin(admin);
    expect(retried).toMatchObject({ created: false, user: { roles: ['global_admin'], status: 'password_change_required' } });
    const replaced = await directory.replaceTemporaryPassword(admin.userName, admin.customerTenantId);
    expect(directory.signIn(admin.userName, replaced.reveal())).toBe('new_password_required');
  });
});
