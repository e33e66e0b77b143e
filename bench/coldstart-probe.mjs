// Run by bench/coldstart.ts in a fresh Node.js process (process.execPath): imports one
// bundle the way the Lambda runtime does at cold start and reports how long the import
// (module evaluation) took — wall clock, and CPU time of this process (user + system),
// which other load on the machine disturbs much less — and how long the process had been
// up by then.
const cpu = process.cpuUsage();
const started = performance.now();
const mod = await import(process.argv[2]);
const initMs = performance.now() - started;
const used = process.cpuUsage(cpu);
if (typeof mod.handler !== 'function') throw new Error(`${process.argv[2]} exports no handler`);
process.stdout.write(`${JSON.stringify({ initMs, initCpuMs: (used.user + used.system) / 1000, processMs: performance.now() })}\n`);
