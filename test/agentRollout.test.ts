/**
 * End to end (issue 12): a real Git server on loopback, the reconciler run
 * tick by tick as `fleethub reconcile --push` (the CLI's main(), as
 * bin/fleethub.js runs it, signing leases with the demo
 * FLEETHUB_ORCHESTRATOR_KEY and pushing over HTTP), and simulated agents for
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
 * read back from upstream after every tick): 200 nodes complete a rolling
 * update with every limit held at every tick; injected failures halt it at
 * the failure-rate threshold; an abort mid-way grants nothing more, and the
 * nodes whose lease had not started apply nothing. The last two run on 60
 * nodes (the same caps and waves) to keep the file's time
 * down; what they check does not depend on the fleet's size.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { checkout, runGit, upstreamFile } from '../scripts/git-server/fleetUpstream.js';
import { simulatedAgents, type SimulatedAgents } from '../scripts/sim/simulatedAgents.js';
import { parseYaml } from '../src/records/parseYaml.js';
import { parsePinnedRoot } from '../src/trust/parsePinnedRoot.js';
import { KEYS } from './helpers/agentFleet.js';
import { cliInProcess, DEMO_TRUST_ROOT, tempDir } from './helpers/fleet.js';
import { gitServerSuite } from './helpers/gitServerSuite.js';
import { SIM_INTENT, simFleetFiles, simNodes, type RolloutCaps, type SimNode } from './helpers/rolloutFleet.js';
import { readFileSync } from 'node:fs';

const suite = gitServerSuite();
const N = 200;
const HALF = 60;
const CAPS: RolloutCaps = {
  max_parallel: 80,
  max_parallel_per_area: 20,
  max_parallel_per_site: 2,
  max_parallel_per_nat_group: 2,
  max_unavailable: 80,
  failure_rate_stop: { max_rate: 0.25, min_executed: 20 },
};
const IN_FLIGHT = new Set(['leased', 'staged', 'applying']);

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
  /** One reconcile tick alone (`fleethub reconcile --push`); the rollout file it left upstream. */
  reconcile(): Promise<RolloutFileJson>;
  reconciler: string;
  env: Record<string, string>;
}

