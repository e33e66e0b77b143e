import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { customerBody } from '../support/customers.js';
import { newProvider, type Provider } from '../support/partnerships.js';

/**
 * CUS-2 in the logs: the `POST /customers` handler runs in this process (its bundle's
 * code, the real adapters against the local cloud's DynamoDB and cognito-local) with
 * DEBUG logging, and everything written to stdout/stderr is captured.
 */
const logs: string[] = [];
const restore: (() => void)[] = [];
function captureOutput(): void {
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write;
    stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      logs.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      rest.find((r): r is () => void => typeof r === 'function')?.();
      return true;
    }) as typeof stream.write;
    restore.push(() => (stream.write = write));
  }
}

type Handler = (event: APIGatewayProxyEventV2, context: Context) => Promise<{ statusCode: number; body: string }>;
let handler: Handler;
let provider: Provider;

const event = (body: unknown, key: string): APIGatewayProxyEventV2 =>
  ({
    rawPath: '/customers',
    headers: { 'content-type': 'application/json', 'idempotency-key': key },
    body: JSON.stringify(body),
    isBase64Encoded: false,
    requestContext: {
      requestId: `req-${key}`,
      http: { sourceIp: '127.0.0.1' },
      authorizer: { jwt: { claims: { sub: provider.admin.sub, email: provider.admin.email, tid: provider.admin.tenantId, tenant_ctry: 'DE', roles: ['global_admin'] } } },
    },
  }) as unknown as APIGatewayProxyEventV2;
const context = { functionName: 'create-customer', awsRequestId: 'local', getRemainingTimeInMillis: () => 30_000 } as unknown as Context;

beforeAll(async () => {
  provider = await newProvider();
  const endpoints = inject('endpoints');
  const local = { AWS_REGION: 'us-east-1', AWS_ACCESS_KEY_ID: 'local', AWS_SECRET_ACCESS_KEY: 'local' };
  const dynamo = new DynamoDBClient({ endpoint: endpoints.dynamodb, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  const table = (await dynamo.send(new ListTablesCommand({}))).TableNames![0]!;
  Object.assign(process.env, {
    ...local,
    AWS_ENDPOINT_URL_DYNAMODB: endpoints.dynamodb,
    AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: endpoints.cognito,
    USER_POOL_ID: inject('customerPool').userPoolId,
    TABLE_NAME: table,
    POWERTOOLS_LOG_LEVEL: 'DEBUG',
    POWERTOOLS_TRACE_ENABLED: 'false',
    POWERTOOLS_METRICS_DISABLED: 'true',
  });
  ({ handler } = (await import('../../functions/handlers/http/create-customer.js')) as unknown as { handler: Handler });
  const { logger } = await import('../../functions/lib/observability.js');
  logger.setLogLevel('DEBUG');
  captureOutput();
});

afterAll(() => {
  for (const undo of restore) undo();
});

describe('CUS-2: the temporary password in no log line', () => {
  it('creating a customer (and replaying the request) logs the admin’s user name, never its password', async () => {
    const body = customerBody();
    const created = await handler(event(body, 'logs-1'), context);
    expect(created.statusCode, created.body).toBe(201);
    const { userName, temporaryPassword } = JSON.parse(created.body).adminCredentials as { userName: string; temporaryPassword: string };
    expect(temporaryPassword.length).toBeGreaterThanOrEqual(12);
    const replay = await handler(event(body, 'logs-1'), context);
    expect(replay.statusCode).toBe(200);
    expect(replay.body).not.toContain(temporaryPassword);
    const again = await handler(event(body, 'logs-2'), context);
    expect(again.statusCode).toBe(409);
    const text = logs.join('');
    // The capture works: the identity adapter's line about the new admin is there.
    expect(text).toContain(userName);
    expect(text).not.toContain(temporaryPassword);
  });
});
