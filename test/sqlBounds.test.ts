/**
 * User SQL is bounded: check SQL that is slow to compile is stopped and
 * reported at its `sql` value instead of stalling validation; `query` runs
 * where it can be stopped (a time limit, Ctrl-C) and bounds what it returns;
 * durations are capped. Real SQLite and real child processes; the commands
 * run through the CLI's main(), as bin/fleethub.js runs it, and as a real
 * process where the signals bin/fleethub.js handles are the point.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readdirSync, readFileSync } from 'node:fs';
import { constants as osConstants } from 'node:os';
import { after, describe, it } from 'node:test';
import { cachePath } from '../src/cache/cacheFile.js';
import { refreshCache } from '../src/cache/refreshCache.js';
import { compileChecks } from '../src/cache/compileChecks.js';
import { runChecks } from '../src/checks/runChecks.js';
import { HINTS } from '../src/records/hints.js';
import { BIN, cliInProcess, fleetMaker, node, type ValidateJson } from './helpers/fleet.js';

const { fleet, cleanup } = fleetMaker();
after(cleanup);

/** `levels` CTEs, each joining the previous one with itself: SQLite copies each use, so compiling doubles per level. */
function nestedCte(levels: number): string {
  const parts = ['c0(x) AS (SELECT 1)'];
  for (let i = 1; i <= levels; i++) parts.push(`c${i}(x) AS (SELECT a.x FROM c${i - 1} a, c${i - 1} b)`);
  return `WITH ${parts.join(', ')} SELECT x FROM c${levels}`;
}

describe('check SQL compile bounds', () => {
  it('stops a compile that runs past its limit and goes on with the next checks in a fresh process', () => {
    const schema = ['CREATE TABLE nodes (id TEXT)'];
    const out = compileChecks(schema, ['SELECT id FROM nodes', nestedCte(24), 'SELECT nope FROM nodes', 'DELETE FROM nodes', 'SELECT 1'], 300);
    assert.deepEqual(out.map((p) => p?.code ?? null), [null, 'check-sql-too-complex', 'check-invalid-sql', 'check-not-readonly', null]);
    assert.match(out[1]!.message, /did not compile within 0\.3s/);
  });

  it('validate reports the slow check at its sql value and finishes', async () => {
    const checks = `kind: checks
checks:
  - id: ok
    title: Fine
    sql: SELECT id FROM nodes
    expect: { empty: true }
  - id: slow
    title: Slow to compile
    sql: "${nestedCte(24)}"
    expect: { empty: true }
`;
    const root = fleet({ 'registry/nodes/a.md': node('a'), 'policies/checks.yaml': checks });
    const r = await cliInProcess(['validate', '--format', 'json'], { cwd: root });
    assert.equal(r.code, 1, r.stderr);
    const errors = r.json<ValidateJson>().errors;
    assert.deepEqual(errors.map((e) => [e.code, e.file, e.line, e.column, e.id]), [['check-sql-too-complex', 'policies/checks.yaml', 9, 10, 'slow']]);
    assert.ok(HINTS['check-sql-too-complex']);
  });
});

describe('duration caps', () => {
  it('a check timeout or probe timeout over 1h is an error at its value, and the check still runs with 1h', async () => {
    const root = fleet({
      'registry/nodes/a.md': node('a'),
      'policies/checks.yaml': 'kind: checks\nchecks:\n  - id: long\n    title: Long\n    sql: SELECT id FROM nodes\n    expect: { count: 1 }\n    timeout: 30d\n',
      'policies/modes.yaml': 'kind: modes\nfailure_threshold: 2\nsuccess_threshold: 2\nprobe_timeout: 25d\n',
    });
    const v = await cliInProcess(['validate', '--format', 'json'], { cwd: root });
    assert.equal(v.code, 1, v.stderr);
    assert.deepEqual(v.json<ValidateJson>().errors.map((e) => [e.code, e.file, e.line, e.column]), [
      ['duration-too-long', 'policies/checks.yaml', 7, 14],
      ['duration-too-long', 'policies/modes.yaml', 4, 16],
    ]);
    // Node prints its warnings on the process's stderr, not main's: they are listened for in this process.
    const warnings: string[] = [];
    const warned = (w: Error): number => warnings.push(w.name);
    process.on('warning', warned);
    const c = await cliInProcess(['check', 'long', '--format', 'json'], { cwd: root }).finally(() => process.off('warning', warned));
    assert.doesNotMatch(c.stderr, /TimeoutOverflowWarning/);
    assert.ok(!warnings.includes('TimeoutOverflowWarning'), warnings.join(', '));
    assert.equal(c.json<{ checks: Array<{ status: string }> }>().checks[0]!.status, 'pass', c.stderr);
  });
});

