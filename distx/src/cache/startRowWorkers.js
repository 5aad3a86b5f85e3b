/**
 * Starts the worker threads of a cold build (rowWorker.ts) before the file
 * list is known, so their start-up (a thread, its modules: ~0.05–0.1 s)
 * overlaps the walk of the repository instead of following it. They wait for
 * the list (buildInParallel.ts); workers that turn out not to be needed are
 * stopped unused. I/O (threads).
 */
import { Worker } from 'node:worker_threads';
/** Files per batch: small enough that the last batches end together, large enough that a message per batch costs nothing. */
export const BATCH = 192;
export function startRowWorkers(root, workers) {
    const counter = new Int32Array(new SharedArrayBuffer(4));
    const pool = Array.from({ length: workers }, () => new Worker(new URL('./rowWorker.js', import.meta.url), { workerData: { root, counter, batch: BATCH } }));
    // Until buildInParallel listens, an error is kept for stop() (a worker's 'error' event without a listener would end the process).
    let early;
    for (const w of pool)
        w.once('error', (e) => (early ??= e));
    return {
        pool,
        counter,
        async stop() {
            await Promise.all(pool.map((w) => w.terminate()));
            if (early !== undefined)
                throw early;
        },
    };
}
//# sourceMappingURL=startRowWorkers.js.map