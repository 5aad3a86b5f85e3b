/**
 * agent-version-mismatch: the version a node's status document reports against the one its record
 * declares (labels.agent_version), with the fleet simulator's wrong-version fault over real HTTP.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { evaluateAgentVersion } from '../src/policy/evaluateAgentVersion.js';
import { reconcile } from '../src/reconcile/reconcile.js';
import { fileIo } from '../src/cli/fileIo.js';
import { WRONG_VERSION } from '../scripts/sim/fleetSimulator.js';
import { removeDir } from './helpers/fleet.js';
import { simulatedExampleFleet } from './helpers/simulatedFleet.js';
let fleet;
async function tick() {
    const ctx = await reconcile(fileIo(fleet.root), { probe: true, write: false, allowRemote: false });
    ctx.db?.close();
    return ctx;
}
const mismatches = (ctx) => ctx.findings.filter((f) => f.code === 'agent-version-mismatch');
before(async () => {
    fleet = await simulatedExampleFleet();
});
after(async () => {
    await fleet.sim.stop();
    removeDir(fleet.root);
});
describe('agent-version-mismatch', () => {
    it('none while every node reports the version its record declares', async () => {
        assert.deepEqual(mismatches(await tick()), []);
    });
    it('the wrong-version fault on a node that declares a version is a warning at its labels.agent_version line', async () => {
        await fleet.sim.setFault('home-1', 'wrong-version');
        const found = mismatches(await tick());
        assert.equal(found.length, 1);
        const f = found[0];
        assert.deepEqual([f.severity, f.kind, f.id, f.file], ['warning', 'node', 'home-1', 'registry/nodes/home-1.md']);
        assert.equal(f.message, `home-1 reports agent version ${WRONG_VERSION} in its status document, but its record declares 0.2.325-updatehintwake`);
        const lines = readFileSync(join(fleet.root, 'registry/nodes/home-1.md'), 'utf8').split('\n');
        assert.match(lines[f.line - 1], /^\s*agent_version: 0\.2\.325-updatehintwake/);
    });
    it('a node that declares no version is not judged; the finding goes once the node reports the declared version', async () => {
        await fleet.sim.setFault('node1', 'wrong-version');
        assert.deepEqual(mismatches(await tick()).map((f) => `${f.kind}:${f.id}`), ['node:home-1']);
        await fleet.sim.setFault('home-1', 'none');
        await fleet.sim.setFault('node1', 'none');
        assert.deepEqual(mismatches(await tick()), []);
    });
    it('DISABLED and PLANNED nodes, and nodes that reported no version, are not judged', () => {
        const declared = ['a', 'b', 'c', 'd'].map((id) => ({ node: id, file: `registry/nodes/${id}.md`, version: '1.0.0' }));
        const reported = new Map([['a', '2.0.0'], ['b', '2.0.0'], ['c', '2.0.0'], ['d', undefined]]);
        const modes = new Map([['a', { mode: 'DISABLED' }], ['b', { mode: 'PLANNED' }], ['c', { mode: 'DEGRADED' }]]);
        assert.deepEqual(evaluateAgentVersion(declared, reported, modes).map((f) => `${f.kind}:${f.id}`), ['node:c']);
    });
});
//# sourceMappingURL=agentVersion.test.js.map