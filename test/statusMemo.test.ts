/**
 * What `fleethub status` reuses from one run to the next (the cache's memo
 * table), and that each reuse ends when what it depends on changes: the
 * placement history (a new commit, other files, packed refs), finding positions
 * (an edited file), the named checks' results (a changed file, a changed
 * check, a new observation, SQL that reads the clock). Real files, real git,
 * real caches; the check runner is the real one, counted.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { cacheMemo } from '../src/cache/cacheMemo.js';
import { contentRevision } from '../src/cache/contentRevision.js';
import { refreshCache } from '../src/cache/refreshCache.js';
import { checkReusable } from '../src/checks/checkReusable.js';
import type { CheckToRun } from '../src/checks/runChecks.js';
import { fileIo } from '../src/cli/fileIo.js';
import type { Memo } from '../src/records/memo.js';
import { fileLocator } from '../src/records/fileLocator.js';
import { reconcile } from '../src/reconcile/reconcile.js';
import type { ReconcileIo } from '../src/reconcile/reconcileContext.js';
import { placementHistory } from '../src/repo/placementHistory.js';
import { readRepoText } from '../src/repo/readRepoText.js';
import { cliInProcess, copyExampleFleet, fleetMaker, node, removeDir, workload, writeDatedFile, writeFile } from './helpers/fleet.js';

const made = fleetMaker();
after(made.cleanup);

/** A memo over a real cache that also tells which lookups hit and how many writes it took. */
function countingMemo(inner: Memo): Memo & { hits: boolean[]; writes: number } {
  const m = {
    hits: [] as boolean[],
    writes: 0,
    get: (name: string, key: string) => {
      const v = inner.get(name, key);
      m.hits.push(v !== null);
      return v;
    },
    set: (name: string, key: string, value: string) => {
      m.writes++;
      inner.set(name, key, value);
    },
  };
  return m;
}

function git(dir: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: dir, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.org' } }).trim();
}

