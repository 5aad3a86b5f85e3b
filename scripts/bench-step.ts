/**
 * One benchmark step, run in a fresh process so its peak memory is its own.
 * Prints one JSON line: { ms, cpuMs, maxRssMb } (cpuMs: user + system time of
 * this process's threads during the step, a figure a busy machine disturbs
 * less than the wall-clock ms).
 *
 *   node dist/scripts/bench-step.js <floor|cold|parse-1|parse-2|warm|one-file|validate|offline-eval|modes-eval> <fleet dir>
 *   node dist/scripts/bench-step.js probe-tick <simulated nodes>:<concurrency>
 */
import { appendFileSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import matter from 'gray-matter';
import { cachePath } from '../src/cache/cacheFile.js';
import { readFindings } from '../src/cache/readFindings.js';
import { rebuildCache } from '../src/cache/rebuildCache.js';
import { buildInParallel } from '../src/cache/buildInParallel.js';
import { startRowWorkers } from '../src/cache/startRowWorkers.js';
import { walkFleet } from '../src/repo/walkFleet.js';
import { refreshCache } from '../src/cache/refreshCache.js';
import { probeFleet } from '../src/observe/probeFleet.js';
import type { ProbeTarget } from '../src/observe/observation.js';
import { fileIo } from '../src/cli/fileIo.js';
import { reconcile, STEPS, type Step } from '../src/reconcile/reconcile.js';
import { load } from '../src/reconcile/steps/load.js';
import { PROBE_TIMEOUT_MS } from './benchConfig.js';
import { startFleetSimulator } from './sim/fleetSimulator.js';

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

/**
 * The cold build's parse without its database: every file read, hashed,
 * parsed, validated and packed into rows as a cold build does it
 * (buildInParallel.ts), the rows dropped instead of written, on this thread
 * and `workers` worker threads. What a second thread buys the build, apart
 * from the one writer's work.
 */
async function parseOnly(workers: number): Promise<void> {
  const { files } = walkFleet(root, { stat: false });
  await buildInParallel(root, files, startRowWorkers(root, workers), { write: () => undefined });
}

const steps: Record<string, () => Promise<unknown>> = {
  floor: async () => void floor(),
  cold: async () => rebuildCache(root),
  'parse-1': () => parseOnly(0),
  'parse-2': () => parseOnly(1),
  warm: async () => (await refreshCache(root)).db.close(),
  'one-file': async () => {
    const path = 'registry/workloads/wl-00042.md';
    appendFileSync(join(root, path), `\nedited ${process.hrtime.bigint()}\n`);
    const r = await refreshCache(root, { paths: [path] });
    if (r.changed.length !== 1) throw new Error(`expected one changed file, got ${r.changed.length}`);
    r.db.close();
  },
  /** The evaluation a reconcile does after loading: modes of every node, board, runtime registry (offline, nothing written); the median of five in one process, as the hub runs it. */
  /** Every reconcile step after load (modes, freeze, policies, checks, workplans, board, registry), offline. */
  'offline-eval': () => offlineEval(STEPS.slice(1)),
  /** The loop as issue 3 measured it: modes (evaluate) and the generated files (plan), without the policy steps. */
  'modes-eval': () => offlineEval(STEPS.filter((s) => ['validate', 'observe', 'evaluate', 'plan', 'apply'].includes(s.name))),
  /** One probe tick over N simulated nodes, 10% of them hanging (root = N:concurrency). The simulator shares the process. */
  'probe-tick': async () => {
    const [n, concurrency] = root.split(':').map(Number) as [number, number];
    const sim = await startFleetSimulator({ nodes: Array.from({ length: n }, (_, i) => ({ id: `n${i}`, port: 0 })) });
    try {
      for (let i = 0; i < n; i += 10) await sim.setFault(`n${i}`, 'hang');
      const targets: ProbeTarget[] = [...sim.nodes.values()].flatMap((a) => [
        { node: a.id, type: 'tcp' as const, target: `127.0.0.1:${a.port}` },
        { node: a.id, type: 'http' as const, target: `${a.url}/health` },
        { node: a.id, type: 'status' as const, target: `${a.url}/cluster/status` },
      ]);
      const started = performance.now();
      const seen = await probeFleet(targets, { concurrency, timeoutMs: PROBE_TIMEOUT_MS, deadlineMs: 30_000, allowRemote: false, now: () => new Date() });
      const ms = performance.now() - started;
      const failed = seen.filter((o) => !o.ok).length;
      // Every hanging node must fail; a healthy one that missed the timeout on a loaded machine is reported, not fatal.
      if (failed < n / 10) throw new Error(`expected at least ${n / 10} failed nodes (the hanging ones), got ${failed}`);
      if (failed > n / 10) process.stderr.write(`  (probe-tick: ${failed - n / 10} healthy node(s) also missed the ${PROBE_TIMEOUT_MS} ms timeout)\n`);
      return ms;
    } finally {
      await sim.stop();
    }
  },
  validate: async () => {
    const r = await refreshCache(root);
    readFindings(r.db);
    r.db.close();
  },
};

/** The median of five runs of `list` over one loaded fleet, each on a fresh context. */
async function offlineEval(list: readonly Step[]): Promise<number> {
  const loaded = await reconcile(fileIo(root), { probe: false, write: false, allowRemote: false }, [load]);
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const ctx = { ...loaded, findings: [], artifacts: [], changes: [], states: new Map(), persisted: new Map(), observations: new Map(), lastObservations: new Map(), boardSections: [], checkResults: new Map() };
    const started = performance.now();
    for (const step of list) await step(ctx);
    times.push(performance.now() - started);
  }
  loaded.db?.close();
  return times.sort((a, b) => a - b)[2]!;
}

const run = steps[step];
if (!run) throw new Error(`unknown step ${step}`);
if (step === 'cold') rmSync(cachePath(root), { force: true });
if (step === 'one-file' || step === 'warm' || step === 'validate' || step === 'offline-eval' || step === 'modes-eval') (await refreshCache(root)).db.close();
const cpuStart = process.cpuUsage();
const start = performance.now();
const own = await run();
const ms = typeof own === 'number' ? own : performance.now() - start;
const cpu = process.cpuUsage(cpuStart);
process.stdout.write(`${JSON.stringify({ ms: Math.round(ms * 10) / 10, cpuMs: Math.round((cpu.user + cpu.system) / 1000), maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) })}\n`);
