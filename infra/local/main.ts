import { resolve } from 'node:path';
import { startLocalCloud } from './cloud.js';
import { demoTenants } from './demo-data.js';

/** `npm start`: the whole system on this machine, data kept under .data/. */
async function main(): Promise<void> {
  const started = Date.now();
  const port = Number(process.env.PORT ?? 3000);
  // Executions live in memory: after a restart the scheduler re-drives open enrollments
  // and requests (GEN-4) within minutes instead of the deployed default of a day.
  process.env.LIVENESS_CHECK_SECONDS ??= '300';
  const cloud = await startLocalCloud({
    port,
    dataDir: resolve(import.meta.dirname, '../../.data/dynamodb'),
    identityDataDir: resolve(import.meta.dirname, '../../.data/cognito'),
    demoData: true,
    schedulerEveryMinutes: 1,
  });
  const u = cloud.url;
  console.log(`
Partner program — local cloud up in ${((Date.now() - started) / 1000).toFixed(1)} s

  API                 ${u}
  Health              ${u}/_local/health
  OpenAPI             ${u}/openapi.json
  Inbox (emails)      ${u}/_local/inbox
  Tokens              POST ${u}/_local/tokens
  DynamoDB Local      ${cloud.endpoints.dynamodb}
  SES emulator        ${cloud.endpoints.ses}
  Step Functions      ${cloud.endpoints.stepFunctions}
  Cognito (customers) ${cloud.endpoints.cognito}  user pool ${cloud.customerPool.userPoolId}, app client ${cloud.customerPool.clientId}

Demo tenants: ${Object.entries(demoTenants).map(([k, t]) => `${k}=${t.tenantId}`).join(', ')}
Press Ctrl-C to stop.`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping…`);
    cloud.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error('The local cloud failed to start:', error);
  process.exit(1);
});
