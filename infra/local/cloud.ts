import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { resolve } from 'node:path';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { functions, workflows } from '../catalog.js';
import { mainTable } from '../tables.js';
import { PSEUDO_SUBSTITUTIONS } from '../constructs/asl.js';
import { advanceClock, onClockAdvance, systemClock } from '../../functions/lib/clock.js';
import { resetConfig } from '../../functions/lib/config.js';
import { ensureTables, localCredentials, startDynamoDb } from './dynamodb.js';
import { startSes } from './ses.js';
import { startCognito } from './cognito.js';
import { createLocalIssuer } from './jwt.js';
import { createGateway } from './gateway.js';
import { invocationCounter, invokeFunction } from './functions.js';
import { createLocalRoutes } from './local-routes.js';
import { startScheduler } from './scheduler.js';
import { loadDemoData, demoTenants } from './demo-data.js';
import { startStepFunctionsServer, type LocalStepFunctions } from './stepfunctions/server.js';
import { freePort } from './ports.js';
import { createFaults, type Faults } from './faults.js';

const root = resolve(import.meta.dirname, '../..');
export const localRegion = 'us-east-1';
export const localAccount = '000000000000';
export const vettingSecret = 'whsec_bG9jYWwtdmV0dGluZy1zZWNyZXQtY2hhbmdlLW1l';

export const localFunctionArn = (name: string) => `arn:aws:lambda:${localRegion}:${localAccount}:function:${name}`;
export const localStateMachineArn = (name: string) => `arn:aws:states:${localRegion}:${localAccount}:stateMachine:${name}`;

/** A workflow file with the same `${Key}` substitutions CDK applies, local ARNs in place of deployed ones (and `${Partition}` → aws). */
export function substitutedDefinition(file: string, substitutions: Record<string, string>): unknown {
  const text = readFileSync(resolve(root, file), 'utf8').replace(/\$\{(\w+)\}/g, (whole, key: string) => {
    const value = substitutions[key] ?? PSEUDO_SUBSTITUTIONS[key];
    if (value === undefined) throw new Error(`${file}: no substitution for ${whole}`);
    return value;
  });
  return JSON.parse(text);
}

export interface LocalCloudOptions {
  port?: number;
  /** Directory for DynamoDB Local's files; in memory when absent. */
  dataDir?: string;
  /** Directory for cognito-local's files; a temporary directory, removed at stop, when absent. */
  identityDataDir?: string;
  demoData?: boolean;
  /** Minutes between scheduled runs on the wall clock; 0 disables the timer. */
  schedulerEveryMinutes?: number;
  quiet?: boolean;
}

export interface LocalCloud {
  url: string;
  endpoints: { dynamodb: string; ses: string; stepFunctions: string; cognito: string };
  /** The customer user pool in cognito-local (infra/identity.ts). */
  customerPool: { userPoolId: string; clientId: string };
  stepFunctions: LocalStepFunctions;
  /** Fault injection in front of DynamoDB, SES and Step Functions (`POST /_local/faults`). */
  faults: Faults;
  stats(): { stateTransitions: number; lambdaInvocations: number; executionsStarted: number };
  stop(): Promise<void>;
}