const ENDLESS = 'WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM r) SELECT count(*) FROM r';

describe('query bounds', () => {
  const root = fleet({ 'registry/nodes/a.md': node('a'), 'registry/nodes/b.md': node('b'), 'registry/nodes/c.md': node('c') });

  it('stops an endless query after --timeout: exit 1 and a message saying so', async () => {
    const r = await cliInProcess(['query', ENDLESS, '--timeout', '1s'], { cwd: root });
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, /did not finish within 1s; stopped/);
    assert.equal(r.stdout, '');
    await waitFor(() => childrenOf(process.pid).length === 0, 'the query process stopped once the command returned');
  });

  // Signals are handled by bin/fleethub.js, not main(): a real process.
  it('ends on SIGINT and SIGTERM while a query runs', { timeout: 120_000 }, async () => {
    for (const sig of ['SIGINT', 'SIGTERM'] as const) {
      const child = spawn(process.execPath, [BIN, 'query', ENDLESS, '--timeout', '1h'], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      // The cache is built (refreshing) before the query starts; signal once the query process runs.
      await once(child, 'spawn');
      await waitFor(() => childrenOf(child.pid!).length > 0, 'the query process started');
      child.kill(sig);
      const [code, signal] = (await once(child, 'exit')) as [number | null, string | null];
      assert.equal(code, 128 + osConstants.signals[sig], `${sig}: ${String(signal)} ${stderr}`);
    }
  });

  it('truncates at --max-rows with a marker, and JSON keeps only the rows shown', async () => {
    const r = await cliInProcess(['query', 'SELECT id FROM nodes ORDER BY id', '--max-rows', '1'], { cwd: root });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^id\n-+\na *\n\(3 rows\)\n… 2 more rows not shown \(--max-rows\)\n$/);
    const none = await cliInProcess(['query', 'SELECT id FROM nodes ORDER BY id', '--max-rows', '0'], { cwd: root });
    assert.match(none.stdout, /^id\n-+\n\(3 rows\)\n… 3 more rows not shown \(--max-rows\)\n$/, 'no row shown: still the header');
    assert.deepEqual((await cliInProcess(['query', 'SELECT id FROM nodes ORDER BY id', '--max-rows', '2', '--format', 'json'], { cwd: root })).json(), [{ id: 'a' }, { id: 'b' }]);
    assert.equal((await cliInProcess(['query', 'SELECT 1', '--max-rows', 'lots'], { cwd: root })).code, 2);
    assert.equal((await cliInProcess(['query', 'SELECT 1', '--timeout', '30d'], { cwd: root })).code, 2);
  });

  it('a huge value does not crash the command: it is replaced by its size, and a long text is cut', async () => {
    const r = await cliInProcess(['query', "SELECT randomblob(300000000) AS b, printf('%.100000c', 'x') AS t", '--format', 'json'], { cwd: root });
    assert.equal(r.code, 0, r.stderr);
    const [row] = r.json<Array<{ b: string; t: string }>>();
    assert.equal(row!.b, '<blob of 300,000,000 bytes, not shown>');
    assert.match(row!.t, /^x{65536}… \(34,464 more characters not shown\)$/);
  });
});

/** The pids whose parent is `pid` (Linux /proc). */
function childrenOf(pid: number): number[] {
  return readdirSync('/proc').filter((d) => /^\d+$/.test(d)).filter((d) => {
    try {
      return Number(readFileSync(`/proc/${d}/stat`, 'utf8').replace(/^.*\) /, '').split(' ')[1]) === pid;
    } catch {
      return false;
    }
  }).map(Number);
}

/** Waits until `ready()` holds, and fails saying `what` did not happen when it does not within `limitMs`. */
async function waitFor(ready: () => boolean, what: string, limitMs = 60_000): Promise<void> {
  const until = Date.now() + limitMs;
  while (!ready()) {
    assert.ok(Date.now() < until, `${what}: not within ${limitMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('check result bounds', () => {
  it('big values in a check result are replaced by their size, so the result stays small', async () => {
    const root = fleet({ 'registry/nodes/a.md': node('a') });
    (await refreshCache(root)).db.close();
    const sql = 'WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM r WHERE i < 20) SELECT i, randomblob(2000000) AS b FROM r';
    const [result] = await runChecks(cachePath(root), [{ id: 'big', sql, expect: { empty: true }, timeoutMs: 60_000 }]);
    assert.equal(result!.status, 'fail', result!.message);
    assert.equal(result!.count, 20);
    assert.deepEqual(result!.rows[0], { i: 1, b: '<blob of 2,000,000 bytes, not shown>' });
  });
});
