/**
 * Rollout benchmark on the synthetic fleet (scripts/gen-fleet.ts): one
 * planning tick (planLeases) of a rolling update over all 10,000 nodes, mid
 * rollout (a third done, the limits' worth in flight), against a baseline
 * measured in the same run: resolving the intent's target set over the same
 * nodes (indexNodes + resolveTarget, what any tick must do first). Target
 * from issue 12: <= 50 ms. Then a simulated rolling update of every node to
 * completion (simulateRollout: the real tick, leases signed, simulated
 * agents), its total time and ticks. Medians of the runs.
 *
 *   node dist/scripts/bench-rollout.js [--nodes 10000] [--runs 5] [--dir <fleet>]
 *   (also part of npm run bench, on the fleet it generates)
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { scriptArgs, wholeNumber } from './scriptArgs.js';
import { parseYaml } from '../src/records/parseYaml.js';
import { splitFrontMatter } from '../src/records/splitFrontMatter.js';
import { planLeases } from '../src/rollout/planLeases.js';
import type { JournalEntry, RolloutIntent, RolloutNode, RolloutPolicy } from '../src/rollout/rolloutTypes.js';
import { simulateRollout } from '../src/rollout/simulateRollout.js';
import { indexNodes, resolveTarget } from '../src/trust/resolveTarget.js';
import type { IntentVerdict } from '../src/trust/trustTypes.js';
import { generateFleet } from './gen-fleet.js';

export interface RolloutBench {
  nodes: number;
  /** planLeases, one tick mid-rollout, median. */
  plan_ms: number;
  /** Resolving the target set over the same nodes, median. */
  baseline_ms: number;
  ratio: number;
  target_ms: number;
  /** The simulated rolling update of every leasable node. */
  simulate_ms: number;
  simulate_ticks: number;
  simulate_leases: number;
  simulate_result: string;
  runs: number;
}

const TARGET_MS = 50;
const NOW = new Date('2026-12-01T12:00:00Z');
const POLICY: RolloutPolicy = {
  max_parallel: 100,
  max_parallel_per_area: 25,
  max_parallel_per_site: 10,
  max_parallel_per_nat_group: 5,
  max_unavailable: 400,
  failure_rate_stop: { max_rate: 0.25, min_executed: 20 },
  lease_ttl: '30m',
  heartbeat_timeout: '5m',
  role_order: ['edge', 'replica', 'ingress', 'primary', 'relay'],
};
const INTENT: RolloutIntent = { id: 'bench-rolling', version: 1, expires: '2099-01-01', target: {}, strategy: { type: 'rolling', batch_size: 100 }, control: 'run' };
const VERDICT: IntentVerdict = { id: 'bench-rolling', trusted: true, signers: ['bench'], digest: 'ab'.repeat(32), findings: [] };
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** The fleet's nodes as the planner sees them: topology from registry/nodes, modes from status/modes.json; relays serve a critical role. */
function readNodes(root: string): RolloutNode[] {
  const modes = (JSON.parse(readFileSync(join(root, 'status', 'modes.json'), 'utf8')) as { nodes: Record<string, { mode: string }> }).nodes;
  return readdirSync(join(root, 'registry', 'nodes')).sort().map((f) => {
    const split = splitFrontMatter(readFileSync(join(root, 'registry', 'nodes', f), 'utf8'));
    const parsed = split.ok ? parseYaml(split.yaml) : null;
    if (!parsed?.ok) throw new Error(`bench: ${f} does not parse`);
    const d = parsed.data as Record<string, string>;
    const id = f.replace(/\.md$/, '');
    return { id, role: d.role!, area: d.area!, site: d.site!, nat_group: d.nat_group!, labels: {}, mode: modes[id]?.mode ?? 'UNKNOWN', serves: d.role === 'relay' ? ['relay'] : [], agent: true };
  });
}

