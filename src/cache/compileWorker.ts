/**
 * The child process compileChecks spawns: builds an empty in-memory database
 * with the cache's schema (compiling SQL needs only the schema) and compiles
 * each check's SQL, writing one JSON line per check to stdout as it goes.
 * A watchdog thread ends this process when one compile runs past its limit
 * (a compile is native code: JavaScript cannot interrupt it, but a thread can
 * end the process), after writing a 'timeout' line for that check. I/O.
 *
 * stdin: { schema: string[], sqls: string[], limitMs: number }.
 * stdout: { i, problem: {code, message} | null } or { i, timeout: true } per line.
 */
import { readFileSync, writeSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { checkSqlProblem } from './checkSqlProblem.js';

// Ctrl-C at the terminal reaches the whole process group: the parent ends this process (or it ends when done), not the signal.
process.on('SIGINT', () => {});

const input = JSON.parse(readFileSync(0, 'utf8')) as { schema: string[]; sqls: string[]; limitMs: number };
// [0]: index of the check being compiled (-1: none); [1]: when it started (ms since this process began).
const shared = new Int32Array(new SharedArrayBuffer(8));
shared[0] = -1;
const WATCHDOG = `const { writeSync } = require('node:fs');
const { shared, limitMs, origin } = require('node:worker_threads').workerData;
setInterval(() => {
  const i = Atomics.load(shared, 0);
  if (i >= 0 && performance.timeOrigin + performance.now() - origin - Atomics.load(shared, 1) > limitMs) {
    writeSync(1, JSON.stringify({ i, timeout: true }) + '\\n');
    process.kill(process.pid, 'SIGKILL');
  }
}, 20);`;
const origin = performance.timeOrigin;
new Worker(WATCHDOG, { eval: true, workerData: { shared, limitMs: input.limitMs, origin } }).unref();

const db = new Database(':memory:');
for (const sql of input.schema) db.exec(sql);
input.sqls.forEach((sql, i) => {
  Atomics.store(shared, 1, Math.round(performance.now()));
  Atomics.store(shared, 0, i);
  const problem = checkSqlProblem(db, sql);
  Atomics.store(shared, 0, -1);
  writeSync(1, `${JSON.stringify({ i, problem })}\n`);
});
db.close();
