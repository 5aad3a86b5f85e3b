/**
 * `fleethub diff` on histories built with the git CLI in temporary repositories:
 * fields, identity-matched lists, renames, added and removed records, task
 * changes, ranges, formats, exit codes, and a working tree and index left alone.
 */
import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { cliInProcess, fleetMaker, node, workload, writeFile } from './helpers/fleet.js';
import { gitHistory } from './helpers/gitHistory.js';

const maker = fleetMaker();
after(maker.cleanup);

interface Field {
  path: string;
  old?: unknown;
  new?: unknown;
}
interface Rec {
  kind: string;
  id: string;
  change: string;
  from?: string;
  to?: string;
  fromId?: string;
  fields: Field[];
}
interface DiffJson {
  range: { from: string; to: string };
  records: Rec[];
}

const { git, history, commit } = gitHistory(maker.fleet);

async function diffJson(dir: string, ...args: string[]): Promise<DiffJson> {
  const r = await cliInProcess(['diff', ...args, '--format', 'json'], { cwd: dir });
  assert.equal(r.code, 0, r.stderr + r.stdout);
  return r.json<DiffJson>();
}

const freeze = (hosts: Array<[string, string]>): string =>
  `kind: freeze\ntitle: Freeze\nfrozen:\n${hosts.map(([h, since]) => `  - host: ${h}\n    since: '${since}'\n    reason: maintenance\n`).join('')}`;

test('a changed field is reported with its path, old and new value', async () => {
  const dir = history({ 'registry/nodes/n1.md': node('n1'), 'registry/nodes/n2.md': node('n2'), 'registry/workloads/web.md': workload('web', 'host: n1\n') });
  commit(dir, { 'registry/workloads/web.md': workload('web', 'host: n2\nstage: production\n') });
  const d = await diffJson(dir, 'HEAD~1..HEAD');
  assert.deepEqual(d.records, [
    {
      kind: 'workload',
      id: 'web',
      change: 'changed',
      from: 'registry/workloads/web.md',
      to: 'registry/workloads/web.md',
      fields: [
        { path: '/host', old: 'n1', new: 'n2' },
        { path: '/stage', new: 'production' },
      ],
    },
  ]);
  assert.equal(d.range.to, git(dir, 'rev-parse', 'HEAD').trim());
  assert.equal(d.range.from, git(dir, 'rev-parse', 'HEAD~1').trim());
});

test('list items are matched by identity: reordering is no change, a changed item is addressed by its identity', async () => {
  const dir = history({
    'policies/freeze.yaml': freeze([['h1', '2026-01-01'], ['h2', '2026-02-01']]),
    'registry/workloads/api.md': workload('api', 'depends_on:\n  - db\n  - cache\n'),
  });
  commit(dir, { 'policies/freeze.yaml': freeze([['h2', '2026-02-01'], ['h1', '2026-01-01']]), 'registry/workloads/api.md': workload('api', 'depends_on:\n  - cache\n  - db\n') }, 'reorder');
  const reordered = await diffJson(dir, 'HEAD~1');
  assert.deepEqual(reordered.records, []);
  commit(dir, { 'policies/freeze.yaml': freeze([['h2', '2026-03-01'], ['h3', '2026-04-01'], ['h1', '2026-01-01']]), 'registry/workloads/api.md': workload('api', 'depends_on:\n  - db\n  - queue\n') });
  const d = await diffJson(dir, 'HEAD~1..HEAD');
  const fields = (id: string): Field[] => d.records.find((r) => r.id === id)!.fields;
  assert.deepEqual(fields('freeze'), [
    { path: '/frozen/h2/since', old: '2026-02-01', new: '2026-03-01' },
    { path: '/frozen/h3', new: { host: 'h3', since: '2026-04-01', reason: 'maintenance' } },
  ]);
  assert.deepEqual(fields('api'), [
    { path: '/depends_on/cache', old: 'cache' },
    { path: '/depends_on/queue', new: 'queue' },
  ]);
});

