/**
 * `npm run sim -- --agents` as a user meets it: the simulator serves a copy of the fleet on
 * loopback and runs a simulated agent per enabled node; the agents report through it, the
 * control API sets their apply delay and failure faults (and refuses a bad body), each node's
 * status document reports the version its agent has installed, and the process stops cleanly.
 * The bundled fleet's probe ports are moved to free ones, so the test does not meet another
 * simulator on the bundled ports.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { test } from 'node:test';
import { runGit } from '../scripts/git-server/fleetUpstream.js';
import { copyExampleFleet, REPO, removeDir, tempDir } from './helpers/fleet.js';
const SIM = join(REPO, 'dist', 'scripts', 'sim.js');
async function freePortBase() {
    // A base whose next 20 ports are free now (the bundled nodes use 47100-47117).
    for (;;) {
        const base = 20000 + Math.floor(Math.random() * 20000);
        const ok = await Promise.all(Array.from({ length: 20 }, (_, i) => new Promise((r) => {
            const s = createServer().once('error', () => r(false)).listen(base + i, '127.0.0.1', () => s.close(() => r(true)));
        })));
        if (ok.every(Boolean))
            return base;
    }
}
test('npm run sim -- --agents: agents for the fleet\'s nodes report through a served copy; faults through the control API', async () => {
    const root = copyExampleFleet({ status: true });
    const base = await freePortBase();
    for (const f of readdirSync(join(root, 'registry', 'nodes'))) {
        const p = join(root, 'registry', 'nodes', f);
        writeFileSync(p, readFileSync(p, 'utf8').replace(/471(\d\d)/g, (_m, d) => String(base + Number(d))));
    }
    const clone = tempDir('fleethub-sim-clone-');
    const child = spawn(process.execPath, [SIM, '--root', root, '--agents', '--agent-interval', '300ms', '--apply-ms', '0', '--control-port', '0', '--agent-fail', 'test-2'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (b) => (out += b.toString('utf8')));
    child.stderr.on('data', (b) => (out += b.toString('utf8')));
    const exited = new Promise((r) => child.once('exit', (code) => r(code)));
    const until = async (what, cond) => {
        const end = Date.now() + 30_000;
        while (!cond()) {
            if (Date.now() > end)
                throw new Error(`timed out waiting for ${what}:\n${out}`);
            await new Promise((r) => setTimeout(r, 50));
        }
    };
    try {
        await until('the agents\' first reports', () => /agents: .*report\(s\) relayed/.test(out));
        const control = /control URL: (\S+)/.exec(out)[1];
        const fleet = /fleet repository: (\S+)/.exec(out)[1];
        assert.match(fleet, /^http:\/\/127\.0\.0\.1:\d+\/fleet\.git$/);
        // The reports are in the served repository, one file per node, written by that node.
        await runGit(['clone', '-q', fleet, clone]);
        const report = JSON.parse(readFileSync(join(clone, 'status', 'agents', 'test-1.json'), 'utf8'));
        assert.equal(report.node, 'test-1');
        assert.equal(report.reports['rap-node-agent-0.2.332-home-test']?.state, 'blocked');
        assert.match(report.reports['rap-node-agent-0.2.332-home-test'].reason, /^lease-missing: /);
        const author = await runGit(['log', '-1', '--format=%an', '--', 'status/agents/test-1.json'], { cwd: clone });
        assert.equal(author, 'test-1');
        // Faults through the control API.
        const list = (await (await fetch(`${control}/control/agents`)).json());
        assert.equal(list.find((a) => a.id === 'test-2')?.fault.fail, true);
        assert.equal(list.find((a) => a.id === 'test-1')?.installed, '0.2.325-updatehintwake');
        assert.equal(list.some((a) => a.id === 'haskell-build-vm'), false, 'no agent for a disabled node');
        const set = await fetch(`${control}/control/agents/test-1`, { method: 'POST', body: JSON.stringify({ apply_ms: 250, fail: true }) });
        assert.equal(set.status, 200);
        assert.deepEqual((await set.json()).fault, { applyMs: 250, fail: true });
        const bad = await fetch(`${control}/control/agents/test-1`, { method: 'POST', body: JSON.stringify({ apply_ms: -1 }) });
        assert.equal(bad.status, 400);
        assert.equal((await fetch(`${control}/control/agents/nope`)).status, 404);
        // The node's status document reports the version its agent installed.
        const port = base + 14; // test-1's probe port (47114 in the bundled fleet)
        const status = (await (await fetch(`http://127.0.0.1:${port}/cluster/status`)).json());
        assert.deepEqual([status.node, status.agent_version], ['test-1', '0.2.325-updatehintwake']);
    }
    finally {
        child.kill('SIGTERM');
        const code = await exited;
        removeDir(root);
        removeDir(clone);
        assert.equal(code, 0, out);
    }
    assert.match(out, /fleet simulator stopped/);
});
//# sourceMappingURL=simAgents.test.js.map