/** Boots the whole local cloud: DynamoDB Local, SES emulator, cognito-local, Step Functions server, gateway, scheduler. */
export async function startLocalCloud(options: LocalCloudOptions = {}): Promise<LocalCloud> {
  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const [dynamo, ses, cognito, sfnPort] = await Promise.all([startDynamoDb(options.dataDir), startSes(), startCognito(options.identityDataDir), freePort()]);
  const sfnUrl = `http://127.0.0.1:${sfnPort}`;
  // The functions reach every emulator through a fault-injection proxy (idle: it forwards).
  const faults = createFaults();
  const [dynamoProxy, sesProxy, sfnProxy] = await Promise.all([faults.proxy('dynamodb', dynamo.endpoint, dynamo.settleAfter), faults.proxy('ses', ses.endpoint, (operation, request, answer) => ses.recordSent(operation, request, answer)), faults.proxy('stepfunctions', sfnUrl)]);

  Object.assign(process.env, {
    AWS_REGION: localRegion,
    AWS_ACCESS_KEY_ID: localCredentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: localCredentials.secretAccessKey,
    AWS_ENDPOINT_URL_DYNAMODB: dynamoProxy.endpoint,
    AWS_ENDPOINT_URL_SESV2: sesProxy.endpoint,
    AWS_ENDPOINT_URL_SFN: sfnProxy.endpoint,
    AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: cognito.endpoint,
    USER_POOL_ID: cognito.customerPool.userPoolId,
    USER_POOL_CLIENT_ID: cognito.customerPool.clientId,
    TABLE_NAME: mainTable.localName,
    PUBLIC_BASE_URL: url,
    JWKS_URL: `${url}/_local/jwks.json`,
    VETTING_WEBHOOK_SECRET: process.env.VETTING_WEBHOOK_SECRET ?? vettingSecret,
    ...Object.fromEntries(workflows.map((w) => [w.envVar, localStateMachineArn(w.name)])),
    POWERTOOLS_METRICS_DISABLED: 'true',
    POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? (options.quiet ? 'ERROR' : 'WARN'),
    LOCAL_CLOUD: 'true',
  });
  resetConfig();
  await ensureTables(dynamo.client);

  const definitions: Record<string, unknown> = {};
  for (const wf of workflows) {
    const subs: Record<string, string> = {};
    for (const [key, fn] of Object.entries(wf.functionSubstitutions)) subs[key] = localFunctionArn(fn);
    for (const key of wf.tableSubstitutions) subs[key] = mainTable.localName;
    definitions[localStateMachineArn(wf.name)] = substitutedDefinition(wf.file, subs);
  }
  const stepFunctions = await startStepFunctionsServer({
    definitions,
    invokeLambda: invokeFunction,
    clients: { dynamodb: dynamo.client, sesv2: new SESv2Client({ endpoint: sesProxy.endpoint, region: localRegion, credentials: localCredentials }) },
    clock: { now: () => systemClock.now(), onAdvance: onClockAdvance },
    port: sfnPort,
  });

  let ready = !options.demoData;
  const issuer = await createLocalIssuer();
  const gateway: Server = createGateway({
    issuer,
    localRoutes: createLocalRoutes({ issuer, ses, faults, dynamo: dynamo.client, cognito, stepFunctionsUrl: sfnUrl, baseUrl: url, advance: advanceClock, invoke: invokeFunction, ready: () => ready, settle: () => stepFunctions.idle() }),
  });
  await new Promise<void>((ok, fail) => {
    gateway.once('error', fail);
    gateway.listen(port, '127.0.0.1', () => ok());
  });
  const scheduler = startScheduler(functions, options.schedulerEveryMinutes ?? 1, invokeFunction);

  if (options.demoData) {
    await loadDemoData(url, (user) => issuer.issue({ ...user, roles: [...user.roles] }, Math.floor(systemClock.now().getTime() / 1000)));
    ready = true;
  }

  let stopped = false;
  return {
    url,
    endpoints: { dynamodb: dynamo.endpoint, ses: ses.endpoint, stepFunctions: sfnUrl, cognito: cognito.endpoint },
    customerPool: cognito.customerPool,
    stepFunctions,
    faults,
    stats: () => ({ ...stepFunctions.stats(), lambdaInvocations: invocationCounter.invocations }),
    async stop() {
      if (stopped) return;
      stopped = true;
      scheduler.stop();
      gateway.closeAllConnections();
      await new Promise<void>((r) => gateway.close(() => r()));
      await Promise.all([dynamoProxy.close(), sesProxy.close(), sfnProxy.close()]);
      await stepFunctions.close();
      await ses.stop();
      await dynamo.stop();
      await cognito.stop();
    },
  };
}

export { demoTenants };
