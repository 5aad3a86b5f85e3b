/**
 * Runs named checks read-only against the cache file, one at a time, each with
 * its own time limit, in a child process (checkWorker.ts). A check that runs
 * over its limit is stopped by killing that process (the only way to stop a
 * synchronous SQLite query in Node: a worker thread ignores terminate() while
 * inside SQLite) and ends as 'timeout'; the next check gets a fresh process.
 * SQL that is not one read-only SELECT is an 'error' and is never run. I/O.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { CheckResult } from './checkResult.js';
import { evaluateExpectation, type Expectation } from './evaluateExpectation.js';

export interface CheckToRun {
  id: string;
  sql: string;
  expect: Expectation;
  timeoutMs: number;
}

/** Rows kept per result, for people to see why a check failed. */
export const MAX_ROWS = 20;
/** How long a fresh process may take to open the cache before the check errors. */
const START_LIMIT_MS = 30_000;

type Reply = { type: 'ready' } | { type: 'fatal'; message: string } | { type: 'rows'; count: number; rows: Array<Record<string, unknown>> } | { type: 'error'; message: string };
type Outcome = Reply | { type: 'timeout' } | { type: 'exit'; message: string };

export async function runChecks(cachePath: string, checks: CheckToRun[]): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  let runner: Runner | null = null;
  let openError: string | null = null;
  try {
    for (const check of checks) {
      if (openError !== null) {
        results.push(result(check, 'error', openError, performance.now()));
        continue;
      }
      if (!runner) {
        const opening = performance.now();
        runner = startRunner(cachePath);
        const ready = await runner.next(START_LIMIT_MS);
        if (ready.type !== 'ready') {
          runner.stop();
          runner = null;
          const why = ready.type === 'fatal' || ready.type === 'exit' ? ready.message : ready.type === 'timeout' ? 'it did not open in time' : 'unexpected reply';
          openError = `could not open the cache ${cachePath}: ${why}`;
          results.push(result(check, 'error', openError, opening));
          continue;
        }
      }
      const started = performance.now();
      runner.send(check.sql);
      const out = await runner.next(check.timeoutMs);
      if (out.type === 'rows') {
        const verdict = evaluateExpectation(check.expect, out.count);
        results.push({ ...result(check, verdict.pass ? 'pass' : 'fail', verdict.message, started), count: out.count, rows: out.rows });
        continue;
      }
      if (out.type === 'error') {
        results.push(result(check, 'error', out.message, started));
        continue;
      }
      runner.stop();
      runner = null;
      if (out.type === 'timeout') results.push(result(check, 'timeout', `did not finish within ${formatMs(check.timeoutMs)}; stopped`, started));
      else results.push(result(check, 'error', out.type === 'exit' ? out.message : 'the check process replied out of turn', started));
    }
  } finally {
    runner?.stop();
  }
  return results;
}

function result(check: CheckToRun, status: CheckResult['status'], message: string, started: number): CheckResult {
  return { id: check.id, status, count: 0, rows: [], message, ms: Math.round(performance.now() - started) };
}

function formatMs(ms: number): string {
  return ms >= 1000 && ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`;
}

interface Runner {
  send(sql: string): void;
  /** The next reply, or 'timeout' after `limitMs`, or 'exit' when the process died. */
  next(limitMs: number): Promise<Outcome>;
  stop(): void;
}

function startRunner(cachePath: string): Runner {
  const child: ChildProcess = fork(fileURLToPath(new URL('./checkWorker.js', import.meta.url)), [cachePath, String(MAX_ROWS)], {
    execArgv: [],
    serialization: 'advanced',
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-2000);
  });
  const queue: Reply[] = [];
  let waiting: ((o: Outcome) => void) | null = null;
  let exited: string | null = null;
  const deliver = (o: Outcome): void => {
    const w = waiting;
    waiting = null;
    w?.(o);
  };
  child.on('message', (m: Reply) => (waiting ? deliver(m) : queue.push(m)));
  child.on('exit', (code, signal) => {
    exited = `the check process exited (${signal ?? `code ${code}`})${stderr.trim() ? `: ${stderr.trim().split('\n').pop()}` : ''}`;
    deliver({ type: 'exit', message: exited });
  });
  child.on('error', (e) => {
    exited ??= `the check process failed: ${e.message}`;
    deliver({ type: 'exit', message: exited });
  });
  const killOnExit = (): void => {
    child.kill('SIGKILL');
  };
  process.on('exit', killOnExit);
  return {
    send: (sql) => child.send({ sql }),
    next(limitMs) {
      const queued = queue.shift();
      if (queued) return Promise.resolve(queued);
      if (exited !== null) return Promise.resolve({ type: 'exit', message: exited });
      return new Promise<Outcome>((resolve) => {
        const timer = setTimeout(() => deliver({ type: 'timeout' }), limitMs);
        waiting = (o) => {
          clearTimeout(timer);
          resolve(o);
        };
      });
    },
    stop() {
      process.off('exit', killOnExit);
      waiting = null;
      child.removeAllListeners('exit');
      child.kill('SIGKILL');
    },
  };
}
