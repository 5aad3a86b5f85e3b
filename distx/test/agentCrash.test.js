/**
 * The agent stopped at ANY point of an update (every point, exhaustively): the
 * cycle runs against a real journal file that "crashes" at its k-th save —
 * just before the write or just after it, the two sides of a kill -9 between
 * two durable steps — while the node (its apply process, its installed
 * version) lives on, as a real node's would. A fresh agent on the same
 * journal then runs until the update is settled. Whatever k: exactly one
 * application for a healthy node (one apply and one rollback for a node that
 * is unhealthy on the new version), the right version installed, and the
 * right state reported. test/agentKill.test.ts does the same with real
 * processes and SIGKILL at two points.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, test } from 'node:test';
import { agentCycle } from '../src/agent/agentCycle.js';
import { openAgentJournal } from '../src/agent/openAgentJournal.js';
import { agentReads } from '../src/agent/agentReads.js';
import { readFleetView } from '../src/agent/readFleetView.js';
import { sleep } from '../src/relay/sleep.js';
import { parsePinnedRoot } from '../src/trust/parsePinnedRoot.js';
import { bundledFleetFiles, INTENT, INTENT_FILE, orchestratorLease, rolloutFile } from './helpers/agentFleet.js';
import { DEMO_TRUST_ROOT, removeDir, tempDir } from './helpers/fleet.js';
const NODE = 'test-1';
const BEFORE = '0.2.325-updatehintwake';
const TARGET = '0.2.332-relaycertintentfix';
const PIN = parsePinnedRoot(readFileSync(DEMO_TRUST_ROOT, 'utf8'), DEMO_TRUST_ROOT);
const files = bundledFleetFiles();
const lease = orchestratorLease({ intentText: files[INTENT_FILE], node: NODE, epoch: 1, expires: new Date(Date.now() + 3_600_000) });
const all = { ...files, [`status/rollouts/${INTENT}.yaml`]: rolloutFile([lease]) };
const snapshot = { commit: 'c0ffee', files: new Map(Object.entries(all).filter(([p]) => agentReads(p)).sort()), fileVersions: () => ({ available: true, versions: [] }) };
const view = readFleetView(snapshot, PIN);
const dirs = [];
after(() => dirs.forEach(removeDir));
class Crash extends Error {
}
/** A node that outlives its agent: an installed version, apply processes with ids, a count of applications. */
function simulatedNode(unhealthyOnNew) {
    const node = { installed: BEFORE, applications: [], running: new Set(), started: new Set(), lastPid: 100 };
    const io = {
        now: () => new Date(),
        fetch: async () => ({ url: 'mem', shown: 'mem', branch: 'main', snapshot }),
        view: () => view,
        async startApply(vars, started) {
            const pid = ++node.lastPid;
            started({ pid, token: `t${pid}` }); // a crash here (the id saved or not) stops the agent before the gate opens: the command never runs
            node.running.add(pid);
            node.started.add(`t${pid}`);
            node.applications.push(`${vars.FLEETHUB_VERSION} rollback=${vars.FLEETHUB_ROLLBACK}`);
            const exited = (async () => {
                await sleep(3, new AbortController().signal);
                node.installed = vars.FLEETHUB_VERSION;
                node.running.delete(pid);
                return { code: 0, detail: 'exited 0' };
            })();
            return { exited };
        },
        async health() {
            const healthy = !(unhealthyOnNew && node.installed !== BEFORE);
            return { healthy, version: node.installed, detail: healthy ? 'exited 0' : 'exited with status 1' };
        },
        processAlive: (pid) => node.running.has(pid),
        commandStarted: (token) => node.started.has(token),
        sleep: (ms, signal) => sleep(Math.min(ms, 5), signal ?? new AbortController().signal),
        record: async () => { },
        relay: async () => ({ ok: true }),
    };
    return { node, io };
}
/** The journal, crashing at its k-th save: before the write, or after it. */
function crashingJournal(real, k, side) {
    let saves = 0;
    return {
        path: real.path,
        read: () => real.read(),
        timeline: () => real.timeline(),
        close: () => real.close(),
        save(st, lines) {
            saves += 1;
            if (saves === k && side === 'before')
                throw new Crash(`crash before save ${k}`);
            real.save(st, lines);
            if (saves === k && side === 'after')
                throw new Crash(`crash after save ${k}`);
        },
    };
}
async function settle(dir, io) {
    const journal = openAgentJournal(dir, { durable: false });
    try {
        for (let i = 0; i < 4; i++) {
            const out = await agentCycle({ node: NODE, stateDir: dir, pin: PIN, journal }, io);
            const st = journal.read();
            if (st.pending === null)
                return { state: out.reports[INTENT]?.state, pending: false };
        }
        return { state: journal.read().reports[INTENT]?.state, pending: true };
    }
    finally {
        journal.close();
    }
}
/** How many times one undisturbed update saves its journal. */
async function savesOfOneUpdate(unhealthy) {
    const dir = tempDir('fleethub-agent-crash-');
    dirs.push(dir);
    const real = openAgentJournal(dir, { durable: false });
    let saves = 0;
    try {
        await agentCycle({ node: NODE, stateDir: dir, pin: PIN, journal: { ...real, path: real.path, save: (st, l) => (saves++, real.save(st, l)) } }, simulatedNode(unhealthy).io);
    }
    finally {
        real.close();
    }
    return saves;
}
for (const unhealthy of [false, true]) {
    test(`a crash at any save of the journal, then a restart: ${unhealthy ? 'one apply and one rollback, rolled_back' : 'exactly one application, healthy'}`, async () => {
        const total = await savesOfOneUpdate(unhealthy);
        assert.ok(total >= 8, `${total} saves`);
        for (let k = 1; k <= total; k++) {
            for (const side of ['before', 'after']) {
                const dir = tempDir('fleethub-agent-crash-');
                dirs.push(dir);
                const { node, io } = simulatedNode(unhealthy);
                const real = openAgentJournal(dir, { durable: false });
                let crashed = false;
                try {
                    await agentCycle({ node: NODE, stateDir: dir, pin: PIN, journal: crashingJournal(real, k, side) }, io);
                }
                catch (e) {
                    if (!(e instanceof Crash))
                        throw e;
                    crashed = true;
                }
                finally {
                    real.close();
                }
                assert.ok(crashed, `the agent stopped at save ${k} (${side})`);
                const end = await settle(dir, io);
                // Let any apply still running finish, then look at the node.
                while (node.running.size > 0)
                    await sleep(2, new AbortController().signal);
                const at = `stopped ${side} save ${k} of ${total}`;
                assert.equal(end.pending, false, `settled (${at})`);
                if (unhealthy) {
                    assert.equal(end.state, 'rolled_back', at);
                    assert.deepEqual(node.applications, [`${TARGET} rollback=0`, `${BEFORE} rollback=1`], at);
                    assert.equal(node.installed, BEFORE, at);
                }
                else {
                    assert.equal(end.state, 'healthy', at);
                    assert.deepEqual(node.applications, [`${TARGET} rollback=0`], at);
                    assert.equal(node.installed, TARGET, at);
                }
            }
        }
    });
}
//# sourceMappingURL=agentCrash.test.js.map