// Run by bench/coldstart.ts in a fresh Node.js process (process.execPath): imports one
// bundle the way the Lambda runtime does at cold start and reports how long the import
// (module evaluation) took, and how long the process had been up by then.
const started = performance.now();
const mod = await import(process.argv[2]);
const initMs = performance.now() - started;
if (typeof mod.handler !== 'function') throw new Error(`${process.argv[2]} exports no handler`);
process.stdout.write(`${JSON.stringify({ initMs, processMs: performance.now() })}\n`);
