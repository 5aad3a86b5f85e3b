import { evaluateExpectation } from './evaluateExpectation.js';
import { startCheckProcess } from './startCheckProcess.js';
/** Rows kept per result, for people to see why a check failed. */
export const MAX_ROWS = 20;
/** Bytes of values kept per result (the rows past it are counted, not kept). */
export const MAX_BYTES = 1024 * 1024;
/** How long a fresh process may take to open the cache before the check errors. */
const START_LIMIT_MS = 30_000;
/**
 * `started`: a check process on this cache started before (startCheckProcess), so that its start-up overlapped
 * other work; it is used for the first check and stopped with the others. When no check runs, its owner stops it.
 */
export async function runChecks(cachePath, checks, started) {
    const results = [];
    let runner = null;
    let spare = started ?? null;
    let openError = null;
    try {
        for (const check of checks) {
            if (openError !== null) {
                results.push(result(check, 'error', openError, performance.now()));
                continue;
            }
            if (!runner) {
                const opening = performance.now();
                runner = spare ?? startCheckProcess(cachePath);
                spare = null;
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
            runner.send({ sql: check.sql, maxRows: MAX_ROWS, maxBytes: MAX_BYTES });
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
            if (out.type === 'timeout')
                results.push(result(check, 'timeout', `did not finish within ${formatMs(check.timeoutMs)}; stopped`, started));
            else
                results.push(result(check, 'error', out.type === 'exit' ? out.message : 'the check process replied out of turn', started));
        }
    }
    finally {
        runner?.stop();
    }
    return results;
}
function result(check, status, message, started) {
    return { id: check.id, status, count: 0, rows: [], message, ms: Math.round(performance.now() - started) };
}
function formatMs(ms) {
    return ms >= 1000 && ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`;
}
//# sourceMappingURL=runChecks.js.map