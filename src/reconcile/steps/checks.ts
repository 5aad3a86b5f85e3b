/**
 * Step: run the named checks (policies of kind `checks`) read-only against the
 * cache file, keep each result in `ctx.checkResults`, and report every check
 * that does not pass as a finding at the check's file, line and column:
 * `check-failed` with the check's severity (error unless it says warning);
 * `check-error` and `check-timeout` always as errors, whatever the check's
 * severity: a check that cannot be evaluated proves nothing either way.
 * With `options.checks`, runs just those check ids (fleethub check <ids>).
 *
 * Reused results: without `options.checks` (status, reconcile), a check whose
 * SQL is deterministic (checkReusable) and that passed or failed before against
 * a cache of the same content revision (every row of every table the SQL could
 * read: src/cache/contentRevision.ts), with the same SQL, expectation, limit and
 * row cap, is not run again: its stored result is the result it would give.
 * An error or a timeout is never reused. `fleethub check` always runs them.
 * A check whose SQL validation rejected (check-not-readonly,
 * check-invalid-sql, check-sql-too-complex) is never run: its result is an
 * error with validation's message, and validation's finding is the one reported.
 */
import { createHash } from 'node:crypto';
import { cacheMemo } from '../../cache/cacheMemo.js';
import { contentRevision } from '../../cache/contentRevision.js';
import type { CheckResult } from '../../checks/checkResult.js';
import { checkCodeId } from '../../checks/checkCodeId.js';
import { checkReusable } from '../../checks/checkReusable.js';
import { checkSeverity } from '../../checks/checkSeverity.js';
import type { Expectation } from '../../checks/evaluateExpectation.js';
import { timerMs } from '../../records/duration.js';
import { findingRecord } from '../../records/findingRecord.js';
import { hintFor } from '../../records/hints.js';
import type { ReconcileContext } from '../reconcileContext.js';

/** Where a check's reusable result is kept in the cache's memo: under this prefix and its id. */
export const CHECK_MEMO_PREFIX = 'check:';

/** A check's time limit when its `timeout` is not given. */
export const DEFAULT_CHECK_TIMEOUT_MS = 5000;

interface CheckRow {
  id: string;
  policy: string;
  title: string;
  sql: string | null;
  expect: string | null;
  severity: string | null;
  timeout: string | null;
  file: string;
  line: number;
  col: number;
}

const CODES = { fail: 'check-failed', error: 'check-error', timeout: 'check-timeout' } as const;
/** Validation already reports these at the check's SQL; a second finding would say the same. */
const SQL_FINDINGS = new Set(['check-invalid-sql', 'check-not-readonly', 'check-sql-too-complex']);

export async function checks(ctx: ReconcileContext): Promise<void> {
  const db = ctx.db;
  const only = ctx.options.checks;
  // The checks read the file through a new read-only connection, which sees only committed data.
  if (db.inTransaction) throw new Error('the checks step cannot run inside an open cache transaction');
  let rows = db.prepare(`SELECT c.id, c.policy, c.title, c.sql, c.expect, c.severity, c.timeout, c.file, c.line, r.col FROM checks c JOIN records r ON r.kind = 'check' AND r.id = c.id ORDER BY c.file, c.line, c.id`).all() as CheckRow[];
  if (only) rows = rows.filter((r) => only.includes(r.id));
  const toRun = rows.map((r) => ({
    id: r.id,
    sql: r.sql ?? '',
    expect: r.expect ? (JSON.parse(r.expect) as Expectation) : {},
    timeoutMs: (r.timeout ? timerMs(r.timeout) : null) ?? DEFAULT_CHECK_TIMEOUT_MS,
  }));
  // SQL that validation rejected (it writes, does not compile, or compiles too slowly) is not run: it could only fail to run, after its time limit.
  const rejected = new Map(ctx.findings.filter((f) => SQL_FINDINGS.has(f.code) && f.kind === 'check' && f.id !== undefined).map((f) => [f.id!, f] as const));
  const reuse = !only && toRun.some((c) => checkReusable(c.sql));
  const memo = reuse ? cacheMemo(db) : null;
  const revision = reuse ? contentRevision(db) : '';
  const keys = toRun.map((c) => (memo && !rejected.has(c.id) && checkReusable(c.sql) ? createHash('sha256').update(JSON.stringify([checkCodeId(), revision, c.sql, c.expect, c.timeoutMs])).digest('hex') : null));
  const known = toRun.map((c, i): CheckResult | null => {
    const bad = rejected.get(c.id);
    // Validation's message names the check first (crossCheck.ts); the result is the check's own.
    if (bad) return { id: c.id, status: 'error', count: 0, rows: [], message: bad.message.replace(`check '${c.id}': `, ''), ms: 0 };
    return keys[i] ? (JSON.parse(memo!.get(CHECK_MEMO_PREFIX + c.id, keys[i]!) ?? 'null') as CheckResult | null) : null;
  });
  const ran = await ctx.io.runChecks(toRun.filter((_, i) => known[i] === null));
  let next = 0;
  const results = known.map((k) => k ?? ran[next++]!);
  results.forEach((r, i) => {
    if (keys[i] && known[i] === null && (r.status === 'pass' || r.status === 'fail')) memo!.set(CHECK_MEMO_PREFIX + r.id, keys[i]!, JSON.stringify(r));
  });
  const reported = new Set(ctx.findings.filter((f) => SQL_FINDINGS.has(f.code)).map(findingRecord));
  results.forEach((result, i) => {
    const row = rows[i]!;
    ctx.checkResults.set(result.id, result);
    if (result.status === 'pass') return;
    if (result.status !== 'fail' && reported.has(`check:${row.id}`)) return;
    ctx.findings.push({
      code: CODES[result.status],
      severity: checkSeverity(row.severity, result.status),
      kind: 'check',
      id: row.id,
      message: `${row.title}: ${result.status === 'error' ? `the check could not run: ${result.message}` : result.message}`,
      file: row.file,
      line: row.line,
      col: row.col,
      hint: hintFor(CODES[result.status]).replace('<id>', row.id),
    });
  });
}
