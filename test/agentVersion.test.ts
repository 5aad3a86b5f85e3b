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
import type { ReconcileContext } from '../src/reconcile/reconcileContext.js';
import { WRONG_VERSION } from '../scripts/sim/fleetSimulator.js';
import { makeFleet, removeDir } from './helpers/fleet.js';
import { refreshCache } from '../src/cache/refreshCache.js';
import { readPolicyInput } from '../src/policy/readPolicyInput.js';
import { simulatedExampleFleet, type SimulatedFleet } from './helpers/simulatedFleet.js';

let fleet: SimulatedFleet;
async function tick(): Promise<ReconcileContext> {
  const ctx = await reconcile(fileIo(fleet.root), { probe: true, write: false, allowRemote: false });
  ctx.db?.close();
  return ctx;
}
const mismatches = (ctx: ReconcileContext) => ctx.findings.filter((f) => f.code === 'agent-version-mismatch');

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
    const f = found[0]!;
    assert.deepEqual([f.severity, f.kind, f.id, f.file], ['warning', 'node', 'home-1', 'registry/nodes/home-1.md']);
    assert.equal(f.message, `home-1 reports agent version ${WRONG_VERSION} in its status document, but its record declares 0.2.325-updatehintwake`);
    const lines = readFileSync(join(fleet.root, 'registry/nodes/home-1.md'), 'utf8').split('\n');
    assert.match(lines[f.line! - 1]!, /^\s*agent_version: 0\.2\.325-updatehintwake/);
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
    const reported = new Map<string, string | undefined>([['a', '2.0.0'], ['b', '2.0.0'], ['c', '2.0.0'], ['d', undefined]]);
    const modes = new Map([['a', { mode: 'DISABLED' as const }], ['b', { mode: 'PLANNED' as const }], ['c', { mode: 'DEGRADED' as const }]]);
    assert.deepEqual(evaluateAgentVersion(declared, reported, modes).map((f) => `${f.kind}:${f.id}`), ['node:c']);
  });
});

describe('the declared versions, read from the parsed records', () => {
  it('are what the nodes view gives SQL: a string as written, a number as its text, a boolean as 1 or 0, no label no entry', async () => {
    const node = (id: string, labels: string) => `---\ntitle: ${id}\nrole: edge\n${labels}---\n`;
    const root = makeFleet({
      'registry/nodes/a.md': node('a', 'labels:\n  agent_version: "0.1.0"\n'),
      'registry/nodes/b.md': node('b', 'labels:\n  agent_version: 2\n'),
      'registry/nodes/c.md': node('c', 'labels:\n  agent_version: 1.5\n'),
      'registry/nodes/d.md': node('d', 'labels:\n  agent_version: true\n'),
      'registry/nodes/e.md': node('e', 'labels:\n  team: core\n'),
      'registry/nodes/f.md': node('f', ''),
    });
    try {
      const { db } = await refreshCache(root);
      try {
        const viaSql = db.prepare(`SELECT id AS node, file, CAST(labels->>'$.agent_version' AS TEXT) AS version FROM nodes WHERE labels->>'$.agent_version' IS NOT NULL ORDER BY id`).all();
        const read = readPolicyInput(db).agentVersions;
        assert.deepEqual(read, viaSql);
        assert.deepEqual(read.map((v) => v.version), ['0.1.0', '2', '1.5', '1']);
      } finally {
        db.close();
      }
    } finally {
      removeDir(root);
    }
  });
});
