/**
 * `fleethub history` on histories built with the git CLI: a record's semantic
 * changes newest first with commit, author and date; prose-only commits left
 * out; renames followed; a branch's change listed once after its merge; kind:id
 * and bare ids (ambiguous and unknown ones are usage errors); a deleted record.
 */
import assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import { after, test } from 'node:test';
import { cliInProcess, fleetMaker, node, workload } from './helpers/fleet.js';
import { gitHistory } from './helpers/gitHistory.js';

const maker = fleetMaker();
after(maker.cleanup);
const { git, history, commit } = gitHistory(maker.fleet);

interface Entry {
  commit: string;
  author: { name: string; email: string };
  date: string;
  change: string;
  from?: string;
  to?: string;
  fromId?: string;
  id: string;
  fields: Array<{ path: string; old?: unknown; new?: unknown }>;
}
interface HistoryJson {
  record: { kind: string; id: string; path: string };
  entries: Entry[];
}

async function historyJson(dir: string, record: string): Promise<HistoryJson> {
  const r = await cliInProcess(['history', record, '--format', 'json'], { cwd: dir });
  assert.equal(r.code, 0, r.stderr + r.stdout);
  return r.json<HistoryJson>();
}

const at = (date: string) => ({ GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date, GIT_AUTHOR_NAME: 'Ada', GIT_AUTHOR_EMAIL: 'ada@example.org' });

test('each commit that changed the record, newest first, with author, date and fields; a prose-only edit is no change', async () => {
  const dir = history({ 'registry/nodes/n1.md': node('n1'), 'registry/nodes/n2.md': node('n2'), 'registry/workloads/web.md': workload('web', 'host: n1\n') });
  const first = git(dir, 'rev-parse', 'HEAD').trim();
  const moved = commit(dir, { 'registry/workloads/web.md': workload('web', 'host: n2\n') }, 'move', at('2026-03-01T10:00:00+02:00'));
  commit(dir, { 'registry/workloads/web.md': workload('web', 'host: n2\n') + '\nSome prose.\n' }, 'prose');
  commit(dir, { 'registry/nodes/n1.md': node('n1', 'site: x\n') }, 'another record');
  const staged = commit(dir, { 'registry/workloads/web.md': workload('web', 'host: n2\nstage: production\n') + '\nSome prose.\n' }, 'promote');
  const h = await historyJson(dir, 'workload:web');
  assert.deepEqual(h.record, { kind: 'workload', id: 'web', path: 'registry/workloads/web.md' });
  assert.deepEqual(h.entries.map((e) => [e.commit, e.change, e.fields]), [
    [staged, 'changed', [{ path: '/stage', new: 'production' }]],
    [moved, 'changed', [{ path: '/host', old: 'n1', new: 'n2' }]],
    [first, 'added', [{ path: '/host', new: 'n1' }, { path: '/kind', new: 'service' }, { path: '/title', new: 'Workload web' }]],
  ]);
  assert.deepEqual([h.entries[1]!.author, h.entries[1]!.date], [{ name: 'Ada', email: 'ada@example.org' }, '2026-03-01T10:00:00+02:00']);
  const text = await cliInProcess(['history', 'web'], { cwd: dir });
  assert.match(text.stdout, /^history of workload web \(registry\/workloads\/web\.md\): 3 changes$/m);
  assert.match(text.stdout, new RegExp(`^${moved.slice(0, 12)} 2026-03-01T10:00:00\\+02:00 Ada <ada@example.org>: changed\\n {2}/host: "n1" → "n2"$`, 'm'));
  const md = await cliInProcess(['history', 'web', '--format', 'md'], { cwd: dir });
  assert.match(md.stdout, /^\| `\/host` \| `"n1"` \| `"n2"` \|$/m);
});

test('renames are followed: older commits are read at the old path and id', async () => {
  const dir = history({ 'registry/nodes/n1.md': node('n1'), 'registry/workloads/old-web.md': workload('old-web', 'host: n1\nowner: ops\n') });
  const changedOld = commit(dir, { 'registry/workloads/old-web.md': workload('old-web', 'host: n1\nowner: web-team\n') });
  git(dir, 'mv', 'registry/workloads/old-web.md', 'registry/workloads/web.md');
  const renamed = commit(dir, {}, 'rename');
  const h = await historyJson(dir, 'web');
  assert.deepEqual(h.entries.map((e) => [e.commit, e.change, e.fromId ?? null]), [
    [renamed, 'renamed', 'old-web'],
    [changedOld, 'changed', null],
    [git(dir, 'rev-list', '--max-parents=0', 'HEAD').trim(), 'added', null],
  ]);
  assert.deepEqual(h.entries[1]!.fields, [{ path: '/owner', old: 'ops', new: 'web-team' }]);
  assert.equal(h.entries[1]!.to, 'registry/workloads/old-web.md');
  // Asked of the old path: it was renamed away, not removed.
  const old = await historyJson(dir, 'registry/workloads/old-web.md');
  assert.deepEqual(old.entries.map((e) => [e.commit, e.change, e.from ?? null, e.to ?? null]), [
    [renamed, 'renamed', 'registry/workloads/old-web.md', 'registry/workloads/web.md'],
    [changedOld, 'changed', 'registry/workloads/old-web.md', 'registry/workloads/old-web.md'],
    [git(dir, 'rev-list', '--max-parents=0', 'HEAD').trim(), 'added', null, 'registry/workloads/old-web.md'],
  ]);
  const text = await cliInProcess(['history', 'web'], { cwd: dir });
  assert.match(text.stdout, / renamed: old-web \(registry\/workloads\/old-web\.md\) → web \(registry\/workloads\/web\.md\)$/m);
});

