/**
 * The check compiler's child process (compileWorker.ts), started before its
 * work is known: a cold rebuild starts it while parsing, so the child's
 * start-up (Node and SQLite, ~0.1 s) overlaps the parse instead of following
 * it, and hands it the checks' SQL as soon as every policy file is parsed.
 * `precompile` gives it the SQL and reads its answers as compileChecks'
 * first run (a check that ran out of time, and every check after it, go on in
 * fresh children there); the function it returns answers for that SQL and
 * schema and hands anything else to compileChecks. SQL this process compiled
 * before is not sent (compileChecks kept its answer), and a build whose
 * checks were all compiled before starts no child at all (rebuildCache).
 * I/O (a child process).
 */
import { spawn } from 'node:child_process';
import { COMPILE_LIMIT_MS, COMPILE_WORKER, compileChecks, notCompiled, START_MS, type CompileFn, type CompileRun, type SqlProblem } from './compileChecks.js';

export interface CheckCompiler {
  precompile(schema: string[], sqls: string[]): Promise<CompileFn>;
  /** Ends the child if it is still running (always call it, e.g. in `finally`). */
  stop(): void;
}

export function startCheckCompiler(limitMs: number = COMPILE_LIMIT_MS): CheckCompiler {
  const child = spawn(process.execPath, [COMPILE_WORKER], { stdio: ['pipe', 'pipe', 'pipe'] });
  const run: CompileRun = { stdout: '', stderr: '', status: null, signal: null };
  child.stdout.setEncoding('utf8').on('data', (d: string) => (run.stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (run.stderr += d));
  // A child that died early makes writing its input fail (EPIPE): how it ended is what counts, read below.
  child.stdin.on('error', () => undefined);
  const ended = new Promise<void>((resolve) => {
    child.on('error', (e) => {
      run.error = e;
      resolve();
    });
    child.on('close', (status, signal) => {
      run.status = status;
      run.signal = signal;
      resolve();
    });
  });
  const kill = (): void => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  let stopped = false;
  const stop = (): void => {
    stopped = true;
    kill();
  };
  return {
    async precompile(schema, all) {
      // What this process compiled before is not sent again (compileChecks keeps it).
      const sqls = notCompiled(schema, all);
      if (sqls.length === 0 || stopped) {
        stop();
        return (s, q) => compileChecks(s, q, limitMs);
      }
      const backstop = setTimeout(kill, START_MS + limitMs * (sqls.length + 1));
      child.stdin.end(JSON.stringify({ schema, sqls, limitMs }));
      await ended;
      clearTimeout(backstop);
      const problems = compileChecks(schema, sqls, limitMs, run);
      const thisRun = new Map(sqls.map((sql, i) => [sql, problems[i]!] as const));
      const sameSchema = (s: string[]): boolean => s.length === schema.length && s.every((x, i) => x === schema[i]);
      // This run's answers, a timeout included (compileChecks would try that SQL again); the rest compileChecks kept.
      const answer = (s: string[], sql: string): SqlProblem | null => (sameSchema(s) && thisRun.has(sql) ? thisRun.get(sql)! : compileChecks(s, [sql], limitMs)[0]!);
      return (s, q) => q.map((sql) => answer(s, sql));
    },
    stop,
  };
}
