/**
 * The node agent's cycle, against a baseline measured in the same run:
 *
 *   npm run -s build && node dist/scripts/bench-agent.js [--nodes 200]
 *
 * One cycle per node of a synthetic fleet (scripts/sim/simFleet.ts: one
 * signed rolling intent over every node, no lease yet, so every cycle ends
 * blocked) from one parsed snapshot, through the real cycle (src/agent/
 * agentCycle.ts: trust chain, intents, leases, journal, report), with the
 * fetch and the commands left out. The first round creates each journal and
 * records a report; the second finds nothing changed. Each with the journal
 * as `fleethub agent` keeps it (opened per cycle, synchronous = FULL) and as
 * the simulations do (kept open, synchronous = OFF). Baseline: the trust
 * verification alone (verifyFleetTrust) as many times, after as many to warm
 * up. The sim journals are created before the clock starts.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scriptArgs, wholeNumber } from './scriptArgs.js';
import { agentCycle } from '../src/agent/agentCycle.js';
import type { AgentIo } from '../src/agent/agentIo.js';
import { agentReads } from '../src/agent/agentReads.js';
import { openAgentJournal, type AgentJournal } from '../src/agent/openAgentJournal.js';
import type { FleetSnapshot } from '../src/agent/readFleetSnapshot.js';
import { readFleetView } from '../src/agent/readFleetView.js';
import { parsePinnedRoot } from '../src/trust/parsePinnedRoot.js';
import { verifyFleetTrust } from '../src/trust/verifyFleetTrust.js';
import { simFleetFiles, simNodes } from './sim/simFleet.js';

const USAGE = 'usage: node dist/scripts/bench-agent.js [--nodes 200]';
const { values } = scriptArgs(USAGE, { options: { nodes: { type: 'string' } } });
const n = wholeNumber(USAGE, 'nodes', values.nodes, 200);
const pinFile = fileURLToPath(new URL('../../test/fixtures/keys/trust-root.json', import.meta.url));
const pin = parsePinnedRoot(readFileSync(pinFile, 'utf8'), pinFile);
const nodes = simNodes(n, 5);
const files = simFleetFiles(nodes, { max_parallel: 80, max_parallel_per_area: 20, max_parallel_per_site: 2, max_parallel_per_nat_group: 2, max_unavailable: 80, failure_rate_stop: { max_rate: 0.25, min_executed: 20 } }, new Date());
const snapshot: FleetSnapshot = { commit: 'bench', files: new Map(Object.entries(files).filter(([p]) => agentReads(p)).sort()), fileVersions: () => ({ available: true, versions: [] }) };
const view = readFleetView(snapshot, pin);
const io: AgentIo = {
  now: () => new Date(),
  fetch: async () => ({ url: 'bench', shown: 'bench', branch: 'main', snapshot }),
  view: () => view,
  startApply: async () => {
    throw new Error('no lease: nothing is applied');
  },
  health: async () => null,
  processAlive: () => false,
  commandStarted: () => false,
  sleep: async () => {},
  record: async () => {},
  relay: async () => ({ ok: true }),
};
const dir = mkdtempSync(join(tmpdir(), 'fleethub-bench-agent-'));
const kept = new Map<string, AgentJournal>(nodes.map((x) => [x.id, openAgentJournal(join(dir, 'kept', x.id), { durable: false })]));
const figures: Record<string, number> = {};
try {
  const verify = () => verifyFleetTrust({ pin, trustVersions: view.trustVersions, intents: view.intents, nodes: view.nodes, caps: view.caps, ratchet: view.ratchet, now: new Date() });
  for (let i = 0; i < n; i++) verify(); // warm-up
  const t0 = performance.now();
  for (let i = 0; i < n; i++) verifyFleetTrust({ pin, trustVersions: view.trustVersions, intents: view.intents, nodes: view.nodes, caps: view.caps, ratchet: view.ratchet, now: new Date() });
  figures.verify_ms = (performance.now() - t0) / n;
  for (const round of ['first', 'steady'] as const) {
    for (const mode of ['cli', 'sim'] as const) {
      const t = performance.now();
      for (const x of nodes) await agentCycle({ node: x.id, stateDir: join(dir, mode, x.id), pin, ...(mode === 'sim' ? { journal: kept.get(x.id)! } : {}) }, io);
      figures[`${round}_${mode}_ms`] = (performance.now() - t) / n;
    }
  }
} finally {
  for (const j of kept.values()) j.close();
  rmSync(dir, { recursive: true, force: true });
}
const row = (label: string, key: string): string => `${label.padEnd(62)} ${figures[key]!.toFixed(2).padStart(7)} ms  ${(figures[key]! / figures.verify_ms!).toFixed(1).padStart(5)}x`;
console.log(`agent cycle, ${n} nodes, per cycle (ratio to the trust verification alone)`);
console.log(row('baseline: verifyFleetTrust alone', 'verify_ms'));
console.log(row('first cycle, fleethub agent journal (FULL, opened per cycle)', 'first_cli_ms'));
console.log(row('first cycle, simulation journal (OFF, kept open)', 'first_sim_ms'));
console.log(row('steady cycle, fleethub agent journal', 'steady_cli_ms'));
console.log(row('steady cycle, simulation journal', 'steady_sim_ms'));
console.log(JSON.stringify({ agent: { nodes: n, ...figures } }));
