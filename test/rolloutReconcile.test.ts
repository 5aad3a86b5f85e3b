/**
 * The rollout step end to end through the real CLI on a copy of the bundled
 * fleet: agents' reports in status/agents/, leases signed with the demo
 * orchestrator key into status/rollouts/<intent>.yaml by reconcile --write
 * (verified with verifyLease against the real trust chain), byte-steady
 * reruns, the journal following the reports, --push into the real outbox,
 * the keyless path (one warning, no lease), an untrusted key refused,
 * unreadable files reported and left alone, and the operator's pause, abort
 * and resume — resume refused over a signed pause.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { parse as yamlParse } from 'yaml';
import { parseRolloutFile } from '../src/rollout/parseRolloutFile.js';
import { verifyLease } from '../src/rollout/verifyLease.js';
import type { RolloutFile } from '../src/rollout/leaseTypes.js';
import { parsePinnedRoot } from '../src/trust/parsePinnedRoot.js';
import { verifyTrustChain } from '../src/trust/verifyTrustChain.js';
import { cliInProcess as cli, copyExampleFleet, DEMO_TRUST_ROOT, removeDir, REPO } from './helpers/fleet.js';
import { ROLLOUT_CODES } from './helpers/rolloutCodes.js';

const INTENT = 'rap-node-agent-0.2.332-home-test';
const FILE = `status/rollouts/${INTENT}.yaml`;
const dirs: string[] = [];
after(() => dirs.forEach(removeDir));

function fleet(agents: readonly string[] = ['home-1', 'home-2', 'test-1', 'test-2']): string {
  const dir = copyExampleFleet({ status: true });
  dirs.push(dir);
  for (const n of agents) report(dir, n, {});
  return dir;
}

function report(dir: string, node: string, reports: Record<string, unknown>): void {
  mkdirSync(join(dir, 'status', 'agents'), { recursive: true });
  writeFileSync(join(dir, 'status', 'agents', `${node}.json`), JSON.stringify({ node, agent_version: '0.1.0', installed: {}, reports }));
}

function rolloutFile(dir: string): RolloutFile {
  const parsed = parseRolloutFile(readFileSync(join(dir, FILE), 'utf8'));
  assert.ok(parsed.ok, JSON.stringify(parsed));
  return parsed.file;
}

interface Json {
  findings: Array<{ code: string; severity: string; message: string; file: string; line: number; column: number }>;
  changes: Array<{ path: string }>;
  events?: string[];
}

const chain = verifyTrustChain(parsePinnedRoot(readFileSync(DEMO_TRUST_ROOT, 'utf8'), 'pin'), [
  { file: 'policies/trust.yaml', commit: '', data: yamlParse(readFileSync(join(REPO, 'policies', 'trust.yaml'), 'utf8')) as Record<string, unknown>, locate: () => ({ line: 1, col: 1 }) },
]);
const produced = new Set<string>();
const codes = (j: Json): string[] => {
  const c = j.findings.map((f) => f.code);
  c.forEach((x) => produced.add(x));
  return c;
};

describe('the rollout step', () => {
  it('leases the first canary to an ACTIVE node whose agent reported, signed so verifyLease accepts it; a rerun changes nothing', async () => {
    const dir = fleet();
    const r = await cli(['reconcile', '--write', '--fail-on', 'none', '--format', 'json', '--root', dir]);
    assert.equal(r.code, 0, r.stderr);
    assert.ok(r.json<Json>().changes.some((c) => c.path === FILE));
    const f = rolloutFile(dir);
    assert.equal(f.epoch, 1);
    assert.equal(f.control, 'active');
    // canary_count 2 but max_unavailable 1: one canary now; home-1 and home-2 serve critical roles and wait.
    assert.deepEqual(f.leases.map((l) => l.node), ['test-1']);
    assert.ok(chain.ok);
    const digest = f.intent_digest;
    const v = verifyLease(f.leases[0], { chain, intent: { id: INTENT, version: 1, digest }, node: 'test-1', now: new Date(), highestEpochSeen: 0 });
    assert.deepEqual(v, { ok: true });
    assert.equal(f.journal.get('test-1')?.state, 'leased');
    // Nothing else changed: a rerun writes nothing, a check finds no drift.
    const before = readFileSync(join(dir, FILE), 'utf8');
    const again = await cli(['reconcile', '--check', '--fail-on', 'none', '--format', 'json', '--root', dir]);
    assert.equal(again.code, 0, again.stdout);
    assert.deepEqual(again.json<Json>().changes, []);
    assert.equal(readFileSync(join(dir, FILE), 'utf8'), before);
    assert.equal(codes(again.json<Json>()).includes('orchestrator-key-missing'), false);
  });

  it('follows the agents: applying, then healthy (its lease spent); the next canary goes to another node; a stale report is ignored', async () => {
    const dir = fleet();
    await cli(['reconcile', '--write', '--fail-on', 'none', '--root', dir]);
    const lease = rolloutFile(dir).leases[0]!;
    const t1 = new Date().toISOString();
    report(dir, 'test-1', { [INTENT]: { state: 'applying', lease: lease.id, version: 1, reason: null, reported_at: t1 } });
    await cli(['reconcile', '--write', '--fail-on', 'none', '--root', dir]);
    let f = rolloutFile(dir);
    assert.equal(f.journal.get('test-1')?.state, 'applying');
    assert.equal(f.journal.get('test-1')?.reported_at, t1);
    assert.deepEqual(f.leases.map((l) => l.node), ['test-1'], 'max_unavailable 1: nothing more while test-1 applies');
    // A report naming another lease (a forged or old one) does not move the journal.
    report(dir, 'test-2', { [INTENT]: { state: 'healthy', lease: `${INTENT}/test-2/9`, version: 1, reason: null, reported_at: t1 } });
    const t2 = new Date(Date.now() + 1000).toISOString();
    report(dir, 'test-1', { [INTENT]: { state: 'healthy', lease: lease.id, version: 1, reason: null, reported_at: t2 } });
    await cli(['reconcile', '--write', '--fail-on', 'none', '--root', dir]);
    f = rolloutFile(dir);
    assert.equal(f.journal.get('test-1')?.state, 'healthy');
    assert.equal(f.journal.get('test-2')?.state, 'leased', 'the second canary, leased by this tick; its fake healthy report was ignored');
    assert.deepEqual(f.leases.map((l) => l.node), ['test-2']);
    assert.equal(f.epoch, 2);
    assert.equal(f.leases[0]!.epoch, 2);
    // The board: progress by area and state, the next wave.
    const board = readFileSync(join(dir, 'status', 'BOARD.md'), 'utf8');
    const section = board.slice(board.indexOf(`### ${INTENT} (version 1)`));
    assert.match(section, /^### rap-node-agent-0\.2\.332-home-test \(version 1\): running\n/);
    assert.match(section, /\| area \| nodes \| healthy \| leased \| not started \|\n\| --- \| --- \| --- \| --- \| --- \|\n\| home \| 2 \| 0 \| 0 \| 2 \|\n\| test \| 2 \| 1 \| 1 \| 0 \|/);
    assert.match(section, /Next wave: none\./);
  });

  it('a failed canary halts the rollout: nothing more is leased, and the board says why', async () => {
    const dir = fleet();
    await cli(['reconcile', '--write', '--fail-on', 'none', '--root', dir]);
    const lease = rolloutFile(dir).leases[0]!;
    report(dir, 'test-1', { [INTENT]: { state: 'rolled_back', lease: lease.id, version: 1, reason: 'health check failed: exit 1', reported_at: new Date().toISOString() } });
    const r = await cli(['reconcile', '--write', '--fail-on', 'none', '--format', 'json', '--root', dir]);
    assert.equal(r.code, 0);
    const f = rolloutFile(dir);
    assert.deepEqual(f.leases, []);
    assert.equal(f.journal.get('test-1')?.reason, 'health check failed: exit 1');
    const board = readFileSync(join(dir, 'status', 'BOARD.md'), 'utf8');
    assert.match(board, /### rap-node-agent-0\.2\.332-home-test \(version 1\): \*\*halted\*\*\n\nControl: operator active, signed run; epoch 1\.\n\n\*\*Halted\*\* \(`rollout-canary-failed`\): canary test-1 failed\n/);
    assert.match(board, /Waiting: 3 `rollout-halted`\./);
    const plan = await cli(['plan', '--intent', INTENT, '--format', 'json', '--root', dir]);
    assert.deepEqual(plan.json<{ rollouts: Array<{ halted: unknown }> }>().rollouts[0]!.halted, { code: 'rollout-canary-failed', message: 'canary test-1 failed' });
  });

  it('--push records the rollout file in the real outbox, and the relay lands it (here: the working tree, no upstream)', async () => {
    const dir = fleet();
    const r = await cli(['reconcile', '--push', '--fail-on', 'none', '--format', 'json', '--root', dir]);
    const events = r.json<Json>().events ?? [];
    assert.ok(events.length > 0, r.stdout);
    const list = await cli(['outbox', 'list', '--all', '--format', 'json', '--root', dir]);
    const listed = list.json<{ counts: { applied: number }; events: Array<{ id: string; type: string; what?: string; description?: string }> }>();
    assert.equal(listed.counts.applied, events.length, list.stdout);
    assert.deepEqual(rolloutFile(dir).leases.map((l) => l.node), ['test-1']);
  });

  it('without FLEETHUB_ORCHESTRATOR_KEY: plans, issues no lease, warns once; no warning when nothing would be granted', async () => {
    const dir = fleet();
    const r = await cli(['reconcile', '--write', '--fail-on', 'none', '--format', 'json', '--root', dir], { env: { FLEETHUB_ORCHESTRATOR_KEY: '' } });
    const c = codes(r.json<Json>());
    assert.equal(c.filter((x) => x === 'orchestrator-key-missing').length, 1);
    assert.match(r.json<Json>().findings.find((f) => f.code === 'orchestrator-key-missing')!.message, /test-1/);
    assert.equal(existsSync(join(dir, FILE)), false, 'nothing started, no file');
    const plan = await cli(['plan', '--intent', INTENT, '--format', 'json', '--root', dir], { env: { FLEETHUB_ORCHESTRATOR_KEY: '' } });
    assert.deepEqual(plan.json<{ rollouts: Array<{ grants: string[] }> }>().rollouts[0]!.grants, ['test-1']);
    // The bundled fleet: no agent has reported, so nothing would be granted and nothing is said.
    const bare = fleet([]);
    const b = await cli(['reconcile', '--fail-on', 'none', '--format', 'json', '--root', bare], { env: { FLEETHUB_ORCHESTRATOR_KEY: '' } });
    assert.equal(codes(b.json<Json>()).includes('orchestrator-key-missing'), false);
  });

  it('refuses a key that trust.yaml does not give the orchestrator role (exit 2, nothing written)', async () => {
    const dir = fleet();
    const r = await cli(['reconcile', '--write', '--format', 'json', '--root', dir], { env: { FLEETHUB_ORCHESTRATOR_KEY: join(REPO, 'test', 'fixtures', 'keys', 'release-manager-2026a.pem') } });
    assert.equal(r.code, 2);
    assert.equal(r.json<{ error: { code: string } }>().error.code, 'orchestrator-key-untrusted');
    assert.equal(existsSync(join(dir, FILE)), false);
    // The key is read only when something would be signed: with no agent reporting, the same key is never looked at.
    const quiet = await cli(['reconcile', '--fail-on', 'none', '--format', 'json', '--root', fleet([])], { env: { FLEETHUB_ORCHESTRATOR_KEY: join(REPO, 'test', 'fixtures', 'keys', 'release-manager-2026a.pem') } });
    assert.equal(quiet.code, 0, quiet.stdout);
  });

  it('reports an unreadable rollout file at its line and leaves it alone; an unreadable agent file is a warning and its node gets nothing', async () => {
    const dir = fleet();
    await cli(['reconcile', '--write', '--fail-on', 'none', '--root', dir]);
    const broken = readFileSync(join(dir, FILE), 'utf8').replace('control: active', 'control: sideways');
    writeFileSync(join(dir, FILE), broken);
    writeFileSync(join(dir, 'status', 'agents', 'test-2.json'), '{"node": "test-2", "reports": {"x": {"state": "dancing"}}}');
    const r = await cli(['reconcile', '--write', '--fail-on', 'none', '--format', 'json', '--root', dir]);
    const j = r.json<Json>();
    codes(j);
    const bad = j.findings.find((f) => f.code === 'rollout-file-unreadable')!;
    assert.equal(bad.file, FILE);
    assert.equal(bad.line, broken.split('\n').findIndex((l) => l.startsWith('control:')) + 1);
    assert.equal(readFileSync(join(dir, FILE), 'utf8'), broken);
    assert.equal(j.findings.find((f) => f.code === 'agent-report-unreadable')?.file, 'status/agents/test-2.json');

    // The commands that act on the rollout name the intent and the file, never "no update intent".
    const at = `${FILE}:${bad.line}:${bad.column}`;
    const plan = await cli(['plan', '--intent', INTENT, '--format', 'json', '--root', dir]);
    assert.equal(plan.code, 1, plan.stdout + plan.stderr);
    assert.deepEqual(plan.json<{ rollouts: unknown[]; findings: Array<{ code: string }> }>().findings.filter((f) => f.code === 'rollout-file-unreadable').length, 1);
    const status = await cli(['rollout', 'status', INTENT, '--root', dir]);
    assert.equal(status.code, 1, status.stdout + status.stderr);
    assert.match(status.stdout, new RegExp(`no rollout planned while ${FILE} cannot be read[\\s\\S]*${at.replace(/[.]/g, '\\.')}: error\\[rollout-file-unreadable\\]`));
    const pause = await cli(['rollout', 'pause', INTENT, '--format', 'json', '--root', dir], { env: { FLEETHUB_ORCHESTRATOR_KEY: '' } });
    assert.equal(pause.code, 2, pause.stdout + pause.stderr);
    const e = pause.json<{ error: { code: string; message: string } }>().error;
    assert.equal(e.code, 'rollout-file-unreadable');
    assert.ok(e.message.startsWith(`${at}: cannot act on ${INTENT}: `), e.message);
    assert.equal(readFileSync(join(dir, FILE), 'utf8'), broken, 'nothing recorded over it');
    assert.match((await cli(['rollout', 'status', 'no-such-intent', '--root', dir])).stderr, new RegExp(`no update intent 'no-such-intent' in registry/intents/ \\(known: [^)]*${INTENT}`), 'the unreadable intent is among the known');
    const board = readFileSync(join(dir, 'status', 'BOARD.md'), 'utf8');
    assert.match(board, new RegExp(`### ${INTENT}[^\\n]*: \\*\\*halted\\*\\*[\\s\\S]*?\\*\\*Halted\\*\\* \\(\`rollout-file-unreadable\`\\): ${at.replace(/[.]/g, '\\.')}`), 'the board keeps its row');
  });

  it('pause stops new leases, resume lifts it, abort revokes the lease not started; all without a key', async () => {
    const dir = fleet();
    await cli(['reconcile', '--write', '--fail-on', 'none', '--root', dir]);
    const noKey = { env: { FLEETHUB_ORCHESTRATOR_KEY: '' } };
    const p = await cli(['rollout', 'pause', INTENT, '--format', 'json', '--root', dir], noKey);
    assert.equal(p.code, 0, p.stdout + p.stderr);
    assert.equal(rolloutFile(dir).control, 'paused');
    assert.deepEqual(p.json<{ status: { files: string[] } }>().status.files, ['status/BOARD.md'], 'the board that shows the control goes with it');
    const check = await cli(['reconcile', '--check', '--fail-on', 'none', '--root', dir], noKey);
    assert.equal(check.code, 0, `the drift check passes after a pause: ${check.stdout}`);
    const plan = await cli(['plan', '--intent', INTENT, '--format', 'json', '--root', dir]);
    const rollout = plan.json<{ rollouts: Array<{ state: string; grants: string[]; waiting: Array<{ reason: string }> }> }>().rollouts[0]!;
    assert.equal(rollout.state, 'paused');
    assert.deepEqual(rollout.grants, []);
    assert.equal(rolloutFile(dir).leases.length, 1, 'pause lets the leased node keep its lease');
    assert.equal((await cli(['rollout', 'pause', INTENT, '--root', dir], noKey)).stdout.trim(), `${INTENT}: already paused, nothing recorded`);
    const res = await cli(['rollout', 'resume', INTENT, '--root', dir], noKey);
    assert.equal(res.code, 0, res.stdout + res.stderr);
    assert.equal(rolloutFile(dir).control, 'active');
    const a = await cli(['rollout', 'abort', INTENT, '--format', 'json', '--root', dir], noKey);
    assert.deepEqual(a.json<{ revoked: string[] }>().revoked, ['test-1']);
    const f = rolloutFile(dir);
    assert.equal(f.control, 'aborted');
    assert.deepEqual(f.leases, []);
    assert.deepEqual(f.revoked.map((r) => r.node), ['test-1']);
    assert.equal((await cli(['reconcile', '--check', '--fail-on', 'none', '--root', dir], noKey)).code, 0, 'and after an abort');
    const again = await cli(['rollout', 'resume', INTENT, '--format', 'json', '--root', dir], noKey);
    assert.equal(again.code, 2);
    assert.equal(again.json<{ error: { code: string } }>().error.code, 'rollout-resume-refused');
    // And the next reconcile, with the key, grants nothing.
    await cli(['reconcile', '--write', '--fail-on', 'none', '--root', dir]);
    assert.deepEqual(rolloutFile(dir).leases, []);
  });

  it('resume never overrides an intent signed with control: paused', async () => {
    const dir = fleet();
    const intentFile = join(dir, 'registry', 'intents', `${INTENT}.md`);
    writeFileSync(intentFile, readFileSync(intentFile, 'utf8').replace('control: run', 'control: paused').replace('version: 1', 'version: 2'));
    const s = await cli(['intent', 'sign', INTENT, '--key', join(REPO, 'test', 'fixtures', 'keys', 'release-manager-2026a.pem'), '--root', dir]);
    assert.equal(s.code, 0, s.stderr);
    await cli(['rollout', 'pause', INTENT, '--root', dir]);
    const r = await cli(['rollout', 'resume', INTENT, '--format', 'json', '--root', dir]);
    assert.equal(r.code, 2);
    const err = r.json<{ error: { code: string; message: string } }>().error;
    assert.equal(err.code, 'rollout-resume-refused');
    assert.match(err.message, /signed control: paused/);
    assert.equal(rolloutFile(dir).control, 'paused');
  });

  it('produced every rollout finding code', () => {
    for (const c of ROLLOUT_CODES) assert.ok(produced.has(c), `${c} not produced`);
  });
});
