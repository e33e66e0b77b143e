import { Aws, Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';

/** The custom attribute binding a customer admin user to its tenant (`custom:tenant_id`). */
export const TENANT_ATTRIBUTE = 'tenant_id';

/**
 * The Cognito user pool of customer admin users. Users are created by the program
 * (AdminCreateUser, no self sign-up) with `custom:tenant_id` set once (immutable) and sign
 * in by e-mail with USER_PASSWORD_AUTH or SRP through the one app client (no client
 * secret, for the portal). Functions learn the ids from USER_POOL_ID and
 * USER_POOL_CLIENT_ID; the issuer of the pool's tokens is `issuer`.
 */
export class CustomerUserPool extends Construct {
  readonly userPool: cognito.UserPool;
  readonly client: cognito.UserPoolClient;
  /** `iss` of the pool's tokens. */
  readonly issuer: string;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.userPool = new cognito.UserPool(this, 'UserPool', {
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      standardAttributes: { email: { required: true, mutable: true } },
      customAttributes: { [TENANT_ATTRIBUTE]: new cognito.StringAttribute({ minLen: 1, maxLen: 64, mutable: false }) },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(7),
      },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      mfa: cognito.Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      featurePlan: cognito.FeaturePlan.ESSENTIALS,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.client = this.userPool.addClient('PortalClient', {
      authFlows: { userPassword: true, userSrp: true },
      generateSecret: false,
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(30),
      readAttributes: new cognito.ClientAttributes().withStandardAttributes({ email: true, emailVerified: true }).withCustomAttributes(TENANT_ATTRIBUTE),
      // The tenant is set by the program only: users may not write it (it is immutable anyway).
      writeAttributes: new cognito.ClientAttributes().withStandardAttributes({ email: true }),
    });
    this.issuer = `https://cognito-idp.${Aws.REGION}.${Aws.URL_SUFFIX}/${this.userPool.userPoolId}`;

    Validations.of(this.userPool).acknowledge(
      {
        id: 'AwsSolutions-COG2',
        reason: 'MFA is OPTIONAL (TOTP, no SMS): customer admins are invited by their partner and may enrol a TOTP app; requiring it at first sign-in is a product decision the customers feature can take by switching mfa to REQUIRED.',
      },
      {
        id: 'AwsSolutions-COG3',
        reason: 'Threat protection (advanced security, ENFORCED) needs the Plus feature plan, billed per monthly active user; the pool uses Essentials. Self sign-up is off and users exist only by invitation.',
      },
      {
        id: 'AwsSolutions-COG8',
        reason: 'Essentials, not Plus: Plus is billed per monthly active user for threat protection; self sign-up is off, users exist only by invitation, and the password policy is the strongest Cognito offers. Switch featurePlan to PLUS to enable it.',
      },
    );
  }
}
