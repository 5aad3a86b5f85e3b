/**
 * Hysteresis advances when `reconcile --probe --push` runs again and again
 * without a git pull: each run reads status/modes.json through the events
 * relayed upstream but not pulled (and those still pending), not from the
 * stale working tree. Against the loopback Git server.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkout, runGit, smallFleet, upstreamFile, upstreamRepo } from '../scripts/git-server/fleetUpstream.js';
import { cliInProcess } from './helpers/fleet.js';
import { gitServerSuite } from './helpers/gitServerSuite.js';

const ADA = { name: 'Ada Ops', email: 'ada@fleet.invalid' };
// Port 1 on loopback refuses connections: every probe of node a fails at once.
const DOWN = '---\ntitle: Node a\nrole: primary\nprobes:\n  tcp:\n    - host: 127.0.0.1\n      port: 1\n---\nThe only node.\n';

const suite = gitServerSuite();

const fh = (root: string, args: string[]) => cliInProcess([...args, '--root', root], { env: { FLEETHUB_WRITER_NAME: '', FLEETHUB_WRITER_EMAIL: '' } });
const upstreamMode = async (name: string): Promise<{ mode: string; reason: string }> =>
  (JSON.parse((await upstreamFile(suite.server, name, 'status/modes.json'))!) as { nodes: Record<string, { mode: string; reason: string }> }).nodes.a!;

describe('reconcile --probe --push without git pull', () => {
  it('counts each run toward the failure threshold: failing 1/3, 2/3, then DEGRADED upstream', async () => {
    const url = await upstreamRepo(suite.server, 'hysteresis', smallFleet({ 'registry/nodes/a.md': DOWN }));
    const root = await checkout(url, ADA);
    suite.keep(root);
    const seen: string[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await fh(root, ['reconcile', '--probe', '--push', '--fail-on', 'none', '--format', 'json']);
      assert.equal(r.code, 0, r.stdout + r.stderr);
      const json = r.json<{ nodes: Array<{ id: string; mode: string; reasons: string[] }>; relay: { state: string } | null }>();
      assert.equal(json.relay?.state, 'applied', r.stdout);
      const up = await upstreamMode('hysteresis');
      seen.push(`${up.mode} ${up.reason.split(':')[0]}`);
    }
    assert.deepEqual(seen, ['UNKNOWN failing 1/3', 'UNKNOWN failing 2/3', 'DEGRADED tcp 127.0.0.1']);
    assert.equal(await runGit(['status', '--porcelain'], { cwd: root }), '', 'the working tree was never touched');
    // Offline, the same checkout already shows what upstream has.
    const status = await fh(root, ['status', '--fail-on', 'none', '--format', 'json']);
    assert.equal(status.json<{ nodes: { byMode: Record<string, number> } }>().nodes.byMode.DEGRADED, 1);
    // Nothing new to say: the fourth run records nothing, though the working tree is still behind.
    const steady = await fh(root, ['reconcile', '--probe', '--push', '--fail-on', 'none', '--format', 'json']);
    assert.deepEqual(steady.json<{ events: string[] }>().events, []);
  });
});
