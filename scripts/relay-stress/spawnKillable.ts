/**
 * A child process that can be killed with SIGKILL at a moment of the caller's
 * choosing, with its output collected line by line. `kill()` says whether the
 * kill interrupted it; `exited` says so again from the exit status (the exit
 * is by SIGKILL only if the process was still running when the signal came).
 */
import { spawn } from 'node:child_process';

export interface ChildExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Killed by us while it was running. */
  interrupted: boolean;
  ms: number;
}

export interface KillableChild {
  /** Complete stdout lines so far. */
  readonly lines: string[];
  /** Resolves when the n-th stdout line (1-based) has arrived, or when the process exits first (false). */
  line(n: number): Promise<boolean>;
  /** Sends SIGKILL; true when the process had not exited yet. */
  kill(): boolean;
  readonly running: boolean;
  readonly exited: Promise<ChildExit>;
}

export function spawnKillable(command: string, args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): KillableChild {
  const started = Date.now();
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  let partial = '';
  let done = false;
  let killed = false;
  const waiters: Array<{ n: number; resolve: (ok: boolean) => void }> = [];
  const wake = (): void => {
    for (const w of [...waiters]) {
      if (lines.length >= w.n || done) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(lines.length >= w.n);
      }
    }
  };
  child.stdout.on('data', (b: Buffer) => {
    out.push(b);
    const parts = (partial + b.toString('utf8')).split('\n');
    partial = parts.pop()!;
    lines.push(...parts);
    wake();
  });
  child.stderr.on('data', (b: Buffer) => err.push(b));
  const exited = new Promise<ChildExit>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      done = true;
      wake();
      resolve({ code, signal, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), interrupted: killed && signal === 'SIGKILL', ms: Date.now() - started });
    });
  });
  return {
    lines,
    line: (n) => new Promise((resolve) => {
      waiters.push({ n, resolve });
      wake();
    }),
    kill() {
      if (child.exitCode !== null || child.signalCode !== null) return false;
      killed = child.kill('SIGKILL');
      return killed;
    },
    get running() {
      return child.exitCode === null && child.signalCode === null;
    },
    exited,
  };
}
