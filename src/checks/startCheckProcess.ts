/**
 * Starts the check process (checkWorker.ts) on a cache file and talks to it
 * one request at a time: each reply, or 'timeout' when none came within the
 * caller's limit (the caller then stops the process: a synchronous SQLite
 * query can only be stopped by killing the process it runs in). The process
 * is killed when this one exits. I/O (a child process).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** One query: its SQL, and how many rows and bytes of values to send back (the rest are only counted). */
export interface QueryRequest {
  sql: string;
  maxRows: number;
  maxBytes: number;
}

export type Reply =
  | { type: 'ready' }
  | { type: 'fatal'; message: string }
  | { type: 'rows'; count: number; rows: Array<Record<string, unknown>>; columns: string[]; bytesCut: boolean }
  | { type: 'error'; code: 'check-not-readonly' | 'check-invalid-sql' | 'sql-error'; message: string };
export type Outcome = Reply | { type: 'timeout' } | { type: 'exit'; message: string };

export interface Runner {
  send(request: QueryRequest): void;
  /** The next reply, or 'timeout' after `limitMs`, or 'exit' when the process died. */
  next(limitMs: number): Promise<Outcome>;
  stop(): void;
}

export function startCheckProcess(cachePath: string): Runner {
  const child: ChildProcess = fork(fileURLToPath(new URL('./checkWorker.js', import.meta.url)), [cachePath], {
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
    send: (request) => child.send(request),
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