function commitAll(dir: string, date: string): string {
  git(dir, 'add', '-A');
  execFileSync('git', ['commit', '-q', '-m', `at ${date}`], { cwd: dir, env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.org', GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } });
  return git(dir, 'rev-parse', 'HEAD');
}

describe('the placement history memo', () => {
  it('is reused for the same HEAD and files, and walks again after a new commit or for other files', async () => {
    const dir = made.fleet({ 'registry/nodes/a.md': node('a'), 'registry/nodes/b.md': node('b'), 'registry/workloads/w.md': workload('w', 'host: a\n') });
    git(dir, 'init', '-q', '-b', 'main');
    commitAll(dir, '2026-06-01T10:00:00Z');
    const cache = await refreshCache(dir);
    try {
      const memo = countingMemo(cacheMemo(cache.db));
      const files = ['registry/workloads/w.md'];
      const first = await placementHistory(dir, files, memo);
      assert.ok(first.available);
      assert.deepEqual(memo.hits, [false]);
      assert.equal(memo.writes, 1);
      const again = await placementHistory(dir, files, memo);
      assert.deepEqual(memo.hits, [false, true], 'the same HEAD and files: reused');
      assert.deepEqual(again, first, 'the reused answer is the walked one');
      assert.deepEqual(await placementHistory(dir, files), first, 'and the one a walk without memo gives');

      writeFile(dir, 'registry/workloads/w.md', workload('w', 'host: b\n'));
      const head = commitAll(dir, '2026-07-15T10:00:00Z');
      const moved = await placementHistory(dir, files, memo);
      assert.equal(memo.hits.at(-1), false, 'a new commit misses');
      assert.ok(moved.available);
      assert.equal(moved.head, head);
      assert.equal(moved.firstSeen.get('registry/workloads/w.md')?.get('host:b'), '2026-07-15T10:00:00.000Z');
      assert.equal(moved.movedIn.get('registry/workloads/w.md')?.has('host:b'), true);

      const none = await placementHistory(dir, [], memo);
      assert.equal(memo.hits.at(-1), false, 'another file list misses');
      assert.ok(none.available && none.firstSeen.size === 0);
    } finally {
      cache.db.close();
    }
  });

  it('reads HEAD from packed refs as isomorphic-git does, and a missing branch is still "no commits"', async () => {
    const dir = made.fleet({ 'registry/workloads/w.md': workload('w', 'host: a\n') });
    git(dir, 'init', '-q', '-b', 'main');
    const head = commitAll(dir, '2026-06-01T10:00:00Z');
    git(dir, 'pack-refs', '--all');
    assert.throws(() => readFileSync(join(dir, '.git', 'refs', 'heads', 'main')), /ENOENT/, 'the branch is only in packed-refs now');
    const h = await placementHistory(dir, ['registry/workloads/w.md']);
    assert.ok(h.available);
    assert.equal(h.head, head);
    git(dir, 'checkout', '-q', '--orphan', 'fresh');
    const unborn = await placementHistory(dir, ['registry/workloads/w.md']);
    assert.equal(unborn.available, false);
    assert.equal(!unborn.available && unborn.reason, 'unreadable', 'an unborn branch beside other branches is not "no commits"');
  });
});

describe('the finding positions memo', () => {
  it('gives an edited file its new positions, and a steady run writes nothing', async () => {
    const dir = made.fleet({ 'registry/workloads/w.md': workload('w', 'host: a\nstage: production\n') });
    const cache = await refreshCache(dir);
    try {
      const memo = countingMemo(cacheMemo(cache.db));
      const read = readRepoText(dir);
      const first = fileLocator(read, { store: memo, name: 'positions:test' });
      const at = first('registry/workloads/w.md', '/stage', true);
      assert.deepEqual(at, { line: 5, col: 1 });
      first.save();
      assert.equal(memo.writes, 1);
      const steady = fileLocator(read, { store: memo, name: 'positions:test' });
      assert.deepEqual(steady('registry/workloads/w.md', '/stage', true), at);
      steady.save();
      assert.equal(memo.writes, 1, 'the same positions: nothing written');

      writeFile(dir, 'registry/workloads/w.md', workload('w', 'owner: ops\nhost: a\n\nstage: production\n'));
      const edited = fileLocator(read, { store: memo, name: 'positions:test' });
      assert.deepEqual(edited('registry/workloads/w.md', '/stage', true), { line: 7, col: 1 }, 'an edited file is parsed again');
      assert.deepEqual(fileLocator(read)('registry/workloads/w.md', '/stage', true), { line: 7, col: 1 }, 'as without memo');
    } finally {
      cache.db.close();
    }
  });
});

const CHECKS = (count: number, extra = ''): string =>
  `kind: checks\ntitle: Test checks\nchecks:\n  - id: two-nodes\n    title: Exactly two nodes\n    sql: SELECT id FROM nodes\n    expect: { count: ${count} }\n  - id: no-workloads\n    title: No workloads\n    sql: SELECT id FROM workloads\n    expect: { empty: true }\n${extra}`;

/** An offline reconcile (what status runs) with the real check runner, counting the checks it ran. */
async function offline(root: string): Promise<{ ran: string[]; findings: string[] }> {
  const ran: string[] = [];
  const real = fileIo(root);
  const io: ReconcileIo = { ...real, runChecks: (checks: CheckToRun[]) => (ran.push(...checks.map((c) => c.id)), real.runChecks(checks)) };
  const ctx = await reconcile(io, { probe: false, write: false, allowRemote: false });
  ctx.db.close();
  return { ran, findings: ctx.findings.filter((f) => f.code.startsWith('check-')).map((f) => `${f.code} ${f.id}`).sort() };
}

describe('reused check results', () => {
  it('an unchanged cache reuses them; a changed file or a changed check runs them again', async () => {
    // Edits dated a few seconds back, as a person's are by the time a command reads them: a file read within a
    // timestamp granule of its write is read once more by the next refresh (src/cache/racyMtime.ts), which counts as a write.
    const edit = (path: string, text: string): void => writeDatedFile(root, path, text, 5000);
    const root = made.fleet({ 'registry/nodes/a.md': node('a'), 'registry/nodes/b.md': node('b'), 'policies/checks.yaml': CHECKS(2) });
    const first = await offline(root);
    assert.deepEqual(first.ran, ['two-nodes', 'no-workloads']);
    assert.deepEqual(first.findings, []);
    const steady = await offline(root);
    assert.deepEqual(steady.ran, [], 'nothing changed: nothing run');
    assert.deepEqual(steady.findings, first.findings);

    edit('registry/nodes/c.md', node('c'));
    const added = await offline(root);
    assert.deepEqual(added.ran, ['two-nodes', 'no-workloads'], 'a new file changes the content revision');
    assert.deepEqual(added.findings, ['check-failed two-nodes'], 'and the result it gives is the new one');

    edit('policies/checks.yaml', CHECKS(3));
    const changed = await offline(root);
    assert.ok(changed.ran.includes('two-nodes'), 'a changed check runs again');
    assert.deepEqual(changed.findings, []);
    assert.deepEqual((await offline(root)).ran, []);

    edit('registry/workloads/w.md', workload('w', 'host: a\n'));
    assert.deepEqual((await offline(root)).findings, ['check-failed no-workloads'], 'an edit the check reads is seen');
  });

  it('a check that reads the clock is run every time, an error at run time is never reused, and SQL that validation rejected is never run', async () => {
    const clock = `  - id: recent\n    title: Clock\n    sql: SELECT 1 WHERE datetime('now') < '2000-01-01'\n    expect: { empty: true }\n  - id: errs\n    title: Errs at run time\n    sql: SELECT json_extract('not json', '$.a') AS v\n    expect: { empty: true }\n  - id: broken\n    title: Broken\n    sql: SELECT nope FROM nowhere_table\n    expect: { empty: true }\n`;
    const root = made.fleet({ 'registry/nodes/a.md': node('a'), 'registry/nodes/b.md': node('b'), 'policies/checks.yaml': CHECKS(2, clock) });
    await offline(root);
    const again = await offline(root);
    assert.deepEqual(again.ran, ['recent', 'errs'], 'the clock is read again, the error run again; the broken SQL would only fail to run');
    assert.deepEqual(again.findings, ['check-error errs', 'check-invalid-sql broken'], 'validation reports the broken SQL; the step does not repeat it');
  });

  it('the content revision moves with any table a check could read, not with the memo', async () => {
    const root = made.fleet({ 'registry/nodes/a.md': node('a') });
    const cache = await refreshCache(root);
    try {
      const db = cache.db;
      const before = contentRevision(db);
      cacheMemo(db).set('anything', 'k', 'v');
      assert.equal(contentRevision(db), before, 'memo writes do not change it');
      db.prepare(`INSERT INTO observations VALUES ('a', '2026-08-01T00:00:00Z', 1, 'ok', '[]', NULL)`).run();
      const observed = contentRevision(db);
      assert.notEqual(observed, before, 'a new observation does');
      db.prepare(`UPDATE observations SET ok = 0`).run();
      assert.notEqual(contentRevision(db), observed, 'so does a changed one');
    } finally {
      cache.db.close();
    }
  });

  it('judges SQL by its words, towards running it', () => {
    for (const sql of ['SELECT id FROM nodes', "SELECT id FROM nodes WHERE json_extract(labels, '$.x') = 'y'", 'SELECT updated FROM workloads'])
      assert.equal(checkReusable(sql), true, sql);
    for (const sql of ["SELECT date('now')", 'SELECT CURRENT_TIMESTAMP', 'SELECT random()', 'SELECT * FROM memo', 'SELECT name FROM sqlite_master', 'SELECT * FROM pragma_table_info(\'nodes\')', "SELECT strftime('%s', at) FROM observations", ''])
      assert.equal(checkReusable(sql), false, sql);
  });
});

describe('status with a warm cache', () => {
  it('shows the same findings as reconcile after an edit, and the same bytes when nothing changed', async () => {
    const root = copyExampleFleet();
    try {
      const once = await cliInProcess(['status', '--root', root, '--format', 'json']);
      const twice = await cliInProcess(['status', '--root', root, '--format', 'json']);
      assert.equal(twice.stdout, once.stdout, 'reused results change nothing');
      type Items = { findings: { items: Array<{ file: string; line: number; code: string }> } };
      const victim = once.json<Items>().findings.items.find((f) => f.file.startsWith('registry/workloads/') && f.line > 1)?.file;
      assert.ok(victim, 'the bundled fleet has a finding inside a workload file');
      const text = readFileSync(join(root, victim), 'utf8');
      writeFile(root, victim, text.replace(/^---\n/, '---\n# a comment that moves every key down\n\n'));
      const edited = (await cliInProcess(['status', '--root', root, '--format', 'json'])).json<{ findings: { items: Array<{ file: string; line: number; code: string }> } }>();
      const rec = (await cliInProcess(['reconcile', '--root', root, '--format', 'json'])).json<{ findings: Array<{ file: string; line: number; code: string }> }>();
      const key = (f: { file: string; line: number; code: string }): string => `${f.file}:${f.line} ${f.code}`;
      assert.deepEqual(edited.findings.items.map(key).sort(), rec.findings.map(key).sort());
      const inVictim = (items: Items['findings']['items']): string[] => items.filter((f) => f.file === victim && f.line > 1).map((f) => `${f.code} ${f.line}`).sort();
      const old = once.json<Items>().findings.items.filter((f) => f.file === victim && f.line > 1).map((f) => ({ ...f, line: f.line + 2 }));
      assert.deepEqual(inVictim(edited.findings.items), inVictim(old), 'positions in the edited file moved with it');
    } finally {
      removeDir(root);
    }
  });
});
