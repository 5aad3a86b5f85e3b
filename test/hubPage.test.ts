/**
 * The board page as HTML (no browser): every section through its renderer or, for a section the
 * page does not know, the generic table; hostile text escaped everywhere; nothing inline that the
 * CSP `default-src 'self'` would refuse; the view in the query (filter, area, pages); the assets
 * found from dist/. The browser side is test/hubBrowser.test.ts.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { hubAssetDir } from '../src/hub/page/hubAssetDir.js';
import { browserSkipReason } from './helpers/hubBrowser.js';
import { renderHubPage } from '../src/hub/page/renderHubPage.js';
import { syntheticHubSnapshot } from '../scripts/syntheticHubSnapshot.js';

const EVIL = `<img src=x onerror=alert(1)>"'&`;

function snapshotWith(sections: Record<string, unknown>): { revision: number; generatedAt: string; sections: Record<string, unknown> } {
  return { revision: 7, generatedAt: '2026-12-01T00:00:00.000Z', sections };
}

/** The inline script and style the CSP would refuse: a <script> without src, a style element or attribute, on* handlers, javascript: URLs. */
function inlineProblems(html: string): string[] {
  const problems: string[] = [];
  for (const m of html.matchAll(/<script\b([^>]*)>/gi)) if (!/\bsrc=/.test(m[1]!)) problems.push(m[0]);
  if (/<style\b/i.test(html)) problems.push('<style>');
  for (const m of html.matchAll(/<[a-z][^>]*>/gi)) if (/\s(style|on[a-z]+)=/i.test(m[0].replace(/"[^"]*"/g, '""'))) problems.push(m[0]);
  if (/javascript:/i.test(html)) problems.push('javascript:');
  return problems;
}

describe('the board page', () => {
  test('the browser tests skip with the reason when there is no browser, and fail instead under CI=true', () => {
    const missing = { FLEETHUB_CHROMIUM: '/nonexistent/chromium' };
    assert.match(browserSkipReason(missing) ?? '', /no Chromium at \/nonexistent\/chromium: install Debian's package \(apt-get install -y --no-install-recommends chromium\)/);
    assert.throws(() => browserSkipReason({ ...missing, CI: 'true' }), /CI=true and the browser tests cannot run: no Chromium at \/nonexistent\/chromium/);
    assert.equal(browserSkipReason({ FLEETHUB_CHROMIUM: process.execPath, CI: 'true' }), null, 'an existing binary: no reason to skip');
  });

  test('the assets are found from dist/ and are the files in the repository', () => {
    const dir = hubAssetDir();
    for (const f of ['hub.js', 'hub.css', 'favicon.svg']) assert.ok(existsSync(join(dir, f)), `${f} in ${dir}`);
    const html = renderHubPage(snapshotWith({}));
    assert.match(html, /<script src="\/assets\/hub\.js" defer><\/script>/);
    assert.match(html, /<link rel="stylesheet" href="\/assets\/hub\.css">/);
    assert.doesNotMatch(readFileSync(join(dir, 'hub.js'), 'utf8'), /https?:\/\/(?!127\.0\.0\.1)/, 'the script fetches nothing from outside');
    assert.doesNotMatch(readFileSync(join(dir, 'hub.css'), 'utf8'), /@import|url\(\s*['"]?https?:/, 'the style sheet loads nothing from outside');
  });

  test('a section the page has no renderer for is shown as a table of its rows, under its own name', () => {
    const html = renderHubPage(snapshotWith({ leases: [{ node: 'a', holder: 'rollout-1', until: '2026-12-02' }, { node: 'b', holder: null }] }));
    assert.match(html, /<section id="leases" data-section="leases"[^>]*><h2 id="h-leases"><a href="#leases">Leases<\/a><\/h2>/);
    assert.match(html, /<th scope="col">node<\/th><th scope="col">holder<\/th><th scope="col">until<\/th>/);
    assert.match(html, /<td>rollout-1<\/td>/);
  });

  test('rollouts: progress is the targeted nodes healthy out of all, with the other journal states, the next wave and why it waits or halted', () => {
    const row = (intent: string, state: string, areas: Array<{ area: string; nodes: number; states: Record<string, number> }>, extra: Record<string, unknown> = {}) => ({ intent, version: 2, state, control: { operator: 'run', signed: 'run' }, epoch: 1, areas, next: [], unsigned: false, halted: null, waits: [], ...extra });
    const html = renderHubPage(
      snapshotWith({
        rollouts: [
          row('done', 'complete', [{ area: 'home', nodes: 2, states: { healthy: 2 } }, { area: 'test', nodes: 2, states: { healthy: 2 } }]),
          row('going', 'running', [{ area: 'home', nodes: 3, states: { healthy: 1, applying: 1, 'not started': 1 } }], { next: ['home-2'], waits: [{ code: 'rollout-max-parallel', nodes: 1 }] }),
          row('stopped', 'halted', [{ area: 'edge', nodes: 2, states: { rolled_back: 1, 'not started': 1 } }], { halted: { code: 'rollout-canary-failed', message: 'canary node3 rolled back' } }),
        ],
      }),
    );
    const section = /<section id="rollouts"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
    assert.match(section, /<progress max="4" value="4"[^>]*>4\/4<\/progress> 4\/4 healthy/, 'a complete rollout: all four healthy');
    assert.match(section, /<progress max="3" value="1"[^>]*>1\/3<\/progress> 1\/3 healthy<br><span class="muted">1 applying, 1 not started<\/span>/);
    assert.match(section, /<td>home-2<\/td><td>waiting: 1 rollout-max-parallel<\/td>/);
    assert.match(section, /<span class="result bad">halted<\/span>[\s\S]*halted \(rollout-canary-failed\): canary node3 rolled back/);
    assert.doesNotMatch(section, /0\/0/);
  });

  test('a known section in a shape its renderer does not know falls back to the generic table instead of guessing', () => {
    const html = renderHubPage(snapshotWith({ nodes: { surprise: 3 } }));
    assert.match(html, /<section id="nodes"[\s\S]*<table class="kv"><tbody><tr><th scope="row">surprise<\/th><td>3<\/td>/);
  });

  test('hostile text in any field is escaped, and the page has nothing inline the CSP would refuse', () => {
    for (const inline of ['<p onclick="x()">', '<div style="color:red">', '<script>x()</script>', '<style>p{}</style>', '<a href="javascript:x()">']) assert.notDeepEqual(inlineProblems(inline), [], inline);
    assert.deepEqual(inlineProblems('<p title="a onclick=b style=c">'), []);
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), (noise) => {
        const bad = `${EVIL}${noise}`;
        const snap = syntheticHubSnapshot(30);
        const nodes = snap.sections.nodes as Array<Record<string, unknown>>;
        nodes[0] = { ...nodes[0], id: bad, area: bad, reasons: [bad], role: bad };
        (snap.sections.findings as Array<Record<string, unknown>>)[0]!.message = bad;
        (snap.sections.workplans as Array<Record<string, unknown>>)[0]!.title = bad;
        snap.sections[bad] = [{ [bad]: bad }];
        const html = renderHubPage(snap, `q=${encodeURIComponent(bad)}`);
        assert.doesNotMatch(html, /<img/);
        assert.deepEqual(inlineProblems(html), []);
      }),
      { numRuns: 30 },
    );
  });

  test('the view is in the address: a filter and an area pick the rows, pages link to each other', () => {
    const snap = syntheticHubSnapshot(10_000);
    const all = renderHubPage(snap);
    assert.doesNotMatch(all, /data-node="n04242"/, 'a big fleet lists no row on load that does not need attention');
    const one = renderHubPage(snap, 'q=n04242');
    assert.match(one, /<tr data-node="n04242"/);
    assert.match(one, /value="n04242"/, 'the filter box shows the filter');
    const area = renderHubPage(snap, 'area=lab&nodes.page=2');
    const rows = [...area.matchAll(/<tr data-node="([^"]+)"/g)].map((m) => m[1]);
    assert.equal(rows.filter((id) => id !== undefined).length >= 100, true);
    assert.match(area, /101–200 of \d+/);
    assert.match(area, /href="\/\?area=lab&amp;nodes\.page=3#nodes"[^>]*rel="next"/);
    assert.match(area, /href="\/\?area=lab#nodes"[^>]*rel="prev"/);
  });

  test('the upstream indicator says online or offline in words, with the pending and dead counts', () => {
    const outbox = (online: boolean | null, pending: number) => ({ pending, dead: 1, last_error: online === false ? 'connect ECONNREFUSED' : null, upstream: { online, url: 'http://127.0.0.1:9/x.git' }, events: [], dead_letters: [] });
    assert.match(renderHubPage(snapshotWith({ outbox: outbox(true, 0) })), /▲ upstream online<\/span> <span class="outbox-count">0 pending<\/span> <span class="outbox-count has-dead">1 dead/);
    const off = renderHubPage(snapshotWith({ outbox: outbox(false, 2) }));
    assert.match(off, /▼ upstream offline/);
    assert.match(off, /2 pending/);
    assert.match(off, /Last relay error: connect ECONNREFUSED/);
    assert.match(renderHubPage(snapshotWith({ outbox: outbox(null, 0) })), /upstream not known yet/);
    assert.match(renderHubPage(snapshotWith({ outbox: { ...outbox(null, 0), upstream: { online: null, url: null } } })), /○ no upstream: changes are written to this working tree/);
    const events = renderHubPage(snapshotWith({ outbox: { ...outbox(false, 1), events: [{ id: 'e1', type: 'task.set', at: '2026-12-01T00:00:00Z', what: 'done WP/T01', target: ['WP/T01'] }], dead_letters: [{ id: 'e0', type: 'task.set', at: '2026-12-01T00:00:00Z', what: 'done WP/T09', target: ['WP/T09'], dead: { code: 'task-not-found', reason: 'no task T09 in workplans/WP.md', at: '2026-12-01T00:00:01Z' } }] } }));
    assert.match(events, /<caption>Pending \(not relayed yet\): 1<\/caption>[\s\S]*<td>e1<\/td><td>task\.set<\/td><td>done WP\/T01<\/td>/);
    assert.match(events, /<caption>Dead letters: 1<\/caption>[\s\S]*<td>done WP\/T09<\/td><td>task-not-found: no task T09 in workplans\/WP\.md<\/td>/);
  });

  test('a workplan task carries buttons for the actions its state allows, posting to its own URL', () => {
    const html = renderHubPage(snapshotWith({ workplans: [{ id: 'WP 1', title: 'Plan', progress: { done: 1, total: 3 }, ready: ['WP 1/T2'], critical_path: ['T2', 'T3'], tasks: [{ id: 'T1', state: 'done' }, { id: 'T2', state: 'todo', pending: true }, { id: 'T3', state: 'blocked' }, { id: 'T4', state: 'todo', readiness: 'waiting', depends: ['WP 1/T2'] }] }] }));
    assert.match(html, /action="\/api\/tasks\/WP%201\/T2"/);
    const buttons = (task: string) => [...(new RegExp(`<li [^>]*data-task="${task}"[\\s\\S]*?</li>`).exec(html)?.[0] ?? '').matchAll(/value="([a-z]+)"/g)].map((m) => m[1]);
    assert.deepEqual(buttons('T1'), ['reopen']);
    assert.deepEqual(buttons('T2'), ['start', 'done', 'block']);
    assert.deepEqual(buttons('T3'), ['start', 'done']);
    assert.match(html, /<li [^>]*data-task="T2"[\s\S]*?◔ pending/);
    assert.match(html, /<li [^>]*data-task="T4"[\s\S]*?… waits on T2/);
    assert.match(html, /<progress [^>]*max="3" value="1">1\/3<\/progress>/);
    assert.match(html, /Critical path: <span class="critical-text">T2 → T3<\/span>/);
  });
});
