/**
 * `fleethub rebuild` keeps what the probes saw: the observations are the one
 * thing in the cache the files do not give back, so after a rebuild the nodes
 * are not all stale. A cache that cannot be read gives none, and the command
 * says so. Real SQLite files, the real CLI.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { cliInProcess, fleetMaker, node } from './helpers/fleet.js';

const { fleet, cleanup } = fleetMaker();
after(cleanup);

const observationsFile = (nodes: string[], at: string): string =>
  JSON.stringify({ fleethub: 'observations', version: 1, shard: { index: 1, count: 1 }, nodes, observations: nodes.map((n) => ({ node: n, at, ok: true, reason: 'all probes passed', results: [{ type: 'tcp', target: '127.0.0.1:1', ok: true, ms: 1 }] })) });

const observed = async (root: string): Promise<unknown> => (await cliInProcess(['query', '--root', root, '--format', 'json', 'SELECT node, at, ok FROM observations ORDER BY node'])).json();

describe('fleethub rebuild', () => {
  it('carries the probe observations into the new cache, and says how many', async () => {
    const root = fleet({ 'registry/nodes/a.md': node('a'), 'registry/nodes/b.md': node('b') });
    const at = new Date().toISOString();
    writeFileSync(join(root, 'obs.json'), observationsFile(['a', 'b'], at));
    const recorded = await cliInProcess(['reconcile', '--root', root, '--observations', join(root, 'obs.json')]);
    assert.notEqual(recorded.code, 2, recorded.stderr);
    const before = await observed(root);
    assert.deepEqual(before, [{ node: 'a', at, ok: 1 }, { node: 'b', at, ok: 1 }]);

    const rebuilt = await cliInProcess(['rebuild', '--root', root]);
    assert.equal(rebuilt.code, 0, rebuilt.stderr);
    assert.match(rebuilt.stdout, /^rebuilt .*cache\.sqlite from \d+ files, keeping the probe observations of 2 nodes$/m);
    assert.deepEqual(await observed(root), before, 'the same rows after the rebuild');
  });

  it('says when the old cache could not be read, so its observations are gone (exit 0: the new cache is built)', async () => {
    const root = fleet({ 'registry/nodes/a.md': node('a') });
    assert.equal((await cliInProcess(['validate', '--root', root])).code, 0);
    writeFileSync(join(root, '.fleethub', 'cache.sqlite'), 'not a database, not even close; '.repeat(200));
    const rebuilt = await cliInProcess(['rebuild', '--root', root, '--format', 'json']);
    assert.equal(rebuilt.code, 0, rebuilt.stderr);
    const json = rebuilt.json<{ observations: number; observationsLost: string | null }>();
    assert.equal(json.observations, 0);
    assert.match(json.observationsLost ?? '', /not a database/);
    assert.match((await cliInProcess(['rebuild', '--root', root])).stdout, /from \d+ files$/m, 'a healthy cache without observations: nothing to say');
  });
});
