/**
 * Sharded probing: `fleethub probe --shard i/n --out <file>` probes one
 * shard's nodes and writes them down; `fleethub reconcile --observations
 * <file>...` merges the shards instead of probing. Against the fleet
 * simulator on loopback, through the CLI's main() as bin/fleethub.js runs it.
 */
import assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { shardOf } from '../src/observe/shardOf.js';
import { CHECK_MEMO_PREFIX } from '../src/reconcile/steps/checks.js';
import { parseShard } from '../src/observe/parseShard.js';
import { parseObservationsFile } from '../src/observe/parseObservationsFile.js';
import { mergeObservationSets } from '../src/observe/mergeObservationSets.js';
import { ObservationsFileError, ObservationsMismatchError, UsageError } from '../src/errors.js';
import { cliInProcess, removeDir, tempDir } from './helpers/fleet.js';
import { SHARD_CODES } from './helpers/shardCodes.js';
import { simulatedExampleFleet, type SimulatedFleet } from './helpers/simulatedFleet.js';

describe('shardOf', () => {
  it('puts every node in exactly one shard of 1..n, the same one on every call', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ minLength: 1, maxLength: 40 }), { maxLength: 60 }), fc.integer({ min: 1, max: 64 }), (ids, n) => {
        const shards = Array.from({ length: n }, (_, i) => ids.filter((id) => shardOf(id, n) === i + 1));
        assert.deepEqual(shards.flat().sort(), [...ids].sort(), 'the shards together hold every node, each once');
        for (const id of ids) {
          const s = shardOf(id, n);
          assert.ok(Number.isInteger(s) && s >= 1 && s <= n);
          assert.equal(shardOf(id, n), s);
        }
      }),
    );
  });

  it('is the documented hash: SHA-256 of the id, first 4 bytes big-endian, mod n, plus 1', () => {
    // Pinned values, computed outside fleethub: h=$(printf '%s' "$id" | sha256sum | cut -c1-8); echo $(( 16#$h % 3 + 1 )).
    // A change here moves nodes between shards (docs/forgejo.md).
    assert.deepEqual(['edge-1', 'coulombcore', 'haskelseed', 'ünïcode'].map((id) => shardOf(id, 3)), [2, 2, 2, 3]);
    assert.equal(shardOf('anything', 1), 1);
  });

  it('spreads many ids evenly (no shard holds more than twice its share)', () => {
    const ids = Array.from({ length: 3000 }, (_, i) => `node-${i}`);
    for (const n of [2, 3, 7, 16]) {
      const sizes = Array.from({ length: n }, (_, i) => ids.filter((id) => shardOf(id, n) === i + 1).length);
      assert.ok(Math.max(...sizes) < (2 * ids.length) / n, `${n} shards: ${sizes.join(', ')}`);
    }
  });
});

describe('parseShard', () => {
  it('reads i/n and refuses the rest with a usage error', () => {
    assert.deepEqual(parseShard('2/3'), { index: 2, count: 3 });
    for (const bad of ['0/3', '4/3', '1/0', '3', '1/2/3', 'a/b', '-1/3', '1/5000', '']) assert.throws(() => parseShard(bad), UsageError, bad);
  });
});

