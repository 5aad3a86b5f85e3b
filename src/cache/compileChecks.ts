/**
 * Compiles check SQL (untrusted: it comes from policies/*.yaml) against the
 * cache's schema in a child process (compileWorker.ts), so a query that is
 * slow to compile — SQLite copies a CTE into every place that uses it, so a
 * few hundred bytes can take minutes and gigabytes — is stopped after
 * `limitMs` instead of stalling the command. Synchronous, because the cache
 * is built inside one transaction; all checks share one child, which is
 * restarted after the check that ran out of time. What a SQL compiled to is
 * kept for the life of this process (a hub's rebuilds, a refresh after a
 * policy was saved): the same SQL against the same schema is not compiled
 * again — except a SQL that ran out of time, since that depends on the
 * machine's load as much as on the SQL. I/O (a child process).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export type SqlProblem = { code: 'check-not-readonly' | 'check-invalid-sql'; message: string } | { code: 'check-sql-too-complex'; message: string };

/** How long compiling one check's SQL may take: real checks compile in milliseconds. */
export const COMPILE_LIMIT_MS = 2000;
/** Allowance for starting the child (Node and SQLite) on a loaded machine. */
export const START_MS = 30_000;

/** Compiles check SQL against a schema: compileChecks, or answers known in advance (startCheckCompiler.ts). */
export type CompileFn = (schema: string[], sqls: string[]) => Array<SqlProblem | null>;

/** What one run of the child gave: its output and how it ended (spawnSync's fields). */
export interface CompileRun {
  stdout: string;
  stderr: string;
  status: number | null;
  signal: NodeJS.Signals | null;
  error?: Error;
}

export const COMPILE_WORKER = fileURLToPath(new URL('./compileWorker.js', import.meta.url));

/** Per schema (its statements joined), each SQL's problem (null: compiles and only reads); never a timeout. */
const compiled = new Map<string, Map<string, SqlProblem | null>>();

function compiledFor(schema: string[]): Map<string, SqlProblem | null> {
  const key = schema.join('\0');
  let m = compiled.get(key);
  if (!m) compiled.set(key, (m = new Map()));
  return m;
}

/** The SQL of `sqls` not compiled against `schema` in this process yet (once each). */
export function notCompiled(schema: string[], sqls: readonly string[]): string[] {
  const m = compiledFor(schema);
  return [...new Set(sqls.filter((sql) => !m.has(sql)))];
}

/**
 * The problem of each SQL (null: it compiles and only reads), in order: from
 * what this process compiled before, the rest compiled in a child.
 * `firstRun`: a run of the child over all of `sqls` that already happened
 * (startCheckCompiler.ts); its output is read as this function's first run.
 */
export function compileChecks(schema: string[], sqls: string[], limitMs: number = COMPILE_LIMIT_MS, firstRun?: CompileRun): Array<SqlProblem | null> {
  const known = compiledFor(schema);
  const todo = firstRun ? sqls : notCompiled(schema, sqls);
  const answers = todo.length > 0 ? compileInChild(schema, todo, limitMs, firstRun) : [];
  const now = new Map<string, SqlProblem | null>();
  todo.forEach((sql, i) => {
    now.set(sql, answers[i]!);
    if (!isTimeout(answers[i])) known.set(sql, answers[i]!);
  });
  return sqls.map((sql) => (now.has(sql) ? now.get(sql)! : known.get(sql)!));
}

function compileInChild(schema: string[], sqls: string[], limitMs: number, firstRun?: CompileRun): Array<SqlProblem | null> {
  const out: Array<SqlProblem | null> = [];
  let given = firstRun;
  while (out.length < sqls.length) {
    const rest = sqls.slice(out.length);
    const run: CompileRun =
      given ??
      spawnSync(process.execPath, [COMPILE_WORKER], {
        input: JSON.stringify({ schema, sqls: rest, limitMs }),
        timeout: START_MS + limitMs * (rest.length + 1),
        killSignal: 'SIGKILL',
        maxBuffer: 64 * 1024 * 1024,
        encoding: 'utf8',
      });
    given = undefined;
    if (run.error && (run.error as NodeJS.ErrnoException).code !== 'ETIMEDOUT') throw run.error;
    if (run.signal === 'SIGINT' || run.signal === 'SIGTERM' || run.signal === 'SIGHUP') throw new Error(`interrupted (${run.signal})`);
    const before = out.length;
    for (const line of run.stdout.split('\n')) {
      if (!line) continue;
      const reply = JSON.parse(line) as { i: number; problem?: SqlProblem | null; timeout?: true };
      if (reply.i !== out.length - before) continue;
      out.push(reply.timeout ? tooComplex(limitMs) : (reply.problem ?? null));
    }
    if (out.length === sqls.length) break;
    if (run.signal === null && run.status !== 0) throw new Error(`the check compiler failed (exit ${run.status}): ${run.stderr.trim().split('\n').pop() ?? ''}`);
    // Ended without a word about the next check (the backstop timeout, or killed by memory pressure): that check is to blame.
    if (out.length === before || !isTimeout(out[out.length - 1])) out.push(tooComplex(limitMs));
  }
  return out;
}

function tooComplex(limitMs: number): SqlProblem {
  return { code: 'check-sql-too-complex', message: `the SQL did not compile within ${limitMs / 1000}s; stopped (a CTE used in several places is copied into each: nesting them multiplies the work)` };
}

function isTimeout(p: SqlProblem | null | undefined): boolean {
  return p?.code === 'check-sql-too-complex';
}
