import { randomUUID } from 'node:crypto';
import {
  AdminInitiateAuthCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { z } from 'zod';
import { customerPoolAttributes, customerPoolGroups } from '../../functions/adapters/cognito/customer-pool.js';
import type { CustomerRole } from '../../functions/domain/ports/identity.js';
import { maximumPasswordLength, passwordPolicyViolations } from '../../functions/domain/temporary-password.js';
import type { LocalIssuer } from './jwt.js';

export const PasswordSignInRequest = z.strictObject({
  userName: z.string().trim().min(1).max(128),
  password: z.string().min(1).max(maximumPasswordLength),
  newPassword: z.string().min(1).max(maximumPasswordLength).optional(),
});

export interface PasswordSignInAnswer {
  status: number;
  body: unknown;
}

const failure = (status: number, type: string, code: string, message: string, param?: string): PasswordSignInAnswer => ({
  status,
  body: { error: { type, code, message, ...(param ? { param } : {}), requestId: randomUUID() } },
});

const wrongCredentials = () => failure(401, 'authentication', 'invalid_credentials', 'The user name or the password is wrong.');

/** Cognito's answers to a failed password check, cognito-local's included. */
const credentialErrors = new Set(['NotAuthorizedException', 'UserNotFoundException', 'InvalidPasswordException', 'UserNotConfirmedException']);
const isCredentialError = (error: unknown) => error instanceof Error && credentialErrors.has(error.name);

/**
 * `POST /_local/password-sign-in` (API.md, local-only): signs a customer tenant's user in
 * through the customer user pool (cognito-local) with `InitiateAuth USER_PASSWORD_AUTH`;
 * `NEW_PASSWORD_REQUIRED` → 409 `new_password_required` unless `newPassword` is given, then
 * `RespondToAuthChallenge`. The pool's RS256 ID token is verified against its JWKS (issuer,
 * audience = the app client, `token_use: id`) and exchanged for a token of the local issuer
 * with the claims of API.md's Conventions: `sub`, `email`, `tid` = `custom:tenant_id`,
 * `tenant_ctry` = `custom:tenant_ctry`, `roles` = the user's groups.
 *
 * Why an exchange rather than a gateway that also trusts the pool: the pool's token names
 * the tenant `custom:tenant_id`, not `tid` (on AWS a pre-token-generation trigger maps the
 * claims; cognito-local can only call triggers through a Lambda endpoint the local cloud does
 * not have); cognito-local signs with a key published in its npm package; and it stamps
 * tokens with the wall clock while the gateway checks expiry on the local clock that
 * `/_local/clock` moves. So the gateway keeps one issuer, and handlers see the same claims
 * whichever way a user signed in.
 *
 * The deployed analogue: customer users' tokens come from the customer user pool; an HTTP API
 * JWT authorizer names one issuer, so the routes customer users call get a second JWT
 * authorizer (issuer = the pool, audience = its app client), and a pre-token-generation
 * trigger puts `tid`, `tenant_ctry` and `roles` into the pool's tokens from the same custom
 * attributes and groups this exchange reads.
 *
 * `newPassword` is used only while the pool asks for one; a user who already set its own
 * password signs in with it and `newPassword` is ignored.
 */
export function createPasswordSignIn(deps: {
  client: CognitoIdentityProviderClient;
  endpoint: string;
  userPoolId: string;
  clientId: string;
  issuer: LocalIssuer;
  /** The local clock, in seconds: the exchanged token's `iat`. */
  nowSeconds: () => number;
}): (request: z.output<typeof PasswordSignInRequest>) => Promise<PasswordSignInAnswer> {
  const poolIssuer = `${deps.endpoint}/${deps.userPoolId}`;
  const jwks = createRemoteJWKSet(new URL(`${poolIssuer}/.well-known/jwks.json`));

  async function idTokenFor(request: z.output<typeof PasswordSignInRequest>): Promise<string | PasswordSignInAnswer> {
    const USERNAME = request.userName.toLowerCase();
    let started;
    try {
      started = await deps.client.send(
        new InitiateAuthCommand({ ClientId: deps.clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME, PASSWORD: request.password } }),
      );
    } catch (error) {
      if (isCredentialError(error)) return wrongCredentials();
      if (error instanceof Error && error.name === 'PasswordResetRequiredException') {
        return failure(409, 'conflict', 'password_reset_required', 'An administrator has to reset this password first.');
      }
      throw error;
    }
    if (started.AuthenticationResult?.IdToken) return started.AuthenticationResult.IdToken;
    if (started.ChallengeName !== 'NEW_PASSWORD_REQUIRED') throw new Error(`unexpected sign-in challenge ${started.ChallengeName}`);

    // Cognito checks the temporary password before it asks for a new one; cognito-local does
    // not (it answers the challenge to any password). Check it the way cognito-local does.
    try {
      await deps.client.send(
        new AdminInitiateAuthCommand({ UserPoolId: deps.userPoolId, ClientId: deps.clientId, AuthFlow: 'ADMIN_USER_PASSWORD_AUTH', AuthParameters: { USERNAME, PASSWORD: request.password } }),
      );
    } catch (error) {
      if (isCredentialError(error)) return wrongCredentials();
      throw error;
    }
    if (request.newPassword === undefined) {
      return failure(409, 'conflict', 'new_password_required', 'The temporary password has to be replaced: send it again with newPassword.');
    }
    // The pool's policy, as Cognito enforces it (cognito-local does not).
    const violations = passwordPolicyViolations(request.newPassword);
    if (violations.length) {
      return failure(400, 'invalid_request', 'password_policy', `The new password needs ${violations.join(', ')}.`, 'newPassword');
    }
    try {
      const answered = await deps.client.send(
        new RespondToAuthChallengeCommand({
          ClientId: deps.clientId,
          ChallengeName: 'NEW_PASSWORD_REQUIRED',
          Session: started.Session,
          ChallengeResponses: { USERNAME, NEW_PASSWORD: request.newPassword },
        }),
      );
      const idToken = answered.AuthenticationResult?.IdToken;
      if (!idToken) throw new Error(`unexpected sign-in challenge ${answered.ChallengeName}`);
      return idToken;
    } catch (error) {
      if (error instanceof Error && error.name === 'InvalidPasswordException') {
        return failure(400, 'invalid_request', 'password_policy', 'The new password does not meet the password policy.', 'newPassword');
      }
      if (isCredentialError(error)) return wrongCredentials();
      throw error;
    }
  }

  return async (request) => {
    const idToken = await idTokenFor(request);
    if (typeof idToken !== 'string') return idToken;
    // Verified like the deployed JWT authorizer would verify the pool's token (on the pool's clock).
    const { payload } = await jwtVerify(idToken, jwks, { issuer: poolIssuer, audience: deps.clientId, algorithms: ['RS256'] });
    const tenantId = payload[customerPoolAttributes.tenantId.attribute];
    const tenantCountry = payload[customerPoolAttributes.tenantCountry.attribute];
    if (payload.token_use !== 'id' || typeof payload.sub !== 'string' || typeof payload.email !== 'string') throw new Error('the pool answered an unexpected token');
    if (typeof tenantId !== 'string' || typeof tenantCountry !== 'string') {
      return failure(403, 'forbidden', 'no_customer_tenant', 'This user belongs to no customer tenant.');
    }
    const groups = Array.isArray(payload['cognito:groups']) ? (payload['cognito:groups'] as unknown[]) : [];
    // Only the pool's own role groups count: a customer user can never carry `operator`.
    const userRoles = groups.filter((g): g is CustomerRole => typeof g === 'string' && (customerPoolGroups as readonly string[]).includes(g));
    const token = await deps.issuer.issue({ tenantId, tenantCountry, email: payload.email, roles: userRoles, sub: payload.sub }, deps.nowSeconds());
    return { status: 200, body: { token } };
  };
}
