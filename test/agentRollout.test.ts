/**
 * End to end (issue 12): a real Git server on loopback, the reconciler run
 * tick by tick as the real `fleethub reconcile --push` process (signing
 * leases with the demo FLEETHUB_ORCHESTRATOR_KEY), and simulated agents for
 * 200 nodes.
 *
 * The agents are ONE process driving 200 agent cycles (scripts/sim/
 * simulatedAgents.ts): each is the cycle `fleethub agent --once` runs
 * (src/agent/agentCycle.ts — trust and lease verification, its own journal,
 * its own report file), with the node simulated (in-process apply and health)
 * and the transport shared (one fetch per tick, one outbox relayed once per
 * tick, each report with its node as writer). 200 agent processes per tick
 * would not fit the two cores this suite runs on.
 *
 * Checked from the rollout journal's timeline (status/rollouts/<intent>.yaml
 * read back from upstream after every tick): a rolling update completes with
 * every limit held at every tick; injected failures halt it at the
 * failure-rate threshold; an abort mid-way grants nothing more.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { checkout, runGit, upstreamFile } from '../scripts/git-server/fleetUpstream.js';
import { simulatedAgents, type SimulatedAgents } from '../scripts/sim/simulatedAgents.js';
import { parseYaml } from '../src/records/parseYaml.js';
import { parsePinnedRoot } from '../src/trust/parsePinnedRoot.js';
import { KEYS } from './helpers/agentFleet.js';
import { cliAsync, DEMO_TRUST_ROOT, tempDir } from './helpers/fleet.js';
import { gitServerSuite } from './helpers/gitServerSuite.js';
import { SIM_INTENT, simFleetFiles, simNodes, type RolloutCaps, type SimNode } from './helpers/rolloutFleet.js';
import { readFileSync } from 'node:fs';

const suite = gitServerSuite();
const N = 200;
const CAPS: RolloutCaps = {
  max_parallel: 40,
  max_parallel_per_area: 10,
  max_parallel_per_site: 2,
  max_parallel_per_nat_group: 2,
  max_unavailable: 40,
  failure_rate_stop: { max_rate: 0.25, min_executed: 20 },
};
const IN_FLIGHT = new Set(['leased', 'staged', 'applying']);
const FAILED = new Set(['rolled_back', 'aborted']);

interface JournalLine {
  state: string;
  lease: string | null;
}
interface RolloutFileJson {
  epoch: number;
  control: string;
  leases: Array<{ id: string; node: string; epoch: number }>;
  revoked: Array<{ id: string; node: string; reason: string }>;
  journal: Record<string, JournalLine>;
}

interface Run {
  nodes: SimNode[];
  agents: SimulatedAgents;
  /** The rollout file after each reconcile tick (index 0: after the first). */
  timeline: RolloutFileJson[];
  /** One reconcile tick, then one cycle of every agent. */
  tick(): Promise<RolloutFileJson>;
  reconciler: string;
  env: Record<string, string>;
}

async function startRun(name: string): Promise<Run> {
  const nodes = simNodes(N, 5);
  await suite.server.createRepo(name, { files: simFleetFiles(nodes, CAPS, new Date()) });
  const url = suite.server.url(name);
  const reconciler = suite.keep(await checkout(url, { name: 'Reconciler', email: 'reconciler@fleet.invalid' }));
  const agents = simulatedAgents({ nodes: nodes.map((n) => n.id), stateDir: suite.keep(tempDir('fleethub-sim-agents-')), remote: url, pin: parsePinnedRoot(readFileSync(DEMO_TRUST_ROOT, 'utf8'), DEMO_TRUST_ROOT), initial: '1.0.0' });
  const env = { FLEETHUB_ORCHESTRATOR_KEY: join(KEYS, 'orchestrator-2026a.key') };
  const timeline: RolloutFileJson[] = [];
  // Every agent reports first (blocked: no lease yet): a node whose agent never reported is not leased.
  const first = await agents.tick();
  assert.equal(first.relayed, N, 'every agent reported once');
  return {
    nodes,
    agents,
    timeline,
    reconciler,
    env,
    async tick() {
      await runGit(['pull', '-q', '--ff-only'], { cwd: reconciler });
      const r = await cliAsync(['reconcile', '--push', '--fail-on', 'none', '--format', 'json'], { cwd: reconciler, env });
      assert.equal(r.code, 0, r.stderr + r.stdout.slice(0, 2000));
      const text = await upstreamFile(suite.server, name, `status/rollouts/${SIM_INTENT}.yaml`);
      assert.ok(text !== null, `the reconciler wrote no rollout file: ${r.stdout.slice(0, 2000)}`);
      const parsed = parseYaml(text);
      assert.ok(parsed.ok);
      const file = parsed.data as RolloutFileJson;
      timeline.push(file);
      await agents.tick();
      return file;
    },
  };
}

