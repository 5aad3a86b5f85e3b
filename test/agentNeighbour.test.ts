/**
 * The neighbour test (issue 12): a node behind NAT whose only remote is a
 * neighbour's copy of the fleet repository (another clone, served on
 * loopback by scripts/git-server/) receives a trusted intent through it and
 * applies nothing until its lease arrives the same way; a forged lease or a
 * tampered intent on the neighbour's copy is refused and reported `blocked`
 * with its code. The agent is `fleethub agent --once` through the CLI's
 * main() as bin/fleethub.js runs it, its apply and health real shell
 * commands; its reports land on the neighbour's copy through its own outbox
 * and the relay.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { checkout, runGit, upstreamFile } from '../scripts/git-server/fleetUpstream.js';
import { bundledFleetFiles, forgedLease, INTENT, INTENT_FILE, nodeCommands, orchestratorLease, pushFiles, rolloutFile } from './helpers/agentFleet.js';
import { cliInProcess, DEMO_TRUST_ROOT, tempDir } from './helpers/fleet.js';
import { gitServerSuite } from './helpers/gitServerSuite.js';

const suite = gitServerSuite();
const NODE = 'test-1';
const BEFORE = '0.2.325-updatehintwake';
const TARGET = '0.2.332-relaycertintentfix';
const ROLLOUT = `status/rollouts/${INTENT}.yaml`;

interface AgentJson {
  fetchedFrom: string | null;
  relayed: boolean;
  reports: Record<string, { state: string; lease: string | null; version: number; reason: string | null }>;
}

/** The neighbour pulls upstream into its copy (upstream wins where both changed a file) and serves the result. */
async function syncNeighbour(upstreamUrl: string, neighbourUrl: string): Promise<void> {
  const dir = suite.keep(await checkout(neighbourUrl, { name: 'Neighbour', email: 'neighbour@fleet.invalid' }));
  await runGit(['pull', '-q', '--no-rebase', '--no-edit', '-X', 'theirs', upstreamUrl, 'main'], { cwd: dir });
  await runGit(['push', '-q', 'origin', 'HEAD:main'], { cwd: dir });
}

