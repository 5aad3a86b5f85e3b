/**
 * Cold builds on several cores, with one writer. Worker threads and the
 * calling thread take batches of files from a shared counter (so a slow start
 * or a heavy batch on one thread does not leave the others idle) and parse
 * them; the workers hand their rows to the calling thread packed per table
 * (packRows.ts), and the calling thread writes every batch, in batch order, as
 * soon as it and all before it are there: one writer, no shard databases to
 * merge afterwards. The rows therefore go into the cache in walk order,
 * exactly as a one-thread build writes them (same rowids, same duplicate
 * settling), and the calling thread parses whatever share its writing leaves
 * it time for.
 */
import { createValidators } from '../records/validators.js';
import { packRows } from './packRows.js';
import { readFleetFile } from './readFleetFile.js';
import { BATCH } from './startRowWorkers.js';
/**
 * The order batches are taken in (they are written in batch order whatever
 * it is): those with a policy file first, since locating a policy's checks
 * loads the `yaml` package (~0.1 s), which should not be the last thing a
 * thread does while the others wait.
 */
function claimOrder(files) {
    const first = new Set();
    files.forEach((f, i) => {
        if (f.kind === 'policy')
            first.add(Math.floor(i / BATCH));
    });
    const rest = Array.from({ length: Math.ceil(files.length / BATCH) }, (_, b) => b).filter((b) => !first.has(b));
    return [...first, ...rest];
}
/** Parses every file with the started workers (startRowWorkers.ts) and this thread, and writes their rows with `hooks.write`; ends the workers. */
export async function buildInParallel(root, files, workers, hooks) {
    const { write, parsed, onProgress } = hooks;
    const { pool, counter } = workers;
    try {
        const batches = Math.ceil(files.length / BATCH);
        // One string (`kind\tpath` lines): cloned as a copy, split by each worker.
        const list = files.map((f) => `${f.kind}\t${f.path}`).join('\n');
        const order = claimOrder(files);
        for (const w of pool)
            w.postMessage({ list, order });
        const pending = new Map();
        let next = 0;
        let written = 0;
        const flush = () => {
            for (let rows = pending.get(next); rows !== undefined; rows = pending.get(next)) {
                pending.delete(next++);
                write(rows);
                written += rows.counts.length / 3;
            }
            onProgress?.(written, files.length);
        };
        let settle;
        let failure;
        const fail = (e) => {
            failure ??= e;
            settle?.reject(failure);
        };
        let done = 0;
        const lost = () => new Error(`cache build workers ended with ${batches - next} batch(es) of files not handed over`);
        for (const w of pool) {
            w.on('message', (m) => {
                // Every batch is taken, and this thread's own are written (this runs between them): one missing now is lost.
                if ('done' in m) {
                    if (++done === pool.length && Atomics.load(counter, 0) >= batches && next < batches)
                        fail(lost());
                    return;
                }
                pending.set(m.b, m.rows);
                try {
                    parsed?.(m.rows);
                    flush();
                }
                catch (e) {
                    return fail(e);
                }
                if (next === batches)
                    settle?.resolve();
            });
            w.on('error', fail);
            w.on('exit', (code) => {
                if (code !== 0)
                    fail(new Error(`cache build worker stopped with code ${code}`));
            });
        }
        const validators = createValidators();
        for (let c = Atomics.add(counter, 0, 1); c < batches; c = Atomics.add(counter, 0, 1)) {
            const b = order[c];
            const rows = packRows(files.slice(b * BATCH, (b + 1) * BATCH).map((f) => readFleetFile(root, f, validators)));
            pending.set(b, rows);
            parsed?.(rows);
            flush();
            // Let the workers' batches in (and be written) between our own.
            await new Promise((resolve) => setImmediate(resolve));
            if (failure !== undefined)
                throw failure;
        }
        if (next < batches) {
            await new Promise((resolve, reject) => {
                settle = { resolve, reject };
                if (failure !== undefined)
                    reject(failure);
            });
        }
    }
    finally {
        await workers.stop();
    }
}
//# sourceMappingURL=buildInParallel.js.map