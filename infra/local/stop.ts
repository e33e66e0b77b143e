/**
 * `npm stop`: stops the `npm start` of this checkout (its pid is in .data/local-cloud.pid,
 * or LOCAL_DATA_DIR) with SIGTERM and waits until it is gone. Exit 0 also when nothing runs.
 */
import { readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';

const pidFile = resolve(process.env.LOCAL_DATA_DIR ?? resolve(import.meta.dirname, '../../.data'), 'local-cloud.pid');

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

let pid: number;
try {
  pid = Number(readFileSync(pidFile, 'utf8').trim());
} catch {
  console.log('No local cloud is running (no .data/local-cloud.pid).');
  process.exit(0);
}
if (!Number.isInteger(pid) || pid <= 1 || !alive(pid)) {
  rmSync(pidFile, { force: true });
  console.log('No local cloud is running (stale pid file removed).');
  process.exit(0);
}
process.kill(pid, 'SIGTERM');
const deadline = Date.now() + 15_000;
while (alive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
if (alive(pid)) {
  process.kill(pid, 'SIGKILL');
  console.log(`Local cloud ${pid} did not stop within 15 s: killed.`);
} else {
  console.log(`Local cloud ${pid} stopped.`);
}
rmSync(pidFile, { force: true });
