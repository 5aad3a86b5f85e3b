/**
 * Worker thread for cold rebuilds: takes batches of files from the shared
 * counter, reads and parses them, and writes them into its own shard database.
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { createValidators } from '../records/validators.js';
import type { FleetFile } from '../repo/walkFleet.js';
import { takeBatch } from './buildShards.js';
import { CACHE_TABLES } from './cacheSchema.js';
import { createCacheWriter } from './cacheWriter.js';
import { readFleetFile } from './readFleetFile.js';

const { root, dbPath, files, counter, batch } = workerData as { root: string; dbPath: string; files: FleetFile[]; counter: Int32Array; batch: number };
const db = new Database(dbPath);
db.pragma('journal_mode = OFF');
db.pragma('synchronous = OFF');
db.exec(CACHE_TABLES);
const writer = createCacheWriter(db, { fresh: true });
const validators = createValidators();
const batches = Math.ceil(files.length / batch);
db.exec('BEGIN');
for (let b = takeBatch(counter); b < batches; b = takeBatch(counter)) {
  const part = files.slice(b * batch, (b + 1) * batch);
  for (const f of part) writer.write(readFleetFile(root, f, validators));
  parentPort!.postMessage({ batchDone: part.length });
}
db.exec('COMMIT');
db.close();
parentPort!.postMessage({ finished: true });
