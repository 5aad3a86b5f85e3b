/**
 * The cold rebuild's shortcuts give what the long way gives: the cross-record
 * rules over rows held in memory equal the same rules over SQL, and check SQL
 * compiled by a child started before parsing equals compileChecks.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import fc from 'fast-check';
import Database from 'better-sqlite3';
import { cachePath } from '../src/cache/cacheFile.js';
import { CACHE_INDEXES, CACHE_TABLES, CACHE_VIEWS } from '../src/cache/cacheSchema.js';
import { createCacheWriter } from '../src/cache/cacheWriter.js';
import { findingRow } from '../src/cache/fileRows.js';
import { readFleetFile } from '../src/cache/readFleetFile.js';
import { createValidators } from '../src/records/validators.js';
import { walkFleet } from '../src/repo/walkFleet.js';
import { compileChecks, notCompiled } from '../src/cache/compileChecks.js';
import { crossCheck, FULL_SCOPE } from '../src/cache/crossCheck.js';
import { fileReader, rebuildCache } from '../src/cache/rebuildCache.js';
import { startCheckCompiler } from '../src/cache/startCheckCompiler.js';
import { fleetMaker, node, workload } from './helpers/fleet.js';

const { fleet, cleanup } = fleetMaker();
after(cleanup);

const FINDINGS = 'SELECT file, line, col, severity, code, message, hint, kind, record_id, related, origin FROM findings ORDER BY rowid';

/** Every row of the tables a build writes, in rowid order. */
function dump(db: Database.Database): unknown[] {
  return ['files', 'records', 'edges', 'findings'].map((t) => db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).raw().all());
}

/** The plain way: every file through the cache writer one by one, then the cross-check over SQL. */
function referenceBuild(root: string): unknown[] {
  const db = new Database(':memory:');
  db.exec(CACHE_TABLES + CACHE_VIEWS + CACHE_INDEXES);
  const walk = walkFleet(root, { stat: false });
  const writer = createCacheWriter(db, { fresh: true });
  const validators = createValidators();
  db.transaction(() => {
    for (const f of walk.findings) db.prepare('INSERT INTO findings VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').run(findingRow(f, 'walk'));
    for (const f of walk.files) writer.write(readFleetFile(root, f, validators));
    crossCheck(db, FULL_SCOPE, fileReader(root));
  })();
  const out = dump(db);
  db.close();
  return out;
}

/** A fleet: workloads w0..w5 with dependencies and hosts among ids that partly do not exist or are broken, and a workplan's tasks. */
const fleetArb = fc.record({
  deps: fc.array(fc.uniqueArray(fc.integer({ min: 0, max: 7 }), { maxLength: 3 }), { minLength: 6, maxLength: 6 }),
  hosts: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 6, maxLength: 6 }),
  tasks: fc.array(fc.uniqueArray(fc.integer({ min: 1, max: 6 }), { maxLength: 2 }), { minLength: 5, maxLength: 5 }),
  duplicate: fc.boolean(),
});

interface Shape {
  deps: number[][];
  hosts: number[];
  tasks: number[][];
  duplicate: boolean;
}

function files(f: Shape): Record<string, string> {
  const out: Record<string, string> = {
    'registry/nodes/n0.md': node('n0'),
    'registry/nodes/n1.md': node('n1'),
    // n2's file has an error: references to it say so. n3 does not exist.
    'registry/nodes/n2.md': '---\ntitle: [\n---\n',
    // w6's file has an error; w7 does not exist.
    'registry/workloads/w6.md': '---\ntitle: W6\nkind: nonsense\n---\n',
  };
  f.deps.forEach((deps, i) => {
    const dependsOn = deps.length > 0 ? `depends_on: [${deps.map((d) => `w${d}`).join(', ')}]\n` : '';
    out[`registry/workloads/w${i}.md`] = workload(`w${i}`, `host: n${f.hosts[i]}\n${dependsOn}`);
  });
  // T1..T5 exist, T6 does not.
  const lines = f.tasks.map((deps, i) => `- [ ] T${i + 1} task ${i + 1}${deps.length > 0 ? ` [depends:: ${deps.map((d) => `T${d}`).join(', ')}]` : ''}`);
  out['workplans/WP-1.md'] = `---\ntitle: W\nstatus: active\n---\n${lines.join('\n')}\n`;
  if (f.duplicate) out['registry/workloads/a/w1.md'] = workload('w1', 'host: n3\ndepends_on: [w1]\n');
  return out;
}

