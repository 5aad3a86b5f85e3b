/**
 * The hub's JSON API and server-sent events over real HTTP, on a copy of the
 * bundled example fleet: every route and its shape, the section registry
 * served by name, errors as JSON; SSE replay from Last-Event-ID, a reset for
 * an id too old, a heartbeat, and a file edited on disk arriving as a change.
 */
import assert from 'node:assert/strict';
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ignoredPath } from '../src/hub/watchFleet.js';
import { REPO, removeDir, tempDir } from './helpers/fleet.js';
import { saveFirstOpenTask, sse, testHub, waitFor, type TestHub } from './helpers/hubClient.js';

const SECTIONS = ['fleet', 'nodes', 'topology', 'workloads', 'workplans', 'checks', 'findings', 'intents', 'rollouts', 'outbox'];

function exampleFleet(): string {
  const dir = tempDir('fleethub-hub-');
  for (const d of ['registry', 'workplans', 'policies', 'status']) cpSync(join(REPO, d), join(dir, d), { recursive: true });
  return dir;
}

describe('the hub API on the example fleet', () => {
  let root: string;
  let hub: TestHub;
  before(async () => {
    root = exampleFleet();
    hub = await testHub(root, { heartbeatMs: 200 }, { FLEETHUB_TRUST_ROOT: join(REPO, 'test/fixtures/keys/trust-root.json') });
  });
  after(async () => {
    await hub.close();
    removeDir(root);
  });

  it('GET /api/health and /api/ready', async () => {
    const h = await hub.call('GET', '/api/health');
    assert.equal(h.status, 200);
    assert.equal(h.json().ok, true);
    const r = await hub.call('GET', '/api/ready');
    assert.equal(r.status, 200);
    assert.equal(r.json().ready, true);
    assert.equal(r.json().revision, hub.state.snapshot()!.revision);
  });

  it('GET /api/snapshot: the revision, the time and every section of the registry', async () => {
    const s = (await hub.call('GET', '/api/snapshot')).json();
    assert.equal(typeof s.revision, 'number');
    assert.match(s.generatedAt, /^\d{4}-\d\d-\d\dT/);
    assert.deepEqual(Object.keys(s.sections), SECTIONS);
  });

  it('GET /api/<section> for each section, the same data as the snapshot', async () => {
    const s = (await hub.call('GET', '/api/snapshot')).json();
    for (const name of SECTIONS) {
      const r = await hub.call('GET', `/api/${name}`);
      assert.equal(r.status, 200, name);
      assert.deepEqual(r.json(), s.sections[name], name);
    }
    const missing = await hub.call('GET', '/api/nonsense');
    assert.equal(missing.status, 404);
    assert.equal(missing.json().error.code, 'not-found');
    assert.match(missing.json().error.message, /the sections: fleet, nodes/);
  });

  it('the fleet, nodes, topology and workloads sections as the files declare them', async () => {
    const fleet = (await hub.call('GET', '/api/fleet')).json();
    assert.equal(fleet.nodes.total, 16);
    assert.equal(fleet.counts.node, 16);
    assert.equal(Object.values(fleet.nodes.byMode as Record<string, number>).reduce((a, b) => a + b, 0), 16);
    const nodes = (await hub.call('GET', '/api/nodes')).json() as Array<Record<string, any>>;
    assert.equal(nodes.length, 16);
    for (const n of nodes) for (const k of ['id', 'declared', 'mode', 'since', 'last_verified', 'stale', 'reasons', 'area', 'site', 'role', 'addresses', 'services']) assert.ok(k in n, `${n.id}: ${k}`);
    const core = (await hub.call('GET', '/api/nodes/coulombcore')).json();
    assert.equal(core.id, 'coulombcore');
    assert.ok(core.services.length > 0);
    assert.ok(core.addresses.every((a: string) => a.includes('127.0.0.1')));
    const none = await hub.call('GET', '/api/nodes/no-such-node');
    assert.equal(none.status, 404);
    assert.match(none.json().error.message, /no node 'no-such-node'/);
    const topo = (await hub.call('GET', '/api/topology')).json();
    assert.equal(topo.nodes.length, 16);
    assert.ok(topo.edges.length > 0);
    for (const e of topo.edges) {
      assert.equal(e.from, e.via[0]);
      assert.equal(e.to, e.via[e.via.length - 1]);
      assert.equal(typeof e.critical, 'boolean');
    }
    const workloads = (await hub.call('GET', '/api/workloads')).json();
    assert.equal(workloads.length, fleet.workloads.total);
  });

  it('the workplans, checks, findings, intents, rollouts and outbox sections', async () => {
    const wps = (await hub.call('GET', '/api/workplans')).json() as Array<Record<string, any>>;
    assert.equal(wps.length, 8);
    const wp = (await hub.call('GET', '/api/workplans/CUST-WP-0054')).json();
    assert.equal(wp.id, 'CUST-WP-0054');
    assert.equal(wp.progress.total, wp.tasks.filter((t: any) => t.state !== 'cancelled').length);
    assert.ok(Array.isArray(wp.ready) && Array.isArray(wp.critical_path));
    assert.equal((await hub.call('GET', '/api/workplans/NOPE')).status, 404);
    const checks = (await hub.call('GET', '/api/checks')).json() as Array<Record<string, any>>;
    assert.ok(checks.length > 0);
    for (const c of checks) assert.equal(c.ok, c.status === 'pass', c.id);
    assert.ok(checks.some((c) => c.status === 'fail' && c.failing_rows.length > 0), 'a failing check shows its rows');
    const findings = (await hub.call('GET', '/api/findings')).json() as Array<Record<string, any>>;
    assert.ok(findings.length > 0);
    for (const f of findings) for (const k of ['code', 'severity', 'file', 'line', 'column', 'message']) assert.ok(k in f, k);
    const intents = (await hub.call('GET', '/api/intents')).json();
    assert.equal(intents.intents.length, 3);
    assert.equal(intents.trust.ok, true, 'the demo pin is trusted');
    const rollouts = (await hub.call('GET', '/api/rollouts')).json() as Array<{ intent: string; state: string; areas: unknown[] }>;
    assert.deepEqual(rollouts.map((r) => r.intent), intents.intents.map((i: { id: string }) => i.id), 'one rollout per update intent, as the board has them');
    for (const r of rollouts) assert.ok(typeof r.state === 'string' && Array.isArray(r.areas), r.intent);
    const board = /<section id="rollouts"[\s\S]*?<\/section>/.exec((await hub.call('GET', '/')).body)?.[0] ?? '';
    for (const r of rollouts as Array<{ intent: string; areas: Array<{ nodes: number; states: Record<string, number> }> }>) {
      const total = r.areas.reduce((n, a) => n + a.nodes, 0);
      const healthy = r.areas.reduce((n, a) => n + (a.states.healthy ?? 0), 0);
      assert.match(board, new RegExp(`${r.intent}[\\s\\S]*?${healthy}/${total} healthy`), `the board's row of ${r.intent}: its ${total} targeted nodes`);
    }
    const outbox = (await hub.call('GET', '/api/outbox')).json();
    assert.deepEqual({ pending: outbox.pending, dead: outbox.dead, url: outbox.upstream.url }, { pending: 0, dead: 0, url: null });
  });

  it('GET / is the server-rendered board, and /assets/ serves its script and style sheet, nothing else', async () => {
    const page = await hub.call('GET', '/');
    assert.equal(page.status, 200);
    assert.match(page.body, /coulombcore/);
    assert.doesNotMatch(page.body, /<script>|<style>|style="/, 'no inline script or style (CSP)');
    const js = await hub.call('GET', '/assets/hub.js');
    assert.equal(js.status, 200);
    assert.match(js.headers['content-type'] ?? '', /text\/javascript/);
    assert.equal((await hub.call('GET', '/assets/hub.css')).status, 200);
    for (const p of ['/assets/..%2Fpage%2FrenderHubPage.ts', '/assets/../../package.json', '/assets/.hidden.js', '/assets/nope.js']) assert.equal((await hub.call('GET', p)).status, 404, p);
  });

  it('POST /api/rollouts/:intent/pause|abort: the event `fleethub rollout pause --queue` records; an unknown intent 404', async () => {
    for (const action of ['pause', 'abort']) {
      const r = await hub.call('POST', `/api/rollouts/some-intent/${action}`, { body: '{}' });
      assert.equal(r.status, 404);
      assert.match(r.json().error.message, /no update intent 'some-intent'/);
    }
    const rollouts = (await hub.call('GET', '/api/rollouts')).json() as Array<{ intent: string; control: { operator: string } }>;
    assert.ok(rollouts.length > 0, 'one row per update intent');
    const intent = rollouts[0]!.intent;
    const r = await hub.call('POST', `/api/rollouts/${intent}/pause`, { body: '{}' });
    assert.equal(r.status, 202, r.body);
    assert.deepEqual(r.json().control, { from: 'active', to: 'paused' });
    assert.match(r.json().event, /^[0-9A-HJKMNP-TV-Z]{26}$/);
    // The event is in the outbox until the hub's relay writes it (this fleet has no upstream: into the working tree); either way the rollout shows paused.
    const pausedRow = async () => ((await hub.call('GET', '/api/rollouts')).json() as typeof rollouts).find((x) => x.intent === intent)!.control.operator === 'paused';
    await waitFor(pausedRow, 'the rollout shows the pause');
    const outbox = (await hub.call('GET', '/api/outbox')).json() as { events: Array<{ id: string }> };
    const file = join(root, r.json().file as string);
    assert.ok(outbox.events.some((e) => e.id === r.json().event) || (existsSync(file) && /control: paused/.test(readFileSync(file, 'utf8'))), 'the pause is pending in the outbox or written by the relay');
    // Once relayed (into the working tree: this fleet has no upstream), the upstream is not "online".
    const relayed = await hub.call('POST', '/api/relay', { body: '{}' });
    assert.ok(relayed.status < 300, relayed.body);
    await waitFor(() => existsSync(file) && /control: paused/.test(readFileSync(file, 'utf8')), 'the relay wrote the pause');
    assert.deepEqual((await hub.call('GET', '/api/outbox')).json().upstream, { url: null, online: null }, 'no upstream is neither online nor offline');
    assert.match((await hub.call('GET', '/')).body, /○ no upstream: changes are written to this working tree/);
    // A rollout file that cannot be read: refused (409) at its line, nothing recorded over it.
    const other = rollouts.find((x) => x.intent !== intent)!.intent;
    const broken = join(root, 'status', 'rollouts', `${other}.yaml`);
    writeFileSync(broken, 'epoch: minus\n');
    try {
      const refused = await hub.call('POST', `/api/rollouts/${other}/abort`, { body: '{}' });
      assert.equal(refused.status, 409, refused.body);
      assert.equal(refused.json().error.code, 'rollout-file-unreadable');
      assert.match(refused.json().error.message, new RegExp(`^status/rollouts/${other.replace(/[.]/g, '\\.')}\\.yaml:\\d+:\\d+: cannot act on ${other.replace(/[.]/g, '\\.')}: `));
      assert.equal(readFileSync(broken, 'utf8'), 'epoch: minus\n');
    } finally {
      rmSync(broken);
    }
  });

  it('POST /api/tasks for a workplan or task that does not exist: 404 naming it', async () => {
    const wp = await hub.call('POST', '/api/tasks/NOPE/T01', { body: '{"action":"done"}' });
    assert.equal(wp.status, 404);
    assert.equal(wp.json().error.code, 'unknown-workplan');
    const task = await hub.call('POST', '/api/tasks/CUST-WP-0054/T99', { body: '{"action":"done"}' });
    assert.equal(task.status, 404);
    assert.equal(task.json().error.code, 'task-not-found');
  });

  it('SSE: a file edited on disk arrives as a change of the sections it touches, with the new revision as its id', async () => {
    const before = hub.state.snapshot()!.revision;
    const stream = await sse(hub, `/api/events?since=${before}`);
    try {
      saveFirstOpenTask(root, 'workplans/VNEXT-P1.md', 'x');
      const change = await stream.next((e) => e.event === 'change' && 'workplans' in (e.data.items ?? {}), 'the workplans change');
      assert.equal(Number(change.id), change.data.revision);
      assert.ok(change.data.revision > before);
      assert.ok(!('nodes' in change.data.sections) && !('nodes' in (change.data.items ?? {})), 'only the sections that changed');
      const changed = change.data.items.workplans.changed as Array<any>;
      assert.ok(changed.length < (hub.state.snapshot()!.sections.workplans as unknown[]).length, 'only the workplans that changed');
      assert.ok(!('order' in change.data.items.workplans), 'no workplan came, went or moved');
      const wp = changed.find((w) => w.id === 'VNEXT-P1');
      assert.equal(wp.progress.done, (hub.state.snapshot()!.sections.workplans as Array<any>).find((w) => w.id === 'VNEXT-P1').progress.done);
      await waitFor(() => stream.comments.includes('heartbeat'), 'a heartbeat comment');
    } finally {
      stream.close();
    }
  });

  it('SSE: a client resuming with Last-Event-ID gets the changes it missed, in order; one too old gets a reset', async () => {
    const start = hub.state.snapshot()!.revision;
    saveFirstOpenTask(root, 'workplans/VNEXT-P2.md', '/');
    await waitFor(() => hub.state.snapshot()!.revision > start, 'the edit is seen');
    // Both phases of the save (the records, then the finished evaluation) published.
    await hub.refresher.idle();
    const now = hub.state.snapshot()!.revision;
    const resumed = await sse(hub, '/api/events', { 'last-event-id': String(start) });
    try {
      const got = await resumed.next((e) => e.event === 'change' && Number(e.id) === now, 'the missed change');
      assert.deepEqual(resumed.events.map((e) => Number(e.id)), Array.from({ length: now - start }, (_, i) => start + 1 + i));
      assert.ok(Array.isArray(got.data.sections.findings), 'the last missed change is the finished evaluation');
      assert.ok(resumed.events.some((e) => 'workplans' in (e.data.items ?? {})), 'the saved workplan is among the missed changes');
    } finally {
      resumed.close();
    }
    for (const old of ['5', String(start - 100000), 'garbage']) {
      const stale = await sse(hub, '/api/events', { 'last-event-id': old });
      try {
        const reset = await stale.next((e) => e.event === 'reset', `a reset for ${old}`);
        assert.equal(reset.data.revision, hub.state.snapshot()!.revision);
      } finally {
        stale.close();
      }
    }
  });
});

describe('the watcher ignores', () => {
  it('.git, .fleethub, editor temp files and everything outside the record directories', () => {
    for (const p of ['.git/HEAD', 'registry/.git/x', '.fleethub/cache.sqlite', 'workplans/.WP.md.swp', 'workplans/WP.md~', 'workplans/.#WP.md', 'workplans/4913', 'status/BOARD.md', 'node_modules/x/index.js', 'workplans/WP.md.tmp']) assert.equal(ignoredPath(p), true, p);
    for (const p of ['', 'workplans', 'workplans/WP.md', 'registry/nodes/a.md', 'policies/checks.yaml']) assert.equal(ignoredPath(p), false, p);
  });
});
