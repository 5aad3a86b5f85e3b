/**
 * A dry run of a rollout: the real tick (rolloutTick, so the real planner and
 * the real lease bookkeeping) repeated against simulated agents, one tick per
 * simulated minute. Each agent with a lease reports `applying` on the next
 * tick and, on the one after, `healthy` or — with probability failRate, from
 * a seeded RNG — `rolled_back`; every tick it reports, so no heartbeat is
 * lost. The intent is taken as trusted (a dry run before signing) and every
 * node as having an agent; modes are the fleet's. Leases are signed with a
 * throwaway key made for the run. Ends `complete` (every node done but those
 * whose mode keeps them out), `halted` (the plan's halt), or `stuck`
 * (nothing in flight, nothing granted, and nothing left to wait for but a
 * limit that never lifts). Pure apart from the throwaway key.
 */
import { generateKeyPairSync } from 'node:crypto';
import { mulberry32 } from '../records/mulberry32.js';
import { rolloutTick } from './rolloutTick.js';
/** With nothing in flight, the one wait that lifts by itself: canaries healthy for long enough. Any other means no node can ever start. */
const LIFTS_WHEN_IDLE = new Set(['canary-wait']);
/** Waits on a node's own mode or declaration, which simulated agents do not change. */
const NODE_STATES = new Set(['not-in-strategy', 'node-missing', 'node-disabled', 'node-planned', 'node-degraded', 'node-unknown', 'node-not-active']);
export function simulateRollout(base, o) {
    const rng = mulberry32(o.seed);
    const tickMs = o.tickMs ?? 60_000;
    const maxTicks = o.maxTicks ?? 100_000;
    const { privateKey } = generateKeyPairSync('ed25519');
    const signer = { id: 'simulation', key: privateKey };
    const verdict = { ...base.verdict, trusted: true, id: base.intent.id, findings: [], digest: base.verdict.digest || '0'.repeat(64) };
    const nodes = base.nodes.map((n) => ({ ...n, agent: true }));
    const reports = new Map();
    const started = base.now.getTime();
    let previous = null;
    const ticks = [];
    let leased = 0;
    for (let t = 0; t < maxTicks; t++) {
        const now = new Date(started + t * tickMs);
        const at = now.toISOString();
        // The agents act on what the last tick left them: a fresh lease starts applying, an apply finishes; a finished agent has nothing new to say.
        reports.clear();
        if (previous) {
            for (const l of previous.leases) {
                const line = previous.journal.get(l.node);
                if (!line || line.lease !== l.id)
                    continue;
                if (line.state === 'leased')
                    reports.set(l.node, { state: 'applying', lease: l.id, version: previous.intent_version, reason: null, reported_at: at });
                else if (line.state === 'applying')
                    reports.set(l.node, rng() < o.failRate ? { state: 'rolled_back', lease: l.id, version: previous.intent_version, reason: 'simulated health check failure', reported_at: at } : { state: 'healthy', lease: l.id, version: previous.intent_version, reason: null, reported_at: at });
            }
        }
        const tick = rolloutTick({ ...base, verdict, nodes, previous, reports, signer, now });
        previous = tick.file;
        leased += tick.plan.grants.length;
        const grants = tick.plan.grants.map((g) => g.node);
        if (o.timeline !== false) {
            const states = {};
            for (const w of tick.plan.waiting)
                states[w.node] = previous.journal.get(w.node)?.state ?? 'blocked';
            for (const id of [...tick.plan.in_flight, ...tick.plan.done, ...grants])
                states[id] = previous.journal.get(id)?.state ?? 'blocked';
            const waits = {};
            for (const w of tick.plan.waiting)
                waits[w.code] = (waits[w.code] ?? 0) + 1;
            ticks.push({ tick: t, grants, states: sorted(states), waits });
        }
        const end = (result) => ({ intent: base.intent.id, result, halted: tick.plan.halted, ticks, tickCount: t + 1, leased });
        if (tick.plan.state === 'complete')
            return end('complete');
        if (tick.plan.halted)
            return end('halted');
        const inFlight = tick.plan.in_flight.length > 0 || grants.length > 0;
        // Nothing in flight and nothing can start: complete when only nodes the simulation cannot change are left (their mode), stuck otherwise.
        if (!inFlight && !tick.plan.waiting.some((w) => LIFTS_WHEN_IDLE.has(w.code)))
            return end(tick.plan.waiting.every((w) => NODE_STATES.has(w.code)) ? 'complete' : 'stuck');
    }
    return { intent: base.intent.id, result: 'stuck', halted: null, ticks, tickCount: maxTicks, leased };
}
const sorted = (o) => Object.fromEntries(Object.keys(o).sort().map((k) => [k, o[k]]));
//# sourceMappingURL=simulateRollout.js.map