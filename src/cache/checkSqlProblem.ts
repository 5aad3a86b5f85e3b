/**
 * Why a check's SQL cannot run as a read-only query over the cache, or null.
 * Compiles the SQL on `db`: only call it where a slow compile can be stopped
 * (a child process: compileWorker, checkWorker, queryWorker).
 */
import type Database from 'better-sqlite3';

export function checkSqlProblem(db: Database.Database, sql: string): { code: 'check-not-readonly' | 'check-invalid-sql'; message: string } | null {
  const notReadOnly: { code: 'check-not-readonly'; message: string } = { code: 'check-not-readonly', message: 'the SQL is not a read-only query (only one SELECT is allowed)' };
  let stmt: Database.Statement;
  try {
    stmt = db.prepare(sql);
  } catch (e) {
    const message = (e as Error).message;
    // better-sqlite3's own words for these two, in ours: one SELECT is the rule.
    if (/contains more than one statement/.test(message)) return { code: 'check-not-readonly', message: 'the SQL is more than one statement (only one SELECT is allowed; drop the others, and the ; between them)' };
    if (/contains no statements/.test(message)) return { code: 'check-invalid-sql', message: 'the SQL is empty: write one SELECT' };
    return /^cannot modify \S+ because it is a view$/.test(message) ? notReadOnly : { code: 'check-invalid-sql', message };
  }
  return !stmt.readonly || !stmt.reader ? notReadOnly : null;
}
