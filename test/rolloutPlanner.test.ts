/**
 * The lease planner (src/rollout/planLeases.ts), pure: example cases for each
 * strategy and each limit, with the reason every waiting node gets; then
 * property tests over random fleets, journals, policies and intents.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { effectiveLimits } from '../src/rollout/effectiveLimits.js';
import { planLeases } from '../src/rollout/planLeases.js';
import { IN_FLIGHT, type JournalEntry, type JournalState, type LeasePlan, type RolloutIntent, type RolloutNode, type RolloutPolicy, type RolloutStrategy } from '../src/rollout/rolloutTypes.js';
import { servedRoles } from '../src/rollout/servedRoles.js';
import type { IntentVerdict } from '../src/trust/trustTypes.js';

const NOW = new Date('2026-06-01T12:00:00Z');
const ago = (minutes: number): string => new Date(NOW.getTime() - minutes * 60_000).toISOString();
const TRUSTED: IntentVerdict = { id: 'up', trusted: true, signers: ['k1'], digest: 'd'.repeat(64), findings: [] };

function node(id: string, area: string, extra: Partial<RolloutNode> = {}): RolloutNode {
  return { id, area, site: `${area}-site`, nat_group: `${area}-nat`, role: 'edge', labels: { plane: 'fabric' }, mode: 'ACTIVE', serves: [], ...extra };
}
function intent(strategy: RolloutStrategy | undefined, extra: Partial<RolloutIntent> = {}): RolloutIntent {
  return { id: 'up', version: 1, expires: '2027-01-01', target: { labels: { plane: 'fabric' } }, control: 'run', ...(strategy ? { strategy } : {}), ...extra };
}
const OPEN: RolloutPolicy = { max_parallel: 10 };
const entry = (n: string, state: JournalState, sinceMin: number, extra: Partial<JournalEntry> = {}): JournalEntry => ({ node: n, state, since: ago(sinceMin), leased_at: ago(sinceMin), ...extra });
const plan = (i: RolloutIntent, p: RolloutPolicy, nodes: RolloutNode[], journal: JournalEntry[] = [], verdict: IntentVerdict = TRUSTED): LeasePlan => planLeases(i, verdict, p, nodes, journal, NOW);
const granted = (p: LeasePlan): string[] => p.grants.map((g) => g.node);
const why = (p: LeasePlan): Record<string, string> => Object.fromEntries(p.waiting.map((w) => [w.node, w.code]));

describe('lease planner: limits', () => {
  const six = [node('a1', 'a'), node('a2', 'a'), node('b1', 'b'), node('b2', 'b'), node('c1', 'c'), node('c2', 'c')];

  it('max_parallel per area: one node per area, the others wait naming their area', () => {
    const p = plan(intent({ type: 'rolling' }), { max_parallel: 5, max_parallel_per_area: 1 }, six);
    assert.deepEqual(granted(p), ['a1', 'b1', 'c1']);
    assert.deepEqual(why(p), { a2: 'max-parallel-per-area', b2: 'max-parallel-per-area', c2: 'max-parallel-per-area' });
    assert.match(p.waiting[0]!.reason, /cap reached in area a \(1 of 1 in flight\)/);
    assert.equal(p.state, 'running');
  });

  it('max_parallel globally counts the nodes already in flight', () => {
    const p = plan(intent({ type: 'rolling' }), { max_parallel: 3 }, six, [entry('a1', 'applying', 5)]);
    assert.deepEqual(granted(p), ['a2', 'b1']);
    assert.deepEqual(p.in_flight, ['a1']);
    assert.deepEqual(why(p), { b2: 'max-parallel', c1: 'max-parallel', c2: 'max-parallel' });
    assert.match(p.waiting[0]!.reason, /max_parallel 3 reached \(3 in flight\)/);
  });

  it('max_parallel per site and per NAT group', () => {
    const nodes = [node('x1', 'a', { site: 's1', nat_group: 'n1' }), node('x2', 'b', { site: 's1', nat_group: 'n2' }), node('x3', 'c', { site: 's2', nat_group: 'n1' }), node('x4', 'd', { site: 's3', nat_group: 'n3' })];
    const p = plan(intent(undefined), { max_parallel: 10, max_parallel_per_site: 1, max_parallel_per_nat_group: 1 }, nodes);
    assert.deepEqual(granted(p), ['x1', 'x4']);
    assert.deepEqual(why(p), { x2: 'max-parallel-per-site', x3: 'max-parallel-per-nat-group' });
    assert.match(p.waiting.find((w) => w.node === 'x3')!.reason, /NAT group n1/);
  });

  it('max_unavailable counts DEGRADED nodes and nodes leased, staged or applying', () => {
    const nodes = [...six.slice(0, 5), node('c2', 'c', { mode: 'DEGRADED' })];
    const p = plan(intent(undefined), { max_parallel: 10, max_unavailable: 3 }, nodes, [entry('a1', 'leased', 1), entry('b1', 'staged', 1)]);
    assert.deepEqual(granted(p), []);
    assert.deepEqual(why(p), { a2: 'max-unavailable', b2: 'max-unavailable', c1: 'max-unavailable', c2: 'node-degraded' });
    assert.match(p.waiting[0]!.reason, /max_unavailable 3 reached \(3 unavailable/);
  });

  it('the intent tightens the caps and never loosens them', () => {
    const policy: RolloutPolicy = { max_parallel: 3, max_unavailable: 2 };
    assert.equal(plan(intent({ type: 'rolling', max_parallel: 1 }), policy, six).grants.length, 1);
    assert.equal(plan(intent({ type: 'rolling', batch_size: 2 }), policy, six).grants.length, 2);
    assert.equal(plan(intent({ type: 'rolling', max_parallel: 50, max_unavailable: 50 }), policy, six).grants.length, 2, 'max_unavailable 2 of the policy holds');
    assert.deepEqual(effectiveLimits({ max_parallel: 3, max_unavailable: 2 }, { type: 'rolling', max_parallel: 50, max_unavailable: 0 }), {
      max_parallel: 3, max_parallel_per_area: null, max_parallel_per_site: null, max_parallel_per_nat_group: null, max_unavailable: 0,
      failure_rate_stop: null, lease_ttl_ms: null, heartbeat_timeout_ms: null, role_order: [],
    });
  });

  it('lease TTL: a lease that does not progress expires, is revoked and counts as a failure', () => {
    const policy: RolloutPolicy = { max_parallel: 10, lease_ttl: '30m', failure_rate_stop: { max_rate: 0.25, min_executed: 2 } };
    const p = plan(intent(undefined), policy, six, [entry('a1', 'staged', 31), entry('b1', 'healthy', 40), entry('c1', 'applying', 29)]);
    assert.deepEqual(p.expired_leases, ['a1']);
    assert.deepEqual(p.revocations.map((r) => [r.node, r.code]), [['a1', 'lease-expired']]);
    assert.equal(p.halted?.code, 'rollout-failure-rate', '1 failed of 2 finished is 50%, above 25%');
    assert.deepEqual(granted(p), []);
    const fresh = plan(intent(undefined), { ...policy, lease_ttl: '2h' }, six, [entry('a1', 'staged', 31), entry('b1', 'healthy', 40)]);
    assert.equal(fresh.halted, null);
    assert.deepEqual(granted(fresh), ['a2', 'b2', 'c1', 'c2']);
    assert.match(p.grants.length === 0 ? p.revocations[0]!.reason : '', /no progress for 30m/);
  });

  it('failure-rate stop: only once min_executed have finished, and then it holds', () => {
    const policy: RolloutPolicy = { max_parallel: 10, failure_rate_stop: { max_rate: 0.25, min_executed: 4 } };
    const three = [entry('a1', 'rolled_back', 9), entry('b1', 'healthy', 9), entry('c1', 'healthy', 9)];
    assert.equal(plan(intent(undefined), policy, six, three).halted, null, '3 finished < min_executed 4');
    const four = [...three, entry('a2', 'rolled_back', 9)];
    const p = plan(intent(undefined), policy, six, four);
    assert.equal(p.state, 'halted');
    assert.equal(p.halted?.code, 'rollout-failure-rate');
    assert.match(p.halted!.message, /2 of 4 finished nodes failed \(50%\), above max_rate 25%/);
    assert.deepEqual(why(p), { b2: 'rollout-halted', c2: 'rollout-halted' });
    assert.equal(plan(intent(undefined), policy, six, [...four.slice(0, 3), entry('a2', 'healthy', 1)]).halted, null, '1 of 4 is 25%: not above');
  });

  it('heartbeat loss stops the rollout: a leased node DEGRADED, or silent for heartbeat_timeout', () => {
    const policy: RolloutPolicy = { max_parallel: 10, heartbeat_timeout: '5m' };
    const silent = plan(intent(undefined), policy, six, [entry('a1', 'applying', 20, { reported_at: ago(6) })]);
    assert.equal(silent.halted?.code, 'rollout-heartbeat-lost');
    assert.match(silent.halted!.message, /a1 lost its heartbeat \(no report for 5m\)/);
    assert.deepEqual(granted(silent), []);
    const reporting = plan(intent(undefined), policy, six, [entry('a1', 'applying', 20, { reported_at: ago(4) })]);
    assert.equal(reporting.halted, null);
    const degraded = plan(intent(undefined), OPEN, [node('a1', 'a', { mode: 'DEGRADED' }), ...six.slice(1)], [entry('a1', 'leased', 1)]);
    assert.equal(degraded.halted?.code, 'rollout-heartbeat-lost');
  });
});

describe('lease planner: strategies', () => {
  it('canary: canaries spread over distinct areas, then nothing more until each has been healthy for healthy_for', () => {
    const nodes = [node('a1', 'a'), node('a2', 'a'), node('a3', 'a'), node('b1', 'b'), node('b2', 'b')];
    const canary = intent({ type: 'canary', canary_count: 2, healthy_for: '30m' });
    const first = plan(canary, OPEN, nodes);
    assert.deepEqual(granted(first), ['a1', 'b1']);
    assert.ok(first.grants.every((g) => g.canary));
    assert.deepEqual(why(first), { a2: 'canary-wait', a3: 'canary-wait', b2: 'canary-wait' });
    assert.match(first.waiting[0]!.reason, /not a canary: waits for the 2 canaries to be healthy for 30m/);
    const young = plan(canary, OPEN, nodes, [entry('a1', 'healthy', 40), entry('b1', 'healthy', 10)]);
    assert.deepEqual(granted(young), []);
    assert.match(young.waiting[0]!.reason, /canary b1 healthy for 10m of 30m/);
    const justNow = plan(canary, OPEN, nodes, [entry('a1', 'healthy', 40), entry('b1', 'healthy', 0)]);
    assert.match(justNow.waiting[0]!.reason, /canary b1 healthy for 0s of 30m/, 'under a minute: seconds, not 0m');
    const applying = plan(canary, OPEN, nodes, [entry('a1', 'healthy', 40), entry('b1', 'applying', 10)]);
    assert.match(applying.waiting[0]!.reason, /canary b1 is applying, not healthy yet/);
    const ready = plan(canary, OPEN, nodes, [entry('a1', 'healthy', 40), entry('b1', 'healthy', 31)]);
    assert.deepEqual(granted(ready), ['a2', 'a3', 'b2']);
    assert.ok(ready.grants.every((g) => !g.canary));
    const failed = plan(canary, OPEN, nodes, [entry('a1', 'healthy', 40), entry('b1', 'rolled_back', 31)]);
    assert.equal(failed.halted?.code, 'rollout-canary-failed');
  });

  it('canary: three canaries over two areas spread by site then NAT group', () => {
    const nodes = [node('a1', 'a', { site: 's1' }), node('a2', 'a', { site: 's1' }), node('a3', 'a', { site: 's2' }), node('b1', 'b')];
    const p = plan(intent({ type: 'canary', canary_count: 3 }), OPEN, nodes);
    assert.deepEqual(granted(p), ['a1', 'a3', 'b1']);
  });

  it('pinned: only the listed nodes; the other targeted nodes wait', () => {
    const nodes = [node('a1', 'a'), node('b1', 'b'), node('c1', 'c')];
    const p = plan(intent({ type: 'pinned', nodes: ['b1', 'c1', 'zz'] }), OPEN, nodes);
    assert.deepEqual(granted(p), ['b1', 'c1']);
    assert.deepEqual(why(p), { a1: 'not-in-strategy' });
    assert.match(p.waiting[0]!.reason, /not among the pinned strategy's nodes/);
  });

  it('forced-node: one node at a time', () => {
    const nodes = [node('a1', 'a'), node('b1', 'b')];
    const p = plan(intent({ type: 'forced-node', nodes: ['a1', 'b1'] }), OPEN, nodes);
    assert.deepEqual(granted(p), ['a1']);
    assert.deepEqual(why(p), { b1: 'max-parallel' });
    assert.deepEqual(granted(plan(intent({ type: 'forced-node', nodes: ['a1', 'b1'] }), OPEN, nodes, [entry('a1', 'healthy', 1)])), ['b1']);
  });

  it('rolling finishes: complete once every targeted node is done', () => {
    const nodes = [node('a1', 'a'), node('b1', 'b')];
    const p = plan(intent(undefined), OPEN, nodes, [entry('a1', 'healthy', 1), entry('b1', 'healthy', 1)]);
    assert.equal(p.state, 'complete');
    assert.deepEqual(p.done, ['a1', 'b1']);
  });
});

describe('lease planner: never leased', () => {
  it('DISABLED, PLANNED, DEGRADED, UNKNOWN and missing nodes wait with their mode', () => {
    const nodes = ['DISABLED', 'PLANNED', 'DEGRADED', 'UNKNOWN'].map((m, i) => node(`n${i}`, `a${i}`, { mode: m }));
    const p = plan(intent(undefined, { target: { nodes: ['n0', 'n1', 'n2', 'n3', 'ghost'] } }), OPEN, nodes);
    assert.deepEqual(granted(p), []);
    assert.deepEqual(why(p), { n0: 'node-disabled', n1: 'node-planned', n2: 'node-degraded', n3: 'node-unknown', ghost: 'node-missing' });
    assert.match(p.waiting.find((w) => w.node === 'n3')!.reason, /node is UNKNOWN: only ACTIVE nodes are leased/);
  });

  it('paused: nothing new, in-flight nodes finish; aborted: leases not yet started are revoked', () => {
    const nodes = [node('a1', 'a'), node('b1', 'b'), node('c1', 'c'), node('d1', 'd')];
    const journal = [entry('a1', 'leased', 1), entry('b1', 'staged', 1), entry('c1', 'applying', 1)];
    const paused = plan(intent(undefined, { control: 'paused' }), OPEN, nodes, journal);
    assert.equal(paused.state, 'paused');
    assert.deepEqual([granted(paused), paused.revocations, why(paused)], [[], [], { d1: 'intent-paused' }]);
    const aborted = plan(intent(undefined, { control: 'aborted' }), OPEN, nodes, journal);
    assert.equal(aborted.state, 'aborted');
    assert.deepEqual(aborted.revocations.map((r) => [r.node, r.code]), [['a1', 'intent-aborted'], ['b1', 'intent-aborted']]);
    assert.deepEqual(why(aborted), { d1: 'intent-aborted' });
  });

  it('refused and expired intents lease nothing, and say why', () => {
    const nodes = [node('a1', 'a')];
    const refusal: IntentVerdict = { ...TRUSTED, trusted: false, findings: [{ file: 'registry/intents/up.md', line: 1, col: 1, severity: 'error', code: 'intent-unsigned', message: 'the intent has no signatures' }] };
    const refused = plan(intent(undefined), OPEN, nodes, [], refusal);
    assert.equal(refused.state, 'refused');
    assert.deepEqual(refused.waiting, [{ node: 'a1', code: 'intent-refused', reason: 'intent refused (intent-unsigned: the intent has no signatures)' }]);
    assert.equal(plan(intent(undefined), OPEN, nodes, [], { ...TRUSTED, id: 'other' }).state, 'refused');
    const expired = plan(intent(undefined, { expires: '2026-05-31' }), OPEN, nodes);
    assert.equal(expired.state, 'expired');
    assert.equal(expired.waiting[0]!.code, 'intent-expired');
  });
});

describe('lease planner: role order', () => {
  const policy: RolloutPolicy = { max_parallel: 10, role_order: ['edge', 'relay', 'control'] };
  const nodes = [node('e1', 'a'), node('e2', 'b'), node('r1', 'c', { role: 'relay' }), node('k1', 'd', { role: 'control', serves: ['control-api'] }), node('s1', 'e', { role: 'primary', serves: ['update-store'] })];

  it('lower-ranked roles first; critical nodes last and one at a time', () => {
    const first = plan(intent(undefined), policy, nodes);
    assert.deepEqual(granted(first), ['e1', 'e2']);
    assert.deepEqual(why(first), { k1: 'critical-last', r1: 'role-order', s1: 'critical-last' });
    assert.match(first.waiting.find((w) => w.node === 'r1')!.reason, /role relay waits for edge nodes first \(e1, e2\)/);
    assert.match(first.waiting.find((w) => w.node === 'k1')!.reason, /serves control-api: updated last/);
    const second = plan(intent(undefined), policy, nodes, [entry('e1', 'healthy', 1), entry('e2', 'applying', 1)]);
    assert.deepEqual(granted(second), []);
    const third = plan(intent(undefined), policy, nodes, [entry('e1', 'healthy', 1), entry('e2', 'healthy', 1)]);
    assert.deepEqual(granted(third), ['r1']);
    const last = plan(intent(undefined), policy, nodes, ['e1', 'e2', 'r1'].map((n) => entry(n, 'healthy', 1)));
    assert.deepEqual(granted(last), ['k1']);
    assert.deepEqual(why(last), { s1: 'critical-one-at-a-time' });
  });

  it('served roles come from the node role and its workloads (listeners and service labels)', () => {
    const workloads = [
      { host: 'h2', listeners: [{ edge_role: 'artifact-delivery' }], labels: { service: 'update-store' } },
      { host: 'h2', listeners: [{ edge_role: 'internal' }], labels: { service: 'relay' } },
      { host: 'h1', listeners: [{ edge_role: 'control-api' }] },
      { host: 'h3', listeners: [{ edge_role: 'artifact-delivery' }] },
      { host: 'h4', listeners: [{ edge_role: 'external-ingress' }] },
    ];
    assert.deepEqual(servedRoles({ id: 'h2', role: 'edge' }, workloads), ['update-store', 'relay']);
    assert.deepEqual(servedRoles({ id: 'h1', role: 'ingress' }, workloads), ['control-api']);
    assert.deepEqual(servedRoles({ id: 'h3', role: 'edge' }, workloads), ['update-cache']);
    assert.deepEqual(servedRoles({ id: 'h4', role: 'edge' }, workloads), []);
    assert.deepEqual(servedRoles({ id: 'h5', role: 'relay' }, workloads), ['relay']);
    assert.deepEqual(servedRoles({ id: 'h6', role: 'control' }, []), ['control-api']);
  });
});

// ---- properties -------------------------------------------------------------

const MODES = ['ACTIVE', 'ACTIVE', 'ACTIVE', 'ACTIVE', 'DEGRADED', 'DISABLED', 'PLANNED', 'UNKNOWN'];
const ROLES = ['edge', 'relay', 'ingress', 'primary', 'control'];
const STATES: JournalState[] = ['blocked', 'leased', 'staged', 'applying', 'healthy', 'rolled_back', 'aborted'];

const fleetArb = fc
  .array(
    fc.record({
      area: fc.constantFrom('a', 'b', 'c', 'd'),
      site: fc.nat({ max: 1 }),
      nat: fc.nat({ max: 1 }),
      role: fc.constantFrom(...ROLES),
      mode: fc.constantFrom(...MODES),
      critical: fc.constantFrom(false, false, false, true),
      journal: fc.oneof({ arbitrary: fc.constant(undefined), weight: 3 }, { arbitrary: fc.record({ state: fc.constantFrom(...STATES, 'blocked', 'healthy', 'healthy'), since: fc.oneof(fc.nat({ max: 20 }), fc.nat({ max: 20 }), fc.nat({ max: 90 })), reported: fc.option(fc.oneof(fc.nat({ max: 4 }), fc.nat({ max: 4 }), fc.nat({ max: 20 })), { nil: undefined, freq: 8 }) }), weight: 1 }),
    }),
    { minLength: 1, maxLength: 20, size: 'max' },
  )
  .map((rows) => {
    const nodes: RolloutNode[] = rows.map((r, i) => {
      const site = `${r.area}-s${r.site}`; // topology nests: a site lies in one area, a NAT group in one site
      return { id: `n${String(i).padStart(2, '0')}`, area: r.area, site, nat_group: `${site}-n${r.nat}`, role: r.role, labels: { plane: 'fabric' }, mode: r.mode, serves: r.critical ? ['relay'] : [] };
    });
    const journal: JournalEntry[] = rows.flatMap((r, i) => (r.journal ? [{ node: nodes[i]!.id, state: r.journal.state, since: ago(r.journal.since), leased_at: ago(r.journal.since + i), ...(r.journal.reported === undefined ? {} : { reported_at: ago(r.journal.reported) }) }] : []));
    return { nodes, journal };
  });

const policyArb: fc.Arbitrary<RolloutPolicy> = fc.record(
  {
    max_parallel: fc.integer({ min: 1, max: 6 }),
    max_parallel_per_area: fc.integer({ min: 1, max: 2 }),
    max_parallel_per_site: fc.integer({ min: 1, max: 2 }),
    max_parallel_per_nat_group: fc.integer({ min: 1, max: 2 }),
    max_unavailable: fc.integer({ min: 0, max: 5 }),
    failure_rate_stop: fc.record({ max_rate: fc.constantFrom(0, 0.25, 0.5, 0.75, 1), min_executed: fc.integer({ min: 1, max: 6 }) }),
    lease_ttl: fc.constantFrom('30m', '1h'),
    heartbeat_timeout: fc.constantFrom('5m', '15m'),
    role_order: fc.shuffledSubarray(ROLES),
  },
  { requiredKeys: ['max_parallel'] },
);

const intentArb = (ids: readonly string[]): fc.Arbitrary<{ intent: RolloutIntent; trusted: boolean }> =>
  fc.record({
    type: fc.constantFrom('canary', 'rolling', 'pinned', 'forced-node') as fc.Arbitrary<RolloutStrategy['type']>,
    canary_count: fc.integer({ min: 1, max: 4 }),
    healthy_for: fc.option(fc.constantFrom('10m', '1h'), { nil: undefined }),
    nodes: fc.subarray([...ids]),
    max_parallel: fc.option(fc.integer({ min: 1, max: 8 }), { nil: undefined }),
    max_unavailable: fc.option(fc.integer({ min: 0, max: 8 }), { nil: undefined }),
    control: fc.constantFrom('run', 'run', 'run', 'run', 'run', 'run', 'paused', 'aborted') as fc.Arbitrary<RolloutIntent['control']>,
    expires: fc.constantFrom('2027-01-01', '2027-01-01', '2027-01-01', '2027-01-01', '2026-05-01'),
    trusted: fc.constantFrom(true, true, true, true, true, false),
  }).map(({ type, canary_count, healthy_for, nodes, max_parallel, max_unavailable, control, expires, trusted }) => {
    const strategy: RolloutStrategy = { type, ...(type === 'canary' ? { canary_count, ...(healthy_for ? { healthy_for } : {}) } : {}), ...(type === 'pinned' || type === 'forced-node' ? { nodes } : {}), ...(max_parallel ? { max_parallel } : {}), ...(max_unavailable !== undefined ? { max_unavailable } : {}) };
    return { intent: intent(strategy, { control, expires }), trusted };
  });

const caseArb = fleetArb.chain((f) => fc.record({ policy: policyArb, i: intentArb(f.nodes.map((n) => n.id)) }).map((x) => ({ ...f, ...x })));

const verdictFor = (trusted: boolean): IntentVerdict => (trusted ? TRUSTED : { ...TRUSTED, trusted: false, findings: [{ file: 'x.md', line: 1, col: 1, severity: 'error', code: 'intent-signature-invalid', message: 'bad' }] });

/** Independent bookkeeping of what a case holds before and after its plan. */
function tally(c: { nodes: RolloutNode[]; journal: JournalEntry[]; policy: RolloutPolicy }, p: LeasePlan) {
  const ttl = c.policy.lease_ttl === '30m' ? 30 : c.policy.lease_ttl === '1h' ? 60 : Infinity;
  const state = new Map(c.journal.map((e) => [e.node, e]));
  const flying = c.journal.filter((e) => IN_FLIGHT.includes(e.state));
  const holding = flying.filter((e) => NOW.getTime() - Date.parse(e.since) < ttl * 60_000).map((e) => e.node);
  const byId = new Map(c.nodes.map((n) => [n.id, n]));
  const after = [...holding, ...p.grants.map((g) => g.node)].map((id) => byId.get(id)!);
  const unavailable = flying.length + p.grants.length + c.nodes.filter((n) => n.mode === 'DEGRADED' && !IN_FLIGHT.includes(state.get(n.id)?.state ?? 'blocked')).length;
  const finished = c.journal.filter((e) => e.state === 'healthy' || e.state === 'rolled_back').length + (flying.length - holding.length);
  const failed = c.journal.filter((e) => e.state === 'rolled_back').length + (flying.length - holding.length);
  return { holding, after, unavailable, finished, failed, state, byId };
}

