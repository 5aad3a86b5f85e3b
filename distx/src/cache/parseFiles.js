/**
 * Reads and parses many fleet files, in worker threads when there are enough
 * of them to pay for starting the workers, handing each batch of rows to
 * `onRows` (on the calling thread) as soon as it is ready.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { createValidators } from '../records/validators.js';
import { readFleetFile } from './readFleetFile.js';
export const PARALLEL_THRESHOLD = 1500;
const BATCH = 400;
let inlineValidators = null;
export async function parseFiles(root, files, onRows, workers = availableParallelism()) {
    if (files.length < PARALLEL_THRESHOLD || workers < 2) {
        inlineValidators ??= createValidators();
        const v = inlineValidators;
        for (let i = 0; i < files.length; i += BATCH)
            onRows(files.slice(i, i + BATCH).map((f) => readFleetFile(root, f, v)));
        return;
    }
    const batches = [];
    for (let i = 0; i < files.length; i += BATCH)
        batches.push(files.slice(i, i + BATCH));
    const url = new URL('./parseWorker.js', import.meta.url);
    const pool = Array.from({ length: Math.min(workers, batches.length) }, () => new Worker(url, { workerData: { root } }));
    let nextBatch = 0;
    try {
        await Promise.all(pool.map((w) => new Promise((resolve, reject) => {
            let inFlight = 0;
            const feed = () => {
                if (nextBatch >= batches.length) {
                    if (inFlight === 0)
                        resolve();
                    return;
                }
                const seq = nextBatch++;
                inFlight++;
                w.postMessage({ seq, files: batches[seq] });
            };
            w.on('message', (m) => {
                inFlight--;
                try {
                    onRows(m.rows);
                }
                catch (e) {
                    return reject(e);
                }
                feed();
            });
            w.on('error', reject);
            w.on('exit', (code) => (inFlight === 0 ? resolve() : reject(new Error(`parse worker exited with code ${code}`))));
            feed();
            feed();
        })));
    }
    finally {
        await Promise.all(pool.map((w) => w.terminate()));
    }
}
//# sourceMappingURL=parseFiles.js.map