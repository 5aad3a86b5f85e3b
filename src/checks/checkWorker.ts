/**
 * The child process runChecks forks: opens the cache file read-only and runs
 * one check's SQL per message, replying with the row count and the first rows.
 * A separate process (not a worker thread) because a synchronous SQLite query
 * cannot be stopped from JavaScript: a worker thread stuck in sqlite3_step
 * ignores terminate(), while a process can be killed. I/O (the cache file).
 *
 * argv: <cache path> <max rows kept>. Messages in: { sql }. Out: { type: 'ready' },
 * { type: 'fatal', message }, { type: 'rows', count, rows }, { type: 'error', message }.
 */
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { checkSqlProblem } from './checkSqlProblem.js';

// A watchdog thread: if the parent dies while this process is stuck in a query
// (so its event loop never sees the IPC channel close), it kills this process.
const WATCHDOG = `const { ppid } = require('node:worker_threads').workerData;
setInterval(() => { if (process.ppid !== ppid) process.kill(process.pid, 'SIGKILL'); }, 500);`;
new Worker(WATCHDOG, { eval: true, workerData: { ppid: process.ppid } }).unref();

const [path = '', maxArg = '20'] = process.argv.slice(2);
const maxRows = Number(maxArg);
const send = (m: unknown): void => {
  process.send?.(m);
};

let db: Database.Database | null = null;
try {
  db = new Database(path, { readonly: true, fileMustExist: true });
  db.pragma('query_only = ON');
  db.pragma('busy_timeout = 5000');
  send({ type: 'ready' });
} catch (e) {
  send({ type: 'fatal', message: (e as Error).message });
}

process.on('message', (m: { sql: string }) => {
  if (!db) return;
  const problem = checkSqlProblem(db, m.sql);
  if (problem) return send({ type: 'error', message: problem.message });
  try {
    const rows: unknown[] = [];
    let count = 0;
    for (const row of db.prepare(m.sql).iterate()) {
      if (count++ < maxRows) rows.push(row);
    }
    send({ type: 'rows', count, rows });
  } catch (e) {
    send({ type: 'error', message: (e as Error).message });
  }
});

process.on('disconnect', () => {
  db?.close();
  process.exit(0);
});
