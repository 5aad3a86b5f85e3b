/**
 * The child process startCheckProcess forks: opens the cache file read-only
 * and runs one query per message, replying with the row count and the first
 * rows. A separate process (not a worker thread) because a synchronous SQLite
 * query cannot be stopped from JavaScript: a worker thread stuck in
 * sqlite3_step ignores terminate(), while a process can be killed. Results are
 * bounded as they are read: at most `maxRows` rows and `maxBytes` bytes of
 * values are kept (the rest only counted), and a value over MAX_VALUE_BYTES is
 * replaced by a marker saying how big it was. I/O (the cache file).
 *
 * argv: <cache path>. Messages in: QueryRequest. Out: Reply (startCheckProcess.ts).
 */
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { checkSqlProblem } from '../cache/checkSqlProblem.js';
import type { QueryRequest, Reply } from './startCheckProcess.js';

/** The largest value sent back whole; a longer text is cut, a longer blob replaced by its size. */
export const MAX_VALUE_BYTES = 64 * 1024;

// A watchdog thread: if the parent dies while this process is stuck in a query
// (so its event loop never sees the IPC channel close), it kills this process.
const WATCHDOG = `const { ppid } = require('node:worker_threads').workerData;
setInterval(() => { if (process.ppid !== ppid) process.kill(process.pid, 'SIGKILL'); }, 500);`;
new Worker(WATCHDOG, { eval: true, workerData: { ppid: process.ppid } }).unref();

// Ctrl-C at the terminal reaches the whole process group: the parent decides when this process ends (it kills it, or
// closes the channel), so a check in flight is never cut short by the signal meant for the parent (the hub, stopping,
// would report it as a check that could not run).
process.on('SIGINT', () => {});

const [path = ''] = process.argv.slice(2);
const send = (m: Reply): void => {
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

process.on('message', (m: QueryRequest) => {
  if (!db) return;
  const problem = checkSqlProblem(db, m.sql);
  if (problem) return send({ type: 'error', ...problem });
  try {
    const stmt = db.prepare(m.sql);
    const rows: Array<Record<string, unknown>> = [];
    let count = 0;
    let bytes = 0;
    let bytesCut = false;
    for (const row of stmt.iterate() as Iterable<Record<string, unknown>>) {
      count++;
      if (rows.length >= m.maxRows || bytesCut) continue;
      const kept = bounded(row);
      bytes += kept.bytes;
      if (bytes > m.maxBytes) bytesCut = true;
      else rows.push(kept.row);
    }
    send({ type: 'rows', count, rows, columns: stmt.columns().map((c) => c.name), bytesCut });
  } catch (e) {
    send({ type: 'error', code: 'sql-error', message: (e as Error).message });
  }
});

/** The row with every value at most MAX_VALUE_BYTES, and roughly how many bytes it holds. */
function bounded(row: Record<string, unknown>): { row: Record<string, unknown>; bytes: number } {
  let bytes = 0;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) {
    if (typeof v === 'string' && v.length > MAX_VALUE_BYTES) out[k] = `${v.slice(0, MAX_VALUE_BYTES)}… (${(v.length - MAX_VALUE_BYTES).toLocaleString('en-US')} more characters not shown)`;
    else if (Buffer.isBuffer(v)) out[k] = v.length > MAX_VALUE_BYTES ? `<blob of ${v.length.toLocaleString('en-US')} bytes, not shown>` : v;
    else out[k] = v;
    const x = out[k];
    bytes += k.length + (typeof x === 'string' ? x.length : Buffer.isBuffer(x) ? x.length : 8);
  }
  return { row: out, bytes };
}

process.on('disconnect', () => {
  db?.close();
  process.exit(0);
});
