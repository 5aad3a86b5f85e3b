/**
 * The check compiler's child process (compileWorker.ts), started before its
 * work is known: a cold rebuild starts it while parsing, so the child's
 * start-up (Node and SQLite, ~0.1 s) overlaps the parse instead of following
 * it, and hands it the checks' SQL as soon as every policy file is parsed.
 * `precompile` gives it the SQL and reads its answers as compileChecks'
 * first run (a check that ran out of time, and every check after it, go on in
 * fresh children there); the function it returns answers for exactly that
 * SQL and schema and hands anything else to compileChecks. I/O (a child
 * process).
 */
import { spawn } from 'node:child_process';
import { COMPILE_LIMIT_MS, COMPILE_WORKER, compileChecks, START_MS } from './compileChecks.js';
export function startCheckCompiler(limitMs = COMPILE_LIMIT_MS) {
    const child = spawn(process.execPath, [COMPILE_WORKER], { stdio: ['pipe', 'pipe', 'pipe'] });
    const run = { stdout: '', stderr: '', status: null, signal: null };
    child.stdout.setEncoding('utf8').on('data', (d) => (run.stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d) => (run.stderr += d));
    // A child that died early makes writing its input fail (EPIPE): how it ended is what counts, read below.
    child.stdin.on('error', () => undefined);
    const ended = new Promise((resolve) => {
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
    const kill = () => {
        if (child.exitCode === null && child.signalCode === null)
            child.kill('SIGKILL');
    };
    let stopped = false;
    const stop = () => {
        stopped = true;
        kill();
    };
    return {
        async precompile(schema, sqls) {
            if (sqls.length === 0 || stopped) {
                stop();
                return (s, q) => compileChecks(s, q, limitMs);
            }
            const backstop = setTimeout(kill, START_MS + limitMs * (sqls.length + 1));
            child.stdin.end(JSON.stringify({ schema, sqls, limitMs }));
            await ended;
            clearTimeout(backstop);
            const problems = compileChecks(schema, sqls, limitMs, run);
            const known = new Map(sqls.map((sql, i) => [sql, problems[i]]));
            const sameSchema = (s) => s.length === schema.length && s.every((x, i) => x === schema[i]);
            return (s, q) => (sameSchema(s) && q.every((sql) => known.has(sql)) ? q.map((sql) => known.get(sql)) : compileChecks(s, q, limitMs));
        },
        stop,
    };
}
//# sourceMappingURL=startCheckCompiler.js.map