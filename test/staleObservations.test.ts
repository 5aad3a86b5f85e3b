/**
 * Stale truth is labelled: a node whose last observation is older than
 * stale_after (policies/modes.yaml; default refresh_interval) is shown as
 * stale, with its age, in status (text and JSON) and in reconcile JSON.
 */
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { cliInProcess, fleetMaker, node } from './helpers/fleet.js';

const { fleet, cleanup } = fleetMaker();
after(cleanup);

const PROBED = node('a', 'probes:\n  tcp:\n    - host: 127.0.0.1\n      port: 1\n');
const ageObservation = (root: string, node: string, at: string): void => {
  const db = new Database(join(root, '.fleethub', 'cache.sqlite'));
  try {
    assert.equal(db.prepare('UPDATE observations SET at = ? WHERE node = ?').run(at, node).changes, 1);
  } finally {
    db.close();
  }
};

describe('stale observations', () => {
  it('are labelled with their age past stale_after, and fresh ones are not', async () => {
    const root = fleet({ 'registry/nodes/a.md': PROBED, 'registry/nodes/b.md': node('b'), 'policies/modes.yaml': 'kind: modes\nfailure_threshold: 3\nsuccess_threshold: 2\nrefresh_interval: 1h\nstale_after: 10m\n' });
    assert.equal((await cliInProcess(['reconcile', '--probe', '--fail-on', 'none', '--root', root])).code, 0);
    const fresh = (await cliInProcess(['reconcile', '--fail-on', 'none', '--root', root, '--format', 'json'])).json<{ nodes: Array<{ id: string; stale: unknown }> }>();
    assert.deepEqual(fresh.nodes.map((n) => [n.id, n.stale]), [['a', null], ['b', null]], 'just observed (a), never observed (b): neither is stale');

    const at = new Date(Date.now() - 3 * 3600_000).toISOString();
    ageObservation(root, 'a', at);
    const r = (await cliInProcess(['reconcile', '--fail-on', 'none', '--root', root, '--format', 'json'])).json<{ nodes: Array<{ id: string; stale: { observed_at: string; age_s: number } | null }> }>();
    const a = r.nodes.find((n) => n.id === 'a')!.stale!;
    assert.equal(a.observed_at, at);
    assert.ok(a.age_s >= 3 * 3600 && a.age_s < 4 * 3600, String(a.age_s));
    const s = (await cliInProcess(['status', '--fail-on', 'none', '--root', root, '--format', 'json'])).json<{ stale: { afterSeconds: number; nodes: Array<{ node: string; observed_at: string }> } }>();
    assert.equal(s.stale.afterSeconds, 600);
    assert.deepEqual(s.stale.nodes.map((n) => [n.node, n.observed_at]), [['a', at]]);
    assert.match((await cliInProcess(['status', '--fail-on', 'none', '--root', root])).stdout, /Stale observations \(older than 10m; [^)]*\): a observed 3h( \d+m)? ago/);
    assert.match((await cliInProcess(['reconcile', '--fail-on', 'none', '--root', root])).stdout, /stale: observed 3h( \d+m)? ago/);
  });

  it('are labelled on a fresh clone too, from the times status/modes.json carries, and not once a probe saw the node since', async () => {
    const at = new Date(Date.now() - 2 * 86400_000).toISOString();
    const modes = JSON.stringify({ generated_by: 'fleethub', nodes: { a: { mode: 'DEGRADED', since: at, last_verified: null, observed_at: at, failures: 0, passes: 0, reason: 'tcp 127.0.0.1:1: refused' } } });
    const root = fleet({ 'registry/nodes/a.md': PROBED, 'registry/nodes/b.md': node('b'), 'policies/modes.yaml': 'kind: modes\nfailure_threshold: 3\nsuccess_threshold: 2\nstale_after: 10m\n', 'status/modes.json': `${modes}\n` });
    const s = (await cliInProcess(['status', '--fail-on', 'none', '--root', root, '--format', 'json'])).json<{ stale: { nodes: Array<{ node: string; observed_at: string; age_s: number }> } }>();
    assert.deepEqual(s.stale.nodes.map((n) => [n.node, n.observed_at]), [['a', at]], 'the DEGRADED picture status/ shows is two days old: said so; b never observed: UNKNOWN, not stale');
    assert.ok(s.stale.nodes[0]!.age_s >= 2 * 86400, String(s.stale.nodes[0]!.age_s));
    assert.match((await cliInProcess(['status', '--fail-on', 'none', '--root', root])).stdout, /Stale observations \(older than 10m; [^)]*\): a observed 2d( \d+h)? ago/);
    const r = (await cliInProcess(['reconcile', '--fail-on', 'none', '--root', root, '--format', 'json'])).json<{ nodes: Array<{ id: string; stale: { observed_at: string } | null }> }>();
    assert.equal(r.nodes.find((n) => n.id === 'a')!.stale?.observed_at, at, 'reconcile says the same');

    assert.equal((await cliInProcess(['reconcile', '--probe', '--fail-on', 'none', '--root', root])).code, 0, 'a probe, nothing written: status/modes.json keeps the old time');
    const after = (await cliInProcess(['status', '--fail-on', 'none', '--root', root, '--format', 'json'])).json<{ stale: { nodes: unknown[] } }>();
    assert.deepEqual(after.stale.nodes, [], 'the cache holds a newer observation than status/modes.json: the later one counts');
  });

  it("status names the 20 stalest, then how many more, in lines that fit the width; JSON has them all", async () => {
    const ids = Array.from({ length: 30 }, (_, i) => `node-${String(i).padStart(2, '0')}`);
    const root = fleet(Object.fromEntries(ids.map((id) => [`registry/nodes/${id}.md`, node(id)])));
    const at = (h: number): string => new Date(Date.now() - h * 3600_000).toISOString();
    const file = join(root, 'obs.json');
    writeFileSync(file, JSON.stringify({ fleethub: 'observations', version: 1, shard: { index: 1, count: 1 }, nodes: ids, observations: ids.map((id, i) => ({ node: id, at: at(i < 5 ? 50 : 3), ok: true, reason: 'all probes passed', results: [] })) }));
    assert.notEqual((await cliInProcess(['reconcile', '--root', root, '--observations', file])).code, 2);
    const text = (await cliInProcess(['status', '--root', root], { env: { COLUMNS: '80' } })).stdout;
    const stale = text.slice(text.indexOf('Stale observations'));
    const lines = stale.slice(0, stale.indexOf('\n\n') === -1 ? undefined : stale.indexOf('\n\n')).split('\n');
    assert.ok(lines.length > 1 && lines.every((l) => [...l].length <= 80), lines.join('\n'));
    const said = lines.join(' ').trimEnd();
    assert.match(said, /node-00, node-01, node-02, node-03, node-04 observed 2d 2h ago; node-05, /, 'the stalest first');
    assert.match(said, /; and 10 more \(fleethub status --format json lists them all\)$/);
    assert.equal((said.match(/node-\d\d/g) ?? []).length, 20);
    const json = (await cliInProcess(['status', '--root', root, '--format', 'json'])).json<{ stale: { nodes: unknown[] } }>();
    assert.equal(json.stale.nodes.length, 30);
  });

  it('stale_after defaults to the refresh interval', async () => {
    const root = fleet({ 'registry/nodes/a.md': PROBED, 'policies/modes.yaml': 'kind: modes\nfailure_threshold: 3\nsuccess_threshold: 2\nrefresh_interval: 2h\n' });
    await cliInProcess(['reconcile', '--probe', '--fail-on', 'none', '--root', root]);
    const stale = async (): Promise<number> => (await cliInProcess(['status', '--fail-on', 'none', '--root', root, '--format', 'json'])).json<{ stale: { afterSeconds: number; nodes: unknown[] } }>().stale.nodes.length;
    ageObservation(root, 'a', new Date(Date.now() - 3600_000).toISOString());
    assert.equal(await stale(), 0, 'one hour old, within two');
    ageObservation(root, 'a', new Date(Date.now() - 3 * 3600_000).toISOString());
    assert.equal(await stale(), 1);
  });
});
