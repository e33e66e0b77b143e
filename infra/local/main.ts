import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { workflows } from '../catalog.js';
import { localStateMachineArn, startLocalCloud, type LocalCloud } from './cloud.js';
import { demoTenants } from './demo-data.js';
import { portIsFree, watchLauncher } from './process.js';

const dataDir = resolve(process.env.LOCAL_DATA_DIR ?? resolve(import.meta.dirname, '../../.data'));
/** `npm stop` reads it; removed on a clean stop. */
export const pidFile = resolve(dataDir, 'local-cloud.pid');

/** `npm start`: the whole system on this machine, data kept under .data/ (or LOCAL_DATA_DIR). */
async function main(): Promise<void> {
  const started = Date.now();
  const port = Number(process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port <= 0 || port > 65_535) return refuse(`PORT=${process.env.PORT} is not a TCP port.`);
  // Before anything starts: a busy port is one line and exit 1, with nothing left running.
  if (!(await portIsFree(port))) return refuse(`Port ${port} on 127.0.0.1 is already in use (another \`npm start\`? stop it with \`npm stop\`, or choose another port: PORT=3001 npm start).`);

  let cloud: LocalCloud | undefined;
  let stopping = false;
  const stop = (why: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${why}: stopping…`);
    const done = (code: number) => {
      removePidFile();
      process.exit(code);
    };
    // A second signal, or a stop that hangs, ends the process at once (DynamoDB Local dies with it, see dynamodb.ts).
    setTimeout(() => done(1), 10_000).unref();
    (cloud?.stop() ?? Promise.resolve()).then(
      () => done(0),
      (error: unknown) => {
        console.error(error);
        done(1);
      },
    );
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => (stopping ? process.exit(1) : stop(signal)));
  }
  watchLauncher((why) => stop(why));

  // Executions live in memory: after a restart the scheduler re-drives open enrollments
  // and requests (GEN-4) within minutes instead of the deployed default of a day.
  process.env.LIVENESS_CHECK_SECONDS ??= '300';
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(pidFile, `${process.pid}
`);
  cloud = await startLocalCloud({
    port,
    dataDir: resolve(dataDir, 'dynamodb'),
    identityDataDir: resolve(dataDir, 'cognito'),
    demoData: true,
    schedulerEveryMinutes: 1,
  });
  if (stopping) return;
  const u = cloud.url;
  const machines = workflows.map((wf) => `  ${wf.name.padEnd(20)}${localStateMachineArn(wf.name)}`).join('\n');
  console.log(`
Partner program — local cloud up in ${((Date.now() - started) / 1000).toFixed(1)} s

  API                 ${u}
  Health              ${u}/_local/health
  OpenAPI             ${u}/openapi.json
  Inbox (emails)      ${u}/_local/inbox
  Executions          ${u}/_local/executions
  Sign in (pages)     ${u}/_local/sign-in
  Tokens              POST ${u}/_local/tokens
  DynamoDB Local      ${cloud.endpoints.dynamodb}
  SES emulator        ${cloud.endpoints.ses}
  Step Functions      ${cloud.endpoints.stepFunctions}
  Cognito (customers) ${cloud.endpoints.cognito}  user pool ${cloud.customerPool.userPoolId}, app client ${cloud.customerPool.clientId}

State machines (AWS_ENDPOINT_URL_SFN=${cloud.endpoints.stepFunctions} aws stepfunctions …):
${machines}

Demo tenants: ${Object.entries(demoTenants).map(([k, t]) => `${k}=${t.tenantId}`).join(', ')}
Press Ctrl-C (or run \`npm stop\`) to stop.`);
}

function refuse(message: string): void {
  console.error(message);
  process.exitCode = 1;
}

function removePidFile(): void {
  try {
    if (readFileSync(pidFile, 'utf8').trim() === String(process.pid)) rmSync(pidFile);
  } catch {
    // already gone
  }
}

main().catch((error: unknown) => {
  console.error('The local cloud failed to start:', error instanceof Error ? error.message : error);
  removePidFile();
  process.exit(1);
});
