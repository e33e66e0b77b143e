/**
 * functions/lib/config.ts and functions/lib/secrets.ts: a deployed function never falls back
 * to the public local secrets, and reads each secret from Secrets Manager once per cache
 * period. The SDK client is real; Secrets Manager is a stub HTTP server speaking its JSON
 * protocol, which counts the calls.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig, resetConfig, runtimeMode } from '../../functions/lib/config.js';
import { secret } from '../../functions/lib/secrets.js';

const WEBHOOK_ARN = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:VettingWebhookSecret-AbCdEf';
const LINK_ARN = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:LinkSigningKey-GhIjKl';
const values: Record<string, string> = { [WEBHOOK_ARN]: 'deployedWebhookSecret0123456789abcdefghijklmnopq', [LINK_ARN]: 'deployedLinkKey' };
const requests: string[] = [];
let server: Server;
const saved = { ...process.env };

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const { SecretId } = JSON.parse(body) as { SecretId: string };
      requests.push(`${String(req.headers['x-amz-target'])} ${SecretId}`);
      res.setHeader('content-type', 'application/x-amz-json-1.1');
      res.end(JSON.stringify({ ARN: SecretId, Name: 'x', SecretString: values[SecretId] }));
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
});

afterAll(() => server.close());

afterEach(() => {
  for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
  Object.assign(process.env, saved);
  resetConfig();
});

const deployed = (extra: Record<string, string> = {}) => ({
  AWS_LAMBDA_FUNCTION_NAME: 'PartnerProgram-vetting-webhook',
  VETTING_WEBHOOK_SECRET_ARN: WEBHOOK_ARN,
  LINK_SIGNING_KEY_ARN: LINK_ARN,
  ...extra,
});

describe('configuration outside the local cloud', () => {
  it('is deployed inside Lambda unless the local cloud says otherwise', () => {
    expect(runtimeMode({})).toBe('local');
    expect(runtimeMode({ AWS_LAMBDA_FUNCTION_NAME: 'f' })).toBe('deployed');
    expect(runtimeMode({ AWS_LAMBDA_FUNCTION_NAME: 'f', LOCAL_CLOUD: 'true' })).toBe('local');
  });

  it('refuses to start deployed without the secrets\' ARNs', () => {
    expect(() => parseConfig({ AWS_LAMBDA_FUNCTION_NAME: 'f' })).toThrow(/deployed without VETTING_WEBHOOK_SECRET_ARN, LINK_SIGNING_KEY_ARN; refusing to start/);
    expect(() => parseConfig({ AWS_LAMBDA_FUNCTION_NAME: 'f', VETTING_WEBHOOK_SECRET_ARN: WEBHOOK_ARN })).toThrow(/LINK_SIGNING_KEY_ARN/);
    expect(() => parseConfig({ ...deployed(), LINK_SIGNING_KEY_ARN: 'not-an-arn' })).toThrow(/Secrets Manager secret ARN/);
    expect(parseConfig(deployed()).LINK_SIGNING_KEY_ARN).toBe(LINK_ARN);
    expect(parseConfig({}).LINK_SIGNING_KEY_ARN).toBeUndefined();
  });
});

describe('secret()', () => {
  it('deployed: reads Secrets Manager once per secret and caches, never the local value', async () => {
    Object.assign(process.env, deployed({
      AWS_REGION: 'eu-west-1',
      AWS_ACCESS_KEY_ID: 'test',
      AWS_SECRET_ACCESS_KEY: 'test',
      AWS_ENDPOINT_URL_SECRETS_MANAGER: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      // Present in the environment, and still not used when deployed.
      VETTING_WEBHOOK_SECRET: 'whsec_bG9jYWwtdmV0dGluZy1zZWNyZXQtY2hhbmdlLW1l',
    }));
    // The test run's local cloud may have set LOCAL_CLOUD for this process.
    delete process.env.LOCAL_CLOUD;
    resetConfig();
    requests.length = 0;
    expect(await secret('vetting-webhook')).toBe(values[WEBHOOK_ARN]);
    expect(await secret('vetting-webhook')).toBe(values[WEBHOOK_ARN]);
    expect(await secret('link-signing')).toBe('deployedLinkKey');
    expect(requests).toEqual([`secretsmanager.GetSecretValue ${WEBHOOK_ARN}`, `secretsmanager.GetSecretValue ${LINK_ARN}`]);
  });

  it('local: the environment\'s value, else the public local one, without calling AWS', async () => {
    requests.length = 0;
    process.env.LINK_SIGNING_KEY = 'from-the-environment-0123456789';
    expect(await secret('link-signing')).toBe('from-the-environment-0123456789');
    expect(await secret('vetting-webhook')).toMatch(/^whsec_/);
    expect(requests).toEqual([]);
  });
});
