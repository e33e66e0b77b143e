import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AddCustomAttributesCommand,
  CognitoIdentityProviderClient,
  CreateGroupCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  DescribeUserPoolCommand,
  ListGroupsCommand,
  ListUserPoolClientsCommand,
  ListUserPoolsCommand,
  UpdateUserPoolCommand,
  type UserPoolPolicyType,
} from '@aws-sdk/client-cognito-identity-provider';
import { customerUserPool, type UserPoolDefinition } from '../identity.js';
import { freePort, waitFor } from './ports.js';

const require = createRequire(import.meta.url);
const cognitoLocalBin = require.resolve('cognito-local/lib/bin/start.js');

export interface LocalCognito {
  endpoint: string;
  client: CognitoIdentityProviderClient;
  /** The customer user pool and its app client, created from infra/identity.ts. */
  customerPool: { userPoolId: string; clientId: string };
  stop(): Promise<void>;
}

const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };

/**
 * The child's preamble: exit when the parent's end of stdin closes, so cognito-local dies
 * with the process that started it even when that one is killed outright.
 */
const childMain = `process.stdin.on('end', () => process.exit(0)); process.stdin.resume(); require(${JSON.stringify(cognitoLocalBin)});`;

/** cognito-local logs every stored value (passwords included) at debug level: never let it inherit DEBUG. */
function childEnv(port: number): NodeJS.ProcessEnv {
  const { DEBUG: _debug, COGNITO_LOCAL_DEVMODE: _devMode, ...env } = process.env;
  return { ...env, PORT: String(port), HOST: '127.0.0.1', AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE: '1', NODE_NO_WARNINGS: '1' };
}

/**
 * Starts cognito-local (a Cognito user-pool emulator speaking the Cognito JSON protocol) on
 * a free loopback port, as a child process: its data on disk under `dataDir` when given
 * (kept across restarts), in a temporary directory removed at stop otherwise. Then makes
 * sure the customer user pool exists with the settings of infra/identity.ts.
 */
export async function startCognito(dataDir: string | undefined): Promise<LocalCognito> {
  const port = await freePort();
  const dir = dataDir ?? mkdtempSync(join(tmpdir(), 'cognito-local-'));
  // cognito-local keeps its files in `.cognito/` under its working directory. Pools are
  // created with user names as user names (its default makes the email the user name).
  mkdirSync(join(dir, '.cognito'), { recursive: true });
  writeFileSync(join(dir, '.cognito', 'config.json'), JSON.stringify({ UserPoolDefaults: { UsernameAttributes: [] } }, null, 2));

  const child = spawn(process.execPath, ['-e', childMain], {
    cwd: dir,
    env: childEnv(port),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let exited = false;
  // Kept only to explain a failed start; cognito-local logs requests, never their bodies.
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  child.on('exit', () => (exited = true));

  const endpoint = `http://127.0.0.1:${port}`;
  const client = new CognitoIdentityProviderClient({ endpoint, region: 'us-east-1', credentials });
  const stop = () =>
    new Promise<void>((resolve) => {
      const cleanUp = () => {
        if (!dataDir) rmSync(dir, { recursive: true, force: true });
        resolve();
      };
      if (exited) return cleanUp();
      child.once('exit', cleanUp);
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 3000).unref();
    });
  try {
    await waitFor('cognito-local', async () => {
      if (exited) throw new Error(`cognito-local exited: ${output}`);
      return (await fetch(`${endpoint}/health`)).ok;
    });
    const customerPool = await ensureUserPool(client, customerUserPool);
    return { endpoint, client, customerPool, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

const policies = (pool: UserPoolDefinition): UserPoolPolicyType => ({
  PasswordPolicy: {
    MinimumLength: pool.passwordPolicy.minimumLength,
    RequireLowercase: pool.passwordPolicy.requireLowercase,
    RequireUppercase: pool.passwordPolicy.requireUppercase,
    RequireNumbers: pool.passwordPolicy.requireNumbers,
    RequireSymbols: pool.passwordPolicy.requireSymbols,
    TemporaryPasswordValidityDays: pool.passwordPolicy.temporaryPasswordValidityDays,
  },
});

/**
 * Creates the pool, its custom attributes, groups and app client where missing, found by
 * name, so a restart on the same data reuses them (and keeps their users).
 */
export async function ensureUserPool(client: CognitoIdentityProviderClient, pool: UserPoolDefinition): Promise<{ userPoolId: string; clientId: string }> {
  const pools = await client.send(new ListUserPoolsCommand({ MaxResults: 60 }));
  let userPoolId = pools.UserPools?.find((p) => p.Name === pool.name)?.Id;
  const schema = pool.customAttributes.map((a) => ({
    Name: a.name,
    AttributeDataType: 'String' as const,
    Mutable: a.mutable,
    StringAttributeConstraints: { MinLength: String(a.minLength), MaxLength: String(a.maxLength) },
  }));
  if (!userPoolId) {
    const created = await client.send(
      new CreateUserPoolCommand({
        PoolName: pool.name,
        Policies: policies(pool),
        AdminCreateUserConfig: { AllowAdminCreateUserOnly: !pool.selfSignUp },
        UsernameConfiguration: { CaseSensitive: pool.caseSensitiveUserNames },
        Schema: schema,
        MfaConfiguration: pool.mfa,
      }),
    );
    userPoolId = created.UserPool!.Id!;
  } else {
    // UpdateUserPool resets what it is not given (on Cognito as in cognito-local): give it everything it owns.
    await client.send(
      new UpdateUserPoolCommand({ UserPoolId: userPoolId, Policies: policies(pool), AdminCreateUserConfig: { AllowAdminCreateUserOnly: !pool.selfSignUp }, MfaConfiguration: pool.mfa }),
    );
    const described = await client.send(new DescribeUserPoolCommand({ UserPoolId: userPoolId }));
    const existing = new Set(described.UserPool?.SchemaAttributes?.map((a) => a.Name));
    const missing = schema.filter((a) => !existing.has(`custom:${a.Name}`));
    if (missing.length) await client.send(new AddCustomAttributesCommand({ UserPoolId: userPoolId, CustomAttributes: missing }));
  }
  // Listed first: cognito-local's CreateGroup replaces an existing group, members and all.
  const groups = new Set((await client.send(new ListGroupsCommand({ UserPoolId: userPoolId, Limit: 60 }))).Groups?.map((g) => g.GroupName));
  for (const group of pool.groups) {
    if (!groups.has(group)) await client.send(new CreateGroupCommand({ UserPoolId: userPoolId, GroupName: group }));
  }
  const clients = await client.send(new ListUserPoolClientsCommand({ UserPoolId: userPoolId, MaxResults: 60 }));
  let clientId = clients.UserPoolClients?.find((c) => c.ClientName === pool.client.name)?.ClientId;
  if (!clientId) {
    const created = await client.send(
      new CreateUserPoolClientCommand({
        UserPoolId: userPoolId,
        ClientName: pool.client.name,
        GenerateSecret: pool.client.generateSecret,
        ExplicitAuthFlows: pool.client.authFlows,
        ReadAttributes: pool.client.readAttributes,
        WriteAttributes: pool.client.writeAttributes,
        PreventUserExistenceErrors: pool.client.preventUserExistenceErrors ? 'ENABLED' : 'LEGACY',
        IdTokenValidity: pool.client.idTokenValidityMinutes,
        TokenValidityUnits: { IdToken: 'minutes' },
      }),
    );
    clientId = created.UserPoolClient!.ClientId!;
  }
  return { userPoolId, clientId };
}
