/**
 * `npm run sim -- --agents`: a simulated node agent for every enabled node of the fleet
 * (simulatedAgents.ts), cycling every --agent-interval against --remote, or against a copy of
 * the fleet served on loopback by scripts/git-server/ (its URL printed, with the commands that
 * run the reconciler against it). Apply delay and failure faults through the control API
 * (agentsControl.ts); each node's status document reports the version its agent installed.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { durationMs } from '../../src/records/duration.js';
import { parsePinnedRoot } from '../../src/trust/parsePinnedRoot.js';
import { startGitServer } from '../git-server/gitHttpServer.js';
import { agentsControl } from './agentsControl.js';
import { simulatedAgents } from './simulatedAgents.js';
const PROJECT = fileURLToPath(new URL('../../../', import.meta.url));
const DEMO_PIN = join(PROJECT, 'test', 'fixtures', 'keys', 'trust-root.json');
const DEMO_ORCHESTRATOR_KEY = join(PROJECT, 'test', 'fixtures', 'keys', 'orchestrator-2026a.key');
export async function startAgents(root, nodes, options) {
    const intervalMs = durationMs(options.interval ?? '5s');
    if (intervalMs === null || intervalMs <= 0)
        throw new Error(`--agent-interval must be a duration (500ms, 5s, 1m), got ${options.interval}`);
    const applyMs = options.applyMs === undefined ? 2000 : Number(options.applyMs);
    if (!Number.isInteger(applyMs) || applyMs < 0)
        throw new Error(`--apply-ms must be a whole number of milliseconds, got ${options.applyMs}`);
    const ids = nodes.map((n) => n.id);
    for (const f of options.fail)
        if (!ids.includes(f))
            throw new Error(`--agent-fail ${f}: no enabled simulated node has that id (${ids.join(', ')})`);
    const pinSource = options.env.FLEETHUB_TRUST_ROOT?.trim() || DEMO_PIN;
    const pin = parsePinnedRoot(pinSource.startsWith('{') ? pinSource : readFileSync(resolve(pinSource), 'utf8'), pinSource.startsWith('{') ? 'FLEETHUB_TRUST_ROOT' : pinSource);
    let server = null;
    let remote = options.remote;
    if (remote === undefined) {
        server = await startGitServer();
        await server.createRepo('fleet', { files: fleetFiles(root) });
        remote = server.url('fleet');
    }
    const stateDir = mkdtempSync(join(tmpdir(), 'fleethub-sim-agents-'));
    const versions = new Map(nodes.map((n) => [n.id, n.version]));
    const agents = simulatedAgents({ nodes: ids, stateDir, remote, pin, initial: (id) => versions.get(id) });
    for (const id of ids)
        agents.setFault(id, { applyMs, fail: options.fail.includes(id) });
    let last = new Map();
    let stopped = false;
    let running = null;
    let previous = '';
    const loop = async () => {
        while (!stopped) {
            try {
                const tick = await agents.tick();
                last = new Map([...tick.outcomes].map(([id, o]) => [id, o.reports]));
                const line = summary(tick.outcomes);
                if (line !== previous)
                    options.log(`${new Date().toISOString()} agents: ${line}${tick.relayed > 0 ? ` (${tick.relayed} report(s) relayed)` : ''}`);
                previous = line;
            }
            catch (e) {
                options.log(`${new Date().toISOString()} agents: this cycle failed: ${e.message}`);
            }
            const until = Date.now() + intervalMs;
            while (!stopped && Date.now() < until)
                await new Promise((r) => setTimeout(r, Math.min(100, until - Date.now())));
        }
    };
    const shown = remote.replace(/\/\/[^@/]*@/, '//');
    return {
        intro: [
            `simulated agents: ${ids.length} node(s), a cycle every ${options.interval ?? '5s'}, each apply ${applyMs} ms${options.fail.length ? `, failing: ${options.fail.join(', ')}` : ''}`,
            `  fleet repository: ${shown}${server ? ` (a copy of ${root}, served on loopback)` : ''}`,
            '  run the reconciler against it, a tick at a time:',
            `    git clone -q ${shown} fleet && cd fleet`,
            `    FLEETHUB_ORCHESTRATOR_KEY=${DEMO_ORCHESTRATOR_KEY} FLEETHUB_TRUST_ROOT=${pinSource} node ${join(PROJECT, 'bin', 'fleethub.js')} reconcile --push   # then git pull, and again`,
            `  agent faults: curl -X POST -d '{"apply_ms": 5000, "fail": true}' <control URL>/control/agents/<id>`,
        ],
        versionOf: (id) => (versions.has(id) ? agents.installed(id) : undefined),
        control: agentsControl(agents, ids, () => last),
        start() {
            running ??= loop();
        },
        async stop() {
            stopped = true;
            await running;
            agents.close();
            await server?.close();
            rmSync(stateDir, { recursive: true, force: true });
        },
    };
}
/** The fleet's files as a repository's content: registry/, policies/, status/, workplans/. */
function fleetFiles(root) {
    const out = { '.gitignore': '.fleethub/\n' };
    const walk = (dir) => {
        for (const name of readdirSync(dir)) {
            const abs = join(dir, name);
            if (statSync(abs).isDirectory())
                walk(abs);
            else
                out[relative(root, abs)] = readFileSync(abs, 'utf8');
        }
    };
    for (const d of ['registry', 'policies', 'status', 'workplans']) {
        try {
            walk(join(root, d));
        }
        catch (e) {
            if (e.code !== 'ENOENT')
                throw e;
        }
    }
    return out;
}
function summary(outcomes) {
    const byIntent = new Map();
    for (const o of outcomes.values())
        for (const [intent, r] of Object.entries(o.reports)) {
            const m = byIntent.get(intent) ?? byIntent.set(intent, new Map()).get(intent);
            m.set(r.state, (m.get(r.state) ?? 0) + 1);
        }
    if (byIntent.size === 0)
        return 'no intent targets these nodes';
    return [...byIntent]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([intent, m]) => `${intent}: ${[...m].sort(([a], [b]) => (a < b ? -1 : 1)).map(([s, n]) => `${n} ${s}`).join(', ')}`)
        .join('; ');
}
//# sourceMappingURL=startAgents.js.map