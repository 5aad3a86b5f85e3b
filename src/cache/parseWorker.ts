/** Worker thread for cold rebuilds: reads and parses a share of the files. */
import { parentPort, workerData } from 'node:worker_threads';
import { createValidators } from '../records/validators.js';
import { readFleetFile, type FileToRead } from './readFleetFile.js';

const { root } = workerData as { root: string };
const validators = createValidators();

parentPort!.on('message', (batch: { seq: number; files: FileToRead[] }) => {
  const rows = batch.files.map((f) => readFleetFile(root, f, validators));
  parentPort!.postMessage({ seq: batch.seq, rows });
});