/** Mid-rollout: every third ordinary ACTIVE node healthy, then up to the limits in flight. */
function midJournal(nodes: readonly RolloutNode[]): JournalEntry[] {
  const at = new Date(NOW.getTime() - 60_000).toISOString();
  const active = nodes.filter((n) => n.mode === 'ACTIVE' && n.serves.length === 0);
  const healthy = active.filter((_, i) => i % 3 === 0).map((n): JournalEntry => ({ node: n.id, state: 'healthy', since: at, leased_at: at, reported_at: at }));
  const flying = active.filter((_, i) => i % 3 === 1).slice(0, 40).map((n): JournalEntry => ({ node: n.id, state: 'applying', since: at, leased_at: at, reported_at: at }));
  return [...healthy, ...flying];
}

export function benchRollout(o: { root: string; runs: number }): RolloutBench {
  const nodes = readNodes(o.root);
  const journal = midJournal(nodes);
  const plan: number[] = [];
  const base: number[] = [];
  let granted = 0;
  for (let i = 0; i < o.runs + 1; i++) {
    let t = performance.now();
    const reached = resolveTarget(INTENT.target, indexNodes(nodes));
    const b = performance.now() - t;
    t = performance.now();
    const p = planLeases(INTENT, VERDICT, POLICY, nodes, journal, NOW);
    const ms = performance.now() - t;
    if (reached.length !== nodes.length) throw new Error('bench: the target should reach every node');
    granted = p.grants.length;
    if (i === 0) continue; // warm-up
    base.push(b);
    plan.push(ms);
  }
  if (granted === 0) throw new Error('bench: the planning tick granted nothing (it would skip the work)');
  const t = performance.now();
  const sim = simulateRollout({ intent: INTENT, verdict: VERDICT, policy: POLICY, nodes, now: NOW }, { failRate: 0, seed: 1, timeline: false });
  const simulate_ms = performance.now() - t;
  if (sim.result !== 'complete') throw new Error(`bench: the simulated rollout ended ${sim.result}${sim.halted ? ` (${sim.halted.message})` : ''}`);
  const plan_ms = median(plan);
  const baseline_ms = median(base);
  return { nodes: nodes.length, plan_ms, baseline_ms, ratio: Math.round((plan_ms / baseline_ms) * 100) / 100, target_ms: TARGET_MS, simulate_ms, simulate_ticks: sim.tickCount, simulate_leases: sim.leased, simulate_result: sim.result, runs: o.runs };
}

export function rolloutRows(b: RolloutBench): Array<[string, string, string, string]> {
  return [
    [`rollout: one planning tick, ${b.nodes} nodes mid-rollout`, `${b.plan_ms.toFixed(1)} ms`, `${b.ratio.toFixed(2)}x target resolution`, `target <= ${b.target_ms} ms: ${b.plan_ms <= b.target_ms ? 'met' : 'MISSED'}; resolving the target set: ${b.baseline_ms.toFixed(1)} ms`],
    [`rollout: simulated rolling update of ${b.nodes} nodes to completion`, `${b.simulate_ms.toFixed(0)} ms`, `${b.simulate_ticks} ticks`, `${b.simulate_leases} leases signed, ${(b.simulate_ms / b.simulate_ticks).toFixed(1)} ms per tick`],
  ];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const usage = 'usage: node dist/scripts/bench-rollout.js [--nodes 10000] [--runs 5] [--dir <fleet>]';
  const { values } = scriptArgs(usage, { options: { nodes: { type: 'string' }, runs: { type: 'string' }, dir: { type: 'string' } } });
  const nodes = wholeNumber(usage, 'nodes', values.nodes, 10000);
  const runs = wholeNumber(usage, 'runs', values.runs, 5);
  const root = values.dir ?? mkdtempSync(join(tmpdir(), 'fleethub-bench-rollout-'));
  if (values.dir === undefined) generateFleet(root, { nodes, workloads: 0, workplans: 0 });
  try {
    const b = benchRollout({ root, runs });
    for (const r of rolloutRows(b)) process.stdout.write(`${r.join('  ')}\n`);
    process.stdout.write(`${JSON.stringify(b)}\n`);
  } finally {
    if (values.dir === undefined) rmSync(root, { recursive: true, force: true });
  }
}
