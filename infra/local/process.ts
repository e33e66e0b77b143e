/**
 * Process hygiene of `npm start`: the port is checked before anything starts, the
 * process stops on SIGINT/SIGTERM/SIGHUP, and it stops by itself when the process that
 * launched it goes away (npm, its shell, tsx — even after a `kill -9` that gives nobody
 * a chance to forward a signal). DynamoDB Local is tied to this process separately
 * (see dynamodb.ts), so nothing outlives it.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/** Resolves true when `port` on 127.0.0.1 can be bound right now. */
export function portIsFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve(true)));
  });
}

/** The parent pid of `pid` from /proc, or undefined when the process is gone (or no /proc). */
export function parentOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // "pid (comm) state ppid …": comm may contain spaces and parentheses, so split after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[1]);
  } catch {
    return undefined;
  }
}

function launchedByNpm(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/environ`, 'latin1').split('\0').some((entry) => entry.startsWith('npm_lifecycle_event='));
  } catch {
    return false;
  }
}

/**
 * The processes this one depends on: its parent, and — when started through `npm run` —
 * every ancestor up to and including the npm process itself (the first ancestor without
 * npm's lifecycle variables). Each entry is `[pid, its parent pid]` as seen now.
 */
export function launcherChain(): Array<[number, number]> {
  const chain: Array<[number, number]> = [];
  let pid = process.ppid;
  for (let depth = 0; depth < 8 && pid > 1; depth++) {
    const parent = parentOf(pid);
    if (parent === undefined) break;
    chain.push([pid, parent]);
    if (!launchedByNpm(pid)) break;
    pid = parent;
  }
  return chain;
}

/**
 * Calls `onGone` once when the launcher chain breaks: this process is re-parented or one of
 * its launchers exits (its child then gets a new parent). Polls twice a second; the timer
 * does not keep the process alive.
 */
export function watchLauncher(onGone: (why: string) => void, everyMs = 500): () => void {
  const chain = launcherChain();
  const firstParent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid !== firstParent) return gone(`parent ${firstParent} exited`);
    // Every launcher but the outermost must still have the parent it had (the outermost, npm, only has to exist).
    for (const [index, [pid, parent]] of chain.entries()) {
      const now = parentOf(pid);
      if (now === undefined || (index < chain.length - 1 && now !== parent)) return gone(`launcher ${pid} or its parent exited`);
    }
  }, everyMs);
  timer.unref();
  let fired = false;
  function gone(why: string): void {
    clearInterval(timer);
    if (fired) return;
    fired = true;
    onGone(why);
  }
  return () => clearInterval(timer);
}