describe('parseObservationsFile and mergeObservationSets', () => {
  const file = (shard: [number, number], nodes: string[], observations: unknown[] = []) => JSON.stringify({ fleethub: 'observations', version: 1, shard: { index: shard[0], count: shard[1] }, nodes, observations }, null, 2);
  const obs = (node: string) => ({ node, at: '2026-12-01T00:00:00.000Z', ok: true, reason: 'all probes passed', results: [{ type: 'tcp', target: '127.0.0.1:1', ok: true, ms: 1 }] });

  it('names the file, line and column of what is wrong', () => {
    const text = file([1, 2], ['a'], [{ ...obs('a'), ok: 'yes' }]);
    const e = (() => { try { parseObservationsFile(text, 'obs-1.json'); } catch (x) { return x; } })() as ObservationsFileError;
    assert.ok(e instanceof ObservationsFileError);
    const line = text.split('\n').findIndex((l) => l.includes('"ok": "yes"')) + 1;
    assert.equal(e.data.line, line);
    assert.match(e.message, new RegExp(`^obs-1.json:${line}:\\d+: "ok" must be true or false`));
    assert.throws(() => parseObservationsFile('{"fleethub": "observations",\n  "version": 1,,}', 'x.json'), (x: ObservationsFileError) => x.data.line === 2 && /not JSON/.test(x.message));
    assert.throws(() => parseObservationsFile(file([1, 2], ['a'], [obs('b')]), 'x.json'), /node 'b' is not in the file's "nodes"/);
    assert.throws(() => parseObservationsFile(JSON.stringify({ fleethub: 'observations', version: 2 }), 'x.json'), /version 2 is not 1/);
    assert.throws(() => parseObservationsFile(file([3, 2], []), 'x.json'), /"shard" must be/);
  });

  it('merges shards, lists the missing ones, and refuses files that do not fit together', () => {
    const sets = [parseObservationsFile(file([1, 3], ['a'], [obs('a')]), 'one.json'), parseObservationsFile(file([3, 3], ['c', 'd'], [obs('c')]), 'three.json')];
    const merged = mergeObservationSets(sets);
    assert.deepEqual(merged.missing, [2]);
    assert.deepEqual(merged.observations.map((o) => o.node), ['a', 'c']);
    assert.throws(() => mergeObservationSets([...sets, parseObservationsFile(file([2, 4], []), 'four.json')]), (e: ObservationsMismatchError) => /shard 1\/3 but four.json is shard 2\/4/.test(e.message));
    assert.throws(() => mergeObservationSets([...sets, parseObservationsFile(file([1, 3], []), 'again.json')]), /one.json and again.json are both shard 1\/3/);
    assert.throws(() => mergeObservationSets([...sets, parseObservationsFile(file([2, 3], ['a']), 'two.json')]), /node 'a' is in both one.json and two.json/);
  });
});

describe('probe --shard and reconcile --observations (fleet simulator)', () => {
  let fleet: SimulatedFleet;
  let out: string;
  before(async () => {
    fleet = await simulatedExampleFleet();
    for (const id of fleet.sim.nodes.keys()) await fleet.sim.setFault(id, 'none');
    rmSync(join(fleet.root, 'status'), { recursive: true, force: true });
    out = tempDir('fleethub-shards-');
  });
  after(async () => {
    await fleet.sim.stop();
    removeDir(fleet.root);
    removeDir(out);
  });
  const run = (args: string[]) => cliInProcess([...args, '--root', fleet.root]);
  const probeShard = async (i: number, n: number) => {
    const r = await run(['probe', '--shard', `${i}/${n}`, '--out', join(out, `obs-${i}.json`), '--fail-on', 'none', '--format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    return JSON.parse(readFileSync(join(out, `obs-${i}.json`), 'utf8')) as { fleethub: string; version: number; shard: { index: number; count: number }; nodes: string[]; observations: Array<{ node: string }> };
  };
  type Modes = { nodes: Record<string, { mode: string; observed_at: string | null; since: string | null }> };
  const modes = (): Modes => JSON.parse(readFileSync(join(fleet.root, 'status/modes.json'), 'utf8')) as Modes;

  it('three shards hold every probed node once, and merged they give what one full probe gives', async () => {
    const files = [await probeShard(1, 3), await probeShard(2, 3), await probeShard(3, 3)];
    for (const f of files) {
      assert.equal(f.fleethub, 'observations');
      assert.equal(f.version, 1);
      for (const id of f.nodes) assert.equal(shardOf(id, 3), f.shard.index);
      assert.deepEqual(f.observations.map((o) => o.node).filter((id) => !f.nodes.includes(id)), []);
    }
    const all = files.flatMap((f) => f.nodes).sort();
    assert.equal(new Set(all).size, all.length, 'no node in two shards');
    const full = await run(['probe', '--fail-on', 'none', '--format', 'json']);
    const probed = full.json<{ observations: Array<{ node: string }> }>().observations.map((o) => o.node).sort();
    assert.deepEqual(files.flatMap((f) => f.observations.map((o) => o.node)).sort(), probed);
    const merged = await run(['reconcile', '--observations', ...[1, 2, 3].map((i) => join(out, `obs-${i}.json`)), '--write', '--fail-on', 'none', '--format', 'json']);
    assert.equal(merged.code, 0, merged.stderr);
    const m = merged.json<{ findings: Array<{ code: string }> }>();
    assert.equal(m.findings.filter((f) => f.code === 'probe-shard-missing').length, 0);
    for (const id of probed) assert.equal(modes().nodes[id]!.mode, 'ACTIVE', id);
  });

  it('a missing shard: its nodes keep their last known state and a warning names the shard, never "all down"', async () => {
    const before = modes();
    for (const id of fleet.sim.nodes.keys()) await fleet.sim.setFault(id, 'down');
    let last: { findings: Array<{ code: string; severity: string; message: string }> } | null = null;
    for (let i = 0; i < 3; i++) {
      await probeShard(1, 3);
      await probeShard(2, 3);
      const r = await run(['reconcile', '--observations', join(out, 'obs-1.json'), join(out, 'obs-2.json'), '--write', '--fail-on', 'none', '--format', 'json']);
      assert.equal(r.code, 0, r.stderr);
      last = r.json();
    }
    const missing = last!.findings.filter((f) => f.code === SHARD_CODES[0]);
    assert.equal(missing.length, 1);
    assert.equal(missing[0]!.severity, 'warning');
    assert.match(missing[0]!.message, /probe shard 3\/3 is missing/);
    const after = modes();
    const third = Object.keys(before.nodes).filter((id) => shardOf(id, 3) === 3 && before.nodes[id]!.mode === 'ACTIVE');
    const others = Object.keys(before.nodes).filter((id) => shardOf(id, 3) !== 3 && before.nodes[id]!.mode === 'ACTIVE');
    assert.ok(third.length > 0 && others.length > 0, 'the example fleet has active nodes in shard 3 and in the others');
    for (const id of third) assert.deepEqual(after.nodes[id], before.nodes[id], `${id} (shard 3) is as it was`);
    for (const id of others) assert.equal(after.nodes[id]!.mode, 'DEGRADED', `${id} was observed down three times`);
    for (const id of fleet.sim.nodes.keys()) await fleet.sim.setFault(id, 'none');
  });

  it('a probe evaluates nothing but the observations: no check runs, status/ is not written; reconcile then evaluates them', async () => {
    rmSync(join(fleet.root, '.fleethub'), { recursive: true, force: true });
    const statusBefore = readFileSync(join(fleet.root, 'status/modes.json'), 'utf8');
    // What the cache holds: the check results the checks step keeps in its memo, and the observations.
    const cached = (): { checks: number; observations: number } => {
      const db = new Database(join(fleet.root, '.fleethub/cache.sqlite'), { readonly: true });
      try {
        const count = (sql: string, ...params: string[]) => db.prepare(sql).pluck().get(...params) as number;
        return { checks: count('SELECT count(*) FROM memo WHERE name LIKE ?', `${CHECK_MEMO_PREFIX}%`), observations: count('SELECT count(*) FROM observations') };
      } finally {
        db.close();
      }
    };
    const shard = await probeShard(1, 3);
    assert.ok(shard.observations.length > 0);
    assert.deepEqual(cached(), { checks: 0, observations: shard.observations.length }, 'the observations recorded, no check result');
    assert.equal(readFileSync(join(fleet.root, 'status/modes.json'), 'utf8'), statusBefore);
    const r = await run(['reconcile', '--fail-on', 'none', '--format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    assert.ok(cached().checks > 0, 'reconcile ran the named checks (policies/checks.yaml)');
  });

  it('refuses a bad --shard, ids with --shard, --probe with --observations, and a damaged file (exit 2, file:line:col)', async () => {
    assert.equal((await run(['probe', '--shard', '4/3'])).code, 2);
    assert.equal((await run(['probe', 'coulombcore', '--shard', '1/3'])).code, 2);
    const both = await run(['reconcile', '--probe', '--observations', join(out, 'obs-1.json')]);
    assert.equal(both.code, 2);
    assert.match(both.stderr, /not both/);
    const bad = join(out, 'bad.json');
    writeFileSync(bad, '{\n  "fleethub": "observations",\n  "version": 1,\n  "shard": {"index": 1, "count": 3},\n  "nodes": "all"\n}\n');
    const r = await run(['reconcile', '--observations', bad]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /bad\.json:5:12: "nodes" must be a list of node ids/);
    assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
    const gone = await run(['reconcile', '--observations', join(out, 'nope.json')]);
    assert.equal(gone.code, 2);
    assert.match(gone.stderr, /nope\.json does not exist/);
  });
});
