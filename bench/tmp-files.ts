import { build } from 'esbuild';
const entry = process.argv[2]!;
const r = await build({ bundle: true, minify: true, platform: 'node', format: 'esm', target: 'node24', mainFields: ['module', 'main'], logLevel: 'error', metafile: true, write: false, outdir: '/tmp/x', entryPoints: [entry] });
for (const o of Object.values(r.metafile.outputs)) {
  const xs = Object.entries(o.inputs).sort((a, b) => b[1].bytesInOutput - a[1].bytesInOutput).slice(0, Number(process.argv[3] ?? 40));
  for (const [k, v] of xs) console.log(v.bytesInOutput, k);
}
