/**
 * Worker thread for cold rebuilds (buildInParallel.ts): waits for the file
 * list and the order to take its batches in, then takes batches from the
 * shared counter, reads and parses them, and posts each batch's rows (packed
 * flat: packRows.ts) to the thread that writes the cache.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createValidators } from '../records/validators.js';
import { packRows } from './packRows.js';
import { readFleetFile } from './readFleetFile.js';
const { root, counter, batch } = workerData;
const validators = createValidators();
parentPort.once('message', ({ list, order }) => {
    const files = list === '' ? [] : list.split('\n').map((line) => {
        const tab = line.indexOf('\t');
        return { kind: line.slice(0, tab), path: line.slice(tab + 1) };
    });
    const batches = Math.ceil(files.length / batch);
    for (let c = Atomics.add(counter, 0, 1); c < batches; c = Atomics.add(counter, 0, 1)) {
        const b = order[c];
        parentPort.postMessage({ b, rows: packRows(files.slice(b * batch, (b + 1) * batch).map((f) => readFleetFile(root, f, validators))) });
    }
    parentPort.postMessage({ done: true });
});
//# sourceMappingURL=rowWorker.js.map