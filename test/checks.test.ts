/**
 * Named checks against a real SQLite cache built from temporary fleets: each
 * expectation type passing and failing, writes refused and never run, SQLite's
 * own error messages, time limits that stop a runaway query, the reconcile
 * step's findings, `fleethub check`, and the bundled example fleet's failures.
 */
import assert from 'node:assert/strict';
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { after, describe, it } from 'node:test';
import { cachePath } from '../src/cache/cacheFile.js';
import { refreshCache } from '../src/cache/refreshCache.js';
import { evaluateExpectation } from '../src/checks/evaluateExpectation.js';
import { MAX_ROWS, runChecks, type CheckToRun } from '../src/checks/runChecks.js';
import type { Reply } from '../src/checks/startCheckProcess.js';
import { check } from '../src/cli/check.js';
import type { Context } from '../src/cli/command.js';
import { UsageError } from '../src/errors.js';
import { HINTS } from '../src/records/hints.js';
import { reconcile } from '../src/reconcile/reconcile.js';
import { fileIo } from '../src/cli/fileIo.js';
import { checks } from '../src/reconcile/steps/checks.js';
import { load } from '../src/reconcile/steps/load.js';
import { validate } from '../src/reconcile/steps/validate.js';
import { PLAIN } from '../src/report/style.js';
import { cliInProcess, copyExampleFleet, fleetMaker, node, removeDir, workload, writeFile } from './helpers/fleet.js';
import { findingRecord } from '../src/records/findingRecord.js';

const { fleet, cleanup } = fleetMaker();
after(cleanup);

const THREE_NODES = { 'registry/nodes/a.md': node('a'), 'registry/nodes/b.md': node('b'), 'registry/nodes/c.md': node('c'), 'registry/workloads/w.md': workload('w', 'host: a\n') };
const RUNAWAY = 'WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM r) SELECT count(*) FROM r';

/** A fleet of three nodes with its cache built; returns the cache file's path. */
async function cacheOf(files: Record<string, string> = THREE_NODES): Promise<{ root: string; path: string }> {
  const root = fleet(files);
  (await refreshCache(root)).db.close();
  return { root, path: cachePath(root) };
}

const run = (sql: string, expect: CheckToRun['expect'], id = 'c', timeoutMs = 5000): CheckToRun => ({ id, sql, expect, timeoutMs });

function fakeContext(cwd: string): Context {
  return { cwd, env: {}, style: PLAIN, format: 'text', progress: () => () => {} };
}

describe('evaluateExpectation', () => {
  it('says what was expected and what came back', () => {
    assert.deepEqual(evaluateExpectation({ empty: true }, 3), { pass: false, message: 'expected no rows, got 3' });
    assert.deepEqual(evaluateExpectation({ empty: true }, 0), { pass: true, message: 'no rows, as expected' });
    assert.deepEqual(evaluateExpectation({ count: 1 }, 2), { pass: false, message: 'expected exactly 1 row, got 2' });
    assert.deepEqual(evaluateExpectation({ at_most: 1 }, 2), { pass: false, message: 'expected at most 1 row, got 2' });
    assert.deepEqual(evaluateExpectation({ at_least: 2 }, 1), { pass: false, message: 'expected at least 2 rows, got 1' });
    assert.deepEqual(evaluateExpectation({ at_least: 2 }, 2), { pass: true, message: '2 rows (at least 2)' });
    assert.equal(evaluateExpectation({}, 0).pass, false, 'no expectation never passes');
  });
});