test('list items without an identity key: an item moved is no change, a changed one is addressed by its place in the later list', async () => {
  const listeners = (...ports: Array<[number, string]>): string => `listeners:\n${ports.map(([port, proto]) => `  - port: ${port}\n    protocol: ${proto}\n`).join('')}`;
  const dir = history({ 'registry/workloads/web.md': workload('web', listeners([443, 'https'], [22, 'tcp'])) });
  commit(dir, { 'registry/workloads/web.md': workload('web', listeners([22, 'tcp'], [443, 'https'])) }, 'swap');
  assert.deepEqual((await diffJson(dir, 'HEAD~1')).records, [], 'reordered: no change');
  commit(dir, { 'registry/workloads/web.md': workload('web', listeners([22, 'tcp'], [8443, 'https'], [80, 'http'])) }, 'change one, add one');
  const d = await diffJson(dir, 'HEAD~1..HEAD');
  assert.deepEqual(d.records.find((r) => r.id === 'web')!.fields, [
    { path: '/listeners/1/port', old: 443, new: 8443 },
    { path: '/listeners/2', new: { port: 80, protocol: 'http' } },
  ]);
});

test('a rename is a rename, not a delete plus an add: same blob, a new folder, or most fields kept', async () => {
  const big = (id: string, host: string): string => workload(id, `host: ${host}\nowner: ops\nstage: production\ncritical: true\nlabels:\n  app: shop\n  team: web\n`);
  const dir = history({ 'registry/nodes/old-name.md': node('old-name', 'site: a\n'), 'registry/workloads/shop.md': big('shop', 'n1'), 'registry/nodes/n9.md': node('n9') });
  git(dir, 'mv', 'registry/nodes/old-name.md', 'registry/nodes/new-name.md');
  writeFile(dir, 'registry/nodes/rack/.keep', '');
  git(dir, 'mv', 'registry/nodes/n9.md', 'registry/nodes/rack/n9.md');
  commit(dir, { 'registry/workloads/shop.md': null, 'registry/workloads/store.md': big('store', 'n2') });
  const d = await diffJson(dir, 'HEAD~1..HEAD');
  assert.deepEqual(
    d.records.map((r) => [r.kind, r.change, r.fromId ?? r.id, r.id, r.from, r.to]),
    [
      ['node', 'renamed', 'n9', 'n9', 'registry/nodes/n9.md', 'registry/nodes/rack/n9.md'],
      ['node', 'renamed', 'old-name', 'new-name', 'registry/nodes/old-name.md', 'registry/nodes/new-name.md'],
      ['workload', 'renamed', 'shop', 'store', 'registry/workloads/shop.md', 'registry/workloads/store.md'],
    ],
  );
  assert.deepEqual(d.records.find((r) => r.id === 'store')!.fields, [
    { path: '/host', old: 'n1', new: 'n2' },
    { path: '/title', old: 'Workload shop', new: 'Workload store' },
  ]);
  assert.deepEqual(d.records.find((r) => r.id === 'new-name')!.fields, []);
});

test('added and removed records list their fields', async () => {
  const dir = history({ 'registry/nodes/gone.md': node('gone', 'site: x\narea: eu\n') });
  commit(dir, { 'registry/nodes/gone.md': null, 'registry/workloads/fresh.md': workload('fresh', 'host: n1\n') });
  const d = await diffJson(dir, 'HEAD~1..HEAD');
  assert.deepEqual(d.records, [
    { kind: 'node', id: 'gone', change: 'removed', from: 'registry/nodes/gone.md', fields: [
      { path: '/area', old: 'eu' }, { path: '/role', old: 'edge' }, { path: '/site', old: 'x' }, { path: '/title', old: 'Node gone' },
    ] },
    { kind: 'workload', id: 'fresh', change: 'added', to: 'registry/workloads/fresh.md', fields: [
      { path: '/host', new: 'n1' }, { path: '/kind', new: 'service' }, { path: '/title', new: 'Workload fresh' },
    ] },
  ]);
});

test('workplan tasks are compared by task id: state, title, dependencies; moving a task line is no change', async () => {
  const plan = (lines: string[]): string => `---\ntitle: Plan\nstatus: active\nowner: ops\n---\n\n${lines.join('\n')}\n`;
  const dir = history({ 'workplans/WP-1.md': plan(['- [ ] T01 First', '- [ ] T02 Second [depends:: T01]', '- [ ] T03 Third']) });
  commit(dir, { 'workplans/WP-1.md': plan(['- [ ] T03 Third', '- [x] T01 First', '- [ ] T02 Second']) });
  const d = await diffJson(dir, 'HEAD~1..HEAD');
  assert.deepEqual(d.records.map((r) => [r.kind, r.id, r.change]), [['workplan', 'WP-1', 'changed']]);
  assert.deepEqual(d.records[0]!.fields, [
    { path: '/tasks/T01/state', old: 'todo', new: 'done' },
    { path: '/tasks/T02/depends', old: ['T01'] },
  ]);
});