test('a change made on a branch is listed once, by the commit that made it, after the merge', async () => {
  const dir = history({ 'registry/nodes/n1.md': node('n1') });
  git(dir, 'checkout', '-q', '-b', 'feature');
  const onBranch = commit(dir, { 'registry/nodes/n1.md': node('n1', 'site: b\n') });
  git(dir, 'checkout', '-q', 'main');
  commit(dir, { 'registry/nodes/n2.md': node('n2') });
  git(dir, 'merge', '-q', '--no-ff', '-m', 'merge', 'feature');
  const h = await historyJson(dir, 'n1');
  assert.deepEqual(h.entries.map((e) => [e.commit, e.change]), [[onBranch, 'changed'], [git(dir, 'rev-list', '--max-parents=0', 'HEAD').trim(), 'added']]);
});

test('ids: kind:id picks among records sharing an id; an ambiguous or unknown id is a usage error (exit 2); a deleted record is found at its last path', async () => {
  const dir = history({ 'registry/nodes/app.md': node('app'), 'registry/workloads/app.md': workload('app'), 'registry/workloads/gone.md': workload('gone') });
  const removed = commit(dir, { 'registry/workloads/gone.md': null });
  assert.equal((await historyJson(dir, 'node:app')).record.path, 'registry/nodes/app.md');
  const ambiguous = await cliInProcess(['history', 'app', '--format', 'json'], { cwd: dir });
  assert.equal(ambiguous.code, 2);
  const err = ambiguous.json<{ error: { code: string; data: { candidates: string[] } } }>().error;
  assert.deepEqual([err.code, err.data.candidates], ['record-unknown', ['node:app (registry/nodes/app.md)', 'workload:app (registry/workloads/app.md)']]);
  const unknown = await cliInProcess(['history', 'nothing'], { cwd: dir });
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /no single record 'nothing': no record file is called nothing/);
  assert.equal((await cliInProcess(['history', 'gadget:app'], { cwd: dir })).code, 2);
  const gone = await historyJson(dir, 'gone');
  assert.deepEqual(gone.entries.map((e) => [e.commit, e.change]), [[removed, 'removed'], [git(dir, 'rev-list', '--max-parents=0', 'HEAD').trim(), 'added']]);
});

test('a record file\'s path names that record, from the repository or the working directory, a deleted one too; a path that is no record file is a usage error', async () => {
  const dir = history({ 'registry/nodes/app.md': node('app'), 'registry/workloads/app.md': workload('app'), 'registry/workloads/gone.md': workload('gone') });
  commit(dir, { 'registry/workloads/gone.md': null });
  // The id alone is ambiguous (node and workload); the path is not.
  const byPath = await historyJson(dir, 'registry/workloads/app.md');
  assert.deepEqual(byPath, await historyJson(dir, 'workload:app'));
  assert.deepEqual((await cliInProcess(['history', './app.md', '--format', 'json'], { cwd: `${dir}/registry/nodes` })).json<HistoryJson>().record, { kind: 'node', id: 'app', path: 'registry/nodes/app.md' });
  assert.deepEqual((await historyJson(dir, 'registry/workloads/gone.md')).entries.map((e) => e.change), ['removed', 'added']);
  // From outside the repository (--root): relative to the repository.
  assert.deepEqual((await cliInProcess(['history', 'registry/nodes/app.md', '--root', dir, '--format', 'json'], { cwd: tmpdir() })).json<HistoryJson>().record.kind, 'node');
  const missing = await cliInProcess(['history', 'registry/workloads/nothing.md'], { cwd: dir });
  assert.deepEqual([missing.code, missing.stderr], [2, "fleethub history: no single record 'registry/workloads/nothing.md': no record file registry/workloads/nothing.md at HEAD or in its history\n"]);
  const outside = await cliInProcess(['history', '../elsewhere/registry/nodes/app.md'], { cwd: dir });
  assert.deepEqual([outside.code, outside.stderr], [2, `fleethub history: ../elsewhere/registry/nodes/app.md is outside the fleet repository ${dir}\n`]);
  const other = await cliInProcess(['history', 'docs/notes.md'], { cwd: dir });
  assert.equal(other.code, 2);
  assert.match(other.stderr, /'docs\/notes\.md' is neither kind:id nor a record file/);
});

test('task:WP/T: a task’s part of its workplan’s history; commits that touch only other tasks are left out', async () => {
  const plan = (lines: string[]): string => `---\ntitle: Plan\nstatus: active\nowner: ops\n---\n\n${lines.join('\n')}\n`;
  const dir = history({ 'workplans/WP-1.md': plan(['- [ ] T01 First', '- [ ] T02 Second [depends:: T01]']) });
  const first = git(dir, 'rev-parse', 'HEAD').trim();
  commit(dir, { 'workplans/WP-1.md': plan(['- [x] T01 First', '- [ ] T02 Second [depends:: T01]']) });
  const started = commit(dir, { 'workplans/WP-1.md': plan(['- [x] T01 First', '- [/] T02 Second [depends:: T01]']) });
  const h = await historyJson(dir, 'task:WP-1/T02');
  assert.deepEqual(h.record, { kind: 'task', id: 'WP-1/T02', path: 'workplans/WP-1.md' });
  assert.deepEqual(h.entries.map((e) => [e.commit, e.change, e.fields]), [
    [started, 'changed', [{ path: '/tasks/T02/state', old: 'todo', new: 'doing' }]],
    [first, 'added', [{ path: '/tasks/T02', new: { title: 'Second', state: 'todo', depends: ['T01'] } }]],
  ]);
  assert.equal((await cliInProcess(['history', 'task:WP-1'], { cwd: dir })).code, 2);
});
