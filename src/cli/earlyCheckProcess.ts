/**
 * A check process started on a cache as soon as that cache is final, so that
 * its start-up (a Node process and its SQLite: ~0.2 s) overlaps an
 * evaluation's first steps instead of holding up the checks step (fleethub
 * diff's two sides). Started only where the checks step is likely to run a
 * check: the cache holds named checks and its memo no check result (the
 * checks step's CHECK_MEMO_PREFIX entries: a cache that has results mostly
 * reuses them, and a process started for nothing would only take CPU from
 * the evaluations). Its connection reads each query's
 * committed state, so the steps' writes before the checks are seen. The
 * caller stops it when the checks step did not take it. I/O (a child process).
 */
import type Database from 'better-sqlite3';
import { startCheckProcess, type Runner } from '../checks/startCheckProcess.js';
import { CHECK_MEMO_PREFIX } from '../reconcile/steps/checks.js';

export function earlyCheckProcess(db: Database.Database, cachePath: string): Runner | undefined {
  const checks = db.prepare(`SELECT 1 FROM records WHERE kind = 'check' LIMIT 1`).get() !== undefined;
  const results = db.prepare(`SELECT 1 FROM memo WHERE name LIKE ? LIMIT 1`).get(`${CHECK_MEMO_PREFIX}%`) !== undefined;
  return checks && !results ? startCheckProcess(cachePath) : undefined;
}