test('the working tree and the index are left untouched', async () => {
  const dir = history({ 'registry/nodes/n1.md': node('n1'), 'policies/freeze.yaml': freeze([['h1', '2026-01-01']]) });
  commit(dir, { 'registry/nodes/n1.md': node('n1', 'site: b\n') });
  const files = ['registry/nodes/n1.md', 'policies/freeze.yaml', '.git/index', '.git/HEAD'];
  const mtimes = (): number[] => files.map((f) => statSync(join(dir, f)).mtimeMs);
  const before = mtimes();
  for (const format of ['text', 'json', 'md']) assert.equal((await cliInProcess(['diff', 'HEAD~1', '--format', format], { cwd: dir })).code, 0);
  assert.deepEqual(mtimes(), before); // before git status, which may itself refresh the index
  assert.equal(git(dir, 'status', '--porcelain', '--untracked-files=all'), '');
  assert.equal(git(dir, 'diff', '--cached'), '');
});

test('a revision that names no commit is a usage error naming it (exit 2)', async () => {
  const dir = history({ 'registry/nodes/n1.md': node('n1') });
  for (const range of ['no-such-branch', 'HEAD..no-such-branch', 'HEAD~5', 'deadbeef']) {
    const r = await cliInProcess(['diff', range], { cwd: dir });
    assert.equal(r.code, 2, range);
    assert.match(r.stderr, new RegExp(`unknown revision '${range.replace('HEAD..', '')}'`), range);
  }
  const path = await cliInProcess(['diff', 'registry/nodes/n1.md'], { cwd: dir });
  assert.equal(path.code, 2);
  assert.match(path.stderr, /; for one record's changes over history: fleethub history registry\/nodes\/n1\.md\)$/m, 'a record file points at history');
  const j = await cliInProcess(['diff', 'nope..HEAD', '--format', 'json'], { cwd: dir });
  assert.equal(j.code, 2);
  assert.equal(j.json<{ error: { code: string; data: { revision: string } } }>().error.data.revision, 'nope');
  assert.equal(j.json<{ error: { code: string } }>().error.code, 'revision-unknown');
});

test('--exit-code: 1 when the fleet differs, 0 when it does not (a prose-only edit is no difference)', async () => {
  const dir = history({ 'registry/nodes/n1.md': node('n1') });
  commit(dir, { 'registry/nodes/n1.md': node('n1').replace('Notes.', 'Other notes.') }, 'prose');
  commit(dir, { 'registry/nodes/n1.md': node('n1', 'site: c\n') });
  assert.equal((await cliInProcess(['diff', 'HEAD~2..HEAD~1', '--exit-code'], { cwd: dir })).code, 0);
  assert.equal((await cliInProcess(['diff', 'HEAD~1..HEAD', '--exit-code'], { cwd: dir })).code, 1);
  assert.equal((await cliInProcess(['diff', 'HEAD~1..HEAD'], { cwd: dir })).code, 0);
});

test('the default range starts at the merge base with the default branch; text and md name what changed', async () => {
  const dir = history({ 'registry/nodes/n1.md': node('n1'), 'registry/nodes/n2.md': node('n2') });
  git(dir, 'checkout', '-q', '-b', 'feature');
  commit(dir, { 'registry/nodes/n1.md': node('n1', 'site: feature\n') });
  git(dir, 'checkout', '-q', 'main');
  commit(dir, { 'registry/nodes/n2.md': node('n2', 'site: main-only\n') });
  git(dir, 'checkout', '-q', 'feature');
  const d = await diffJson(dir);
  assert.deepEqual(d.records.map((r) => r.id), ['n1']);
  assert.equal(d.range.from, git(dir, 'merge-base', 'HEAD', 'main').trim());
  const text = await cliInProcess(['diff'], { cwd: dir });
  assert.match(text.stdout, /^changed node n1 \(registry\/nodes\/n1\.md\)\n {2}\/site: \(none\) → "feature"$/m);
  const md = await cliInProcess(['diff', 'main...feature', '--format', 'md'], { cwd: dir });
  assert.equal(md.code, 0, md.stderr);
  assert.match(md.stdout, /^<!-- fleethub-diff -->\n\*\*fleethub diff\*\* .*: 1 changed; introduces 0 findings, resolves 0$/m);
  assert.match(md.stdout, /^### node \(1\)\n\n\| record \| change \| field \| old \| new \|\n\| --- .*\n\| `n1` \| changed \| `\/site` \| `\(none\)` \| `"feature"` \|$/m);
  assert.deepEqual((await diffJson(dir, 'main..feature')).records.map((r) => r.id), ['n1', 'n2']);
});
