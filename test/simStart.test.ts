/**
 * `npm run sim` as a user meets it: it starts in the picture the shipped status/ files record (so a
 * first `reconcile --probe --write` changes nothing), `--fault` is parsed against the node and fault
 * names, and the process lets go of its ports when it is told to stop or its parent dies.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { faultsFromStatus } from '../scripts/sim/faultsFromStatus.js';
import { FAULTS } from '../scripts/sim/fleetSimulator.js';
import { parseFaultOption } from '../scripts/sim/parseFaultOption.js';
import { cliAsync, makeFleet, REPO, removeDir } from './helpers/fleet.js';
import { simulatedExampleFleet } from './helpers/simulatedFleet.js';

const SIM = join(REPO, 'dist', 'scripts', 'sim.js');

/** Every file under root but the cache directory, path → bytes. */
function snapshot(root: string, dir = root, out = new Map<string, string>()): Map<string, string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (relative(root, path) === '.fleethub') continue;
    if (statSync(path).isDirectory()) snapshot(root, path, out);
    else out.set(relative(root, path), readFileSync(path, 'latin1'));
  }
  return out;
}
function changedFiles(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...new Set([...before.keys(), ...after.keys()])].filter((k) => before.get(k) !== after.get(k)).sort();
}

const BOARD = 'status/BOARD.md';
/** The board's node table rows: `| <node id> | role | ... | mode | since | reachability | last verified |`. */
const nodeRows = (board: string): string[] => board.split('\n').filter((line) => /^\| [a-z0-9-]+ \| .*\*\*[A-Z]+\*\*/.test(line));

describe('the simulator starts in the shipped picture', () => {
  it('faultsFromStatus: the bundled status/modes.json puts node3 and node4 down, nothing else', () => {
    assert.deepEqual([...faultsFromStatus(REPO)].sort(), [['node3', 'down'], ['node4', 'down']]);
  });

  it('faultsFromStatus: no status file is no picture; a corrupt one is an error naming it', () => {
    const root = makeFleet({ 'registry/nodes/.keep': '' });
    try {
      assert.equal(faultsFromStatus(root).size, 0);
      makeFleet({ 'status/modes.json': '{"nodes": {' }, root);
      assert.throws(() => faultsFromStatus(root), /status\/modes\.json is not valid JSON.*--healthy/);
    } finally {
      removeDir(root);
    }
  });

  it('a first reconcile --probe --write against the default-started simulator changes no recorded state', async () => {
    // The shipped timeouts: a healthy node that missed a 300 ms one on a loaded machine would change the picture (the nodes down are refused at once).
    const { root, sim } = await simulatedExampleFleet({ status: true, shippedTimeouts: true });
    try {
      const before = snapshot(root);
      const run = await cliAsync(['reconcile', '--probe', '--write', '--root', root]);
      assert.notEqual(run.code, 2, run.stderr);
      const after = snapshot(root);
      // The shipped status/ as it is, however long ago its times were taken: nothing changes, the board included.
      assert.deepEqual(changedFiles(before, after), []);
      assert.deepEqual(nodeRows(after.get(BOARD)!), nodeRows(before.get(BOARD)!));
      assert.equal(nodeRows(before.get(BOARD)!).length, 16);

      // The same run with node3 back up does change the recorded picture: the check above can fail.
      await sim.setFault('node3', 'none');
      const run2 = await cliAsync(['reconcile', '--probe', '--write', '--root', root]);
      assert.notEqual(run2.code, 2, run2.stderr);
      assert.ok(changedFiles(before, snapshot(root)).includes('status/modes.json'));
    } finally {
      await sim.stop();
      removeDir(root);
    }
  });
});

