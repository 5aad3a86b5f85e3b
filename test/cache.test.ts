import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { cachePath, openCacheFile } from '../src/cache/cacheFile.js';
import { rebuildCache } from '../src/cache/rebuildCache.js';
import { refreshCache } from '../src/cache/refreshCache.js';
import { readFindings } from '../src/cache/readFindings.js';
import { walkDigest, walkUnchanged } from '../src/cache/walkDigest.js';
import { walkFleet } from '../src/repo/walkFleet.js';
import { walkFindingOfFile } from '../src/repo/walkFindingOfFile.js';
import { fleetMaker, node, REPO, workload, writeFile } from './helpers/fleet.js';

const { fleet, cleanup } = fleetMaker();
after(cleanup);

const ids = (db: Database.Database, table: string): string[] => db.prepare(`SELECT id FROM ${table} ORDER BY id`).pluck().all() as string[];
const codes = (db: Database.Database): string[] => readFindings(db).map((f) => `${f.file}:${f.code}`);

async function refreshed(root: string, paths?: string[]) {
  const r = await refreshCache(root, paths ? { paths } : {});
  return r;
}

describe('cache', () => {
  it('walkFindingOfFile says of each regular file what the walk of the whole tree makes of it (a record, passed over, or the same warning)', () => {
    const paths = ['registry/nodes/a.md', 'registry/nodes/deep/b.md', 'registry/nodes/notes.txt', 'registry/nodes/README.md', 'registry/workloads/w.md', 'registry/workloads/w.yaml', 'registry/intents/i.md',
      'registry/misc.md', 'registry/README.md', 'registry/node/c.md', 'registry/nodez/deep/d.md', 'workplans/WP-1.md', 'workplans/notes.txt', 'workplans/sub/WP-2.md', 'policies/p.yaml', 'policies/p.yml', 'policies/p.json', 'policies/README.md'];
    const root = fleet(Object.fromEntries(paths.map((p) => [p, p.endsWith('.md') && !p.endsWith('README.md') ? node(p.replace(/^.*\//, '').replace(/\..*$/, '')) : 'kind: modes\n'])));
    const w = walkFleet(root);
    for (const p of paths) {
      const rule = walkFindingOfFile(p);
      const walked = w.findings.filter((f) => f.file === p).map((f) => `${f.severity} ${f.code} ${f.message}`);
      if (rule === null) assert.fail(`no rule for ${p}, which the walk reads`);
      else if ('record' in rule) assert.deepEqual([w.files.some((f) => f.path === p && f.kind === rule.record.kind), walked], [true, []], p);
      else if ('ignored' in rule) assert.deepEqual([w.files.some((f) => f.path === p), walked], [false, []], p);
      else assert.deepEqual(walked, [`${rule.finding.severity} ${rule.finding.code} ${rule.finding.message}`], p);
    }
    assert.ok(w.findings.length >= 5, 'the fixture has warnings to compare');
    assert.equal(walkFindingOfFile('status/modes.json'), null, 'no rule where the walk does not go');
  });

  it('is created when missing and holds records, kind rows and edges', async () => {
    const root = fleet({ 'registry/nodes/a.md': node('a'), 'registry/workloads/w.md': workload('w', 'host: a\n') });
    const r = await refreshed(root);
    assert.equal(r.rebuilt, true);
    assert.ok(existsSync(cachePath(root)));
    assert.deepEqual(ids(r.db, 'nodes'), ['a']);
    assert.deepEqual(r.db.prepare('SELECT src_id, rel, dst_id FROM edges').all(), [{ src_id: 'w', rel: 'host', dst_id: 'a' }]);
    assert.equal(r.db.pragma('journal_mode', { simple: true }), 'wal');
    r.db.close();
  });

  it('warm refresh with nothing changed re-reads nothing; a touched but unchanged file is not re-parsed', async () => {
    const root = fleet({ 'registry/nodes/a.md': node('a') });
    (await refreshed(root)).db.close();
    const again = await refreshed(root);
    assert.deepEqual([again.rebuilt, again.changed, again.removed], [false, [], []]);
    again.db.close();
    const touchedAt = new Date(Date.now() - 30_000);
    utimesSync(join(root, 'registry/nodes/a.md'), touchedAt, touchedAt);
    const touched = await refreshed(root);
    assert.deepEqual(touched.changed, [], 'same content hash: no re-parse');
    assert.equal(touched.db.prepare('SELECT mtime_ms FROM files').pluck().get(), statSync(join(root, 'registry/nodes/a.md')).mtimeMs);
    touched.db.close();
  });

  it('a whole-tree refresh takes its last walk as the truth only while no row was written since: a row changed behind it is compared again', async () => {
    const root = fleet({ 'registry/nodes/a.md': node('a'), 'registry/nodes/b.md': node('b') });
    (await refreshed(root)).db.close();
    const warm = await refreshed(root);
    assert.match(String(warm.db.prepare(`SELECT value FROM meta WHERE key = 'walk'`).pluck().get()), /^\S+:\d+ \S+$/, 'the walk it agreed with, under its revision');
    // Another writer (here: by hand) drops b's rows; the files on disk, and so the walk, stay as they were.
    warm.db.prepare(`DELETE FROM records WHERE file = 'registry/nodes/b.md'`).run();
    warm.db.prepare(`DELETE FROM files WHERE path = 'registry/nodes/b.md'`).run();
    warm.db.close();
    const again = await refreshed(root);
    assert.deepEqual(again.changed, ['registry/nodes/b.md'], 'the revision moved: the walk is compared with the table, which lacks b');
    assert.deepEqual(ids(again.db, 'nodes'), ['a', 'b']);
    again.db.close();
    const steady = await refreshed(root);
    assert.deepEqual([steady.changed, steady.removed], [[], []]);
    steady.db.close();
  });

  it('a cold build records the walk it read, so the first refresh after it has nothing to compare; an edit since is seen', async () => {
    const root = fleet({ 'registry/nodes/a.md': node('a'), 'registry/nodes/b.md': node('b'), 'registry/nodes/notes.txt': 'not a record\n' });
    await rebuildCache(root);
    const db = openCacheFile(cachePath(root))!;
    try {
      assert.equal(walkUnchanged(db, walkDigest(walkFleet(root))), true, "the build's digest is the walk's (sizes, mtimes, kinds, the walk's warning)");
    } finally {
      db.close();
    }
    writeFile(root, 'registry/nodes/b.md', node('b', 'area: edited\n'));
    const r = await refreshed(root);
    assert.deepEqual(r.changed, ['registry/nodes/b.md']);
    r.db.close();
  });

  it('a refresh given paths passes over what the walk passes over: a README.md and hidden files are no records', async () => {
    const root = fleet({ 'registry/nodes/a.md': node('a') });
    (await refreshed(root)).db.close();
    writeFile(root, 'registry/nodes/README.md', '# Nodes\nWhat lives here.\n');
    writeFile(root, 'registry/nodes/.draft.md', node('draft'));
    writeFile(root, 'registry/nodes/.old/b.md', node('b'));
    const given = await refreshed(root, ['registry/nodes/README.md', 'registry/nodes/.draft.md', 'registry/nodes/.old/b.md']);
    assert.deepEqual(given.changed, []);
    assert.deepEqual(given.db.prepare('SELECT path FROM files').pluck().all(), ['registry/nodes/a.md']);
    assert.deepEqual(codes(given.db), []);
    given.db.close();
    const walked = await refreshed(root);
    assert.deepEqual([walked.changed, walked.db.prepare('SELECT path FROM files').pluck().all()], [[], ['registry/nodes/a.md']], 'what the whole walk finds');
    walked.db.close();
  });

  it('a whole-tree refresh finds the file removed, the one rewritten and the one added among files it leaves alone, as a cold build has them', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 40; i++) files[`registry/nodes/n${i}.md`] = node(`n${i}`);
    files['registry/workloads/w.md'] = workload('w', 'host: n3\n');
    const root = fleet(files);
    (await refreshed(root)).db.close();
    rmSync(join(root, 'registry/nodes/n3.md'));
    writeFile(root, 'registry/nodes/n7.md', node('n7', 'area: moved\n'));
    writeFile(root, 'registry/nodes/n40.md', node('n40'));
    const r = await refreshed(root);
    assert.deepEqual([r.rebuilt, r.removed, [...r.changed].sort()], [false, ['registry/nodes/n3.md'], ['registry/nodes/n40.md', 'registry/nodes/n7.md']]);
    // A row written within a timestamp granule of its file's mtime is marked racy (-1) until the next compare: it stands for the file's mtime.
    const fileRows = (db: Database.Database): unknown[] => (db.prepare('SELECT path, size, mtime_ms, hash, state FROM files ORDER BY path').all() as Array<{ path: string; mtime_ms: number }>).map((f) => ({ ...f, mtime_ms: f.mtime_ms === -1 ? statSync(join(root, f.path)).mtimeMs : f.mtime_ms }));
    const rows = (db: Database.Database): string => JSON.stringify([fileRows(db), codes(db), db.prepare('SELECT id, area FROM nodes ORDER BY id').all()]);
    const warm = rows(r.db);
    r.db.close();
    assert.match(warm, /unknown-reference/, 'the workload on the removed node is reported');
    await rebuildCache(root);
    const cold = openCacheFile(cachePath(root))!;
    assert.equal(warm, rows(cold));
    cold.close();
  });

  it('updates one changed file and re-checks the references it affects', async () => {
    const root = fleet({ 'registry/nodes/a.md': node('a'), 'registry/workloads/w.md': workload('w', 'host: a\n') });
    (await refreshed(root)).db.close();
    rmSync(join(root, 'registry/nodes/a.md'));
    const afterDelete = await refreshed(root, ['registry/nodes/a.md']);
    assert.deepEqual(afterDelete.removed, ['registry/nodes/a.md']);
    assert.deepEqual(codes(afterDelete.db), ['registry/workloads/w.md:unknown-reference']);
    afterDelete.db.close();
    writeFile(root, 'registry/nodes/a.md', node('a', 'area: back\n'));
    const back = await refreshed(root, ['registry/nodes/a.md']);
    assert.deepEqual(back.changed, ['registry/nodes/a.md']);
    assert.deepEqual(codes(back.db), []);
    assert.equal(back.db.prepare('SELECT area FROM nodes').pluck().get(), 'back');
    back.db.close();
  });

  it('a file that turns invalid leaves the cache, and its references become warnings naming why', async () => {
    const root = fleet({ 'registry/nodes/a.md': node('a'), 'registry/workloads/w.md': workload('w', 'host: a\n') });
    (await refreshed(root)).db.close();
    writeFile(root, 'registry/nodes/a.md', '---\ntitle: A\nrole: [\n---\n');
    const r = await refreshed(root);
    assert.deepEqual(ids(r.db, 'nodes'), []);
    const f = readFindings(r.db);
    assert.deepEqual(f.map((x) => x.code), ['yaml-syntax', 'unknown-reference']);
    assert.match(f[1]!.message, /whose file has errors/);
    r.db.close();
  });

  it('settles duplicate ids by path order, whatever order files arrive in, and restores the other when the winner goes', async () => {
    const root = fleet({ 'registry/nodes/b/x.md': node('x', 'area: b\n') });
    (await refreshed(root)).db.close();
    writeFile(root, 'registry/nodes/a/x.md', node('x', 'area: a\n'));
    const r = await refreshed(root);
    assert.equal(r.db.prepare('SELECT area FROM nodes').pluck().get(), 'a', 'registry/nodes/a/x.md sorts first and wins');
    assert.deepEqual(codes(r.db), ['registry/nodes/b/x.md:duplicate-id']);
    r.db.close();
    const cold = await rebuildCache(root).then(() => openCacheFile(cachePath(root))!);
    assert.equal(cold.prepare('SELECT area FROM nodes').pluck().get(), 'a', 'a cold build agrees');
    cold.close();
    rmSync(join(root, 'registry/nodes/a/x.md'));
    const back = await refreshed(root);
    assert.equal(back.db.prepare('SELECT area FROM nodes').pluck().get(), 'b');
    assert.deepEqual(codes(back.db), []);
    back.db.close();
  });

  it('a file with errors keeps its id: the record in a path after it is a duplicate, cold or warm, and fixing the file never moves the id', async () => {
    const root = fleet({ 'registry/nodes/b/x.md': node('x', 'area: b\n') });
    (await refreshed(root)).db.close();
    writeFile(root, 'registry/nodes/a/x.md', '---\ntitle: [\n---\n');
    const broken = await refreshed(root);
    assert.deepEqual(codes(broken.db), ['registry/nodes/a/x.md:yaml-syntax', 'registry/nodes/b/x.md:duplicate-id'], 'b/x.md no longer holds the id while a/x.md, which sorts first, is broken');
    assert.match(readFindings(broken.db).find((f) => f.code === 'duplicate-id')!.message, /already defined in registry\/nodes\/a\/x\.md \(whose file has errors: fix it, or rename one of the two\)/);
    assert.deepEqual(ids(broken.db, 'nodes'), []);
    broken.db.close();
    const cold = await rebuildCache(root).then(() => openCacheFile(cachePath(root))!);
    assert.deepEqual(codes(cold), ['registry/nodes/a/x.md:yaml-syntax', 'registry/nodes/b/x.md:duplicate-id'], 'a cold build agrees');
    cold.close();
    writeFile(root, 'registry/nodes/a/x.md', node('x', 'area: a\n'));
    const fixed = await refreshed(root);
    assert.equal(fixed.db.prepare('SELECT area FROM nodes').pluck().get(), 'a');
    assert.deepEqual(codes(fixed.db), ['registry/nodes/b/x.md:duplicate-id']);
    fixed.db.close();
    writeFile(root, 'registry/nodes/a/x.md', '---\ntitle: [\n---\n');
    const again = await refreshed(root);
    assert.deepEqual(codes(again.db), ['registry/nodes/a/x.md:yaml-syntax', 'registry/nodes/b/x.md:duplicate-id'], 'broken again after it held the record');
    again.db.close();
    rmSync(join(root, 'registry/nodes/a/x.md'));
    const back = await refreshed(root);
    assert.equal(back.db.prepare('SELECT area FROM nodes').pluck().get(), 'b');
    assert.deepEqual(codes(back.db), []);
    back.db.close();
  });

  it('an edit that keeps the size and the mtime of a file read within its timestamp granularity is seen all the same (git\'s racily-clean rule)', async () => {
    const root = fleet({ 'registry/nodes/a.md': node('a', 'area: aa\n'), 'registry/nodes/old.md': node('old') });
    const abs = join(root, 'registry/nodes/a.md');
    (await refreshed(root)).db.close();
    // An edit whose mtime the clock has not passed by a granule yet (here: half a second ahead), as a file written the tick it is read has.
    writeFileSync(abs, node('a', 'area: ab\n'));
    const t = (Date.now() + 500) / 1000;
    utimesSync(abs, t, t);
    const first = await refreshed(root);
    assert.equal(first.db.prepare(`SELECT area FROM nodes WHERE id = 'a'`).pluck().get(), 'ab');
    const mtimes = new Map(first.db.prepare('SELECT path, mtime_ms FROM files').all().map((r) => [(r as { path: string }).path, (r as { mtime_ms: number }).mtime_ms]));
    assert.equal(mtimes.get('registry/nodes/a.md'), -1, 'recorded as not trusted yet');
    assert.equal(mtimes.get('registry/nodes/old.md'), statSync(join(root, 'registry/nodes/old.md')).mtimeMs, 'an old file keeps its mtime');
    first.db.close();
    // The same size, the same mtime: only the bytes differ.
    writeFileSync(abs, node('a', 'area: bb\n'));
    utimesSync(abs, t, t);
    const second = await refreshed(root);
    assert.equal(second.db.prepare(`SELECT area FROM nodes WHERE id = 'a'`).pluck().get(), 'bb');
    second.db.close();
    const cold = await rebuildCache(root).then(() => openCacheFile(cachePath(root))!);
    assert.equal(cold.prepare(`SELECT mtime_ms FROM files WHERE path = 'registry/nodes/a.md'`).pluck().get(), -1, 'a cold build marks it too');
    assert.equal(cold.prepare(`SELECT count(*) FROM meta WHERE key = 'walk'`).pluck().get(), 0, 'and vouches for no walk while it does');
    cold.close();
  });

  it('reports a dependency cycle once and clears it when the cycle is broken', async () => {
    const root = fleet({
      'registry/workloads/a.md': workload('a', 'depends_on: [b]\n'),
      'registry/workloads/b.md': workload('b', 'depends_on: [c]\n'),
      'registry/workloads/c.md': workload('c', 'depends_on: [a]\n'),
    });
    const r = await refreshed(root);
    const f = readFindings(r.db);
    assert.deepEqual(f.map((x) => [x.file, x.line, x.col, x.message]), [['registry/workloads/a.md', 4, 14, 'workload dependency cycle: a -> b -> c -> a']]);
    r.db.close();
    writeFile(root, 'registry/workloads/c.md', workload('c'));
    const fixed = await refreshed(root, ['registry/workloads/c.md']);
    assert.deepEqual(codes(fixed.db), []);
    fixed.db.close();
  });

  it('after any sequence of edits, an incremental refresh holds exactly what a cold build holds', async () => {
    const root = fleet({
      'registry/nodes/n.md': node('n'),
      'registry/workloads/a.md': workload('a', 'depends_on: [b]\n'),
      'registry/workloads/b.md': workload('b', 'depends_on: [a]\n'),
      'registry/workloads/c.md': workload('c', 'depends_on: [d]\nhost: n\n'),
      'registry/workloads/d.md': workload('d', 'depends_on: [c]\n'),
      'workplans/W.md': '---\ntitle: W\nstatus: active\n---\n- [ ] T1 a [depends:: T2]\n- [ ] T2 b [depends:: T1]\n',
    });
    const edits: Array<[string, string | null]> = [
      ['registry/workloads/b.md', workload('b', 'depends_on: [c]\n')],
      ['registry/workloads/d.md', workload('d', 'depends_on: [a]\n')],
      ['registry/nodes/n.md', null],
      ['registry/workloads/c.md', workload('c', 'depends_on: [a]\nhost: n\n')],
      ['workplans/W.md', '---\ntitle: W\nstatus: active\n---\n- [ ] T1 a\n- [ ] T2 b [depends:: T1, X/T9]\n'],
      ['registry/nodes/n.md', node('n')],
      ['registry/workloads/a.md', null],
      ['registry/workloads/b.md', '---\ntitle: [\n---\n'],
    ];
    const snapshot = (db: Database.Database): string => JSON.stringify([readFindings(db), db.prepare('SELECT kind, id, file FROM records ORDER BY kind, id').all()]);
    (await refreshed(root)).db.close();
    for (const [path, content] of edits) {
      if (content === null) rmSync(join(root, path));
      else writeFile(root, path, content);
      const inc = await refreshed(root, [path]);
      const incremental = snapshot(inc.db);
      inc.db.close();
      await rebuildCache(root);
      const cold = openCacheFile(cachePath(root))!;
      assert.equal(incremental, snapshot(cold), `after editing ${path}`);
      cold.close();
    }
  });

  it('refuses a check whose SQL writes or names a missing table', async () => {
    const root = fleet({
      'policies/checks.yaml': 'kind: checks\nchecks:\n  - id: w\n    title: W\n    sql: DELETE FROM nodes\n    expect: { empty: true }\n  - id: t\n    title: T\n    sql: SELECT * FROM nowhere\n    expect: { empty: true }\n  - id: ok\n    title: OK\n    sql: SELECT id FROM nodes\n    expect: { empty: true }\n',
    });
    const r = await refreshed(root);
    assert.deepEqual(
      readFindings(r.db).map((f) => [f.code, f.line, f.col, f.id]),
      [
        ['check-not-readonly', 5, 10, 'w'],
        ['check-invalid-sql', 9, 10, 't'],
      ],
    );
    r.db.close();
  });

  it('is recreated automatically when the file is corrupt, truncated or of an older schema version', async () => {
    const root = fleet({ 'registry/nodes/a.md': node('a') });
    (await refreshed(root)).db.close();
    const path = cachePath(root);
    for (const damage of ['garbage', 'truncate', 'old-version']) {
      if (damage === 'garbage') writeFileSync(path, 'this is not a database, just text'.repeat(100));
      if (damage === 'truncate') writeFileSync(path, Buffer.alloc(4096));
      if (damage === 'old-version') {
        const db = new Database(path);
        db.prepare(`UPDATE meta SET value = '0' WHERE key = 'schema_version'`).run();
        db.close();
      }
      const r = await refreshed(root);
      assert.equal(r.rebuilt, true, damage);
      assert.deepEqual(ids(r.db, 'nodes'), ['a'], damage);
      r.db.close();
    }
  });

  it('parses in worker threads for large fleets and builds the same cache as one thread', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 2000; i++) files[`registry/nodes/n${i}.md`] = node(`n${i}`, `area: a${i % 7}\n`);
    files['registry/nodes/bad.md'] = '---\ntitle: [\n---\n';
    files['registry/nodes/zz/n5.md'] = node('n5', 'area: loser\n');
    files['registry/nodes/a/n1999.md'] = node('n1999', 'area: winner\n');
    const root = fleet(files);
    const dump = (): string => {
      const db = openCacheFile(cachePath(root))!;
      const out = JSON.stringify([db.prepare('SELECT * FROM records ORDER BY kind, id').all(), db.prepare('SELECT * FROM nodes ORDER BY id').all(), readFindings(db)]);
      db.close();
      return out;
    };
    await rebuildCache(root, { workers: 2 });
    const parallel = dump();
    await rebuildCache(root, { workers: 1 });
    assert.equal(dump(), parallel);
    assert.match(parallel, /yaml-syntax/);
    const db = openCacheFile(cachePath(root))!;
    assert.deepEqual(db.prepare(`SELECT id, area, file FROM nodes WHERE id IN ('n5', 'n1999') ORDER BY id`).all(), [
      { id: 'n1999', area: 'winner', file: 'registry/nodes/a/n1999.md' },
      { id: 'n5', area: 'a5', file: 'registry/nodes/n5.md' },
    ]);
    assert.deepEqual(readFindings(db).filter((f) => f.code === 'duplicate-id').map((f) => f.file), ['registry/nodes/n1999.md', 'registry/nodes/zz/n5.md']);
    db.close();
  });

  it('a rebuild killed at any moment leaves the previous cache intact', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 3000; i++) files[`registry/nodes/n${i}.md`] = node(`n${i}`);
    const root = fleet(files);
    await rebuildCache(root);
    const before = readdirSync(join(root, '.fleethub')).sort();
    const script = `import('${join(REPO, 'dist/src/cache/rebuildCache.js')}').then(m => m.rebuildCache(${JSON.stringify(root)}))`;
    for (const delayMs of [30, 120, 250]) {
      const child = spawn(process.execPath, ['-e', script], { stdio: 'ignore' });
      await new Promise((r) => setTimeout(r, delayMs));
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
      const db = openCacheFile(cachePath(root));
      assert.ok(db, `cache still opens after a kill at ${delayMs} ms`);
      assert.equal(db.prepare('SELECT count(*) FROM nodes').pluck().get(), 3000);
      db.close();
    }
    const r = await refreshed(root);
    assert.equal(r.rebuilt, false);
    r.db.close();
    const leftovers = readdirSync(join(root, '.fleethub')).filter((f) => f.endsWith('.tmp'));
    assert.deepEqual(leftovers, [], 'stale temporary builds are cleaned up');
    assert.deepEqual(readdirSync(join(root, '.fleethub')).sort().filter((f) => !f.endsWith('-wal') && !f.endsWith('-shm')), before.filter((f) => !f.endsWith('-wal') && !f.endsWith('-shm')));
  });
});
