import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  AdminAddUserToGroupCommand,
  AdminGetUserCommand,
  AdminListGroupsForUserCommand,
  CognitoIdentityProviderClient,
  CreateGroupCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { CustomerDirectory } from '../../functions/domain/ports/identity.js';
import { api, eventually } from '../support/api.js';
import { customerDirectoryContract, type SignInOutcome } from '../support/customer-directory-contract.js';

const local = { region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } };

/** Everything written to stdout/stderr (the console and Powertools' logger) of this process while the tests run; not printed. */
const logs: string[] = [];
const restore: (() => void)[] = [];
function captureOutput(): void {
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write;
    stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      logs.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      const callback = rest.find((r): r is () => void => typeof r === 'function');
      callback?.();
      return true;
    }) as typeof stream.write;
    restore.push(() => (stream.write = write));
  }
}

/** The SDK's own logger, as a function would pass one: what it logs is captured too. */
const sdkLogger = {
  debug: (...args: unknown[]) => logs.push(JSON.stringify(args)),
  info: (...args: unknown[]) => logs.push(JSON.stringify(args)),
  warn: (...args: unknown[]) => logs.push(JSON.stringify(args)),
  error: (...args: unknown[]) => logs.push(JSON.stringify(args)),
};

async function signIn(userName: string, password: string, newPassword?: string) {
  return api('POST', '/_local/password-sign-in', { body: { userName, password, ...(newPassword === undefined ? {} : { newPassword }) } });
}

const outcome = async (userName: string, password: string, newPassword?: string): Promise<SignInOutcome> => {
  const res = await signIn(userName, password, newPassword);
  if (res.status === 200) return 'signed_in';
  if (res.status === 409 && res.body.error.code === 'new_password_required') return 'new_password_required';
  if (res.status === 401) return 'wrong_credentials';
  throw new Error(`sign-in answered ${res.status} ${res.text}`);
};

let raw: CognitoIdentityProviderClient;
let directory: CustomerDirectory;
const userPoolId = () => inject('customerPool').userPoolId;

beforeAll(async () => {
  Object.assign(process.env, { ...{ AWS_REGION: local.region, AWS_ACCESS_KEY_ID: 'local', AWS_SECRET_ACCESS_KEY: 'local' }, POWERTOOLS_TRACE_ENABLED: 'false' });
  raw = new CognitoIdentityProviderClient({ endpoint: inject('endpoints').cognito, ...local });
  const logged = new CognitoIdentityProviderClient({ endpoint: inject('endpoints').cognito, ...local, logger: sdkLogger });
  const { createCognitoCustomerDirectory } = await import('../../functions/adapters/cognito/customer-directory.js');
  const { logger } = await import('../../functions/lib/observability.js');
  logger.setLogLevel('DEBUG');
  directory = createCognitoCustomerDirectory({ client: () => logged, userPoolId });
  captureOutput();
});

afterAll(() => {
  for (const undo of restore) undo();
});

customerDirectoryContract('Cognito adapter on cognito-local', () => ({ directory, signIn: outcome }));

let counter = 0;
const newAdmin = () => {
  const tenant = `cust-${Date.now().toString(36)}-${(counter++).toString(36)}`;
  return { customerTenantId: tenant, tenantCountry: 'NL', userName: `admin@${tenant}.example`, email: `it@${tenant}.example` };
};

async function createdAdmin() {
  const admin = newAdmin();
  const result = await directory.createAdmin(admin);
  if (!result.created) throw new Error('expected a new user');
  return { admin, user: result.user, password: result.temporaryPassword.reveal() };
}

describe('CUS-2 the customer admin in the customer user pool', () => {
  it('is created in FORCE_CHANGE_PASSWORD with the tenant in immutable custom attributes and the global_admin group', async () => {
    const { admin } = await createdAdmin();
    const user = await raw.send(new AdminGetUserCommand({ UserPoolId: userPoolId(), Username: admin.userName }));
    expect(user.UserStatus).toBe('FORCE_CHANGE_PASSWORD');
    expect(user.UserAttributes).toEqual(
      expect.arrayContaining([
        { Name: 'custom:tenant_id', Value: admin.customerTenantId },
        { Name: 'custom:tenant_ctry', Value: 'NL' },
        { Name: 'email', Value: admin.email },
      ]),
    );
    const groups = await raw.send(new AdminListGroupsForUserCommand({ UserPoolId: userPoolId(), Username: admin.userName }));
    expect(groups.Groups?.map((g) => g.GroupName)).toEqual(['global_admin']);
  });

  it('keeps every concurrent creation in the global_admin group', async () => {
    const admins = Array.from({ length: 8 }, newAdmin);
    await Promise.all(admins.map((a) => directory.createAdmin(a)));
    for (const admin of admins) expect((await directory.findUser(admin.userName))?.roles).toEqual(['global_admin']);
  });
});