describe('--fault', () => {
  const ids = ['node1', 'node3'];
  it('parses <node>=<fault>', () => {
    assert.deepEqual(parseFaultOption('node3=down', ids), { id: 'node3', fault: 'down' });
    assert.deepEqual(parseFaultOption('node1=wrong-version', ids), { id: 'node1', fault: 'wrong-version' });
  });
  it('an unknown fault lists the fault names; an unknown node lists the nodes; a malformed value shows the form', () => {
    assert.throws(() => parseFaultOption('node3=melt', ids), new RegExp(`unknown fault "melt"; faults: ${FAULTS.join(', ')}`));
    assert.throws(() => parseFaultOption('node9=down', ids), /no simulated node "node9"; nodes: node1, node3/);
    for (const bad of ['node3', 'node3=', '=down']) assert.throws(() => parseFaultOption(bad, ids), /expected <node>=<fault>, e\.g\. --fault node3=down/);
  });
  it("the README's wrong-version example names a bundled node that declares an agent version (else the fault shows nothing)", () => {
    const examples = [...readFileSync(join(REPO, 'README.md'), 'utf8').matchAll(/--fault ([\w-]+)=wrong-version/g)].map((m) => m[1]!);
    assert.ok(examples.length > 0, 'the README shows the fault');
    for (const id of examples) assert.match(readFileSync(join(REPO, 'registry', 'nodes', `${id}.md`), 'utf8'), /^\s+agent_version: \S+/m, id);
  });
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return port;
}

async function canBind(port: number): Promise<boolean> {
  const server = createServer();
  const ok = await new Promise<boolean>((r) => {
    server.once('error', () => r(false));
    server.listen(port, '127.0.0.1', () => r(true));
  });
  if (ok) await new Promise((r) => server.close(r));
  return ok;
}

/** True once `port` can be bound again (tries for up to ~10 s: a bound on a liveness wait, not a timing assertion). */
async function released(port: number): Promise<boolean> {
  for (let i = 0; i < 100; i++) {
    if (await canBind(port)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

function output(child: ChildProcess): { text: () => string; ready: Promise<void> } {
  let text = '';
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (b: Buffer) => {
      text += b.toString('utf8');
      if (text.includes('Ctrl-C to stop.')) resolve();
    });
    child.stderr!.on('data', (b: Buffer) => (text += b.toString('utf8')));
    child.on('exit', (code) => reject(new Error(`simulator exited (${code}) before it was ready:\n${text}`)));
  });
  return { text: () => text, ready };
}

async function oneNodeFleet(): Promise<{ root: string; port: number }> {
  const port = await freePort();
  const node = `---\ntitle: A\nrole: edge\nprobes:\n  tcp:\n    - host: 127.0.0.1\n      port: ${port}\n---\n`;
  return { root: makeFleet({ 'registry/nodes/a.md': node }), port };
}

describe('the simulator process', () => {
  it('SIGTERM stops it and releases its ports', async () => {
    const { root, port } = await oneNodeFleet();
    const child = spawn(process.execPath, [SIM, '--root', root, '--control-port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const out = output(child);
      await out.ready;
      assert.match(out.text(), new RegExp(`a\\s+${port}`));
      const exited = new Promise<string>((r) => child.on('exit', (code, signal) => r(`${code} ${signal} ${out.text()}`)));
      child.kill('SIGTERM');
      assert.match(await exited, /^0 null/);
      assert.match(out.text(), /fleet simulator stopped/);
      assert.ok(await released(port), `port ${port} is still held`);
    } finally {
      child.kill('SIGKILL');
      removeDir(root);
    }
  });

  it('exits when its parent dies without passing the signal on (as `npm run`\'s shell does)', async () => {
    const { root, port } = await oneNodeFleet();
    // `sh -c 'a && b'` does not exec b: killing the shell leaves b orphaned unless b watches its parent.
    const shell = spawn('/bin/sh', ['-c', `true && "${process.execPath}" "${SIM}" --root "${root}" --control-port 0`], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      await output(shell).ready;
      assert.equal(await canBind(port), false, 'the simulator holds its port while its parent lives');
      shell.kill('SIGKILL');
      assert.ok(await released(port), `port ${port} is still held after the parent died`);
    } finally {
      shell.kill('SIGKILL');
      removeDir(root);
    }
  });

  it('an unknown --fault is a usage error listing the faults, exit 2', async () => {
    const { root } = await oneNodeFleet();
    try {
      const child = spawn(process.execPath, [SIM, '--root', root, '--control-port', '0', '--fault', 'a=melt'], { stdio: ['ignore', 'pipe', 'pipe'] });
      let err = '';
      child.stderr.on('data', (b: Buffer) => (err += b.toString('utf8')));
      const code = await new Promise<number | null>((r) => child.on('exit', r));
      assert.equal(code, 2);
      assert.match(err, /unknown fault "melt"/);
      assert.match(err, new RegExp(`Faults: ${FAULTS.join(', ')}`));
    } finally {
      removeDir(root);
    }
  });
});
