/**
 * Stale observations on the board (status/BOARD.md), byte-steady: the board
 * states the time of its observations (the latest observed_at in
 * status/modes.json) and marks a node observed more than stale_after before
 * it, with its age relative to that time, never to the rendering run's clock.
 */
import assert from 'node:assert/strict';
import { readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parseModesFile, statesToPersist } from '../src/evaluate/modesFile.js';
import type { ModeState } from '../src/evaluate/modeState.js';
import { persistedStaleness } from '../src/evaluate/persistedStaleness.js';
import { cliInProcess, fleetMaker, node } from './helpers/fleet.js';

const { fleet, cleanup } = fleetMaker();
let server: Server;
let port: number;
before(async () => {
  server = createServer((s) => s.end());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as { port: number }).port;
});
after(async () => {
  await new Promise((resolve) => server.close(resolve));
  cleanup();
});

const HOUR = 3600_000;
const ago = (ms: number): string => new Date(Date.now() - ms).toISOString();
const active = (observed_at: string): ModeState => ({ mode: 'ACTIVE', since: observed_at, last_verified: observed_at, observed_at, failures: 0, passes: 0, reason: 'all probes passed' });
const modesFile = (states: Record<string, ModeState>): string =>
  `{\n  "generated_by": "fleethub",\n  "nodes": {\n${Object.entries(states).map(([id, s]) => `    ${JSON.stringify(id)}: ${JSON.stringify(s)}`).join(',\n')}\n  }\n}\n`;
const FILES = ['status/modes.json', 'status/BOARD.md', 'status/runtime-registry.json'];

describe('stale observations on the board', () => {
  it('marks a node observed more than stale_after before the board\'s observations, and stays the same bytes offline and on a steady probe', async () => {
    // a is probed (a real loopback listener); b has no probe any more, so its last observation, three hours old, is all there is.
    const root = fleet({
      'registry/nodes/a.md': node('a', `probes:\n  tcp:\n    - host: 127.0.0.1\n      port: ${port}\n`),
      'registry/nodes/b.md': node('b'),
      'policies/modes.yaml': 'kind: modes\nfailure_threshold: 3\nsuccess_threshold: 2\nrefresh_interval: 1h\nstale_after: 10m\n',
      'status/modes.json': modesFile({ a: active(ago(5 * HOUR)), b: active(ago(3 * HOUR)) }),
    });
    const run = async (args: string[]) => {
      const r = await cliInProcess(['reconcile', ...args, '--fail-on', 'none', '--root', root, '--format', 'json']);
      assert.equal(r.code, 0, r.stderr);
      return r.json<{ changes: Array<{ path: string }> }>();
    };
    const probed = await run(['--probe', '--write']);
    assert.ok(probed.changes.some((c) => c.path === 'status/BOARD.md'));
    const states = parseModesFile(readFileSync(join(root, 'status/modes.json'), 'utf8')).states;
    const asOf = states.get('a')!.observed_at!;
    assert.ok(Date.now() - Date.parse(asOf) < HOUR, 'a was observed by this run');
    const board = readFileSync(join(root, 'status/BOARD.md'), 'utf8');
    assert.ok(board.includes(`Observations as of ${asOf} (the latest recorded in status/modes.json); 1 node last observed more than 10m (stale_after) before that, marked stale.`), board);
    const row = (id: string): string => board.split('\n').find((l) => l.startsWith(`| ${id} |`))!;
    assert.match(row('b'), /\| stale: (2h 59m|3h|3h \d+m) older than the board's observations \(observed [0-9T:.Z-]+\); reachable \|/, 'the reachability it last had, labelled stale');
    assert.doesNotMatch(row('a'), /stale/);

    const snapshot = (): string[] => FILES.map((f) => `${statSync(join(root, f)).mtimeMs} ${readFileSync(join(root, f), 'utf8')}`);
    const written = snapshot();
    assert.deepEqual((await run(['--probe', '--write'])).changes, [], 'a steady probe run: nothing to write');
    assert.deepEqual((await run(['--write'])).changes, [], 'an offline run renders the same bytes');
    rmSync(join(root, '.fleethub'), { recursive: true, force: true });
    assert.deepEqual((await run(['--check'])).changes, [], 'a fresh clone (no cache, no observations) finds no drift');
    assert.deepEqual((await run(['--write'])).changes, []);
    assert.deepEqual(snapshot(), written, 'no file rewritten, not even with the same bytes');
  });
});

describe('statesToPersist and staleness', () => {
  const t = (min: number): string => new Date(Date.UTC(2026, 10, 22, 0, min)).toISOString();
  it('writes every observed time when one node changes, so no node observed in this run looks stale next to the changed one', () => {
    // a and b were written at 0; both observed again at 70, and b starts failing: a change, so both take 70.
    const previous = new Map([['a', active(t(0))], ['b', active(t(0))]]);
    const next = new Map([['a', active(t(70))], ['b', { ...active(t(70)), failures: 1, reason: 'failing 1/3: refused' }]]);
    const out = statesToPersist(previous, next, null);
    assert.equal(out.get('a')!.observed_at, t(70));
    assert.equal(out.get('b')!.observed_at, t(70));
    assert.deepEqual([...persistedStaleness(out, 10 * 60_000).stale.keys()], []);
    const seenAgain = (at: string): ModeState => ({ ...active(at), since: t(0) });
    const steady = statesToPersist(previous, new Map([['a', seenAgain(t(70))], ['b', seenAgain(t(70))]]), null);
    assert.equal(steady.get('a')!.observed_at, t(0), 'nothing changed: the times read are written');
  });

  it('keeps a node that was not observed stale, with its age relative to the latest observation, and judges no declared or unobserved node', () => {
    const states = new Map<string, ModeState>([
      ['a', active(t(180))],
      ['b', active(t(0))],
      ['off', { ...active(t(0)), mode: 'DISABLED' }],
      ['new', { mode: 'UNKNOWN', since: null, last_verified: null, observed_at: null, failures: 0, passes: 0, reason: 'not observed yet' }],
    ]);
    const out = statesToPersist(states, states, HOUR);
    const { asOf, stale } = persistedStaleness(out, 10 * 60_000);
    assert.equal(asOf, t(180));
    assert.deepEqual([...stale.values()], [{ node: 'b', observed_at: t(0), age_s: 3 * 3600 }]);
  });
});
