/**
 * One benchmark step, run in a fresh process so its peak memory is its own.
 * Prints one JSON line: { ms, maxRssMb }.
 *
 *   node dist/scripts/bench-step.js <floor|cold|warm|one-file|validate> <fleet dir>
 */
import { appendFileSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import matter from 'gray-matter';
import { cachePath } from '../src/cache/cacheFile.js';
import { readFindings } from '../src/cache/readFindings.js';
import { rebuildCache } from '../src/cache/rebuildCache.js';
import { refreshCache } from '../src/cache/refreshCache.js';

const [step, root] = process.argv.slice(2) as [string, string];

/** The floor: read every record file and parse its front matter with gray-matter, on one thread. */
function floor(): number {
  let n = 0;
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(md|ya?ml)$/.test(e.name)) {
        const parsed = matter(readFileSync(p, 'utf8'));
        if (parsed.data) n++;
      }
    }
  };
  for (const d of ['registry', 'workplans', 'policies']) walk(join(root, d));
  return n;
}

const steps: Record<string, () => Promise<unknown>> = {
  floor: async () => floor(),
  cold: async () => rebuildCache(root),
  warm: async () => (await refreshCache(root)).db.close(),
  'one-file': async () => {
    const path = 'registry/workloads/wl-00042.md';
    appendFileSync(join(root, path), `\nedited ${process.hrtime.bigint()}\n`);
    const r = await refreshCache(root, { paths: [path] });
    if (r.changed.length !== 1) throw new Error(`expected one changed file, got ${r.changed.length}`);
    r.db.close();
  },
  validate: async () => {
    const r = await refreshCache(root);
    readFindings(r.db);
    r.db.close();
  },
};

const run = steps[step];
if (!run) throw new Error(`unknown step ${step}`);
if (step === 'cold') rmSync(cachePath(root), { force: true });
if (step === 'one-file' || step === 'warm' || step === 'validate') (await refreshCache(root)).db.close();
const start = performance.now();
await run();
const ms = performance.now() - start;
process.stdout.write(`${JSON.stringify({ ms: Math.round(ms * 10) / 10, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) })}\n`);
