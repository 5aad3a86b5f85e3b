import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { nextModeState } from '../src/evaluate/nextModeState.js';
import { parseModesFile, renderModesFile, statesToPersist } from '../src/evaluate/modesFile.js';
const policy = { failureThreshold: 3, successThreshold: 2 };
const on = { enabled: true, planned: false };
const obs = (ok, at) => ({ node: 'n', at, ok, reason: ok ? 'all probes passed' : 'tcp 127.0.0.1:1: refused', results: [] });
const t = (i) => new Date(Date.UTC(2026, 10, 22, 0, i)).toISOString();
function run(sequence, start) {
    const out = [];
    let s = start;
    sequence.forEach((ok, i) => {
        s = nextModeState(s, on, obs(ok, t(i)), policy, t(i));
        out.push(s);
    });
    return out;
}
describe('node modes', () => {
    it('goes DEGRADED only after the failure threshold, and ACTIVE again only after the connectivity proof', () => {
        const modes = run([true, false, false, false, true, true, false, true]).map((s) => s.mode);
        assert.deepEqual(modes, ['ACTIVE', 'ACTIVE', 'ACTIVE', 'DEGRADED', 'DEGRADED', 'ACTIVE', 'ACTIVE', 'ACTIVE']);
    });
    it('does not flap with a flapping node', () => {
        const states = run([true, false, true, false, true, false, true, false]);
        assert.ok(states.every((s) => s.mode === 'ACTIVE'));
        const degraded = run([false, false, false, true, false, true, false, true]);
        assert.deepEqual(degraded.slice(2).map((s) => s.mode), ['DEGRADED', 'DEGRADED', 'DEGRADED', 'DEGRADED', 'DEGRADED', 'DEGRADED']);
    });
    it('keeps since and last verified, explains itself, and changes nothing without an observation', () => {
        const [a, , , d] = run([true, false, false, false]);
        assert.equal(a.since, t(0));
        assert.equal(d.since, t(3));
        assert.equal(d.last_verified, t(0));
        assert.equal(d.reason, 'tcp 127.0.0.1:1: refused');
        assert.deepEqual(nextModeState(d, on, undefined, policy, t(9)), d);
        const recovering = nextModeState(d, on, obs(true, t(4)), policy, t(4));
        assert.match(recovering.reason, /recovering: 1\/2/);
    });
    it('declared modes win: DISABLED and PLANNED are never observed', () => {
        const disabled = nextModeState(undefined, { enabled: false, planned: false }, obs(true, t(0)), policy, t(0));
        assert.equal(disabled.mode, 'DISABLED');
        assert.equal(disabled.since, null, 'first seen: since is unknown, not the clock');
        const switchedOff = nextModeState(run([true])[0], { enabled: false, planned: false }, undefined, policy, t(5));
        assert.equal(switchedOff.since, t(5));
        assert.equal(nextModeState(switchedOff, { enabled: false, planned: false }, undefined, policy, t(7)).since, t(5));
        assert.equal(nextModeState(undefined, { enabled: true, planned: true }, undefined, policy, t(0)).mode, 'PLANNED');
        assert.equal(nextModeState(disabled, on, undefined, policy, t(6)).mode, 'UNKNOWN');
    });
    it('writes status/modes.json deterministically; new observation times only with a change of state, or a heartbeat when one is set', () => {
        const states = new Map(run([true]).map((s) => ['n', s]));
        const text = renderModesFile(states);
        assert.equal(renderModesFile(parseModesFile(text).states), text);
        const later = new Map([['n', { ...states.get('n'), last_verified: t(10), observed_at: t(10) }]]);
        const muchLater = new Map([['n', { ...states.get('n'), last_verified: t(60 * 24 * 30), observed_at: t(60 * 24 * 30) }]]);
        assert.equal(renderModesFile(statesToPersist(states, muchLater, null)), text, 'no heartbeat: a month later and unchanged, nothing to write');
        assert.equal(renderModesFile(statesToPersist(states, later, 3_600_000)), text, 'heartbeat 1h: ten minutes later, nothing to write');
        assert.notEqual(renderModesFile(statesToPersist(states, later, 60_000)), text, 'heartbeat 1m: past it, write');
        const failing = new Map([['n', { ...later.get('n'), failures: 1, reason: 'failing 1/3: refused' }]]);
        assert.equal(statesToPersist(states, failing, null).get('n').observed_at, t(10), 'a change of counters writes the new time');
        const bad = parseModesFile('not json');
        assert.equal(bad.states.size, 0);
        assert.deepEqual(bad.problems.map((p) => [p.line, p.message.startsWith('status/modes.json is not valid JSON')]), [[1, true]]);
    });
});
//# sourceMappingURL=nodeModes.test.js.map