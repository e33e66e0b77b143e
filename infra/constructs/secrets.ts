import { RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { SECRET_VARIABLES, type SecretName } from '../../functions/lib/secrets.js';
import { SECRET_NAMES } from './bundle-access.js';

/**
 * How each secret of functions/lib/secrets.ts is generated. Only letters and digits, a
 * length divisible by 4: the vetting secret is then also valid base64, which is what a
 * Standard Webhooks secret is after its `whsec_` prefix (the code accepts it with or
 * without the prefix; the vetting service is given `whsec_<value>`).
 */
const GENERATION: Record<SecretName, { length: number; description: string }> = {
  'vetting-webhook': { length: 48, description: 'Standard Webhooks signing secret shared with the vetting service (give it whsec_<this value>)' },
  'link-signing': { length: 64, description: 'Key the emailed link tokens are derived from (HMAC-SHA256)' },
};

/**
 * The secrets the functions need, created by the stack with generated values (nothing to
 * create by hand before the first deploy). Encrypted with the AWS managed key
 * aws/secretsmanager, whose key policy lets the account's principals decrypt through
 * Secrets Manager: a function needs only secretsmanager:GetSecretValue on the secret.
 */
export class Secrets extends Construct {
  /** Secret ARN by name (`vetting-webhook`…). */
  readonly arns: Record<string, string> = {};
  readonly secrets: Record<string, secretsmanager.Secret> = {};
  /** The environment of every function: `<VARIABLE>_ARN` → the secret's ARN. */
  readonly environment: Record<string, string> = {};

  constructor(scope: Construct, id: string) {
    super(scope, id);
    for (const name of SECRET_NAMES) {
      const { length, description } = GENERATION[name];
      const secret = new secretsmanager.Secret(this, SECRET_VARIABLES[name], {
        description,
        generateSecretString: { passwordLength: length, excludePunctuation: true, includeSpace: false, requireEachIncludedType: true },
        removalPolicy: RemovalPolicy.DESTROY,
      });
      Validations.of(secret).acknowledge({
        id: 'AwsSolutions-SMG4',
        reason:
          'Rotated by hand (README, "Secrets"): the vetting secret must change at the vetting service at the same time, which a rotation Lambda cannot do; rotating the link key invalidates the links a reminder would re-send, so it is rotated deliberately, not on a schedule.',
      });
      this.secrets[name] = secret;
      this.arns[name] = secret.secretArn;
      this.environment[`${SECRET_VARIABLES[name]}_ARN`] = secret.secretArn;
    }
  }
}
