// time each reconcile step of a first offline evaluation in a fresh process (cold JIT), as the diff's later side runs it
import { performance } from 'node:perf_hooks';
const t0 = performance.now();
const { reconcile, STEPS } = await import('./src/reconcile/reconcile.js');
const { fileIo } = await import('./src/cli/fileIo.js');
const { refreshCache } = await import('./src/cache/refreshCache.js');
const root = process.argv[2];
const t1 = performance.now();
console.log('import', (t1 - t0).toFixed(0));
const wrapped = STEPS.filter((s) => s.name !== 'plan' && s.name !== 'apply').map((s) => { const f = async (ctx) => { const a = performance.now(); await s(ctx); console.log(s.name.padEnd(10), (performance.now() - a).toFixed(0)); }; return f; });
const ctx = await reconcile(fileIo(root), { probe: false, write: false, allowRemote: false }, wrapped);
console.log('total', (performance.now() - t0).toFixed(0), 'findings', ctx.findings.length);
ctx.db.close();
