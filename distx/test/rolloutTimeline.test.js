/**
 * Properties over whole rollouts, not one tick (test/rolloutPlanner.test.ts
 * holds the single-tick ones): random fleets, policies and strategies run
 * tick by tick through the real rolloutTick against simulated agents
 * (simulateRollout), each timeline checked here with bookkeeping of its own —
 * no limit exceeded in any tick, nodes that are not ACTIVE never leased,
 * critical nodes one at a time and after every other node, the failure stop
 * holding once crossed; then the rollout file itself: nothing leased while
 * paused, aborted, expired or refused (abort leaves no lease not started),
 * every lease it issues verifies for its node, the same inputs give the same
 * bytes, and a node-agent phase never leases a node whose host-agent phase
 * is not done.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { generateKeyPairSync } from 'node:crypto';
import { renderRolloutFile } from '../src/rollout/renderRolloutFile.js';
import { rolloutTick } from '../src/rollout/rolloutTick.js';
import { planLeases } from '../src/rollout/planLeases.js';
import { simulateRollout } from '../src/rollout/simulateRollout.js';
import { verifyLease } from '../src/rollout/verifyLease.js';
import { rawPublicKey } from '../src/trust/ed25519.js';
import { createPublicKey } from 'node:crypto';
const NOW = new Date('2026-06-01T12:00:00Z');
const TRUSTED = { id: 'up', trusted: true, signers: ['k'], digest: 'c'.repeat(64), findings: [] };
const IN_FLIGHT = new Set(['leased', 'staged', 'applying']);
const { privateKey } = generateKeyPairSync('ed25519');
const SIGNER = { id: 'orch', key: privateKey };
const ROOT = { version: 1, keys: [{ id: 'orch', publicKey: rawPublicKey(createPublicKey(privateKey)), roles: ['orchestrator'] }], roles: [{ name: 'orchestrator', kinds: ['lease'], threshold: 1, override: false }] };
const caseArb = fc
    .record({
    rows: fc.array(fc.record({
        area: fc.constantFrom('a', 'b', 'c'),
        site: fc.nat({ max: 2 }),
        nat: fc.nat({ max: 1 }),
        role: fc.constantFrom('edge', 'edge', 'ingress', 'primary'),
        mode: fc.constantFrom('ACTIVE', 'ACTIVE', 'ACTIVE', 'ACTIVE', 'ACTIVE', 'DEGRADED', 'DISABLED', 'PLANNED', 'UNKNOWN'),
        critical: fc.constantFrom(false, false, false, false, true),
    }), { minLength: 1, maxLength: 30 }),
    max_parallel: fc.integer({ min: 1, max: 5 }),
    per_area: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
    per_site: fc.option(fc.integer({ min: 1, max: 2 }), { nil: undefined }),
    per_nat: fc.option(fc.integer({ min: 1, max: 2 }), { nil: undefined }),
    max_unavailable: fc.option(fc.integer({ min: 1, max: 8 }), { nil: undefined }),
    stop: fc.option(fc.record({ max_rate: fc.constantFrom(0.1, 0.25, 0.5), min_executed: fc.integer({ min: 1, max: 6 }) }), { nil: undefined }),
    role_order: fc.shuffledSubarray(['edge', 'ingress', 'primary']),
    type: fc.constantFrom('rolling', 'canary'),
    canary_count: fc.integer({ min: 1, max: 3 }),
    batch: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
    failRate: fc.constantFrom(0, 0, 0.2, 0.5),
    seed: fc.integer({ min: 1, max: 1000 }),
})
    .map((r) => ({
    nodes: r.rows.map((x, i) => {
        const site = `${x.area}-s${x.site}`;
        return { id: `n${String(i).padStart(2, '0')}`, area: x.area, site, nat_group: `${site}-n${x.nat}`, role: x.role, labels: {}, mode: x.mode, serves: x.critical ? ['relay'] : [], agent: true };
    }),
    policy: {
        max_parallel: r.max_parallel,
        ...(r.per_area ? { max_parallel_per_area: r.per_area } : {}),
        ...(r.per_site ? { max_parallel_per_site: r.per_site } : {}),
        ...(r.per_nat ? { max_parallel_per_nat_group: r.per_nat } : {}),
        ...(r.max_unavailable ? { max_unavailable: r.max_unavailable } : {}),
        ...(r.stop ? { failure_rate_stop: r.stop } : {}),
        lease_ttl: '30m',
        heartbeat_timeout: '5m',
        role_order: r.role_order,
    },
    strategy: r.type === 'canary' ? { type: 'canary', canary_count: r.canary_count, healthy_for: '3m' } : { type: 'rolling', ...(r.batch ? { batch_size: r.batch } : {}) },
    failRate: r.failRate,
    seed: r.seed,
}));
const intentOf = (strategy, extra = {}) => ({ id: 'up', version: 1, expires: '2027-01-01', target: {}, strategy, control: 'run', ...extra });
describe('when a rollout is complete', () => {
    const at = '2026-06-01T11:00:00.000Z';
    const n = (id, extra = {}) => ({ id, area: 'a', site: 's', nat_group: 'g', role: 'edge', labels: {}, mode: 'ACTIVE', serves: [], agent: true, ...extra });
    const done = [{ node: 'n1', state: 'healthy', since: at, leased_at: at, reported_at: at }];
    const state = (nodes) => planLeases(intentOf({ type: 'rolling' }), TRUSTED, { max_parallel: 1 }, nodes, done, NOW).state;
    it('is complete once every node is done but those left out by declaration (DISABLED, PLANNED)', () => {
        assert.equal(state([n('n1')]), 'complete');
        assert.equal(state([n('n1'), n('n2', { mode: 'DISABLED' }), n('n3', { mode: 'PLANNED' })]), 'complete');
    });
    it('waits (running) for a node DEGRADED, never observed, or whose agent has not reported', () => {
        for (const extra of [{ mode: 'DEGRADED' }, { mode: 'UNKNOWN' }, { agent: false }])
            assert.equal(state([n('n1'), n('n2', extra)]), 'running', JSON.stringify(extra));
    });
});
describe('rollout timelines (properties)', () => {
    it('no limit is exceeded in any tick, non-ACTIVE nodes are never leased, critical nodes go one at a time and last, and the failure stop holds', () => {
        fc.assert(fc.property(caseArb, (c) => {
            const sim = simulateRollout({ intent: intentOf(c.strategy), verdict: TRUSTED, policy: c.policy, nodes: c.nodes, now: NOW }, { failRate: c.failRate, seed: c.seed, maxTicks: 500 });
            const byId = new Map(c.nodes.map((n) => [n.id, n]));
            const cap = Math.min(c.policy.max_parallel, c.strategy.batch_size ?? Infinity);
            const degraded = c.nodes.filter((n) => n.mode === 'DEGRADED').length;
            let ordinaryLast = -1;
            let criticalFirst = Infinity;
            for (const t of sim.ticks) {
                const flying = Object.entries(t.states).filter(([, s]) => IN_FLIGHT.has(s)).map(([id]) => byId.get(id));
                assert.ok(flying.length <= cap, `tick ${t.tick}: ${flying.length} > max_parallel ${cap}`);
                for (const [k, limit] of [['area', c.policy.max_parallel_per_area], ['site', c.policy.max_parallel_per_site], ['nat_group', c.policy.max_parallel_per_nat_group]]) {
                    if (limit === undefined)
                        continue;
                    const per = new Map();
                    for (const n of flying)
                        per.set(n[k], (per.get(n[k]) ?? 0) + 1);
                    for (const [g, x] of per)
                        assert.ok(x <= limit, `tick ${t.tick}: ${x} in flight in ${k} ${g} > ${limit}`);
                }
                if (c.policy.max_unavailable !== undefined && t.grants.length > 0)
                    assert.ok(flying.length + degraded <= c.policy.max_unavailable, `tick ${t.tick}: unavailable ${flying.length + degraded} > ${c.policy.max_unavailable}`);
                assert.ok(flying.filter((n) => n.serves.length > 0).length <= 1, `tick ${t.tick}: two critical nodes in flight`);
                for (const n of c.nodes)
                    if (n.mode !== 'ACTIVE')
                        assert.equal(t.states[n.id], 'blocked');
                for (const g of t.grants) {
                    if (byId.get(g).serves.length > 0)
                        criticalFirst = Math.min(criticalFirst, t.tick);
                    else
                        ordinaryLast = t.tick;
                }
                // The failure stop: once crossed (min_executed finished), nothing more is granted, and the run ends there.
                const stop = c.policy.failure_rate_stop;
                if (stop) {
                    const states = Object.values(t.states);
                    const failed = states.filter((s) => s === 'rolled_back').length;
                    const finished = failed + states.filter((s) => s === 'healthy').length;
                    if (finished >= stop.min_executed && failed / finished > stop.max_rate) {
                        assert.deepEqual(t.grants, [], `tick ${t.tick}: granted after the failure rate was crossed`);
                        assert.equal(t, sim.ticks[sim.ticks.length - 1], 'the rollout halts at the first tick over the threshold');
                        assert.equal(sim.result, 'halted');
                    }
                }
            }
            assert.ok(ordinaryLast < criticalFirst, `critical node granted at tick ${criticalFirst}, an ordinary one at ${ordinaryLast}`);
            // Without failures nothing halts: it completes, or is stuck on a limit nothing in flight can lift (DEGRADED nodes filling max_unavailable).
            if (c.failRate === 0)
                assert.ok(sim.result === 'complete' || (sim.result === 'stuck' && c.policy.max_unavailable !== undefined && degraded >= c.policy.max_unavailable), `${sim.result} without failures`);
        }), { numRuns: 60, seed: 12 });
    });
    it('nothing is leased while paused, aborted, expired or refused, whatever the journal; abort and refusal leave no lease not started', () => {
        fc.assert(fc.property(caseArb, fc.constantFrom('paused', 'aborted', 'op-paused', 'op-aborted', 'expired', 'refused'), fc.integer({ min: 1, max: 6 }), (c, stop, ticks) => {
            // Run a few ticks first, so there are leases in every state, then stop it and tick on.
            let previous = null;
            const reports = new Map();
            const base = { verdict: TRUSTED, policy: c.policy, nodes: c.nodes, reports, signer: SIGNER };
            for (let t = 0; t < ticks; t++) {
                const now = new Date(NOW.getTime() + t * 60_000);
                previous = rolloutTick({ ...base, intent: intentOf(c.strategy), previous, now }).file;
                for (const l of previous.leases)
                    if (t % 2 === 1)
                        reports.set(l.node, { state: 'staged', lease: l.id, version: 1, reason: null, reported_at: now.toISOString() });
            }
            const stopped = stop === 'paused' || stop === 'aborted' ? { intent: intentOf(c.strategy, { control: stop }) }
                : stop === 'op-paused' ? { control: 'paused' }
                    : stop === 'op-aborted' ? { control: 'aborted' }
                        : stop === 'expired' ? { intent: intentOf(c.strategy, { expires: '2026-05-31' }) }
                            : { verdict: { ...TRUSTED, trusted: false } };
            const epoch = previous.epoch;
            for (let t = 0; t < 3; t++) {
                const now = new Date(NOW.getTime() + (ticks + t) * 60_000);
                const tick = rolloutTick({ ...base, intent: intentOf(c.strategy), previous, now, ...stopped, ...(t > 0 && stopped.control ? { control: undefined } : {}) });
                assert.deepEqual(tick.plan.grants, []);
                assert.equal(tick.file.epoch, epoch, 'no new epoch, so no new lease');
                if (stop.endsWith('aborted') || stop === 'refused' || stop === 'expired') {
                    for (const l of tick.file.leases)
                        assert.ok(!['leased', 'staged'].includes(tick.file.journal.get(l.node)?.state ?? ''), `${l.id} not started but kept`);
                }
                previous = tick.file;
            }
        }), { numRuns: 80, seed: 5 });
    });
    it('every lease it issues verifies for its node; the same inputs give the same file, byte for byte, in any input order', () => {
        fc.assert(fc.property(caseArb, fc.integer({ min: 1, max: 2 ** 31 }), (c, shuffleSeed) => {
            const input = { intent: intentOf(c.strategy), verdict: TRUSTED, policy: c.policy, nodes: c.nodes, previous: null, reports: new Map(), signer: SIGNER, now: NOW };
            const a = rolloutTick(input);
            for (const l of a.file.leases) {
                assert.deepEqual(verifyLease(l, { chain: { root: ROOT }, intent: { id: 'up', version: 1, digest: TRUSTED.digest }, node: l.node, now: NOW, highestEpochSeen: 0 }), { ok: true });
                const other = c.nodes.find((n) => n.id !== l.node);
                if (other)
                    assert.equal(verifyLease(l, { chain: { root: ROOT }, intent: { id: 'up', version: 1, digest: TRUSTED.digest }, node: other.id, now: NOW, highestEpochSeen: 0 }).code, 'lease-wrong-node');
            }
            const shuffled = [...c.nodes].sort((x, y) => (hash(x.id, shuffleSeed) - hash(y.id, shuffleSeed)));
            const b = rolloutTick({ ...input, nodes: shuffled });
            assert.equal(renderRolloutFile(b.file), renderRolloutFile(a.file));
            // And the next tick from the same file and reports, twice: the same bytes.
            const reports = new Map(a.file.leases.map((l) => [l.node, { state: 'applying', lease: l.id, version: 1, reason: null, reported_at: NOW.toISOString() }]));
            const later = new Date(NOW.getTime() + 60_000);
            const n1 = rolloutTick({ ...input, previous: a.file, reports, now: later });
            const n2 = rolloutTick({ ...input, nodes: shuffled, previous: a.file, reports: new Map([...reports].reverse()), now: later });
            assert.equal(renderRolloutFile(n2.file), renderRolloutFile(n1.file));
        }), { numRuns: 60, seed: 9 });
    });
    it("a node-agent phase never leases a node whose host-agent phase is not done", () => {
        fc.assert(fc.property(caseArb, fc.func(fc.boolean()), (c, pendingOf) => {
            const pending = new Set(c.nodes.filter((n) => pendingOf(n.id)).map((n) => n.id));
            const tick = rolloutTick({ intent: intentOf(c.strategy, { after: { intent: 'host', pending } }), verdict: TRUSTED, policy: c.policy, nodes: c.nodes, previous: null, reports: new Map(), signer: SIGNER, now: NOW });
            for (const g of tick.plan.grants)
                assert.ok(!pending.has(g.node), `${g.node} leased before its host-agent phase`);
            for (const w of tick.plan.waiting)
                if (pending.has(w.node) && c.nodes.find((n) => n.id === w.node).mode === 'ACTIVE')
                    assert.equal(w.code, 'host-agent-first');
        }), { numRuns: 60, seed: 3 });
    });
});
function hash(s, seed) {
    let h = seed >>> 0;
    for (let i = 0; i < s.length; i++)
        h = Math.imul(h ^ s.charCodeAt(i), 2654435761) >>> 0;
    return h;
}
//# sourceMappingURL=rolloutTimeline.test.js.map