test('a node whose only remote is a neighbour: the intent through it, nothing applied until the lease arrives the same way; a forged lease and a tampered intent are refused', async () => {
  const files = bundledFleetFiles();
  const intentText = files[INTENT_FILE]!;
  await suite.server.createRepo('fleet', { files });
  const upstreamUrl = suite.server.url('fleet');
  await suite.server.createRepo('neighbour', { files: { 'README.md': 'neighbour\n' } });
  const neighbourUrl = suite.server.url('neighbour');
  // The neighbour's copy starts as upstream's history (its own first commit replaced).
  const seed = suite.keep(await checkout(upstreamUrl, { name: 'Neighbour', email: 'neighbour@fleet.invalid' }));
  await runGit(['push', '-q', '--force', neighbourUrl, 'HEAD:main'], { cwd: seed });

  const dir = suite.keep(tempDir('fleethub-agent-node-'));
  const cmds = nodeCommands(dir, BEFORE);
  const stateDir = join(dir, 'state');
  const agent = async (): Promise<AgentJson> => {
    const r = await cliInProcess(['agent', '--node', NODE, '--remote', neighbourUrl, '--apply', cmds.apply, '--health', cmds.health, '--once', '--state-dir', stateDir, '--trust-root', DEMO_TRUST_ROOT, '--format', 'json'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr + r.stdout);
    return r.json<AgentJson>();
  };
  const neighbourReport = async () => JSON.parse((await upstreamFile(suite.server, 'neighbour', `status/agents/${NODE}.json`)) ?? 'null') as { reports: AgentJson['reports']; installed: Record<string, string> } | null;
  const soon = new Date(Date.now() + 30 * 60_000);

  // 1. The trusted intent arrives through the neighbour; no lease yet: blocked, nothing applied.
  let out = await agent();
  assert.equal(out.fetchedFrom, neighbourUrl);
  assert.equal(out.reports[INTENT]?.state, 'blocked');
  assert.match(out.reports[INTENT]!.reason!, /^lease-missing: /);
  assert.equal(existsSync(cmds.marker), false, 'nothing is applied without a lease');
  assert.equal(out.relayed, true);
  assert.equal((await neighbourReport())?.reports[INTENT]?.state, 'blocked', "the report reached the neighbour's copy");

  // 2. A lease the neighbour forged with a key of its own, under the orchestrator's key id: refused.
  await pushFiles(neighbourUrl, { [ROLLOUT]: rolloutFile([forgedLease({ intentText, node: NODE, epoch: 1, expires: soon }, 'own-key')]) }, 'a forged lease');
  out = await agent();
  assert.equal(out.reports[INTENT]?.state, 'blocked');
  assert.match(out.reports[INTENT]!.reason!, /^lease-signature-invalid: /);
  assert.equal(existsSync(cmds.marker), false);

  // 3. A lease signed by a real key of trust.yaml that is not an orchestrator's (the release manager's): refused.
  await pushFiles(neighbourUrl, { [ROLLOUT]: rolloutFile([forgedLease({ intentText, node: NODE, epoch: 2, expires: soon }, 'release-manager')]) }, 'a lease signed by the release manager');
  out = await agent();
  assert.match(out.reports[INTENT]!.reason!, /^lease-key-not-orchestrator: /);
  assert.equal(existsSync(cmds.marker), false);

  // 4. The orchestrator's real lease, with the intent tampered on the neighbour's copy (another version of the artifact): refused.
  const lease = orchestratorLease({ intentText, node: NODE, epoch: 3, expires: soon });
  const tampered = intentText.replace(`version: ${TARGET}`, 'version: 6.6.6-evil');
  assert.notEqual(tampered, intentText);
  await pushFiles(neighbourUrl, { [ROLLOUT]: rolloutFile([lease]), [INTENT_FILE]: tampered }, 'the intent tampered with');
  out = await agent();
  assert.equal(out.reports[INTENT]?.state, 'blocked');
  assert.match(out.reports[INTENT]!.reason!, /^intent-signature-invalid: /);
  assert.equal(existsSync(cmds.marker), false);
  await pushFiles(neighbourUrl, { [INTENT_FILE]: intentText }, 'the intent restored');

  // 5. The real lease is issued upstream; until the neighbour has it, the node still waits (the forged ones are still there).
  await pushFiles(upstreamUrl, { [ROLLOUT]: rolloutFile([lease]) }, 'the orchestrator leases test-1');
  await pushFiles(neighbourUrl, { [ROLLOUT]: rolloutFile([forgedLease({ intentText, node: NODE, epoch: 9, expires: soon }, 'own-key')]) }, 'a forged lease with a higher epoch');
  out = await agent();
  assert.match(out.reports[INTENT]!.reason!, /^lease-signature-invalid: /);
  assert.equal(existsSync(cmds.marker), false);

  // 6. The lease arrives through the neighbour: applied once, healthy, reported on the neighbour's copy.
  await syncNeighbour(upstreamUrl, neighbourUrl);
  out = await agent();
  assert.equal(out.reports[INTENT]?.state, 'healthy', JSON.stringify(out));
  assert.equal(out.reports[INTENT]?.lease, lease.id);
  assert.deepEqual(readFileSync(cmds.marker, 'utf8').trim().split('\n'), [`${TARGET} rollback=0 digest=sha256:4ccb49e60eeb0302f056944983a7f633115709810a3b35385e055519332c4145`]);
  const report = await neighbourReport();
  assert.equal(report?.reports[INTENT]?.state, 'healthy');
  assert.equal(report?.installed['rap-node-agent'], TARGET);

  // 7. Another cycle applies nothing more and relays nothing new.
  out = await agent();
  assert.equal(out.reports[INTENT]?.state, 'healthy');
  assert.equal(readFileSync(cmds.marker, 'utf8').trim().split('\n').length, 1);
  assert.equal(await upstreamFile(suite.server, 'fleet', `status/agents/${NODE}.json`), null, 'the node never spoke to upstream: only to its neighbour');
});
