/**
 * The hub's probes: every --probe-interval, loopback only, DISABLED and
 * PLANNED nodes never contacted, modes as `reconcile --probe --write` decides
 * them, status/modes.json written when the mode picture changes and left alone
 * while it does not.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { makeFleet, removeDir } from './helpers/fleet.js';
import { testHub, waitFor } from './helpers/hubClient.js';

async function counting(): Promise<{ server: Server; port: number; connections: () => number }> {
  let n = 0;
  const server = createServer((s) => {
    n++;
    s.destroy();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return { server, port: (server.address() as AddressInfo).port, connections: () => n };
}

const node = (title: string, port: number, extra = ''): string => `---\ntitle: ${title}\nrole: edge\n${extra}probes:\n  tcp:\n    - host: 127.0.0.1\n      port: ${port}\n---\n${title}.\n`;

describe('the hub probes', () => {
  it('on its interval, never a disabled or planned node, and writes status/modes.json only when the picture changes', async () => {
    const [up, off, planned] = await Promise.all([counting(), counting(), counting()]);
    const root = makeFleet({
      'registry/nodes/up.md': node('Up', up.port),
      'registry/nodes/off.md': node('Off', off.port, 'enabled: false\n'),
      'registry/nodes/later.md': node('Later', planned.port, 'planned: true\n'),
      'policies/modes.yaml': '---\nkind: modes\nfailure_threshold: 3\nsuccess_threshold: 2\nprobe_timeout: 1s\n---\n',
    });
    const hub = await testHub(root, { probeIntervalMs: 300 });
    try {
      await waitFor(async () => (await hub.call('GET', '/api/nodes/up')).json().mode === 'ACTIVE', 'the probed node is ACTIVE');
      const modes = readFileSync(join(root, 'status/modes.json'), 'utf8');
      assert.match(modes, /"up": \{"mode":"ACTIVE"/);
      const seen = up.connections();
      await waitFor(() => up.connections() >= seen + 2, 'two more probe ticks');
      assert.equal(readFileSync(join(root, 'status/modes.json'), 'utf8'), modes, 'a steady picture writes nothing');
      assert.equal(off.connections(), 0, 'a disabled node is never contacted');
      assert.equal(planned.connections(), 0, 'a planned node is never contacted');
      const nodes = (await hub.call('GET', '/api/nodes')).json() as Array<{ id: string; mode: string }>;
      assert.deepEqual(nodes.map((n) => [n.id, n.mode]), [['later', 'PLANNED'], ['off', 'DISABLED'], ['up', 'ACTIVE']]);
      // The node goes down: DEGRADED after failure_threshold failing ticks, and the file says so.
      await new Promise<void>((r) => up.server.close(() => r()));
      await waitFor(async () => (await hub.call('GET', '/api/nodes/up')).json().mode === 'DEGRADED', 'the node is DEGRADED once its probes fail');
      await waitFor(() => /"up": \{"mode":"DEGRADED"/.test(readFileSync(join(root, 'status/modes.json'), 'utf8')), 'status/modes.json records it');
    } finally {
      await hub.close();
      for (const s of [up, off, planned]) s.server.close();
      removeDir(root);
    }
  });
});
