import { CfnParameter } from 'aws-cdk-lib';
import type { Construct } from 'constructs';

/**
 * The program's identity (functions/lib/config.ts: PROGRAM_NAME … LOGO_URL), shown in every
 * email and page footer. Deploy parameters without defaults — except the optional logo —
 * so that no deployment shows the local demo's contact to real partners.
 */
export function programIdentityEnvironment(scope: Construct): Record<string, string> {
  const parameter = (id: string, description: string, extra: { allowedPattern?: string; default?: string } = {}) =>
    new CfnParameter(scope, id, { type: 'String', description, ...extra }).valueAsString;
  return {
    PROGRAM_NAME: parameter('ProgramName', 'The program’s name in e-mails and page footers, e.g. "Contoso Partner Network"', { allowedPattern: '^.{1,100}$' }),
    OPERATOR_NAME: parameter('OperatorName', 'The company that operates the program ("Operated by …")', { allowedPattern: '^.{1,200}$' }),
    SUPPORT_EMAIL: parameter('SupportEmail', 'Support address shown in every e-mail and page footer', { allowedPattern: '^[^@\\s]+@[^@\\s]+$' }),
    SUPPORT_URL: parameter('SupportUrl', 'Support site shown in every e-mail and page footer', { allowedPattern: '^https://.+' }),
    PRIVACY_URL: parameter('PrivacyUrl', 'Privacy notice linked from every e-mail and page footer', { allowedPattern: '^https://.+' }),
    LOGO_URL: parameter('LogoUrl', 'Optional https logo above the footers (empty = none)', { allowedPattern: '^(https://.+)?$', default: '' }),
  };
}
