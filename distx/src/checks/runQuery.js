/**
 * Runs one user query (fleethub query) read-only against the cache file in the
 * check process, with a time limit, keeping at most `maxRows` rows and
 * `maxBytes` bytes of values (the rest are counted). The SQL never runs on
 * this process's thread, so Ctrl-C and SIGTERM are handled while it runs, and
 * the process is killed when the limit passes. I/O (a child process).
 */
import { startCheckProcess } from './startCheckProcess.js';
/** How long a fresh process may take to open the cache. */
const START_LIMIT_MS = 30_000;
export async function runQuery(cachePath, request, timeoutMs) {
    const runner = startCheckProcess(cachePath);
    try {
        const ready = await runner.next(START_LIMIT_MS);
        if (ready.type !== 'ready') {
            const why = ready.type === 'fatal' || ready.type === 'exit' ? ready.message : 'it did not open in time';
            throw new Error(`could not open the cache ${cachePath}: ${why}`);
        }
        runner.send(request);
        const out = await runner.next(timeoutMs);
        if (out.type === 'rows' || out.type === 'error' || out.type === 'timeout')
            return out;
        throw new Error(out.type === 'exit' ? out.message : 'the query process replied out of turn');
    }
    finally {
        runner.stop();
    }
}
//# sourceMappingURL=runQuery.js.map