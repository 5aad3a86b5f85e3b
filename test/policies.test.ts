/**
 * The policy evaluators of issue 4 on small fixtures (promotion gate, drain
 * sequence, topology invariants, edge listeners, peer diversity), and the
 * `policies` reconcile step on the bundled example fleet, whose findings are
 * pinned against what reference documents 001 and 004 imply.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parseModesFile } from '../src/evaluate/modesFile.js';
import { renderNodeReports } from '../src/evaluate/nodeReports.js';
import { evaluateDrainSequence } from '../src/policy/evaluateDrainSequence.js';
import { evaluateListeners } from '../src/policy/evaluateListeners.js';
import { DEFAULT_PEER_DIVERSITY_TARGETS, evaluatePeerDiversity } from '../src/policy/evaluatePeerDiversity.js';
import { evaluatePromotionGate } from '../src/policy/evaluatePromotionGate.js';
import { evaluateTopology } from '../src/policy/evaluateTopology.js';
import { peerDiversity, type PeerTopology } from '../src/policy/peerDiversity.js';
import type { DrainSequencePolicy, FreezePolicy, PolicyNode, PolicyWorkload, PromotionGatePolicy } from '../src/policy/policyData.js';
import { readPolicyInput } from '../src/policy/readPolicyInput.js';
import { renderDrainSection } from '../src/report/renderDrainSection.js';
import { fileIo } from '../src/cli/fileIo.js';
import { reconcile } from '../src/reconcile/reconcile.js';
import type { ReconcileContext } from '../src/reconcile/reconcileContext.js';
import { evaluate } from '../src/reconcile/steps/evaluate.js';
import { load } from '../src/reconcile/steps/load.js';
import { policies } from '../src/reconcile/steps/policies.js';
import { validate } from '../src/reconcile/steps/validate.js';
import { copyExampleFleet, removeDir } from './helpers/fleet.js';
import { renderBoardSection } from '../src/report/renderBoardSection.js';
import { findingRecord } from '../src/records/findingRecord.js';

const wl = (id: string, extra: Partial<PolicyWorkload> = {}): PolicyWorkload => ({ id, file: `registry/workloads/${id}.md`, kind: 'service', ...extra });
const DIGEST = `registry.example/app@sha256:${'a1'.repeat(32)}`;
const FULL = { backup_drill: '2026-07-01', canary_observed: '2026-07-05', approved_by: 'operator:a', approved_at: '2026-07-06', image: DIGEST };
const GATE: PromotionGatePolicy = {
  id: 'promotion-gate',
  file: 'policies/promotion-gate.yaml',
  hosts: ['prod'],
  require: {
    backup_drill: { required: true, stateful_only: true, max_age: '90d' },
    canary_observation: { required: true, max_age: '30d' },
    operator_approval: { required: true },
    image_digest: true,
  },
  grandfather_legacy: true,
};
const NOW = new Date('2026-07-15T00:00:00Z');

describe('promotion gate', () => {
  const gate = (ws: PolicyWorkload[], now = NOW, g = GATE) => evaluatePromotionGate(ws, g, now);

  it('passes a production workload with complete, fresh evidence', () => {
    assert.deepEqual(gate([wl('a', { host: 'prod', stage: 'production', stateful: true, promotion: FULL })]), []);
  });

  it('lists everything missing in one finding, pointing at /stage', () => {
    const f = gate([wl('a', { host: 'prod', stage: 'production', stateful: true })]);
    assert.equal(f.length, 1);
    assert.deepEqual({ ...f[0], message: undefined }, { code: 'promotion-gate-unmet', severity: 'error', kind: 'workload', id: 'a', message: undefined, file: 'registry/workloads/a.md', pointer: '/stage' });
    for (const what of ['backup/restore drill', 'canary observation', 'operator approval', 'image']) assert.match(f[0]!.message, new RegExp(what));
  });

  it('holds evidence to max_age relative to the "now" passed in', () => {
    const w = wl('a', { host: 'prod', stage: 'production', promotion: { ...FULL, canary_observed: '2026-06-20' } });
    assert.deepEqual(gate([w], new Date('2026-07-15T00:00:00Z')), [], '25 days old: within 30d');
    const late = gate([w], new Date('2026-07-25T00:00:00Z'));
    assert.equal(late.length, 1);
    assert.match(late[0]!.message, /canary observation .*2026-06-20 is older than the gate's max_age 30d/);
    assert.doesNotMatch(late[0]!.message, /approval|image/);
  });

  it('evidence dated in the future is no evidence (a day of grace for time zones)', () => {
    const w = (canary: string) => wl('a', { host: 'prod', stage: 'production', promotion: { ...FULL, canary_observed: canary } });
    assert.deepEqual(gate([w('2026-07-16')], new Date('2026-07-15T10:00:00Z')), [], 'tomorrow, written ahead of UTC: within the day of grace');
    const future = gate([w('2026-08-01')], new Date('2026-07-15T10:00:00Z'));
    assert.equal(future.length, 1);
    assert.match(future[0]!.message, /canary observation \(promotion\.canary_observed\) 2026-08-01 is in the future \(evidence is dated when it happened, not planned\)/);
  });

  it('grandfathers stage: legacy unless grandfather_legacy is false; ignores other stages and hosts', () => {
    const legacy = wl('old', { host: 'prod', stage: 'legacy' });
    assert.deepEqual(gate([legacy, wl('s', { host: 'prod', stage: 'staging' }), wl('elsewhere', { host: 'other', stage: 'production' })]), []);
    assert.equal(gate([legacy], NOW, { ...GATE, grandfather_legacy: false }).length, 1);
    assert.equal(gate([wl('elsewhere', { host: 'other', stage: 'production' })], NOW, { ...GATE, hosts: undefined }).length, 1, 'no hosts: the gate applies everywhere');
  });

  it('requires the backup drill only of stateful workloads when stateful_only', () => {
    const { backup_drill: _, ...noBackup } = FULL;
    assert.deepEqual(gate([wl('stateless', { host: 'prod', stage: 'production', promotion: noBackup })]), []);
    const f = gate([wl('db', { host: 'prod', stage: 'production', stateful: true, promotion: noBackup })]);
    assert.equal(f.length, 1);
    assert.match(f[0]!.message, /backup\/restore drill \(promotion.backup_drill\) missing$/);
  });

  it('needs an image pinned by a sha256 digest of 64 hex digits', () => {
    for (const image of ['registry.example/app:1.2.3', 'registry.example/app@sha256:abc', `registry.example/app@sha256:${'A1'.repeat(32)}`]) {
      const f = gate([wl('a', { host: 'prod', stage: 'production', promotion: { ...FULL, image } })]);
      assert.equal(f.length, 1, image);
      assert.match(f[0]!.message, /not pinned/);
    }
  });

  it('does not require evidence marked required: false', () => {
    const lax: PromotionGatePolicy = { ...GATE, require: { canary_observation: { required: false }, image_digest: false } };
    assert.deepEqual(gate([wl('a', { host: 'prod', stage: 'production' })], NOW, lax), []);
  });
});

describe('drain sequence', () => {
  const POLICY: DrainSequencePolicy = {
    id: 'drain',
    file: 'policies/drain.yaml',
    title: 'Drain old',
    from_host: 'old',
    to_host: 'new',
    waves: [
      { wave: 2, title: 'Second', workloads: ['c'], task: 'WP/T2' },
      { wave: 1, title: 'First', workloads: ['a', 'b'], task: 'WP/T1' },
      { wave: 3, title: 'Phoenix', task: 'WP/T3' },
    ],
  };
  const on = (hosts: Record<string, string>, stages: Record<string, string> = {}) => new Map(Object.entries(hosts).map(([id, host]) => [id, wl(id, { host, ...(stages[id] ? { stage: stages[id] } : {}) })]));

  it('orders waves by number and works on the first one not done', () => {
    const d = evaluateDrainSequence(POLICY, on({ a: 'old', b: 'old', c: 'old' }));
    assert.deepEqual(d.waves.map((w) => [w.wave, w.moved, w.total, w.remaining, w.done, w.status]), [
      [1, 0, 2, 2, false, 'waiting'],
      [2, 0, 1, 1, false, 'waiting'],
      [3, 0, 0, 0, false, 'waiting'],
    ]);
    assert.equal(d.next?.wave, 1);
    assert.deepEqual(d.findings, []);
  });

  it('flags a later-wave workload that moved while an earlier wave still has workloads on from_host', () => {
    const d = evaluateDrainSequence(POLICY, on({ a: 'new', b: 'old', c: 'new' }));
    assert.equal(d.findings.length, 1);
    const f = d.findings[0]!;
    assert.deepEqual([f.code, f.severity, findingRecord(f), f.pointer], ['drain-order', 'error', 'workload:c', '/host']);
    assert.match(f.message, /wave 1 \(First\) still has b/);
    assert.deepEqual(d.waves.map((w) => w.status), ['in progress', 'done', 'waiting']);
    assert.equal(d.next?.wave, 1);
  });

  it('is in order once the earlier waves are off the host; retired in place counts as drained, never as out of order', () => {
    const d = evaluateDrainSequence(POLICY, on({ a: 'new', b: 'old', c: 'new' }, { b: 'retired' }));
    assert.deepEqual(d.findings, []);
    assert.deepEqual(d.waves.map((w) => w.done), [true, true, false]);
    assert.equal(d.next?.wave, 3);
    const early = evaluateDrainSequence(POLICY, on({ a: 'old', b: 'old', c: 'old' }, { c: 'retired' }));
    assert.deepEqual(early.findings, [], 'retiring a later wave in place is not a move');
  });

  it('a wave without workloads follows its task; an unknown workload counts as remaining', () => {
    const tasks = new Map([['WP/T3', 'done'], ['WP/T1', 'doing']]);
    const d = evaluateDrainSequence(POLICY, on({ a: 'new', b: 'new', c: 'new' }), tasks);
    assert.deepEqual(d.waves.map((w) => w.done), [true, true, true]);
    assert.equal(d.next, null);
    const missing = evaluateDrainSequence(POLICY, on({ a: 'old', c: 'old' }), tasks);
    assert.deepEqual(missing.waves[0]!.remainingIds, ['a', 'b']);
    assert.equal(missing.waves[0]!.status, 'in progress', 'its task is doing');
  });

  it('a wave marked last may have no later wave that moves workloads; a later wave following a task is fine', () => {
    const last: DrainSequencePolicy = { ...POLICY, waves: [{ wave: 1, title: 'Identity', workloads: ['a'], last: true }, { wave: 2, title: 'Straggler', workloads: ['b', 'c'] }, { wave: 3, title: 'Phoenix', task: 'WP/T3' }] };
    const d = evaluateDrainSequence(last, on({ a: 'old', b: 'old', c: 'old' }));
    assert.deepEqual(d.findings.map((f) => [f.code, f.severity, findingRecord(f), f.file, f.pointer]), [['drain-last-wave-not-last', 'error', 'policy:drain', 'policies/drain.yaml', '/waves/0/last']]);
    assert.equal(d.findings[0]!.message, 'wave 1 (Identity) of drain is marked last, but wave 2 (Straggler) moves b, c after it');
    assert.match(renderDrainSection(d), /Waves out of place \(`drain-last-wave-not-last`\):\n\n- ⚠ wave 1 \(Identity\) of drain is marked last/);
    const fine: DrainSequencePolicy = { ...POLICY, waves: [{ wave: 1, title: 'First', workloads: ['b'] }, { wave: 2, title: 'Identity', workloads: ['a'], last: true }, { wave: 3, title: 'Phoenix', task: 'WP/T3' }] };
    assert.deepEqual(evaluateDrainSequence(fine, on({ a: 'old', b: 'old' })).findings, []);
  });

  it('renders the board section: waves, progress, status, owner task and the next wave', () => {
    const md = renderDrainSection(evaluateDrainSequence(POLICY, on({ a: 'new', b: 'old', c: 'new' }), new Map([['WP/T1', 'doing']])));
    assert.match(md, /^## Drain of old\n/);
    assert.match(md, /\| 1 \| First \| 1\/2 \| \*\*in progress\*\* \| WP\/T1 \(doing\) \|/);
    assert.match(md, /\| 2 \| Second \| 1\/1 \| done \| WP\/T2 \|/);
    assert.match(md, /\| 3 \| Phoenix \| no workloads \(follows its task\) \| waiting \| WP\/T3 \|/);
    assert.match(md, /Next wave: 1 — First/);
    assert.match(md, /- ⚠ c moved out of order/);
    assert.match(renderDrainSection(evaluateDrainSequence(POLICY, on({ a: 'new', b: 'new', c: 'new' }), new Map([['WP/T3', 'done']]))), /All waves done\.$/);
  });
});

describe('topology invariants', () => {
  const node = (id: string, role: string, mode: PolicyNode['mode'] = 'ACTIVE'): [string, PolicyNode] => [id, { id, file: `registry/nodes/${id}.md`, role, mode }];
  const NODES = new Map([node('ws', 'workstation'), node('prod', 'production-home'), node('old', 'primary'), node('edge', 'edge', 'DEGRADED'), node('off', 'build', 'DISABLED')]);
  const FREEZE: FreezePolicy[] = [{ id: 'freeze', file: 'policies/freeze.yaml', frozen: [{ host: 'old', since: '2026-07-03', exceptions: ['allowed'], legacy: ['inventoried'] }] }];
  const topo = (ws: PolicyWorkload[], now = NOW) => evaluateTopology(ws, NODES, FREEZE, now).map((f) => [f.code, findingRecord(f), f.pointer]);

  it('flags a critical tunnel whose via path crosses the workstation, at the hop', () => {
    assert.deepEqual(topo([wl('t', { kind: 'tunnel', critical: true, stage: 'production', host: 'prod', via: ['prod', 'ws'] })]), [['critical-path-via-forbidden-role', 'workload:t', '/via/1']]);
  });

  it('flags a critical workload hosted on the workstation; not a non-critical or retired one', () => {
    assert.deepEqual(topo([wl('sweep', { critical: true, host: 'ws' }), wl('dev', { host: 'ws', stage: 'production' }), wl('gone', { critical: true, host: 'ws', stage: 'retired' })]), [['critical-path-via-forbidden-role', 'workload:sweep', '/host']]);
  });

  it('flags a critical workload or tunnel hop on a DEGRADED, DISABLED or frozen host', () => {
    assert.deepEqual(
      topo([
        wl('on-degraded', { critical: true, stage: 'production', host: 'edge' }),
        wl('on-disabled', { critical: true, stage: 'production', host: 'off' }),
        wl('on-frozen', { critical: true, stage: 'production', host: 'old' }),
        wl('hop', { kind: 'tunnel', critical: true, stage: 'production', host: 'prod', via: ['prod', 'edge'] }),
        wl('fine', { critical: true, stage: 'production', host: 'prod' }),
      ]),
      [
        ['critical-on-unusable-host', 'workload:on-degraded', '/host'],
        ['critical-on-unusable-host', 'workload:on-disabled', '/host'],
        ['critical-on-unusable-host', 'workload:on-frozen', '/host'],
        ['critical-on-unusable-host', 'workload:hop', '/via/1'],
      ],
    );
  });

  it("a frozen host does not count against legacy workloads, the freeze's legacy inventory or its exceptions, or before the freeze date", () => {
    const ws = [wl('legacy', { critical: true, stage: 'legacy', host: 'old' }), wl('allowed', { critical: true, stage: 'production', host: 'old' }), wl('inventoried', { critical: true, stage: 'production', host: 'old' })];
    assert.deepEqual(topo(ws), []);
    assert.deepEqual(topo([wl('early', { critical: true, stage: 'production', host: 'old' })], new Date('2026-07-01T00:00:00Z')), []);
    assert.deepEqual(topo([wl('legacy-degraded', { critical: true, stage: 'legacy', host: 'edge' })]), [['critical-on-unusable-host', 'workload:legacy-degraded', '/host']], 'DEGRADED is not grandfathered');
  });
});

describe('edge listeners', () => {
  const listen = (l: PolicyWorkload['listeners'], stage = 'production') => evaluateListeners([wl('w', { host: 'h', stage, listeners: l })]).map((f) => [f.code, f.severity, f.pointer]);

  it('accepts TCP listeners in an allowed edge role, and internal QUIC/UDP transport', () => {
    assert.deepEqual(
      listen([
        { port: 19191, protocol: 'http', edge_role: 'compat-recovery' },
        { port: 443, protocol: 'https', edge_role: 'external-ingress' },
        { port: 8443, protocol: 'https', edge_role: 'control-api' },
        { port: 9443, protocol: 'https', edge_role: 'artifact-delivery' },
        { port: 22, protocol: 'tcp', edge_role: 'external-ingress' },
        { port: 4433, protocol: 'quic', edge_role: 'internal' },
        { port: 5353, protocol: 'udp' },
      ]),
      [],
    );
  });

  it('flags a TCP listener without a role or used as internal transport, at /listeners/<i>', () => {
    assert.deepEqual(
      listen([
        { port: 443, protocol: 'https', edge_role: 'external-ingress' },
        { port: 5432, protocol: 'tcp', edge_role: 'internal' },
        { port: 8080, protocol: 'http' },
        { port: 8000, protocol: 'http', edge_role: 'internal' },
      ]),
      [
        ['unclassified-listener', 'warning', '/listeners/1'],
        ['unclassified-listener', 'warning', '/listeners/2'],
        ['unclassified-listener', 'warning', '/listeners/3'],
      ],
    );
    assert.deepEqual(listen([{ port: 5432, protocol: 'tcp' }], 'retired'), [], 'a retired workload listens nowhere');
  });
});

describe('peer diversity', () => {
  const known = new Map<string, PeerTopology>([
    ['a1', { area: 'home', nat_group: 'home-nat' }],
    ['b1', { area: 'test', nat_group: 'test-nat' }],
    ['c1', { area: 'usa', nat_group: 'usa-nat' }],
    ['c2', { area: 'usa', nat_group: 'usa-nat' }],
  ]);
  const self = { area: 'home', nat_group: 'home-nat' };

  it('counts direct and relayed ready peers, cross-area direct ones, independent NAT groups and recovery paths', () => {
    const row = peerDiversity('me', self, [
      { id: 'a1', direct: true, ready: true }, // same area, same NAT
      { id: 'b1', direct: true, ready: true }, // other area, direct
      { id: 'c1', direct: false, ready: true }, // other area, relayed
      { id: 'c2', direct: true, ready: false }, // not ready: ignored
      { id: 'b1', direct: true, ready: true }, // duplicate: once
      { id: 'me', direct: true, ready: true }, // itself: never
      { id: 'x9', area: 'lab', nat_group: 'lab-nat', ready: true }, // unknown node: its own report; direct not reported = relayed
    ], known, '2026-07-15T00:00:00Z');
    assert.deepEqual(row, {
      node: 'me',
      direct_ready_count: 2,
      relay_ready_count: 2,
      external_area_ready_count: 1,
      independent_ingress_ready_count: 3,
      recovery_path_count: 3,
      observed_at: '2026-07-15T00:00:00Z',
    });
  });

  it('the registry wins over what the node reports about a known peer; an unknown own area proves nothing', () => {
    assert.equal(peerDiversity('me', self, [{ id: 'a1', area: 'usa', nat_group: 'usa-nat', direct: true, ready: true }], known, 't').external_area_ready_count, 0);
    const r = peerDiversity('me', {}, [{ id: 'b1', direct: true, ready: true }], known, 't');
    assert.deepEqual([r.direct_ready_count, r.external_area_ready_count, r.independent_ingress_ready_count, r.recovery_path_count], [1, 0, 0, 0]);
  });

  it('warns about critical nodes below target only, listing each shortfall', () => {
    const nodes = new Map<string, PolicyNode>([['me', { id: 'me', file: 'registry/nodes/me.md', mode: 'ACTIVE' }], ['other', { id: 'other', file: 'registry/nodes/other.md', mode: 'ACTIVE' }]]);
    const weak = peerDiversity('me', self, [{ id: 'a1', direct: true, ready: true }], known, 't');
    const strong = peerDiversity('me', self, [{ id: 'b1', direct: true, ready: true }, { id: 'c1', direct: true, ready: true }], known, 't');
    const f = evaluatePeerDiversity([weak, { ...weak, node: 'other' }], new Set(['me']), DEFAULT_PEER_DIVERSITY_TARGETS, nodes);
    assert.equal(f.length, 1);
    assert.deepEqual([f[0]!.code, f[0]!.severity, findingRecord(f[0]!), f[0]!.file], ['peer-diversity-below-target', 'warning', 'node:me', 'registry/nodes/me.md']);
    assert.match(f[0]!.message, /direct-ready peers 1 < 2; direct-ready peers in another area 0 < 1; independent NAT groups with a ready peer 0 < 1; recovery paths outside the local area 0 < 1/);
    assert.deepEqual(evaluatePeerDiversity([strong], new Set(['me']), DEFAULT_PEER_DIVERSITY_TARGETS, nodes), []);
  });
});

describe('the policies step on the example fleet', () => {
  let root: string;
  let ctx: ReconcileContext;
  const ids = (code: string): string[] => ctx.findings.filter((f) => f.code === code).map((f) => findingRecord(f).replace(/^workload:|^node:/, '')).sort();
  const lineOf = (file: string, key: RegExp): number => readFileSync(join(root, file), 'utf8').split('\n').findIndex((l) => key.test(l)) + 1;

  before(async () => {
    root = copyExampleFleet({ status: true });
    // Status documents as two fabric nodes reported them (the simulator reports no peers), as a probing run recorded them.
    writeFileSync(join(root, 'status/node-reports.json'), renderNodeReports(new Map([
      ['home-1', { peers: [{ id: 'home-2', direct: true, ready: true }, { id: 'usa-los-1', direct: false, ready: true }] }],
      ['test-1', { peers: [{ id: 'home-1', direct: true, ready: true }, { id: 'usa-los-1', direct: true, ready: true }, { id: 'test-2', direct: true, ready: true }] }],
    ])));
    const io = { ...fileIo(root), now: () => NOW };
    ctx = await reconcile(io, { probe: false, write: false, allowRemote: false }, [load, validate, evaluate, policies]);
  });
  after(() => {
    ctx.db?.close();
    removeDir(root);
  });

  it('flags the production tunnels that chain through the workstation, and the sweep writeback that runs on it', () => {
    // Reference 004, "Fleet Mesh Topology": two production data paths chain through the workstation,
    // four production-critical tunnels; the consistency-sweep writeback runs there too.
    assert.deepEqual(ids('critical-path-via-forbidden-role'), ['consistency-sweep-writeback', 'issue-core-coulombcore', 'issue-core-railiance01', 'state-hub-primary', 'state-hub-railiance01']);
    const f = ctx.findings.find((x) => x.code === 'critical-path-via-forbidden-role' && findingRecord(x) === 'workload:state-hub-railiance01')!;
    assert.equal(f.line, lineOf(f.file!, /^ {2}- workstation$/), 'points at the workstation hop of the via path');
  });

  it('flags the critical tunnels still ending on frozen coulombcore; its legacy workloads are grandfathered', () => {
    assert.deepEqual(ids('critical-on-unusable-host'), ['issue-core-coulombcore', 'state-hub-primary']);
  });

  it('flags the production workloads on railiance01 lacking promotion evidence', () => {
    // Reference 004, "Production Promotion Gate": activity-core has it all; Temporal is stateful
    // without a backup drill; NATS has no evidence. node1 is outside the gate's hosts.
    assert.deepEqual(ids('promotion-gate-unmet'), ['nats-activity-core', 'temporal']);
    const temporal = ctx.findings.find((x) => findingRecord(x) === 'workload:temporal' && x.code === 'promotion-gate-unmet')!;
    assert.match(temporal.message, /backup\/restore drill \(promotion.backup_drill\) missing$/);
    assert.equal(temporal.line, lineOf('registry/workloads/temporal.md', /^stage:/));
  });

  it('holds activity-core to max_age: with a later "now" its canary observation is stale', async () => {
    const late = await reconcile({ ...fileIo(root), now: () => new Date('2026-11-01T00:00:00Z') }, { probe: false, write: false, allowRemote: false }, [load, validate, evaluate, policies]);
    late.db?.close();
    const f = late.findings.find((x) => x.code === 'promotion-gate-unmet' && findingRecord(x) === 'workload:activity-core');
    assert.match(f?.message ?? '', /canary observation .*2026-06-28 is older than the gate's max_age 30d/);
  });

  it('classifies the 19191 compat listener and the edge roles, and flags every internal TCP listener', () => {
    const flagged = ids('unclassified-listener');
    assert.ok(!flagged.includes('fabric-compat-ingress'), 'compat-recovery is an allowed TCP edge role');
    for (const edge of ['fabric-control-api', 'fabric-ingress-vpn', 'fabric-update-store', 'fabric-update-cache', 'gitea-registry', 'identity-stack', 'core-hub']) assert.ok(!flagged.includes(edge), edge);
    for (const quic of ['fabric-relay-home-2', 'fabric-relay-usa-los-1']) assert.ok(!flagged.includes(quic), `${quic}: internal QUIC is the fabric`);
    const internalTcp = (ctx.db!.prepare(`SELECT DISTINCT l.workload FROM listeners l JOIN workloads w ON w.id = l.workload WHERE l.protocol IN ('tcp', 'http', 'https') AND (l.edge_role IS NULL OR l.edge_role = 'internal') AND COALESCE(w.stage, '') <> 'retired' ORDER BY 1`).pluck().all() as string[]);
    assert.deepEqual(flagged, internalTcp);
    assert.equal(flagged.length, 35);
    for (const tunnel of ['state-hub-primary', 'state-hub-railiance01', 'temporal', 'nats-activity-core', 'state-hub-db']) assert.ok(flagged.includes(tunnel), tunnel);
    assert.ok(ctx.findings.filter((f) => f.code === 'unclassified-listener').every((f) => f.severity === 'warning'));
  });

  it('no drain-order finding today, and the board shows every wave waiting with wave 1 next', () => {
    assert.deepEqual(ids('drain-order'), []);
    const section = ctx.boardSections.map(renderBoardSection).find((s) => s.startsWith('## Drain of coulombcore'));
    assert.ok(section);
    assert.match(section, /\| 1 \| Forge \+ CI \| 0\/8 \| waiting \| CUST-WP-0054\/T04 \(blocked\) \|/);
    assert.match(section, /\| 2 \| State Hub primary \| 0\/2 \| waiting \|/);
    assert.match(section, /\| 8 \| coulombcore phoenix → railiance02 \| no workloads \(follows its task\) \| waiting \|/);
    assert.match(section, /Next wave: 1 — Forge \+ CI/);
  });

  it('writes peer_diversity for the nodes that reported peers (status/node-reports.json), and warns about the critical one below target', () => {
    const observedAt = (id: string): string => parseModesFile(readFileSync(join(root, 'status/modes.json'), 'utf8')).states.get(id)!.observed_at!;
    const rows = ctx.db!.prepare('SELECT * FROM peer_diversity ORDER BY node').all();
    assert.deepEqual(rows, [
      { node: 'home-1', direct_ready_count: 1, relay_ready_count: 1, external_area_ready_count: 0, independent_ingress_ready_count: 1, recovery_path_count: 1, observed_at: observedAt('home-1') },
      { node: 'test-1', direct_ready_count: 3, relay_ready_count: 0, external_area_ready_count: 2, independent_ingress_ready_count: 2, recovery_path_count: 2, observed_at: observedAt('test-1') },
    ]);
    assert.deepEqual(readPolicyInput(ctx.db!).targets, { direct_ready: 2, external_area_ready: 1, independent_ingress_ready: 1, recovery_paths: 1 }, 'policies/modes.yaml');
    // home-1 hosts the critical Control API and ingress; test-1 hosts nothing critical.
    assert.deepEqual(ids('peer-diversity-below-target'), ['home-1']);
    assert.match(ctx.findings.find((f) => f.code === 'peer-diversity-below-target')!.message, /direct-ready peers 1 < 2; direct-ready peers in another area 0 < 1$/);
  });
});
