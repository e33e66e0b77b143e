import type { TestProject } from 'vitest/node';
import { startLocalCloud, type LocalCloud } from '../../infra/local/cloud.js';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    endpoints: { dynamodb: string; ses: string; stepFunctions: string; cognito: string };
    customerPool: { userPoolId: string; clientId: string };
  }
}

let cloud: LocalCloud | undefined;

/** One local cloud per test run, in memory, on free ports. */
export async function setup(project: TestProject): Promise<void> {
  const started = Date.now();
  cloud = await startLocalCloud({ schedulerEveryMinutes: 0, quiet: true });
  project.provide('baseUrl', cloud.url);
  project.provide('endpoints', cloud.endpoints);
  project.provide('customerPool', cloud.customerPool);
  console.log(`local cloud up in ${Date.now() - started} ms at ${cloud.url}`);
}

export async function teardown(): Promise<void> {
  await cloud?.stop();
}