describe('POST /_local/password-sign-in', () => {
  it('asks for a new password first: 409 new_password_required, and the user stays unchanged', async () => {
    const { admin, password } = await createdAdmin();
    const res = await signIn(admin.userName, password);
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ type: 'conflict', code: 'new_password_required' });
    expect((await directory.findUser(admin.userName))?.status).toBe('password_change_required');
  });

  it('with the new password answers a token with the claims of the customer tenant that the gateway accepts', async () => {
    const { admin, user, password } = await createdAdmin();
    const res = await signIn(admin.userName.toUpperCase(), password, 'Chosen-by-me-2026!');
    expect(res.status).toBe(200);
    const claims = decodeJwt(res.body.token);
    expect(claims).toMatchObject({ tid: admin.customerTenantId, tenant_ctry: 'NL', email: admin.email, roles: ['global_admin'], sub: user.sub });
    const agreement = await api('GET', '/agreements/current', { token: res.body.token });
    expect(agreement.status).toBe(200);
    const me = await api('GET', '/partners/me', { token: res.body.token });
    expect(me.status).not.toBe(401);
    // Signed in once, the chosen password works directly and the temporary one no more.
    expect((await signIn(admin.userName, 'Chosen-by-me-2026!')).status).toBe(200);
    expect((await signIn(admin.userName, password)).status).toBe(401);
    expect((await directory.findUser(admin.userName))?.status).toBe('active');
  });

  it('401 for a wrong temporary password, even with a new password (cognito-local alone would accept it)', async () => {
    const { admin, password } = await createdAdmin();
    const res = await signIn(admin.userName, `${password}x`, 'Chosen-by-me-2026!');
    expect(res.status).toBe(401);
    expect(res.body.error).toMatchObject({ type: 'authentication', code: 'invalid_credentials' });
    expect((await directory.findUser(admin.userName))?.status).toBe('password_change_required');
    expect((await signIn(admin.userName, password)).status).toBe(409);
  });

  it('401 for an unknown user, with the same answer as for a wrong password', async () => {
    const unknown = await signIn('nobody@nowhere.example', 'Whatever-pw-123!');
    const { admin } = await createdAdmin();
    const wrong = await signIn(admin.userName, 'Whatever-pw-123!');
    expect(unknown.status).toBe(401);
    expect({ ...unknown.body.error, requestId: '' }).toEqual({ ...wrong.body.error, requestId: '' });
  });

  it('400 for a new password below the pool policy, naming the field; the temporary password still works', async () => {
    const { admin, password } = await createdAdmin();
    const res = await signIn(admin.userName, password, 'short');
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ type: 'invalid_request', code: 'password_policy', param: 'newPassword' });
    expect((await signIn(admin.userName, password)).status).toBe(409);
  });

  it('400 for a malformed body, naming the field', async () => {
    const res = await api('POST', '/_local/password-sign-in', { body: { userName: 'admin@x.example' } });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ type: 'invalid_request', param: 'password' });
  });

  it('gives only the customer roles of the pool: a group named operator in the pool grants nothing', async () => {
    const { admin, password } = await createdAdmin();
    await raw.send(new CreateGroupCommand({ UserPoolId: userPoolId(), GroupName: `operator` })).catch(() => undefined);
    await raw.send(new AdminAddUserToGroupCommand({ UserPoolId: userPoolId(), Username: admin.userName, GroupName: 'operator' }));
    const res = await signIn(admin.userName, password, 'Chosen-by-me-2026!');
    expect(decodeJwt(res.body.token).roles).toEqual(['global_admin']);
  });
});

describe('secrets never in logs', () => {
  it('the temporary password appears in no log line of the program or the SDK', async () => {
    const before = logs.length;
    const { admin, password } = await createdAdmin();
    await directory.createAdmin(admin);
    const replaced = (await directory.replaceTemporaryPassword(admin.userName, admin.customerTenantId)).reveal();
    await signIn(admin.userName, replaced, 'Chosen-by-me-2026!');
    const written = logs.slice(before).join('\n');
    // The capture works: the adapter's log lines and the SDK's request log are in it.
    expect(written).toContain('customer admin created');
    expect(written).toContain('AdminCreateUserCommand');
    expect(written).toContain('AdminSetUserPasswordCommand');
    expect(written).toContain(admin.userName);
    for (const secret of [password, replaced, 'Chosen-by-me-2026!']) expect(written).not.toContain(secret);
  });
});

describe('cognito-local as a child process', () => {
  it('dies with the process that started it, even one killed outright', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cognito-parent-'));
    const parent = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('../support/start-cognito.ts', import.meta.url)), dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const endpoint = await new Promise<string>((resolve, reject) => {
        let out = '';
        parent.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const line = /^(http:\S+)\n/m.exec(out);
          if (line) resolve(line[1]!);
        });
        parent.once('exit', (code) => reject(new Error(`the parent exited with ${code}`)));
      });
      expect((await fetch(`${endpoint}/health`)).ok).toBe(true);
      parent.kill('SIGKILL');
      await eventually(async () => fetch(`${endpoint}/health`).then(() => false, () => true), 20_000, 'cognito-local to stop');
    } finally {
      parent.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the customer user pool across restarts', () => {
  it('a second start on the same data finds the same pool, client and users', async () => {
    const { startCognito } = await import('../../infra/local/cognito.js');
    const dir = mkdtempSync(join(tmpdir(), 'cognito-restart-'));
    try {
      const first = await startCognito(dir);
      const { createCognitoCustomerDirectory } = await import('../../functions/adapters/cognito/customer-directory.js');
      const created = await createCognitoCustomerDirectory({ client: () => first.client, userPoolId: () => first.customerPool.userPoolId }).createAdmin(newAdmin());
      await first.stop();
      const second = await startCognito(dir);
      try {
        expect(second.customerPool).toEqual(first.customerPool);
        const found = await createCognitoCustomerDirectory({ client: () => second.client, userPoolId: () => second.customerPool.userPoolId }).findUser(created.user.userName);
        expect(found).toEqual(created.user);
      } finally {
        await second.stop();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
