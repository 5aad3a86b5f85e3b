/** Worker thread for cold rebuilds: reads and parses a share of the files. */
import { parentPort, workerData } from 'node:worker_threads';
import { createValidators } from '../records/validators.js';
import { readFleetFile } from './readFleetFile.js';
const { root } = workerData;
const validators = createValidators();
parentPort.on('message', (batch) => {
    const rows = batch.files.map((f) => readFleetFile(root, f, validators));
    parentPort.postMessage({ seq: batch.seq, rows });
});
//# sourceMappingURL=parseWorker.js.map