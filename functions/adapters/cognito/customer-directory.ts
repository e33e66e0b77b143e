import { randomInt } from 'node:crypto';
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminGetUserCommand,
  AdminListGroupsForUserCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  type AttributeType,
} from '@aws-sdk/client-cognito-identity-provider';
import {
  CustomerUserNameTaken,
  CustomerUserNotResettable,
  type CustomerDirectory,
  type CustomerRole,
  type CustomerUser,
  type CustomerUserStatus,
} from '#domain/ports/identity.js';
import { generateTemporaryPassword, TemporaryPassword, type RandomInt } from '#domain/temporary-password.js';
import { config } from '#lib/config.js';
import { logger } from '#lib/observability.js';
import { customerPoolAttributes, customerPoolGroups } from './customer-pool.js';

export interface CognitoCustomerDirectoryOptions {
  client: () => CognitoIdentityProviderClient;
  userPoolId: () => string;
  /** The CSPRNG unless a test says otherwise. */
  random?: RandomInt;
}

const errorName = (error: unknown) => (error instanceof Error ? error.name : '');

/** The pool compares user names case-insensitively; the program keeps them in lower case. */
const normalise = (userName: string) => userName.trim().toLowerCase();

function status(userStatus: string | undefined, enabled: boolean | undefined): CustomerUserStatus {
  if (enabled === false) return 'disabled';
  switch (userStatus) {
    case 'CONFIRMED':
    case 'EXTERNAL_PROVIDER':
      return 'active';
    case 'FORCE_CHANGE_PASSWORD':
    case 'RESET_REQUIRED':
      return 'password_change_required';
    default:
      // UNCONFIRMED (no self sign-up in this pool), ARCHIVED, COMPROMISED, UNKNOWN: cannot sign in.
      return 'disabled';
  }
}

const attributeValue = (attributes: AttributeType[] | undefined, name: string) => attributes?.find((a) => a.Name === name)?.Value;

/**
 * The identity port on a Cognito user pool: `AdminCreateUser` with a generated temporary
 * password and no message, the customer tenant in immutable custom attributes, the role as
 * a group. Nothing here logs or keeps the password; the SDK's own logger (when one is set)
 * prints `TemporaryPassword`/`Password` as `***SensitiveInformation***`.
 */
export function createCognitoCustomerDirectory(options: CognitoCustomerDirectoryOptions): CustomerDirectory {
  const random = options.random ?? ((max: number) => randomInt(max));

  async function findUser(userName: string): Promise<CustomerUser | undefined> {
    const name = normalise(userName);
    const UserPoolId = options.userPoolId();
    let user;
    try {
      user = await options.client().send(new AdminGetUserCommand({ UserPoolId, Username: name }));
    } catch (error) {
      if (errorName(error) === 'UserNotFoundException') return undefined;
      throw error;
    }
    const groups = await options.client().send(new AdminListGroupsForUserCommand({ UserPoolId, Username: name }));
    const roles = (groups.Groups ?? [])
      .map((g) => g.GroupName)
      .filter((g): g is CustomerRole => (customerPoolGroups as readonly (string | undefined)[]).includes(g));
    return {
      userName: user.Username ?? name,
      sub: attributeValue(user.UserAttributes, 'sub') ?? '',
      customerTenantId: attributeValue(user.UserAttributes, customerPoolAttributes.tenantId.attribute) ?? '',
      tenantCountry: attributeValue(user.UserAttributes, customerPoolAttributes.tenantCountry.attribute) ?? '',
      email: attributeValue(user.UserAttributes, 'email') ?? '',
      roles,
      status: status(user.UserStatus, user.Enabled),
    };
  }

  const addToGroup = (userName: string, role: CustomerRole) =>
    // Adding a member twice is no error: a retry completes an attempt that stopped here.
    options.client().send(new AdminAddUserToGroupCommand({ UserPoolId: options.userPoolId(), Username: userName, GroupName: role }));

  return {
    findUser,

    async createAdmin(admin) {
      const userName = normalise(admin.userName);
      const password = generateTemporaryPassword(random);
      let sub: string | undefined;
      try {
        const out = await options.client().send(
          new AdminCreateUserCommand({
            UserPoolId: options.userPoolId(),
            Username: userName,
            TemporaryPassword: password,
            MessageAction: 'SUPPRESS',
            UserAttributes: [
              { Name: 'email', Value: admin.email.toLowerCase() },
              ...(admin.firstName ? [{ Name: 'given_name', Value: admin.firstName }] : []),
              ...(admin.lastName ? [{ Name: 'family_name', Value: admin.lastName }] : []),
              { Name: customerPoolAttributes.tenantId.attribute, Value: admin.customerTenantId },
              { Name: customerPoolAttributes.tenantCountry.attribute, Value: admin.tenantCountry.toUpperCase() },
            ],
          }),
        );
        sub = attributeValue(out.User?.Attributes, 'sub');
      } catch (error) {
        if (errorName(error) !== 'UsernameExistsException') throw error;
        // A retry (or a second creation for the same tenant): the first password stays the only one.
        const existing = await findUser(userName);
        if (!existing || existing.customerTenantId !== admin.customerTenantId) throw new CustomerUserNameTaken(userName);
        if (!existing.roles.includes('global_admin')) await addToGroup(userName, 'global_admin');
        logger.info('customer admin already exists', { userName, customerTenantId: admin.customerTenantId });
        return { created: false, user: { ...existing, roles: [...new Set<CustomerRole>([...existing.roles, 'global_admin'])] } };
      }
      await addToGroup(userName, 'global_admin');
      logger.info('customer admin created', { userName, customerTenantId: admin.customerTenantId });
      return {
        created: true,
        user: {
          userName,
          sub: sub ?? '',
          customerTenantId: admin.customerTenantId,
          tenantCountry: admin.tenantCountry.toUpperCase(),
          email: admin.email.toLowerCase(),
          roles: ['global_admin'],
          status: 'password_change_required',
        },
        temporaryPassword: new TemporaryPassword(password),
      };
    },

    async replaceTemporaryPassword(userName, customerTenantId) {
      const existing = await findUser(userName);
      if (!existing) throw new CustomerUserNotResettable(normalise(userName), 'not_found');
      if (existing.customerTenantId !== customerTenantId) throw new CustomerUserNameTaken(existing.userName);
      if (existing.status !== 'password_change_required') throw new CustomerUserNotResettable(existing.userName, existing.status);
      const password = generateTemporaryPassword(random);
      await options
        .client()
        .send(new AdminSetUserPasswordCommand({ UserPoolId: options.userPoolId(), Username: existing.userName, Password: password, Permanent: false }));
      logger.info('customer admin temporary password replaced', { userName: existing.userName, customerTenantId });
      return new TemporaryPassword(password);
    },
  };
}

/** The one Cognito client of a bundle, built on first use; locally the endpoint comes from AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER. */
let client: CognitoIdentityProviderClient | undefined;
const cognito = () => (client ??= new CognitoIdentityProviderClient({}));

/** The customer directory on the configured customer user pool. */
export const customerDirectory: CustomerDirectory = /* @__PURE__ */ createCognitoCustomerDirectory({
  client: cognito,
  userPoolId: () => {
    const id = config().USER_POOL_ID;
    if (!id) throw new Error('USER_POOL_ID is not set');
    return id;
  },
});
