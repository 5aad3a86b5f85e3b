/**
 * The node agent's refusals, each with its code (admitUpdates over the bundled
 * fleet's files, as a fetched snapshot): no pin, a lease edited to name
 * another node, an expired lease, an older epoch replayed, an older intent
 * version served by a copy, a revoked lease, an aborted rollout; then the
 * journal that is not a journal, and an agent whose remote is down (exit 1,
 * its report buffered in its outbox, relayed once the remote is back).
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { admitUpdates, type Admission } from '../src/agent/admitUpdates.js';
import { emptyJournal } from '../src/agent/emptyJournal.js';
import { openAgentJournal } from '../src/agent/openAgentJournal.js';
import { agentReads } from '../src/agent/agentReads.js';
import type { FleetSnapshot } from '../src/agent/readFleetSnapshot.js';
import { readFleetView } from '../src/agent/readFleetView.js';
import { AgentJournalCorruptError } from '../src/errors.js';
import { openOutbox } from '../src/outbox/openOutbox.js';
import { parsePinnedRoot } from '../src/trust/parsePinnedRoot.js';
import { runGit, upstreamFile } from '../scripts/git-server/fleetUpstream.js';
import { bundledFleetFiles, INTENT, INTENT_FILE, orchestratorLease, rolloutFile } from './helpers/agentFleet.js';
import { cliInProcess, DEMO_TRUST_ROOT, tempDir } from './helpers/fleet.js';
import { gitServerSuite } from './helpers/gitServerSuite.js';

const suite = gitServerSuite();
const NODE = 'test-1';
const PIN = parsePinnedRoot(readFileSync(DEMO_TRUST_ROOT, 'utf8'), DEMO_TRUST_ROOT);
const FILES = bundledFleetFiles();
const INTENT_TEXT = FILES[INTENT_FILE]!;
const NOW = new Date();
const SOON = new Date(NOW.getTime() + 30 * 60_000);

function snapshot(extra: Record<string, string> = {}): FleetSnapshot {
  const all = { ...FILES, ...extra };
  return { commit: 'c0ffee', files: new Map(Object.entries(all).filter(([p]) => agentReads(p)).sort()), fileVersions: () => ({ available: true, versions: [] }) };
}

function admit(extra: Record<string, string>, journal = emptyJournal(), pin: typeof PIN | null = PIN): Admission {
  const { admissions } = admitUpdates({ view: readFleetView(snapshot(extra), pin), pin, node: NODE, now: NOW, journal });
  const a = admissions.find((x) => x.intent === INTENT);
  assert.ok(a, `an admission for ${INTENT}: ${JSON.stringify(admissions.map((x) => x.intent))}`);
  return a;
}

function code(a: Admission): string {
  return a.kind === 'admitted' ? 'admitted' : `${a.kind}:${a.code}`;
}

const rollout = (leases: ReturnType<typeof orchestratorLease>[], extra: Record<string, unknown> = {}) => ({ [`status/rollouts/${INTENT}.yaml`]: rolloutFile(leases, extra) });

test('a valid lease is admitted; only intents that target the node are considered', () => {
  const lease = orchestratorLease({ intentText: INTENT_TEXT, node: NODE, epoch: 1, expires: SOON });
  const a = admit(rollout([lease]));
  assert.equal(code(a), 'admitted');
  assert.equal(a.kind === 'admitted' && a.artifact.version, '0.2.332-relaycertintentfix');
  const { admissions } = admitUpdates({ view: readFleetView(snapshot(), PIN), pin: PIN, node: 'node1', now: NOW, journal: emptyJournal() });
  assert.equal(admissions.some((x) => x.intent === INTENT), false, 'node1 (area daarion-eu) is not a target');
});

test('without a pinned root every intent is blocked: trust-not-pinned', () => {
  const lease = orchestratorLease({ intentText: INTENT_TEXT, node: NODE, epoch: 1, expires: SOON });
  assert.equal(code(admit(rollout([lease]), emptyJournal(), null)), 'blocked:intent-untrusted-root');
  assert.match((admit(rollout([lease]), emptyJournal(), null) as { message: string }).message, /trust-not-pinned|no trust root is pinned/);
});

test('a lease issued to another node, edited to name this one: lease-signature-invalid', () => {
  const other = orchestratorLease({ intentText: INTENT_TEXT, node: 'test-2', epoch: 1, expires: SOON });
  assert.equal(code(admit(rollout([{ ...other, node: NODE, id: `${INTENT}/${NODE}/1` }]))), 'blocked:lease-signature-invalid');
  // Not edited, it is simply not this node's: still waiting.
  assert.equal(code(admit(rollout([other]))), 'blocked:lease-missing');
});

test('an expired lease: lease-expired; nothing is applied under it', () => {
  const lease = orchestratorLease({ intentText: INTENT_TEXT, node: NODE, epoch: 1, expires: new Date(NOW.getTime() - 1000) });
  assert.equal(code(admit(rollout([lease]))), 'blocked:lease-expired');
});

test('an older lease replayed after a newer one was accepted: lease-epoch-rollback', () => {
  const lease = orchestratorLease({ intentText: INTENT_TEXT, node: NODE, epoch: 3, expires: SOON });
  const journal = { ...emptyJournal(), epochs: { [INTENT]: 5 } };
  assert.equal(code(admit(rollout([lease]), journal)), 'blocked:lease-epoch-rollback');
});

test('a copy serving an older intent version than this node acted on: intent-rollback (the agent keeps its own ratchet)', () => {
  const lease = orchestratorLease({ intentText: INTENT_TEXT, node: NODE, epoch: 1, expires: SOON });
  const journal = { ...emptyJournal(), accepted: { [INTENT]: { version: 2, digest: 'ab'.repeat(32) } } };
  assert.equal(code(admit(rollout([lease]), journal)), 'blocked:intent-rollback');
});

test('a revoked lease is not acted on; an aborted rollout reports aborted, naming the lease held', () => {
  const lease = orchestratorLease({ intentText: INTENT_TEXT, node: NODE, epoch: 1, expires: SOON });
  assert.equal(code(admit(rollout([lease], { revoked: [{ id: lease.id, node: NODE, reason: 'intent-aborted' }] }))), 'blocked:lease-revoked');
  const aborted = admit(rollout([lease], { control: 'aborted' }));
  assert.equal(code(aborted), 'aborted:rollout-aborted');
  assert.equal(aborted.kind === 'aborted' && aborted.lease, lease.id);
  // A paused rollout lets a node that holds its lease go on (it is in flight); one without a lease waits.
  assert.equal(code(admit(rollout([lease], { control: 'paused' }))), 'admitted');
  assert.equal(code(admit(rollout([], { control: 'paused' }))), 'blocked:rollout-paused');
});

test('a rollout file that does not parse leases nothing, and says where', () => {
  const a = admit({ [`status/rollouts/${INTENT}.yaml`]: 'leases: [\n' });
  assert.equal(code(a), 'blocked:rollout-file-invalid');
  assert.match((a as { message: string }).message, new RegExp(`status/rollouts/${INTENT}\\.yaml:\\d+:\\d+`));
});

test('a journal that is not a journal is an error naming it, and is never replaced', async () => {
  const dir = suite.keep(tempDir('fleethub-agent-journal-'));
  mkdirSync(join(dir, 'state'));
  writeFileSync(join(dir, 'state', 'journal.sqlite'), 'not a database, but maybe the only record of a rollback owed\n');
  assert.throws(() => openAgentJournal(join(dir, 'state')), (e: unknown) => e instanceof AgentJournalCorruptError && e.code === 'agent-journal-corrupt' && e.message.includes(join(dir, 'state', 'journal.sqlite')));
  const r = await cliInProcess(['agent', '--node', NODE, '--remote', '/nonexistent/fleet.git', '--apply', 'true', '--once', '--state-dir', join(dir, 'state')], { cwd: dir });
  assert.equal(r.code, 2);
  assert.match(r.stderr, /^fleethub agent: the agent's journal .*journal\.sqlite cannot be read/);
  assert.equal(readFileSync(join(dir, 'state', 'journal.sqlite'), 'utf8'), 'not a database, but maybe the only record of a rollback owed\n');
});

test('usage: --node, --remote and --apply are required; a bad --interval is refused', async () => {
  for (const [args, message] of [
    [['--remote', 'x', '--apply', 'true'], /give --node <id>/],
    [['--node', NODE, '--apply', 'true'], /give at least one --remote/],
    [['--node', NODE, '--remote', 'x'], /give --apply <cmd>/],
    [['--node', NODE, '--remote', 'x', '--apply', 'true', '--interval', 'soon'], /--interval 'soon' is not a duration/],
    [['--node', '../etc', '--remote', 'x', '--apply', 'true'], /is not a node id/],
    [['--node', NODE, '--remote', 'ftp://user:secret@example.invalid/fleet', '--apply', 'true'], /--remote ftp:\/\/(?!.*secret).* is not an address the agent can fetch from/],
  ] as const) {
    const r = await cliInProcess(['agent', ...args, '--once']);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, message);
  }
});

test('a --node the fetched fleet has no record of: exit 2 naming the node and the fleet\'s nodes, nothing applied, nothing reported upstream', async () => {
  await suite.server.createRepo('unknown-node', { files: FILES });
  const url = suite.server.url('unknown-node');
  const dir = suite.keep(tempDir('fleethub-agent-unknown-'));
  const marker = join(dir, 'applied');
  const r = await cliInProcess(['agent', '--node', 'home-l', '--remote', url, '--apply', `echo x >> '${marker}'`, '--once', '--state-dir', join(dir, 'state'), '--trust-root', DEMO_TRUST_ROOT], { cwd: dir });
  assert.equal(r.code, 2, r.stdout + r.stderr);
  assert.match(r.stderr, /^fleethub agent: --node home-l is not a node of the fleet fetched from .* there is no registry\/nodes\/home-l\.md; did you mean --node home-1\? Give the id of this node's record \(the fleet has coulombcore, .*\(16 in all\)\), or add its record first; nothing was applied or reported\n$/);
  assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
  assert.equal(existsSync(marker), false);
  assert.equal(await upstreamFile(suite.server, 'unknown-node', 'status/agents/home-l.json'), null, 'no report for a node nothing knows');
  const json = await cliInProcess(['agent', '--node', 'home-l', '--remote', url, '--apply', 'true', '--once', '--state-dir', join(dir, 'state'), '--trust-root', DEMO_TRUST_ROOT, '--format', 'json'], { cwd: dir });
  assert.equal(json.code, 2);
  assert.equal(json.json<{ error: { code: string; data: { known: string[] } } }>().error.code, 'agent-unknown-node');
  assert.ok(json.json<{ error: { data: { known: string[] } } }>().error.data.known.includes(NODE));
});

test('offline: no remote answers → exit 1, nothing applied, the report buffered in the outbox; relayed once the remote is back', async () => {
  await suite.server.createRepo('offline', { files: FILES });
  const url = suite.server.url('offline');
  const dir = suite.keep(tempDir('fleethub-agent-offline-'));
  const state = join(dir, 'state');
  const marker = join(dir, 'applied');
  const args = ['agent', '--node', NODE, '--remote', url, '--apply', `echo x >> '${marker}'`, '--once', '--state-dir', state, '--trust-root', DEMO_TRUST_ROOT, '--format', 'json'];
  await suite.server.stop();
  try {
    const offline = await cliInProcess(args, { cwd: dir });
    assert.equal(offline.code, 1, offline.stderr);
    assert.equal(offline.json<{ fetchedFrom: string | null }>().fetchedFrom, null);
    const outbox = openOutbox(state);
    try {
      assert.equal(outbox.counts().pending, 1, 'the agent\'s first report waits in its outbox');
      assert.equal(outbox.list('pending')[0]?.writer.name, NODE);
    } finally {
      outbox.close();
    }
  } finally {
    await suite.server.start();
  }
  const back = await cliInProcess(args, { cwd: dir });
  assert.equal(back.code, 0, back.stderr);
  const outbox = openOutbox(state);
  try {
    assert.deepEqual([outbox.counts().pending, outbox.counts().applied], [0, 2], 'both reports relayed');
  } finally {
    outbox.close();
  }
  assert.match((await upstreamFile(suite.server, 'offline', `status/agents/${NODE}.json`)) ?? '', /lease-missing/);
  assert.equal(existsSync(marker), false);
});

test('a long apply heartbeats: the node re-reports applying every half heartbeat_timeout while the apply runs; the apply gets the artifact, never the agent\'s token', async () => {
  const policy = FILES['policies/rollout.yaml']!.replace(/heartbeat_timeout: \S+/, 'heartbeat_timeout: 2s');
  assert.notEqual(policy, FILES['policies/rollout.yaml']);
  const lease = orchestratorLease({ intentText: INTENT_TEXT, node: NODE, epoch: 1, expires: SOON });
  await suite.server.createRepo('heartbeat', { files: { ...FILES, 'policies/rollout.yaml': policy, ...rollout([lease]) } });
  const dir = suite.keep(tempDir('fleethub-agent-heartbeat-'));
  const state = join(dir, 'state');
  const r = await cliInProcess(['agent', '--node', NODE, '--remote', suite.server.url('heartbeat'), '--apply', `env > '${join(dir, 'apply-env')}'; pwd > apply-cwd; sleep 3`, '--once', '--state-dir', state, '--trust-root', DEMO_TRUST_ROOT, '--format', 'json'], { cwd: dir, env: { FLEETHUB_TOKEN: 'sekrit-token-123' } });
  assert.equal(r.code, 0, r.stderr);
  const outbox = openOutbox(state);
  try {
    const applying = outbox
      .list()
      .map((e) => (e.type === 'status.file' ? (JSON.parse(e.payload.text) as { reports: Record<string, { state: string; reported_at: string }> }).reports[INTENT] : undefined))
      .filter((x) => x?.state === 'applying');
    assert.ok(applying.length >= 2, `applying reported ${applying.length} time(s)`);
    assert.equal(new Set(applying.map((x) => x!.reported_at)).size, applying.length, 'each with a later time');
  } finally {
    outbox.close();
  }
  const env = readFileSync(join(dir, 'apply-env'), 'utf8');
  for (const line of ['FLEETHUB_ARTIFACT=rap-node-agent', 'FLEETHUB_VERSION=0.2.332-relaycertintentfix', `FLEETHUB_LEASE=${lease.id}`, 'FLEETHUB_ROLLBACK=0', `FLEETHUB_NODE=${NODE}`]) assert.ok(env.split('\n').includes(line), line);
  assert.match(env, /^FLEETHUB_DIGEST=sha256:4ccb49e6/m);
  assert.match(env, /^FLEETHUB_MIRRORS=https:\/\/update-store\.fleet\.invalid\/\S+ https:\/\/update-cache/m);
  assert.doesNotMatch(env, /sekrit/, 'the agent\'s token is not in the apply\'s environment');
  assert.equal(readFileSync(join(dir, 'apply-cwd'), 'utf8').trim(), realpathSync(dir), 'the apply runs in the directory the agent was started in');
});

test('a --remote that is a local path is relative to the working directory; the reports are pushed into it', async () => {
  await suite.server.createRepo('local', { files: FILES });
  const dir = suite.keep(tempDir('fleethub-agent-local-'));
  await runGit(['clone', '-q', '--bare', suite.server.url('local'), join(dir, 'fleet.git')]);
  const r = await cliInProcess(['agent', '--node', NODE, '--remote', 'fleet.git', '--apply', 'true', '--once', '--state-dir', 'state', '--trust-root', DEMO_TRUST_ROOT, '--format', 'json'], { cwd: dir, env: { FLEETHUB_TOKEN: 'sekrit-token-123' } });
  assert.equal(r.code, 0, r.stderr + r.stdout);
  const out = r.json<{ relayed: boolean; reports: Record<string, { state: string }> }>();
  assert.equal(out.relayed, true, r.stdout);
  assert.equal(out.reports[INTENT]?.state, 'blocked');
  const text = await runGit(['--git-dir', join(dir, 'fleet.git'), 'show', `HEAD:status/agents/${NODE}.json`]);
  assert.match(text, /"node": "test-1"/);
  assert.doesNotMatch(r.stdout + r.stderr, /sekrit/);
});