describe('lease planner: properties', () => {
  it('no limit is ever exceeded by what it grants; every targeted node is accounted for once', () => {
    const bound = new Map<string, number>(); // how often each limit held a node back while others were granted: the cases must reach every limit
    fc.assert(
      fc.property(caseArb, (x) => {
        const c = { ...x, i: { intent: { ...x.i.intent, control: 'run' as const, expires: '2027-01-01' }, trusted: true } }; // the other properties cover intents that are stopped
        const p = planLeases(c.i.intent, verdictFor(c.i.trusted), c.policy, c.nodes, c.journal, NOW);
        const seen = [...p.grants.map((g) => g.node), ...p.waiting.map((w) => w.node), ...p.in_flight, ...p.done].sort();
        assert.deepEqual(seen, c.nodes.map((n) => n.id).sort());
        if (p.grants.length === 0) return;
        for (const w of p.waiting) bound.set(w.code, (bound.get(w.code) ?? 0) + 1);
        const t = tally(c, p);
        const l = effectiveLimits(c.policy, c.i.intent.strategy);
        assert.ok(t.after.length <= l.max_parallel, 'max_parallel');
        if (l.max_unavailable !== null) assert.ok(t.unavailable <= l.max_unavailable, `max_unavailable ${t.unavailable} > ${l.max_unavailable}`);
        for (const [k, cap] of [['area', l.max_parallel_per_area], ['site', l.max_parallel_per_site], ['nat_group', l.max_parallel_per_nat_group]] as const) {
          if (cap === null) continue;
          for (const g of p.grants) assert.ok(t.after.filter((n) => n[k] === t.byId.get(g.node)![k]).length <= cap, `max_parallel_per_${k}`);
        }
        if (c.i.intent.strategy?.type === 'pinned' || c.i.intent.strategy?.type === 'forced-node') for (const g of p.grants) assert.ok(c.i.intent.strategy.nodes!.includes(g.node));
      }),
      { numRuns: 200, seed: 2 }, // a fixed seed: the coverage check below must not depend on luck
    );
    for (const code of ['max-parallel', 'max-unavailable', 'critical-last', 'role-order']) assert.ok((bound.get(code) ?? 0) > 0, `no generated case reached ${code}: ${JSON.stringify([...bound])}`);
    assert.ok(['max-parallel-per-area', 'max-parallel-per-site', 'max-parallel-per-nat-group'].some((code) => bound.has(code)), `no generated case reached a per-group cap: ${JSON.stringify([...bound])}`);
  });

  it('never leases a node that is not ACTIVE, nor anything of a paused, aborted, expired or refused intent', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const p = planLeases(c.i.intent, verdictFor(c.i.trusted), c.policy, c.nodes, c.journal, NOW);
        const byId = new Map(c.nodes.map((n) => [n.id, n]));
        for (const g of p.grants) assert.equal(byId.get(g.node)!.mode, 'ACTIVE');
        if (!c.i.trusted || c.i.intent.control !== 'run' || c.i.intent.expires < '2026-06-01') {
          assert.deepEqual(p.grants, []);
          assert.ok(['refused', 'paused', 'aborted', 'expired'].includes(p.state));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('the stop holds once the failure rate is crossed', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const p = planLeases(c.i.intent, verdictFor(c.i.trusted), c.policy, c.nodes, c.journal, NOW);
        const t = tally(c, p);
        const s = c.policy.failure_rate_stop;
        if (s && t.finished >= s.min_executed && t.failed / t.finished > s.max_rate) {
          assert.deepEqual(p.grants, []);
          if (p.state === 'halted') assert.ok(p.halted !== null);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('canaries spread over distinct areas as far as the fleet allows', () => {
    fc.assert(
      fc.property(fleetArb, policyArb, fc.integer({ min: 1, max: 4 }), (f, policy, count) => {
        const p = planLeases(intent({ type: 'canary', canary_count: count }), TRUSTED, policy, f.nodes, [], NOW);
        const candidates = f.nodes.filter((n) => n.mode === 'ACTIVE' && n.serves.length === 0);
        const areas = (ns: readonly RolloutNode[]): number => new Set(ns.map((n) => n.area)).size;
        const chosen = p.grants.filter((g) => g.canary).map((g) => f.nodes.find((n) => n.id === g.node)!);
        assert.ok(chosen.every((n) => n.serves.length === 0), 'a canary is an ordinary node');
        if (candidates.length > 0) assert.equal(chosen.length, p.grants.length, 'while ordinary nodes are left, only canaries start');
        assert.ok(chosen.length <= count);
        assert.equal(areas(chosen), Math.min(chosen.length, areas(candidates)));
      }),
      { numRuns: 200 },
    );
  });

  it('critical nodes go last and one at a time', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const p = planLeases(c.i.intent, verdictFor(c.i.trusted), c.policy, c.nodes, c.journal, NOW);
        const t = tally(c, p);
        const critical = p.grants.filter((g) => t.byId.get(g.node)!.serves.length > 0);
        if (critical.length === 0) return;
        assert.equal(critical.length, 1, 'one critical grant at a time');
        assert.equal(t.after.filter((n) => n.serves.length > 0).length, 1, 'no other critical node in flight');
        const s = c.i.intent.strategy!;
        const listed = s.type === 'pinned' || s.type === 'forced-node' ? new Set(s.nodes) : null;
        const ordinaryLeft = c.nodes.filter((n) => n.serves.length === 0 && (!listed || listed.has(n.id)) && (
          (n.mode === 'ACTIVE' && (t.state.get(n.id)?.state ?? 'blocked') === 'blocked') || t.holding.includes(n.id)));
        assert.deepEqual(ordinaryLeft.map((n) => n.id), [], 'every ordinary node is done first');
      }),
      { numRuns: 200 },
    );
  });

  it('same inputs, same plan, whatever order the nodes and journal come in', () => {
    fc.assert(
      fc.property(caseArb, fc.nat(), (c, seed) => {
        const shuffle = <T>(xs: readonly T[]): T[] => xs.map((x, i) => ({ x, k: (i * 7919 + seed) % 104729 })).sort((a, b) => a.k - b.k).map((e) => e.x);
        const a = planLeases(c.i.intent, verdictFor(c.i.trusted), c.policy, c.nodes, c.journal, NOW);
        const b = planLeases(structuredClone(c.i.intent), verdictFor(c.i.trusted), structuredClone(c.policy), shuffle(c.nodes), shuffle(c.journal), new Date(NOW.getTime()));
        assert.equal(JSON.stringify(b), JSON.stringify(a));
      }),
      { numRuns: 200 },
    );
  });
});