describe('runChecks', () => {
  it('passes and fails each expectation type on a real cache', async () => {
    const { path } = await cacheOf();
    const nodes = 'SELECT id FROM nodes';
    const results = await runChecks(path, [
      run("SELECT id FROM nodes WHERE role = 'workstation'", { empty: true }, 'empty-pass'),
      run(nodes, { empty: true }, 'empty-fail'),
      run(nodes, { count: 3 }, 'count-pass'),
      run(nodes, { count: 2 }, 'count-fail'),
      run(nodes, { at_most: 3 }, 'at-most-pass'),
      run(nodes, { at_most: 2 }, 'at-most-fail'),
      run(nodes, { at_least: 3 }, 'at-least-pass'),
      run(nodes, { at_least: 4 }, 'at-least-fail'),
    ]);
    assert.deepEqual(
      results.map((r) => [r.id, r.status, r.count]),
      [
        ['empty-pass', 'pass', 0],
        ['empty-fail', 'fail', 3],
        ['count-pass', 'pass', 3],
        ['count-fail', 'fail', 3],
        ['at-most-pass', 'pass', 3],
        ['at-most-fail', 'fail', 3],
        ['at-least-pass', 'pass', 3],
        ['at-least-fail', 'fail', 3],
      ],
    );
    assert.deepEqual(results[1]!.rows, [{ id: 'a' }, { id: 'b' }, { id: 'c' }]);
    assert.equal(results[1]!.message, 'expected no rows, got 3');
    assert.equal(results[7]!.message, 'expected at least 4 rows, got 3');
  });

  it('refuses a write statement without running it', async () => {
    const { root, path } = await cacheOf();
    const results = await runChecks(path, [
      run("DELETE FROM records WHERE kind = 'node'", { empty: true }, 'delete'),
      run('DELETE FROM nodes', { empty: true }, 'delete-view'),
      run("SELECT 1; DELETE FROM records WHERE kind = 'node'", { empty: true }, 'two-statements'),
      run("UPDATE records SET title = 'x'", { empty: true }, 'update'),
      run('PRAGMA query_only = OFF', { empty: true }, 'pragma'),
    ]);
    assert.deepEqual(results.map((r) => r.status), ['error', 'error', 'error', 'error', 'error']);
    assert.match(results[0]!.message, /not a read-only query/);
    assert.match(results[1]!.message, /not a read-only query/);
    const { db } = await refreshCache(root);
    assert.equal(db.prepare('SELECT count(*) FROM nodes').pluck().get(), 3, 'nothing was deleted');
    assert.equal(db.prepare("SELECT count(*) FROM records WHERE title = 'x'").pluck().get(), 0, 'nothing was updated');
    db.close();
  });

  it("reports a missing table with SQLite's message, not a stack trace", async () => {
    const { path } = await cacheOf();
    const [r] = await runChecks(path, [run('SELECT * FROM nowhere', { empty: true })]);
    assert.equal(r!.status, 'error');
    assert.equal(r!.message, 'no such table: nowhere');
  });

  it('stops a check at its time limit and runs the next one in a fresh process', async () => {
    const { path } = await cacheOf();
    const started = Date.now();
    const results = await runChecks(path, [run(RUNAWAY, { count: 1 }, 'runaway', 200), run('SELECT id FROM nodes', { count: 3 }, 'after')]);
    const elapsed = Date.now() - started;
    assert.deepEqual(results.map((r) => [r.id, r.status]), [['runaway', 'timeout'], ['after', 'pass']]);
    assert.match(results[0]!.message, /did not finish within 200ms/);
    assert.ok(results[0]!.ms >= 200 && results[0]!.ms < 2000, `stopped near its limit (${results[0]!.ms} ms)`);
    assert.ok(elapsed < 5000, `took ${elapsed} ms`);
  });

  it('a check process finishes its check through Ctrl-C at the terminal (SIGINT reaches the whole process group; the parent ends it)', async () => {
    const { path } = await cacheOf();
    const child = fork(fileURLToPath(new URL('../src/checks/checkWorker.js', import.meta.url)), [path], { execArgv: [], serialization: 'advanced', stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    try {
      const next = (): Promise<Reply | { type: 'exit'; signal: string | null }> => new Promise((resolve) => {
        child.once('message', resolve);
        child.once('exit', (_code, signal) => resolve({ type: 'exit', signal }));
      });
      assert.equal((await next()).type, 'ready');
      const reply = next();
      child.send({ sql: 'WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM r WHERE i < 2000000) SELECT count(*) AS n FROM r', maxRows: 1, maxBytes: 1000 });
      await new Promise((r) => setTimeout(r, 30));
      child.kill('SIGINT');
      const r = await reply;
      assert.equal(r.type, 'rows', JSON.stringify(r));
      assert.deepEqual((r as Extract<Reply, { type: 'rows' }>).rows, [{ n: 2000000 }]);
    } finally {
      child.kill('SIGKILL');
    }
  });

  it(`keeps at most ${MAX_ROWS} rows but counts them all`, async () => {
    const { path } = await cacheOf();
    const [r] = await runChecks(path, [run('WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM r WHERE i < 50) SELECT i FROM r', { at_most: 10 })]);
    assert.equal(r!.status, 'fail');
    assert.equal(r!.count, 50);
    assert.equal(r!.rows.length, MAX_ROWS);
    assert.deepEqual(r!.rows[0], { i: 1 });
  });

  it('reports every check as an error when the cache cannot be opened', async () => {
    const results = await runChecks('/nonexistent/cache.sqlite', [run('SELECT 1', { count: 1 }, 'x'), run('SELECT 1', { count: 1 }, 'y')]);
    assert.deepEqual(results.map((r) => r.status), ['error', 'error']);
    assert.match(results[0]!.message, /could not open the cache/);
  });
});

const CHECKS_YAML = `kind: checks
title: Test checks
checks:
  - id: no-workstation
    title: No workstation node
    sql: SELECT id FROM nodes WHERE role = 'workstation'
    expect: { empty: true }
  - id: three-nodes
    title: Exactly three nodes
    sql: SELECT id FROM nodes
    expect: { count: 3 }
  - id: few-workloads
    title: At most zero workloads
    sql: SELECT id FROM workloads
    expect: { at_most: 0 }
    severity: warning
  - id: runaway
    title: A query that never ends
    sql: ${RUNAWAY}
    expect: { count: 1 }
    timeout: 200ms
  - id: writes
    title: A write
    sql: DELETE FROM records
    expect: { empty: true }
`;

describe('the checks step', () => {
  it('stores each result and reports the checks that do not pass as findings at their line', async () => {
    const root = fleet({ ...THREE_NODES, 'policies/checks.yaml': CHECKS_YAML });
    const ctx = await reconcile(fileIo(root), { probe: false, write: false, allowRemote: false }, [load, validate, checks]);
    ctx.db?.close();
    assert.deepEqual([...ctx.checkResults].map(([id, r]) => [id, r.status]), [
      ['no-workstation', 'pass'],
      ['three-nodes', 'pass'],
      ['few-workloads', 'fail'],
      ['runaway', 'timeout'],
      ['writes', 'error'],
    ]);
    const found = ctx.findings.filter((f) => findingRecord(f).startsWith('check:')).map((f) => ({ ...f }));
    assert.deepEqual(found, [
      { code: 'check-not-readonly', severity: 'error', kind: 'check', id: 'writes', message: found[0]!.message, file: 'policies/checks.yaml', line: 24, col: 10, hint: HINTS['check-not-readonly'] },
      { code: 'check-failed', severity: 'warning', kind: 'check', id: 'few-workloads', message: 'At most zero workloads: expected at most 0 rows, got 1', file: 'policies/checks.yaml', line: 12, col: 9, hint: 'fleethub check few-workloads shows the rows that fail; fix what they point at, or change the check' },
      { code: 'check-timeout', severity: 'error', kind: 'check', id: 'runaway', message: 'A query that never ends: did not finish within 200ms; stopped', file: 'policies/checks.yaml', line: 17, col: 9, hint: HINTS['check-timeout'] },
    ]);
  });

  it('sees the files as they are now (changes made since the cache was built)', async () => {
    const root = fleet({ ...THREE_NODES, 'policies/checks.yaml': CHECKS_YAML });
    (await refreshCache(root)).db.close();
    writeFile(root, 'registry/nodes/d.md', '---\ntitle: Node d\nrole: workstation\n---\n');
    const ctx = await reconcile(fileIo(root), { probe: false, write: false, allowRemote: false, checks: ['no-workstation', 'three-nodes'] }, [load, validate, checks]);
    ctx.db?.close();
    assert.deepEqual([...ctx.checkResults.values()].map((r) => [r.id, r.status, r.count]), [
      ['no-workstation', 'fail', 1],
      ['three-nodes', 'fail', 4],
    ]);
    assert.deepEqual(ctx.checkResults.get('no-workstation')!.rows, [{ id: 'd' }]);
  });
});

describe('fleethub check', () => {
  it('shows each check with the rows that failed, and exits 1 when one does not pass', async () => {
    const root = fleet({ ...THREE_NODES, 'policies/checks.yaml': CHECKS_YAML });
    const out = await check.run({ positionals: [], values: {} }, fakeContext(root));
    assert.equal(out.problems, true);
    const text = out.text();
    assert.match(text, /^few-workloads\s+fail \(warning\)\s+At most zero workloads\s+expected at most 0 rows, got 1$/m);
    assert.match(text, /^runaway\s+timeout\s+/m);
    assert.match(text, /^writes\s+error\s+A write\s+the SQL is not a read-only query/m);
    assert.match(text, /\nfew-workloads: 1 row\n {2}id\n {2}--\n {2}w\n/);
    assert.match(text, /2 passed, 1 failed with a warning, 1 could not run, 1 timed out \(of 5\)/);
    const json = out.json!() as { ok: boolean; checks: Array<{ id: string; title: string; status: string; count: number; message: string; rows: unknown[] }> };
    assert.equal(json.ok, false);
    assert.deepEqual(json.checks[2], { id: 'few-workloads', title: 'At most zero workloads', severity: 'warning', status: 'fail', count: 1, message: 'expected at most 0 rows, got 1', rows: [{ id: 'w' }] });
  });

  it('runs only the checks asked for; passing ones exit 0', async () => {
    const root = fleet({ ...THREE_NODES, 'policies/checks.yaml': CHECKS_YAML });
    const out = await check.run({ positionals: ['three-nodes', 'no-workstation'], values: {} }, fakeContext(root));
    assert.equal(out.problems, false);
    const json = out.json!() as { ok: boolean; checks: Array<{ id: string; status: string }>; result: unknown };
    assert.deepEqual(json, { ok: true, checks: json.checks, result: { exit: 0, reasons: [], failOn: 'error' } });
    assert.deepEqual(json.checks.map((c) => [c.id, c.status]), [['no-workstation', 'pass'], ['three-nodes', 'pass']]);
    assert.match(out.text(), /all 2 checks pass/);
  });

  const severityFleet = (severity: string, sql: string): string =>
    fleet({
      ...THREE_NODES,
      'policies/checks.yaml': `kind: checks\nchecks:\n  - id: three-nodes\n    title: Exactly three nodes\n    sql: SELECT id FROM nodes\n    expect: { count: 3 }\n  - id: judged\n    title: The judged check\n    sql: ${sql}\n    expect: { empty: true }\n    severity: ${severity}\n`,
    });

  it('a failing check of severity warning is shown as a warning and exits 0 (the whole command, through main)', async () => {
    const root = severityFleet('warning', 'SELECT id FROM workloads');
    const r = await cliInProcess(['check', '--root', root]);
    assert.equal(r.stderr, '');
    assert.equal(r.code, 0, r.stdout);
    assert.match(r.stdout, /^judged\s+fail \(warning\)\s+The judged check\s+expected no rows, got 1$/m);
    assert.match(r.stdout, /\njudged: 1 row\n {2}id\n {2}--\n {2}w\n/, 'with the rows that failed');
    assert.match(r.stdout, /\n1 passed, 1 failed with a warning \(of 2\)$/m);
    const json = await cliInProcess(['check', '--root', root, '--format', 'json']);
    assert.equal(json.code, 0);
    const out = json.json<{ ok: boolean; checks: Array<{ id: string; status: string; severity: string }> }>();
    assert.equal(out.ok, true);
    assert.deepEqual(out.checks.map((c) => [c.id, c.status, c.severity]), [['three-nodes', 'pass', 'error'], ['judged', 'fail', 'warning']]);
    const reconciled = (await cliInProcess(['reconcile', '--root', root, '--format', 'json'])).json<{ findings: Array<{ code: string; severity: string; record: string }> }>();
    assert.deepEqual(reconciled.findings.filter((f) => f.record.startsWith('check:')).map((f) => [f.code, f.severity]), [['check-failed', 'warning']]);
  });

  it('a check failing on more rows than the text shows says how to see them all', async () => {
    const root = severityFleet('warning', "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 34) SELECT i FROM n");
    const r = await cliInProcess(['check', 'judged', '--root', root]);
    assert.match(r.stdout, /^judged: 34 rows, first 10 shown \('fleethub check judged --format json' has the first 20; 'fleethub query' with the check's sql lists them all\)$/m, r.stdout);
    const json = (await cliInProcess(['check', 'judged', '--root', root, '--format', 'json'])).json<{ checks: Array<{ count: number; rows: unknown[] }> }>();
    assert.deepEqual([json.checks[0]!.count, json.checks[0]!.rows.length], [34, 20], 'as it says');
  });

  it('a failing check of severity error exits 1', async () => {
    const root = severityFleet('error', 'SELECT id FROM workloads');
    const r = await cliInProcess(['check', '--root', root]);
    assert.equal(r.code, 1, r.stdout);
    assert.match(r.stdout, /^judged\s+fail\s+The judged check/m);
    assert.match(r.stdout, /\n1 passed, 1 failed \(of 2\)$/m);
    assert.equal((await cliInProcess(['check', '--root', root, '--format', 'json'])).json<{ ok: boolean }>().ok, false);
    assert.equal((await cliInProcess(['check', 'three-nodes', '--root', root])).code, 0, 'only the checks asked for count');
  });

  it('a check of severity warning that cannot run (errors or times out) exits 1 and is an error finding', async () => {
    for (const [sql, status] of [
      ["SELECT json_extract('not json', '$.a')", 'error'],
      [RUNAWAY, 'timeout'],
    ] as const) {
      const root = fleet({
        ...THREE_NODES,
        'policies/checks.yaml': `kind: checks\nchecks:\n  - id: judged\n    title: The judged check\n    sql: ${sql}\n    expect: { empty: true }\n    severity: warning\n    timeout: 300ms\n`,
      });
      const r = await cliInProcess(['check', '--root', root, '--format', 'json']);
      assert.equal(r.code, 1, r.stdout);
      assert.deepEqual(r.json<{ ok: boolean; checks: Array<{ status: string }> }>().checks.map((c) => c.status), [status]);
      const reconciled = (await cliInProcess(['reconcile', '--root', root, '--format', 'json'])).json<{ findings: Array<{ code: string; severity: string; record: string }> }>();
      assert.deepEqual(reconciled.findings.filter((f) => f.record === 'check:judged').map((f) => [f.code, f.severity]), [[`check-${status}`, 'error']]);
    }
  });

  it('refuses unknown check ids as a usage error', async () => {
    const root = fleet({ ...THREE_NODES, 'policies/checks.yaml': CHECKS_YAML });
    await assert.rejects(check.run({ positionals: ['three-nodes', 'nope'], values: {} }, fakeContext(root)), (e: unknown) => e instanceof UsageError && /unknown check id: nope \(known: no-workstation, three-nodes/.test(e.message));
  });
});

describe('the example fleet', () => {
  it('fails exactly the checks policies/checks.yaml says fail by design', async () => {
    const root = copyExampleFleet();
    try {
      const out = await check.run({ positionals: [], values: {} }, fakeContext(root));
      const json = out.json!() as { ok: boolean; checks: Array<{ id: string; status: string; severity: string; count: number }> };
      assert.equal(out.problems, true);
      assert.deepEqual(json.checks.filter((c) => c.status === 'error' || c.status === 'timeout'), [], 'every check runs');
      assert.deepEqual(
        json.checks.filter((c) => c.status === 'fail').map((c) => c.id).sort(),
        [
          'control-api-independent-edges',
          'coulombcore-drained',
          'every-workload-has-owner',
          'fabric-agents-on-updatehintwake',
          'forge-off-coulombcore',
          'no-critical-tunnel-via-workstation',
          'no-critical-workload-on-workstation',
          'no-listener-on-compat-port',
          'no-node-on-compat-control-contract',
          'no-production-dependency-on-workstation',
          'signed-registry-runtime-active',
          'state-hub-off-coulombcore',
        ],
      );
      assert.equal(json.checks.find((c) => c.id === 'every-workload-has-owner')!.severity, 'warning');
      assert.equal(json.checks.find((c) => c.id === 'no-critical-tunnel-via-workstation')!.count, 4, 'the four production tunnels through the workstation');
      assert.equal(json.checks.filter((c) => c.status === 'pass').length, json.checks.length - 12);
    } finally {
      removeDir(root);
    }
  });
});
