/**
 * The one description of the customer user pool (CUS-2: customer tenants' users). The CDK
 * stack and the local cloud (cognito-local) both build the pool from it, so the password
 * policy the program generates for, the custom attributes it writes and the groups it
 * reads cannot drift.
 */
import { customerPasswordPolicy, type PasswordPolicy } from '../functions/domain/temporary-password.js';
import { customerPoolAttributes, customerPoolGroups } from '../functions/adapters/cognito/customer-pool.js';

export interface CustomAttributeDefinition {
  /** Without the `custom:` prefix, as CreateUserPool's `Schema` and CDK name it. */
  name: string;
  /** Immutable: not even an administrator can move a user to another tenant. */
  mutable: boolean;
  minLength: number;
  maxLength: number;
}

export interface UserPoolDefinition {
  /** Logical id in the CDK stack. */
  id: string;
  /** Environment variables through which functions learn the pool and app client ids. */
  envVar: 'USER_POOL_ID';
  clientEnvVar: 'USER_POOL_CLIENT_ID';
  /** Pool name (locally it also finds the pool again after a restart). */
  name: string;
  passwordPolicy: PasswordPolicy;
  /** Only administrators (the program) create users: no self sign-up. */
  selfSignUp: false;
  /** User names compare case-insensitively (the adapter also keeps them in lower case). */
  caseSensitiveUserNames: false;
  /** Users sign in with their user name; `email` is an attribute, not an alias. */
  signInAliases: { username: true; email: false };
  customAttributes: CustomAttributeDefinition[];
  /** Users may enrol a TOTP app; not required at first sign-in. */
  mfa: 'OFF' | 'OPTIONAL';
  /** Roles (API.md Conventions) a user can hold, as groups: the ID token's `cognito:groups`. */
  groups: readonly string[];
  client: {
    name: string;
    /** USER_PASSWORD_AUTH (what `/_local/password-sign-in` does), SRP for a sign-in page, refresh tokens. */
    authFlows: ('ALLOW_USER_PASSWORD_AUTH' | 'ALLOW_USER_SRP_AUTH' | 'ALLOW_REFRESH_TOKEN_AUTH')[];
    generateSecret: false;
    /** Attributes a signed-in user may change itself: none — the tenant attributes least of all. */
    writeAttributes: string[];
    readAttributes: string[];
    /** "User does not exist" is answered like a wrong password. */
    preventUserExistenceErrors: true;
    idTokenValidityMinutes: number;
  };
}

export const customerUserPool: UserPoolDefinition = {
  id: 'CustomerUserPool',
  envVar: 'USER_POOL_ID',
  clientEnvVar: 'USER_POOL_CLIENT_ID',
  name: 'partner-program-customers',
  passwordPolicy: customerPasswordPolicy,
  selfSignUp: false,
  caseSensitiveUserNames: false,
  signInAliases: { username: true, email: false },
  customAttributes: [
    { name: customerPoolAttributes.tenantId.name, mutable: false, minLength: 1, maxLength: customerPoolAttributes.tenantId.maxLength },
    { name: customerPoolAttributes.tenantCountry.name, mutable: false, minLength: 2, maxLength: customerPoolAttributes.tenantCountry.maxLength },
  ],
  mfa: 'OPTIONAL',
  groups: customerPoolGroups,
  client: {
    name: 'partner-program-customers-sign-in',
    authFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    generateSecret: false,
    writeAttributes: [],
    readAttributes: ['email', 'given_name', 'family_name', customerPoolAttributes.tenantId.attribute, customerPoolAttributes.tenantCountry.attribute],
    preventUserExistenceErrors: true,
    idTokenValidityMinutes: 60,
  },
};
