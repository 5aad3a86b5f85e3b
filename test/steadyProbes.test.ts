/**
 * "A steady fleet produces no new commit", with probes: against the fleet
 * simulator, a second `reconcile --probe --write` with nothing changed in the
 * fleet writes nothing (no observation time leaks into a generated file), and
 * a fresh clone's offline run finds the same findings and no drift.
 */
import assert from 'node:assert/strict';
import { readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { cliInProcess, removeDir } from './helpers/fleet.js';
import { simulatedExampleFleet, type SimulatedFleet } from './helpers/simulatedFleet.js';

let fleet: SimulatedFleet;
before(async () => {
  fleet = await simulatedExampleFleet();
  // Every simulated node healthy, and no status/ yet: the first run settles every mode in one pass.
  for (const id of fleet.sim.nodes.keys()) await fleet.sim.setFault(id, 'none');
  rmSync(join(fleet.root, 'status'), { recursive: true, force: true });
});
after(async () => {
  await fleet.sim.stop();
  removeDir(fleet.root);
});

const FILES = ['status/modes.json', 'status/BOARD.md', 'status/node-reports.json', 'status/runtime-registry.json', 'status/trust-ratchet.json'];
const snapshot = (): string[] => FILES.map((f) => `${statSync(join(fleet.root, f)).mtimeMs} ${readFileSync(join(fleet.root, f), 'utf8')}`);

describe('reconcile --probe --write on a steady fleet', () => {
  it('writes the generated files once, and nothing on the second run', async () => {
    const run = async () => {
      const r = await cliInProcess(['reconcile', '--probe', '--write', '--fail-on', 'none', '--root', fleet.root, '--format', 'json']);
      assert.equal(r.code, 0, r.stderr);
      return r.json<{ changes: Array<{ path: string }>; findings: Array<{ code: string; message: string }> }>();
    };
    const first = await run();
    assert.deepEqual(first.changes.map((c) => c.path).sort(), [...FILES].sort());
    assert.ok(first.findings.some((f) => f.code === 'peer-diversity-below-target'), 'the simulated status documents carry peers, so peer diversity is judged');
    const written = snapshot();
    const second = await run();
    assert.deepEqual(second.changes, [], 'nothing changed in the fleet, so nothing to write');
    assert.deepEqual(snapshot(), written, 'no file rewritten, not even with the same bytes');

    // A fresh clone (no cache, no observations) renders the same board: the peer-diversity findings come from
    // status/node-reports.json, not from observations only the probing checkout has.
    rmSync(join(fleet.root, '.fleethub'), { recursive: true, force: true });
    const fresh = await cliInProcess(['reconcile', '--check', '--fail-on', 'none', '--root', fleet.root, '--format', 'json']);
    assert.equal(fresh.code, 0, fresh.stderr);
    const offline = fresh.json<{ changes: unknown[]; findings: Array<{ code: string; message: string }> }>();
    assert.deepEqual(offline.changes, [], 'no drift in a fresh clone');
    const diversity = (fs: Array<{ code: string; message: string }>): string[] => fs.filter((f) => f.code === 'peer-diversity-below-target').map((f) => f.message);
    assert.deepEqual(diversity(offline.findings), diversity(second.findings));
    assert.deepEqual(snapshot(), written);
  });
});
