import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { config } from './config.js';

/**
 * Secrets: on AWS from SSM Parameter Store SecureStrings named by `*_PARAMETER`
 * variables (cached for five minutes); locally from the configuration's defaults.
 */
type SecretName = 'vetting-webhook' | 'link-signing';

let ssm: SSMClient | undefined;
const cache = new Map<string, { value: string; until: number }>();

async function fromParameter(name: string): Promise<string> {
  const hit = cache.get(name);
  if (hit && hit.until > Date.now()) return hit.value;
  ssm ??= new SSMClient({});
  const out = await ssm.send(new GetParameterCommand({ Name: name, WithDecryption: true }));
  const value = out.Parameter?.Value;
  if (!value) throw new Error(`parameter ${name} is empty`);
  cache.set(name, { value, until: Date.now() + 300_000 });
  return value;
}

export async function secret(name: SecretName): Promise<string> {
  const c = config();
  switch (name) {
    case 'vetting-webhook':
      return c.VETTING_WEBHOOK_SECRET_PARAMETER ? fromParameter(c.VETTING_WEBHOOK_SECRET_PARAMETER) : c.VETTING_WEBHOOK_SECRET;
    case 'link-signing':
      return c.LINK_SIGNING_KEY_PARAMETER ? fromParameter(c.LINK_SIGNING_KEY_PARAMETER) : c.LINK_SIGNING_KEY;
  }
}
