/**
 * Compiles check SQL (untrusted: it comes from policies/*.yaml) against the
 * cache's schema in a child process (compileWorker.ts), so a query that is
 * slow to compile — SQLite copies a CTE into every place that uses it, so a
 * few hundred bytes can take minutes and gigabytes — is stopped after
 * `limitMs` instead of stalling the command. Synchronous, because the cache
 * is built inside one transaction; all checks share one child, which is
 * restarted after the check that ran out of time. I/O (a child process).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
/** How long compiling one check's SQL may take: real checks compile in milliseconds. */
export const COMPILE_LIMIT_MS = 2000;
/** Allowance for starting the child (Node and SQLite) on a loaded machine. */
export const START_MS = 30_000;
export const COMPILE_WORKER = fileURLToPath(new URL('./compileWorker.js', import.meta.url));
/**
 * The problem of each SQL (null: it compiles and only reads), in order.
 * `firstRun`: a run of the child over all of `sqls` that already happened
 * (startCheckCompiler.ts); its output is read as this function's first run.
 */
export function compileChecks(schema, sqls, limitMs = COMPILE_LIMIT_MS, firstRun) {
    const out = [];
    let given = firstRun;
    while (out.length < sqls.length) {
        const rest = sqls.slice(out.length);
        const run = given ??
            spawnSync(process.execPath, [COMPILE_WORKER], {
                input: JSON.stringify({ schema, sqls: rest, limitMs }),
                timeout: START_MS + limitMs * (rest.length + 1),
                killSignal: 'SIGKILL',
                maxBuffer: 64 * 1024 * 1024,
                encoding: 'utf8',
            });
        given = undefined;
        if (run.error && run.error.code !== 'ETIMEDOUT')
            throw run.error;
        if (run.signal === 'SIGINT' || run.signal === 'SIGTERM' || run.signal === 'SIGHUP')
            throw new Error(`interrupted (${run.signal})`);
        const before = out.length;
        for (const line of run.stdout.split('\n')) {
            if (!line)
                continue;
            const reply = JSON.parse(line);
            if (reply.i !== out.length - before)
                continue;
            out.push(reply.timeout ? tooComplex(limitMs) : (reply.problem ?? null));
        }
        if (out.length === sqls.length)
            break;
        if (run.signal === null && run.status !== 0)
            throw new Error(`the check compiler failed (exit ${run.status}): ${run.stderr.trim().split('\n').pop() ?? ''}`);
        // Ended without a word about the next check (the backstop timeout, or killed by memory pressure): that check is to blame.
        if (out.length === before || !isTimeout(out[out.length - 1]))
            out.push(tooComplex(limitMs));
    }
    return out;
}
function tooComplex(limitMs) {
    return { code: 'check-sql-too-complex', message: `the SQL did not compile within ${limitMs / 1000}s; stopped (a CTE used in several places is copied into each: nesting them multiplies the work)` };
}
function isTimeout(p) {
    return p?.code === 'check-sql-too-complex';
}
//# sourceMappingURL=compileChecks.js.map