/** Every limit, at every tick of the timeline: the nodes holding a lease (in flight) within the caps, globally and per area, site and NAT group. */
function assertLimitsHeld(run: Run): void {
  const byId = new Map(run.nodes.map((n) => [n.id, n]));
  run.timeline.forEach((file, t) => {
    const inFlight = Object.entries(file.journal).filter(([, l]) => IN_FLIGHT.has(l.state)).map(([id]) => byId.get(id)!);
    const failedOrDown = Object.values(file.journal).filter((l) => IN_FLIGHT.has(l.state)).length;
    assert.ok(inFlight.length <= CAPS.max_parallel, `tick ${t}: ${inFlight.length} in flight > max_parallel ${CAPS.max_parallel}`);
    assert.ok(failedOrDown <= CAPS.max_unavailable, `tick ${t}: ${failedOrDown} unavailable > ${CAPS.max_unavailable}`);
    for (const [key, cap] of [['area', CAPS.max_parallel_per_area], ['site', CAPS.max_parallel_per_site], ['nat_group', CAPS.max_parallel_per_nat_group]] as const) {
      const counts = new Map<string, number>();
      for (const n of inFlight) counts.set(n[key], (counts.get(n[key]) ?? 0) + 1);
      for (const [v, c] of counts) assert.ok(c <= cap, `tick ${t}: ${c} nodes in flight in ${key} ${v} > ${cap}`);
    }
    // Every lease the file holds is for a node the journal shows holding it.
    for (const l of file.leases) assert.equal(file.journal[l.node]?.lease, l.id, `tick ${t}: lease ${l.id} not in the journal`);
  });
}

function states(file: RolloutFileJson): Record<string, number> {
  const out: Record<string, number> = {};
  for (const l of Object.values(file.journal)) out[l.state] = (out[l.state] ?? 0) + 1;
  return out;
}

test('200 simulated nodes complete a rolling update with every limit held at every tick', async () => {
  const run = await startRun('rolling');
  for (let t = 0; t < 20; t++) {
    const file = await run.tick();
    if ((states(file).healthy ?? 0) === N) break;
  }
  // One more tick: the reconciler sees the last reports.
  const last = await run.tick();
  assertLimitsHeld(run);
  assert.equal(states(last).healthy, N, JSON.stringify(states(last)));
  for (const n of run.nodes) {
    assert.equal(run.agents.installed(n.id), '2.0.0');
    assert.equal(run.agents.applications(n.id), 1, `${n.id} applied once`);
  }
  // The leases came in waves no larger than the cap, and the epoch grew with each.
  const epochs = run.timeline.map((f) => f.epoch);
  assert.deepEqual(epochs, [...epochs].sort((a, b) => a - b));
  assert.ok(run.timeline.length >= N / CAPS.max_parallel, `${run.timeline.length} ticks`);
});

test('injected failures halt the rollout at the failure-rate threshold', async () => {
  const run = await startRun('failing');
  // Every third node fails its health check on the new version, and rolls back.
  run.nodes.forEach((n, i) => i % 3 === 0 && run.agents.setFault(n.id, { fail: true }));
  let haltedAt = -1;
  for (let t = 0; t < 12 && haltedAt < 0; t++) {
    const s = states(await run.tick());
    const finished = (s.healthy ?? 0) + (s.rolled_back ?? 0) + (s.aborted ?? 0);
    const failed = (s.rolled_back ?? 0) + (s.aborted ?? 0);
    if (finished >= CAPS.failure_rate_stop.min_executed && failed / finished > CAPS.failure_rate_stop.max_rate) haltedAt = t;
  }
  assert.ok(haltedAt >= 0, 'the failure rate crossed the threshold');
  // From the tick the rate is crossed on, nothing more is leased.
  const leasedAt = (f: RolloutFileJson) => new Set(Object.entries(f.journal).filter(([, l]) => l.lease !== null).map(([id]) => id));
  const before = leasedAt(run.timeline[haltedAt]!);
  for (let k = 0; k < 2; k++) await run.tick();
  const after = leasedAt(run.timeline.at(-1)!);
  assert.deepEqual([...after].filter((id) => !before.has(id)), [], 'no lease after the halt');
  assertLimitsHeld(run);
  const plan = await cliAsync(['plan', '--intent', SIM_INTENT, '--format', 'json'], { cwd: run.reconciler, env: run.env });
  const halted = plan.json<{ rollouts: Array<{ halted: { code: string } | null }> }>().rollouts[0]?.halted;
  assert.ok(halted, plan.stdout.slice(0, 1000));
  const s = states(run.timeline.at(-1)!);
  assert.ok((s.healthy ?? 0) < N && (s.rolled_back ?? 0) > 0, JSON.stringify(s));
  for (const n of run.nodes) assert.ok(run.agents.applications(n.id) <= 2, `${n.id}: one apply and at most one rollback`);
  void FAILED;
});

test('abort mid-way: nothing more is granted, leases not started are revoked', async () => {
  const run = await startRun('aborting');
  await run.tick();
  await run.tick();
  const leasedBefore = Object.values(run.timeline.at(-1)!.journal).filter((l) => l.lease !== null).length;
  assert.ok(leasedBefore > 0 && leasedBefore < N, `${leasedBefore} leased before the abort`);
  await runGit(['pull', '-q', '--ff-only'], { cwd: run.reconciler });
  const abort = await cliAsync(['rollout', 'abort', SIM_INTENT], { cwd: run.reconciler, env: run.env });
  assert.equal(abort.code, 0, abort.stderr + abort.stdout);
  for (let k = 0; k < 3; k++) await run.tick();
  const files = run.timeline.slice(2);
  for (const f of files) {
    assert.equal(f.control, 'aborted');
    assert.equal(Object.values(f.journal).filter((l) => l.lease !== null).length <= leasedBefore, true, 'no lease after the abort');
  }
  assertLimitsHeld(run);
  const applied = run.nodes.filter((n) => run.agents.applications(n.id) > 0).length;
  assert.ok(applied <= leasedBefore, `${applied} nodes applied, ${leasedBefore} had a lease before the abort`);
});
