import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { SecretName } from '#domain/ports.js';
import { config, runtimeMode } from './config.js';

/**
 * The project's secrets. Deployed, each is a Secrets Manager secret the stack creates with
 * a generated value; its ARN comes from `<NAME>_ARN` (functions/lib/config.ts refuses to
 * start without it). The value is fetched on first use after a cold start and cached for
 * `CACHE_MILLISECONDS`, so a rotated value reaches warm functions within that time.
 *
 * In the local cloud, tests and scripts the value is `process.env[<VARIABLE>]` or the
 * public local value below; that branch is unreachable when deployed (see `runtimeMode`).
 *
 * The names (`SecretName`) are the literals infra/constructs/bundle-access.ts looks for in a
 * function's bundle to grant `secretsmanager:GetSecretValue` on exactly the secrets it
 * reads: call `secret('<name>')` / `secrets.get('<name>')` with the literal name.
 */
export type { SecretName };

/** The environment variable of each secret: its local value, and `<VARIABLE>_ARN` when deployed. */
export const SECRET_VARIABLES = {
  'vetting-webhook': 'VETTING_WEBHOOK_SECRET',
  'link-signing': 'LINK_SIGNING_KEY',
} as const satisfies Record<SecretName, string>;

/** Public values for the local cloud only. */
const LOCAL_VALUES: Record<SecretName, string> = {
  'vetting-webhook': 'whsec_bG9jYWwtdmV0dGluZy1zZWNyZXQtY2hhbmdlLW1l',
  'link-signing': 'local-link-signing-key-change-me-0123456789',
};

export const CACHE_MILLISECONDS = 5 * 60_000;

let client: SecretsManagerClient | undefined;
const cache = new Map<SecretName, { value: Promise<string>; until: number }>();

async function fetchSecret(name: SecretName, arn: string): Promise<string> {
  client ??= new SecretsManagerClient({});
  const out = await client.send(new GetSecretValueCommand({ SecretId: arn }));
  const value = out.SecretString;
  // The error names the secret, never its value.
  if (!value) throw new Error(`secret ${name} has no string value`);
  return value;
}

export async function secret(name: SecretName): Promise<string> {
  const variable = SECRET_VARIABLES[name];
  if (runtimeMode() === 'local') return process.env[variable] ?? LOCAL_VALUES[name];
  const arn = config()[`${variable}_ARN`];
  if (!arn) throw new Error(`configuration: ${variable}_ARN is not set`);
  const now = Date.now();
  const hit = cache.get(name);
  if (hit && hit.until > now) return hit.value;
  const value = fetchSecret(name, arn);
  cache.set(name, { value, until: now + CACHE_MILLISECONDS });
  value.catch(() => cache.delete(name));
  return value;
}