describe('cold rebuild', () => {
  it('writes the rows and findings, in the same order, that writing file by file and cross-checking over SQL gives', async () => {
    await fc.assert(
      fc.asyncProperty(fleetArb, async (f) => {
        const root = fleet(files(f));
        await rebuildCache(root, { workers: 1 });
        const db = new Database(cachePath(root));
        try {
          assert.deepEqual(dump(db), referenceBuild(root));
          const built = db.prepare(FINDINGS).all();
          db.transaction(() => crossCheck(db, FULL_SCOPE, fileReader(root)))();
          assert.deepEqual(db.prepare(FINDINGS).all(), built);
        } finally {
          db.close();
        }
      }),
      { numRuns: 40 },
    );
  });

  it('finds dangling references and cycles through the rows in memory (the fixture is not vacuous)', async () => {
    const root = fleet(files({ deps: [[1], [0], [7], [6], [], []], hosts: [0, 2, 3, 1, 0, 0], tasks: [[2], [1], [6], [], []], duplicate: false }));
    await rebuildCache(root, { workers: 1 });
    const db = new Database(cachePath(root), { readonly: true });
    const rows = db.prepare(`SELECT code, message FROM findings WHERE origin IN ('ref', 'cycle') ORDER BY rowid`).all() as Array<{ code: string; message: string }>;
    db.close();
    assert.deepEqual(
      rows.map((r) => r.message),
      [
        "workload 'w1' refers to unknown node 'n2', whose file has errors (host)",
        "workload 'w2' refers to unknown node 'n3' (host)",
        "workload 'w2' refers to unknown workload 'w7' (depends_on)",
        "workload 'w3' refers to unknown workload 'w6', whose file has errors (depends_on)",
        "task 'WP-1/T3' refers to unknown task WP-1/T6 (depends)",
        'workload dependency cycle: w0 -> w1 -> w0',
        'task dependency cycle: T1 -> T2 -> T1'.replace(/T(\d)/g, 'WP-1/T$1'),
      ],
    );
  });

  it('compiles check SQL in a child started before the SQL is known, with the results and limits of compileChecks', async () => {
    const schema = ['CREATE TABLE nodes (id TEXT)'];
    const parts = ['c0(x) AS (SELECT 1)'];
    for (let i = 1; i <= 24; i++) parts.push(`c${i}(x) AS (SELECT a.x FROM c${i - 1} a, c${i - 1} b)`);
    const sqls = ['SELECT id FROM nodes', `WITH ${parts.join(', ')} SELECT x FROM c24`, 'SELECT nope FROM nodes', 'DELETE FROM nodes', 'SELECT 1'];
    const compiler = startCheckCompiler(300);
    try {
      const compile = await compiler.precompile(schema, sqls);
      const expected = compileChecks(schema, sqls, 300);
      assert.deepEqual(compile(schema, sqls), expected);
      assert.deepEqual(expected.map((p) => p?.code ?? null), [null, 'check-sql-too-complex', 'check-invalid-sql', 'check-not-readonly', null]);
      // SQL or a schema it was not given goes to compileChecks.
      assert.deepEqual(compile(schema, ['UPDATE nodes SET id = 1']).map((p) => p?.code), ['check-not-readonly']);
      // Two statements are not one read-only query, whatever they do; none is no SQL: both in our words, not the driver's.
      const [two, none] = compile(schema, ['SELECT 1; DROP TABLE nodes', ' ']);
      assert.deepEqual([two?.code, none?.code], ['check-not-readonly', 'check-invalid-sql']);
      assert.match(two!.message, /^the SQL is more than one statement \(only one SELECT is allowed/);
      assert.equal(none!.message, 'the SQL is empty: write one SELECT');
      assert.deepEqual(compile(['CREATE TABLE other (x)'], ['SELECT id FROM nodes']).map((p) => p?.code), ['check-invalid-sql']);
    } finally {
      compiler.stop();
    }
  });

  it('a compiler stopped unused ends its child', async () => {
    const compiler = startCheckCompiler();
    compiler.stop();
    // SQL no test compiled before: what this process compiled is answered without a child.
    const sql = 'SELECT id AS stopped_unused FROM nodes';
    assert.deepEqual(notCompiled(['CREATE TABLE nodes (id TEXT)'], [sql]), [sql]);
    const compile = await compiler.precompile(['CREATE TABLE nodes (id TEXT)'], [sql]);
    // The killed child answered nothing: the question went to a fresh child.
    assert.deepEqual(compile(['CREATE TABLE nodes (id TEXT)'], [sql]), [null]);
  });

  it('keeps what each SQL compiled to for this process, per schema, except a SQL that ran out of time', async () => {
    const schema = ['CREATE TABLE kept (id TEXT)'];
    const parts = ['c0(x) AS (SELECT 1)'];
    for (let i = 1; i <= 24; i++) parts.push(`c${i}(x) AS (SELECT a.x FROM c${i - 1} a, c${i - 1} b)`);
    const slow = `WITH ${parts.join(', ')} SELECT x FROM c24 -- kept`;
    const sqls = ['SELECT id FROM kept', 'SELECT nope FROM kept', 'DELETE FROM kept', slow];
    assert.deepEqual(notCompiled(schema, [...sqls, sqls[0]!]), sqls, 'nothing compiled yet (and each SQL once)');
    const first = compileChecks(schema, sqls, 300);
    assert.deepEqual(first.map((p) => p?.code ?? null), [null, 'check-invalid-sql', 'check-not-readonly', 'check-sql-too-complex']);
    // The answers are kept (the slow one is not: it is compiled again, and runs out of time again)...
    assert.deepEqual(notCompiled(schema, sqls), [slow]);
    assert.deepEqual(compileChecks(schema, sqls, 300), first);
    // ... per schema: the same SQL against another schema is another question.
    assert.deepEqual(notCompiled(['CREATE TABLE kept (id TEXT, x)'], sqls), sqls);
    // A compiler is not sent what was compiled before, and answers it all the same.
    const compiler = startCheckCompiler(300);
    try {
      const compile = await compiler.precompile(schema, sqls);
      assert.deepEqual(compile(schema, sqls), first);
    } finally {
      compiler.stop();
    }
  });
});