async function startRun(name: string, n: number): Promise<Run> {
  const nodes = simNodes(n, 5);
  await suite.server.createRepo(name, { files: simFleetFiles(nodes, CAPS, new Date()) });
  const url = suite.server.url(name);
  const reconciler = suite.keep(await checkout(url, { name: 'Reconciler', email: 'reconciler@fleet.invalid' }));
  const agents = simulatedAgents({ nodes: nodes.map((n) => n.id), stateDir: suite.keep(tempDir('fleethub-sim-agents-')), remote: url, pin: parsePinnedRoot(readFileSync(DEMO_TRUST_ROOT, 'utf8'), DEMO_TRUST_ROOT), initial: '1.0.0' });
  const env = { FLEETHUB_ORCHESTRATOR_KEY: join(KEYS, 'orchestrator-2026a.key') };
  after(() => agents.close());
  const timeline: RolloutFileJson[] = [];
  // Every agent reports first (blocked: no lease yet): a node whose agent never reported is not leased.
  const first = await agents.tick();
  assert.equal(first.relayed, n, 'every agent reported once');
  const reconcile = async (): Promise<RolloutFileJson> => {
    await runGit(['pull', '-q', '--ff-only'], { cwd: reconciler });
    const r = await cliInProcess(['reconcile', '--push', '--fail-on', 'none', '--format', 'json'], { cwd: reconciler, env });
    assert.equal(r.code, 0, r.stderr + r.stdout.slice(0, 2000));
    const text = await upstreamFile(suite.server, name, `status/rollouts/${SIM_INTENT}.yaml`);
    assert.ok(text !== null, `the reconciler wrote no rollout file: ${r.stdout.slice(0, 2000)}`);
    const parsed = parseYaml(text);
    assert.ok(parsed.ok);
    const file = parsed.data as RolloutFileJson;
    timeline.push(file);
    return file;
  };
  return {
    nodes,
    agents,
    timeline,
    reconciler,
    env,
    reconcile,
    async tick() {
      const file = await reconcile();
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
  const run = await startRun('rolling', N);
  // Until a reconcile tick reads every node's healthy report.
  let last = await run.tick();
  for (let t = 0; t < 12 && (states(last).healthy ?? 0) < N; t++) last = await run.tick();
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
  const run = await startRun('failing', HALF);
  // Every third node fails its health check on the new version, and rolls back.
  run.nodes.forEach((n, i) => i % 3 === 0 && run.agents.setFault(n.id, { fail: true }));
  const crossed = (f: RolloutFileJson): boolean => {
    const s = states(f);
    const failed = (s.rolled_back ?? 0) + (s.aborted ?? 0);
    const finished = failed + (s.healthy ?? 0);
    return finished >= CAPS.failure_rate_stop.min_executed && failed / finished > CAPS.failure_rate_stop.max_rate;
  };
  const leased = (f: RolloutFileJson): Set<string> => new Set(Object.entries(f.journal).filter(([, l]) => l.lease !== null).map(([id]) => id));
  for (let t = 0; t < 8 && !run.timeline.some(crossed); t++) await run.tick();
  const at = run.timeline.findIndex(crossed);
  assert.ok(at >= 0, 'the failure rate crossed the threshold');
  // Until the rate is crossed, leases go on being granted; from that tick on, not one more.
  assert.ok(at === 0 || run.timeline.slice(0, at).every((f) => leased(f).size > 0));
  await run.tick();
  await run.tick();
  const grantedAfter = run.timeline.slice(at).flatMap((f) => [...leased(f)].filter((id) => !leased(run.timeline[at]!).has(id)));
  assert.deepEqual(grantedAfter, [], 'no lease after the halt');
  assertLimitsHeld(run);
  const plan = await cliInProcess(['plan', '--intent', SIM_INTENT, '--format', 'json'], { cwd: run.reconciler, env: run.env });
  const halted = plan.json<{ rollouts: Array<{ halted: { code: string } | null }> }>().rollouts[0]?.halted;
  assert.equal(halted?.code, 'rollout-failure-rate', plan.stdout.slice(0, 1000));
  const s = states(run.timeline.at(-1)!);
  assert.ok((s.rolled_back ?? 0) > 0 && (s.blocked ?? 0) > 0, JSON.stringify(s));
  for (const n of run.nodes) {
    const failing = Number(n.id.slice(1)) % 3 === 0;
    const applied = run.agents.applications(n.id);
    assert.ok(applied === 0 || applied === (failing ? 2 : 1), `${n.id}: ${applied} applications (one apply, and one rollback when it fails)`);
    if (applied > 0) assert.equal(run.agents.installed(n.id), failing ? '1.0.0' : '2.0.0');
  }
});

test('abort mid-way: nothing more is granted; the nodes whose lease had not started apply nothing', async () => {
  const run = await startRun('aborting', HALF);
  await run.tick();
  // The second wave is leased; the operator aborts before those agents run.
  const wave = await run.reconcile();
  const waiting = Object.entries(wave.journal).filter(([, l]) => l.state === 'leased').map(([id]) => id);
  assert.ok(waiting.length > 0, 'a wave leased and not started');
  await runGit(['pull', '-q', '--ff-only'], { cwd: run.reconciler });
  const abort = await cliInProcess(['rollout', 'abort', SIM_INTENT], { cwd: run.reconciler, env: run.env });
  assert.equal(abort.code, 0, abort.stderr + abort.stdout);
  await run.agents.tick();
  for (let k = 0; k < 2; k++) await run.tick();
  const leasedBefore = new Set(Object.entries(wave.journal).filter(([, l]) => l.lease !== null).map(([id]) => id));
  for (const f of run.timeline.slice(2)) {
    assert.equal(f.control, 'aborted');
    for (const id of waiting) {
      assert.ok(!f.leases.some((l) => l.node === id), `${id}'s lease, not started, is no longer held`);
      assert.ok(f.revoked.some((r) => r.node === id), `${id}'s lease is revoked`);
    }
    const newly = Object.entries(f.journal).filter(([id, l]) => l.lease !== null && !leasedBefore.has(id));
    assert.deepEqual(newly, [], 'nothing more is granted');
  }
  for (const id of waiting) {
    assert.equal(run.agents.applications(id), 0, `${id} applied nothing after the abort`);
    assert.equal(run.timeline.at(-1)!.journal[id]?.state, 'aborted', `${id} reports aborted`);
  }
  assertLimitsHeld(run);
});
