/**
 * Simulated node agents: many nodes' agent cycles driven from one process,
 * through the same cycle `fleethub agent --once` runs (src/agent/agentCycle.ts:
 * the same trust and lease verification, the same journal, one per node, the
 * same reports). What is simulated is the node itself and the transport:
 *
 * - the fleet is fetched once per tick (one clone, the relay's fetch) and the
 *   snapshot shared by every agent, as if each had fetched the same commit;
 * - apply and health are in-process: a node "installs" the version it is
 *   given after its delay, and a node with the `fail` fault is unhealthy on
 *   the new version (so it rolls back);
 * - every agent records its report in one outbox (writer = its node id, as
 *   a real agent's would be) and the outbox is relayed once per tick.
 *
 * Used by the end-to-end rollout test and by `npm run sim -- --agents`.
 */
import { join } from 'node:path';
import { agentCycle } from '../../src/agent/agentCycle.js';
import { fetchFleet } from '../../src/agent/fetchFleet.js';
import { readFleetSnapshot } from '../../src/agent/readFleetSnapshot.js';
import { readFleetView } from '../../src/agent/readFleetView.js';
import { openAgentJournal } from '../../src/agent/openAgentJournal.js';
import { openOutbox } from '../../src/outbox/openOutbox.js';
import { relay } from '../../src/relay/relay.js';
import { sleep } from '../../src/relay/sleep.js';
export function simulatedAgents(options) {
    const now = options.now ?? (() => new Date());
    const faults = new Map();
    const initialOf = (node) => (typeof options.initial === 'string' ? options.initial : options.initial(node));
    const installed = new Map(options.nodes.map((n) => [n, initialOf(n)]));
    const applied = new Map(options.nodes.map((n) => [n, 0]));
    const pending = new Map();
    let lastPid = 0;
    const running = new Set();
    const startedTokens = new Set();
    let ulid = null;
    const journals = new Map();
    const journalDir = (node) => join(options.stateDir, 'agents', node);
    // Each node's journal stays open between cycles; synchronous = OFF, since a simulated node's journal need not survive a power loss.
    const journalOf = (node) => journals.get(node) ?? (journals.set(node, openAgentJournal(journalDir(node), { durable: false })), journals.get(node));
    const views = new WeakMap();
    const view = (s) => views.get(s) ?? (views.set(s, readFleetView(s, options.pin)), views.get(s));
    const ioFor = (node, shared) => ({
        now,
        fetch: async () => shared,
        view,
        async startApply(vars, started) {
            // A simulated process: an id, running until its apply is done. `started` may throw (a crash): then it never runs.
            const pid = ++lastPid;
            const token = `${node}-${pid}`;
            started({ pid, token });
            running.add(pid);
            startedTokens.add(token);
            applied.set(node, applied.get(node) + 1);
            const ms = faults.get(node)?.applyMs ?? 0;
            const exited = (async () => {
                if (ms > 0)
                    await new Promise((r) => setTimeout(r, ms));
                installed.set(node, vars.FLEETHUB_VERSION);
                running.delete(pid);
                return { code: 0, detail: 'exited 0' };
            })();
            return { exited };
        },
        async health() {
            const version = installed.get(node);
            const healthy = !(faults.get(node)?.fail && version !== initialOf(node));
            return { healthy, version, detail: healthy ? 'exited 0' : 'exited with status 1: simulated failure' };
        },
        processAlive: (pid) => running.has(pid),
        commandStarted: (token) => startedTokens.has(token),
        sleep: (ms, signal) => sleep(ms, signal ?? new AbortController().signal),
        // Buffered for the tick and recorded at its end in one transaction, each event with its node as the writer. One relay per
        // tick lands only each file's last text, so a node's earlier reports of the same tick (applying, then healthy) are folded.
        record: async (path, text) => void pending.set(`${node}\n${path}`, { node, path, text }),
        relay: async () => ({ ok: true }),
    });
    return {
        async tick() {
            const got = await fetchFleet(options.stateDir, [options.remote], options.branch ? { branch: options.branch } : {});
            const snapshot = got.head === null ? null : await readFleetSnapshot(got.gitdir, got.head);
            const outcomes = new Map();
            if (snapshot !== null) {
                const shared = { url: got.url, shown: got.shown, branch: got.branch, snapshot };
                await Promise.all(options.nodes.map(async (node) => outcomes.set(node, await agentCycle({ node, stateDir: journalDir(node), pin: options.pin, journal: journalOf(node) }, ioFor(node, shared)))));
            }
            if (pending.size > 0) {
                ulid ??= (await import('ulidx')).monotonicFactory();
                const at = now();
                const outbox = openOutbox(options.stateDir);
                try {
                    const events = [...pending.values()];
                    pending.clear();
                    outbox.append(events.map((e) => ({ body: { type: 'status.file', payload: { path: e.path, text: e.text } }, writer: { name: e.node, email: `${e.node}@fleethub-agent.invalid` }, at: at.toISOString(), id: ulid(at.getTime()) })));
                }
                finally {
                    outbox.close();
                }
            }
            const report = await relay(options.stateDir, { upstream: options.remote, ...(options.branch ? { branch: options.branch } : {}) }, { now, random: Math.random });
            return { commit: snapshot?.commit ?? null, outcomes, relayed: report.applied };
        },
        setFault: (node, fault) => void faults.set(node, fault),
        fault: (node) => faults.get(node) ?? {},
        installed: (node) => installed.get(node),
        applications: (node) => applied.get(node),
        close: () => {
            for (const j of journals.values())
                j.close();
            journals.clear();
        },
    };
}
//# sourceMappingURL=simulatedAgents.js.map