/**
 * `fleethub hub` and `npm start` as real processes: one URL printed (carrying
 * the token), the API answering, a clean stop on SIGINT (exit 0) that lets go
 * of the ports — the simulator's too, for npm start's script.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createConnection, createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { BIN, copyExampleFleet, REPO, removeDir } from './helpers/fleet.js';
import { send, waitFor } from './helpers/hubClient.js';

interface Started {
  child: ChildProcess;
  url: URL;
  stderr: () => string;
  stdout: () => string;
  exit: Promise<number | null>;
}

async function startProcess(args: string[], env: Record<string, string> = {}): Promise<Started> {
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  let out = '';
  let err = '';
  child.stdout!.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr!.on('data', (b: Buffer) => (err += b.toString()));
  const exit = new Promise<number | null>((r) => child.on('close', (code) => r(code)));
  let done = false;
  void exit.then(() => (done = true));
  await waitFor(() => done || /https?:\/\/\S+\?token=\S+/.test(err), 'the hub prints its URL');
  assert.ok(!done, `the process ended early: ${err}`);
  return { child, url: new URL(/https?:\/\/\S+\?token=\S+/.exec(err)![0]), stderr: () => err, stdout: () => out, exit };
}

const hostOf = (url: URL): Record<string, string> => ({ host: url.host });
const bearer = (url: URL): Record<string, string> => ({ host: url.host, authorization: `Bearer ${url.searchParams.get('token')}` });

/** The example fleet with its nodes' probe ports moved to free ones (a simulator may already hold the shipped ones). */
async function exampleFleetOnFreePorts(): Promise<{ root: string; ports: number[] }> {
  const root = copyExampleFleet({ status: true });
  const files = [...readdirSync(join(root, 'registry/nodes')).map((f) => join(root, 'registry/nodes', f)), ...readdirSync(join(root, 'status')).map((f) => join(root, 'status', f))];
  const shipped = new Set<string>();
  for (const f of files) for (const m of readFileSync(f, 'utf8').matchAll(/127\.0\.0\.1:(\d+)/g)) shipped.add(m[1]!);
  const map = new Map<string, string>();
  for (const p of shipped) {
    const s = createServer();
    await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
    map.set(p, String((s.address() as AddressInfo).port));
    await new Promise<void>((r) => s.close(() => r()));
  }
  for (const f of files) writeFileSync(f, readFileSync(f, 'utf8').replace(/\b\d{4,5}\b/g, (p) => map.get(p) ?? p));
  return { root, ports: [...map.values()].map(Number) };
}

const refused = (port: number): Promise<boolean> =>
  new Promise((r) => {
    const c = createConnection({ host: '127.0.0.1', port }, () => {
      c.destroy();
      r(false);
    });
    c.on('error', () => r(true));
  });

describe('fleethub hub as a process', () => {
  it('prints one URL with the token, answers, and stops cleanly on SIGINT', async () => {
    const root = copyExampleFleet();
    try {
      const hub = await startProcess([BIN, 'hub', '--root', root, '--port', '0', '--probe-interval', '0']);
      assert.equal(hub.url.hostname, '127.0.0.1');
      assert.equal(hub.url.pathname, '/');
      assert.equal((hub.stderr().match(/https?:\/\//g) ?? []).length, 1, 'one URL');
      const port = Number(hub.url.port);
      const health = await send(port, 'GET', '/api/health', hostOf(hub.url));
      assert.equal(health.status, 200);
      const swap = await send(port, 'GET', `${hub.url.pathname}${hub.url.search}`, hostOf(hub.url));
      assert.equal(swap.status, 303);
      assert.equal((await send(port, 'GET', '/api/nodes/node3', bearer(hub.url))).json().id, 'node3');
      hub.child.kill('SIGINT');
      assert.equal(await hub.exit, 0, hub.stderr());
      assert.match(hub.stdout(), /hub stopped/);
      assert.equal(await refused(port), true, 'the port is free again');
    } finally {
      removeDir(root);
    }
  });
});

describe('npm start', () => {
  it("its script starts the simulator and the hub, answers /api/health, probes the nodes, and stops both on SIGINT", async () => {
    const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    const script = /node (dist\/scripts\/dev-hub\.js)$/.exec(pkg.scripts.start!)?.[1];
    assert.ok(script, `npm start runs the dev-hub script: ${pkg.scripts.start}`);
    const { root, ports } = await exampleFleetOnFreePorts();
    let hub: Started | null = null;
    let stopped = false;
    try {
      hub = await startProcess([join(REPO, script), '--root', root, '--port', '0', '--probe-interval', '1s']);
      const port = Number(hub.url.port);
      assert.equal((await send(port, 'GET', '/api/health', hostOf(hub.url))).status, 200);
      const h = hub;
      assert.match(hub.stderr(), /fleet simulator: /);
      // The simulator answers the probes: node1 is verified (its last_verified moves past the hub's start).
      const started = Date.now();
      let last: unknown = null;
      await waitFor(async () => {
        const n = (await send(port, 'GET', '/api/nodes/node1', bearer(h.url))).json();
        last = n;
        return n.mode === 'ACTIVE' && Date.parse(n.last_verified ?? '0') >= started - 1000;
      }, 'node1 is probed ACTIVE').catch((e: Error) => assert.fail(`${e.message}: ${JSON.stringify(last)}\n${h.stderr()}`));
      // Ctrl-C at a terminal signals the whole foreground process group: the simulator is in a group of its own, so the
      // hub stops first, while the nodes still answer (a probe tick in flight then writes no failure the stop made).
      const group = (pid: number): string => readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ')[2]!;
      const pid = hub.child.pid!;
      // Other children come and go (a check's shell, a git the history walk runs): the simulator is the one running sim.js.
      const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
      const cmdline = (p: number): string => {
        try {
          return readFileSync(`/proc/${p}/cmdline`, 'utf8');
        } catch {
          return ''; // that child ended between the two reads
        }
      };
      const sims = children.filter((c) => cmdline(c).includes('scripts/sim.js'));
      assert.equal(sims.length, 1, `one simulator among the children: ${children.map((c) => cmdline(c).replace(/\0/g, ' ')).join(' | ')}`);
      assert.notEqual(group(sims[0]!), group(pid), 'the simulator has a process group of its own');
      hub.child.kill('SIGINT');
      assert.equal(await hub.exit, 0, hub.stderr());
      stopped = true;
      assert.equal(await refused(port), true, "the hub's port is free again");
      await waitFor(async () => (await Promise.all(ports.map(refused))).every(Boolean), "the simulator's ports are free again");
    } finally {
      if (hub && !stopped) {
        hub.child.kill('SIGKILL');
        await hub.exit;
      }
      removeDir(root);
    }
  });
});
