/**
 * The reconcile loop against the bundled fleet served by the fleet simulator:
 * modes with hysteresis, disabled nodes never contacted, hanging nodes held to
 * the deadline, the runtime registry, a deterministic board, drift.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { reconcile } from '../src/reconcile/reconcile.js';
import { fileIo } from '../src/cli/fileIo.js';
import type { ReconcileContext } from '../src/reconcile/reconcileContext.js';
import { cliInProcess, DEMO_TRUST_ROOT, removeDir } from './helpers/fleet.js';
import { simulatedExampleFleet, type SimulatedFleet } from './helpers/simulatedFleet.js';

let fleet: SimulatedFleet;

async function tick(probe = true, write = true): Promise<ReconcileContext> {
  const ctx = await reconcile(fileIo(fleet.root, { FLEETHUB_TRUST_ROOT: DEMO_TRUST_ROOT }), { probe, write, allowRemote: false });
  ctx.db?.close();
  return ctx;
}
const mode = (ctx: ReconcileContext, id: string): string => ctx.states.get(id)!.mode;
const registry = (): string[] => (JSON.parse(readFileSync(join(fleet.root, 'status/runtime-registry.json'), 'utf8')) as { services: Array<{ id: string }> }).services.map((s) => s.id);

before(async () => {
  fleet = await simulatedExampleFleet();
});
after(async () => {
  await fleet.sim.stop();
  removeDir(fleet.root);
});

describe('reconcile with the fleet simulator', () => {
  it('brings every reachable node ACTIVE and never contacts disabled or planned nodes', async () => {
    const ctx = await tick();
    assert.equal(mode(ctx, 'node1'), 'ACTIVE');
    assert.equal(mode(ctx, 'haskell-build-vm'), 'DISABLED');
    assert.equal(mode(ctx, 'node2'), 'PLANNED');
    await tick();
    assert.equal(fleet.sim.connections('haskell-build-vm'), 0, 'the disabled node received no connection at all');
    assert.equal(fleet.sim.connections('node2'), 0, 'a planned node is not probed');
    assert.ok(fleet.sim.connections('node1') > 0);
  });

  it('a node taken down is DEGRADED only after the failure threshold, and ACTIVE again only after the success threshold', async () => {
    await fleet.sim.setFault('node3', 'down');
    const modes: string[] = [];
    for (let i = 0; i < 3; i++) modes.push(mode(await tick(), 'node3'));
    assert.deepEqual(modes, ['ACTIVE', 'ACTIVE', 'DEGRADED']);
    await fleet.sim.setFault('node3', 'none');
    const back: string[] = [];
    for (let i = 0; i < 2; i++) back.push(mode(await tick(), 'node3'));
    assert.deepEqual(back, ['DEGRADED', 'ACTIVE']);
    const state = JSON.parse(readFileSync(join(fleet.root, 'status/modes.json'), 'utf8')) as { nodes: Record<string, { mode: string; reason: string }> };
    assert.equal(state.nodes.node3!.mode, 'ACTIVE');
    assert.match(state.nodes.node3!.reason, /connectivity proven: 2/);
  });

  it('a flapping node does not flap its mode', async () => {
    await fleet.sim.setFault('node4', 'flap');
    const modes: string[] = [];
    for (let i = 0; i < 6; i++) modes.push(mode(await tick(), 'node4'));
    await fleet.sim.setFault('node4', 'none');
    assert.deepEqual(new Set(modes), new Set(['ACTIVE']));
  });

  it('a hanging node does not hold the tick past its deadline, and counts as failed', async () => {
    await fleet.sim.setFault('home-1', 'hang');
    const started = Date.now();
    const ctx = await tick();
    const took = Date.now() - started;
    await fleet.sim.setFault('home-1', 'none');
    assert.ok(took < 2000 + 1500, `tick took ${took} ms against a 2 s deadline`);
    assert.equal(ctx.observations.get('home-1')!.ok, false);
    assert.ok(ctx.observations.get('node1')!.ok, 'the others were probed meanwhile');
  });

  it('drops an advertised workload from the runtime registry the moment its host is DEGRADED', async () => {
    await tick();
    const advertised = registry();
    const onNode1 = (JSON.parse(readFileSync(join(fleet.root, 'status/runtime-registry.json'), 'utf8')) as { services: Array<{ id: string; host: string }> }).services.filter((s) => s.host === 'node1').map((s) => s.id);
    assert.ok(onNode1.length > 0, 'the example fleet advertises services on node1');
    await fleet.sim.setFault('node1', 'down');
    await tick();
    await tick();
    assert.deepEqual(registry(), advertised, 'still ACTIVE (2 of 3 failures): still advertised');
    const ctx = await tick();
    assert.equal(mode(ctx, 'node1'), 'DEGRADED');
    assert.deepEqual(registry(), advertised.filter((id) => !onNode1.includes(id)));
    await fleet.sim.setFault('node1', 'none');
    await tick();
    await tick();
    assert.deepEqual(registry(), advertised);
  });

  it('writes a board that is byte-identical across runs with no change, and reports drift until written', async () => {
    await tick();
    const board = readFileSync(join(fleet.root, 'status/BOARD.md'), 'utf8');
    const offline = await tick(false, false);
    assert.deepEqual(offline.changes, [], 'an offline run right after a probing run changes nothing');
    await tick(false, true);
    assert.equal(readFileSync(join(fleet.root, 'status/BOARD.md'), 'utf8'), board);
    assert.match(board, /```mermaid/);
    const noDrift = async (): Promise<boolean> => (await cliInProcess(['reconcile', '--check', '--root', fleet.root, '--format', 'json'])).json<{ changes: unknown[] }>().changes.length === 0;
    assert.ok(await noDrift());
    const path = join(fleet.root, 'status/runtime-registry.json');
    writeFileSync(path, '{"services": []}\n');
    const drift = await cliInProcess(['reconcile', '--check', '--root', fleet.root, '--format', 'json']);
    assert.equal(drift.code, 1);
    const json = drift.json<{ findings: Array<{ code: string; record: string }>; changes: Array<{ path: string }> }>();
    assert.deepEqual(json.changes.map((c) => c.path), ['status/runtime-registry.json']);
    assert.ok(json.findings.some((f) => f.code === 'generated-drift' && f.record === 'status/runtime-registry.json'));
    assert.equal((await cliInProcess(['reconcile', '--write', '--root', fleet.root])).stderr, '');
    assert.ok(await noDrift());
  });

  it('prints reconcile JSON with nodes, findings and changes', async () => {
    const r = await cliInProcess(['reconcile', '--root', fleet.root, '--format', 'json']);
    assert.equal(r.stderr, '');
    assert.equal(r.code, 1, 'the example fleet has policy errors (tunnels through the workstation)');
    const json = r.json<{ nodes: Array<{ id: string; declared: string; mode: string; last_verified: string | null; reasons: string[] }> }>();
    const n1 = json.nodes.find((n) => n.id === 'node1')!;
    assert.equal(n1.declared, 'enabled');
    assert.equal(n1.mode, 'ACTIVE');
    assert.ok(n1.last_verified);
    assert.equal(json.nodes.find((n) => n.id === 'haskell-build-vm')!.declared, 'disabled');
  });

  it('checks the JSON fields an http probe expects', async () => {
    const path = join(fleet.root, 'registry/nodes/test-1.md');
    const text = readFileSync(path, 'utf8');
    const withExpect = (status: string): string => text.replace(/^( +)expect_status: 200$/m, `$1expect_status: 200\n$1expect_json: { status: ${status} }`);
    writeFileSync(path, withExpect('ok'));
    assert.equal((await tick()).observations.get('test-1')!.ok, true);
    writeFileSync(path, withExpect('degraded'));
    const ctx = await tick();
    assert.equal(ctx.observations.get('test-1')!.ok, false);
    assert.match(ctx.observations.get('test-1')!.reason, /json status: got "?ok"?, want "?degraded"?/);
    writeFileSync(path, text);
  });
});

describe('task states the events not in the files yet set', () => {
  it('count in the workplans step and in a drain wave, as fleethub workplan shows them; the files alone otherwise', async () => {
    const io = fileIo(fleet.root, { FLEETHUB_TRUST_ROOT: DEMO_TRUST_ROOT });
    const run = async (tasks: Map<string, { state: 'doing'; overlay: 'pending' }>) => {
      const ctx = await reconcile({ ...io, notInFiles: async () => ({ read: io.readText, tasks }) }, { probe: false, write: false, allowRemote: false });
      ctx.db.close();
      const workplans = ctx.boardSections.find((b) => b.kind === 'workplans');
      const drain = ctx.boardSections.find((b) => b.kind === 'drain');
      assert.ok(workplans?.kind === 'workplans' && drain?.kind === 'drain');
      return { task: workplans.evaluation.graph.tasks.get('CUST-WP-0054/T04')!.state, wave: drain.progress.waves.find((w) => w.task === 'CUST-WP-0054/T04')!.status };
    };
    assert.deepEqual(await run(new Map()), { task: 'blocked', wave: 'waiting' }, 'the files: T04 blocked');
    assert.deepEqual(await run(new Map([['CUST-WP-0054/T04', { state: 'doing', overlay: 'pending' }]])), { task: 'doing', wave: 'in progress' });
  });
});
