import { startLocalCloud } from '../../infra/local/cloud.js';

/**
 * The local cloud as a process of its own, for the crash test: `DATA_DIR` keeps DynamoDB
 * Local on disk, `PORT` fixes the gateway. Prints one `READY <json>` line when up. The
 * test starts it in a process group of its own and SIGKILLs the whole group (this process
 * and DynamoDB Local's JVM).
 */
const dataDir = process.env.DATA_DIR;
if (!dataDir) throw new Error('DATA_DIR is required');
const cloud = await startLocalCloud({ port: Number(process.env.PORT), dataDir, schedulerEveryMinutes: 0, quiet: true });
process.stdout.write(`READY ${JSON.stringify({ url: cloud.url, endpoints: cloud.endpoints })}\n`);
