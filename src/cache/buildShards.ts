/**
 * Cold builds on several cores. The calling thread and worker threads take
 * batches of files from a shared counter (so a slow start or a heavy batch
 * on one thread does not leave the others idle). The calling thread writes
 * straight into the cache; each worker writes into its own shard database,
 * merged afterwards. Duplicate ids are settled by path order during the merge,
 * so the result equals a one-thread build.
 */
import { rmSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import { createValidators } from '../records/validators.js';
import type { FleetFile } from '../repo/walkFleet.js';
import { createCacheWriter, type CacheWriter } from './cacheWriter.js';
import { readFleetFile } from './readFleetFile.js';

export const BATCH = 256;

const MERGED_TABLES = ['files', 'records', 'edges', 'findings'];

/** Claims the next batch index from a counter shared by all threads. */
export function takeBatch(counter: Int32Array): number {
  return Atomics.add(counter, 0, 1);
}

export async function buildShards(db: Database.Database, root: string, files: FleetFile[], workers: number, shardPath: (i: number) => string, onProgress?: (done: number, total: number) => void): Promise<void> {
  const counter = new Int32Array(new SharedArrayBuffer(4));
  const batches = Math.ceil(files.length / BATCH);
  let doneElsewhere = 0;
  const running = Array.from({ length: workers }, (_, k) => {
    const i = k + 1;
    return new Promise<void>((resolve, reject) => {
      const w = new Worker(new URL('./shardWorker.js', import.meta.url), { workerData: { root, dbPath: shardPath(i), files, counter, batch: BATCH } });
      let finished = false;
      w.on('message', (m: { batchDone?: number; finished?: boolean }) => {
        doneElsewhere += m.batchDone ?? 0;
        finished ||= m.finished === true;
      });
      w.on('error', reject);
      w.on('exit', (code) => (finished ? resolve() : reject(new Error(`cache build worker stopped with code ${code}`))));
    });
  });
  try {
    const writer = createCacheWriter(db, { fresh: true });
    const validators = createValidators();
    let doneHere = 0;
    db.exec('BEGIN');
    for (let b = takeBatch(counter); b < batches; b = takeBatch(counter)) {
      const batch = files.slice(b * BATCH, (b + 1) * BATCH);
      for (const f of batch) writer.write(readFleetFile(root, f, validators));
      doneHere += batch.length;
      onProgress?.(doneHere + doneElsewhere, files.length);
    }
    db.exec('COMMIT');
    await Promise.all(running);
    for (let i = 1; i <= workers; i++) mergeShard(db, shardPath(i), writer);
    onProgress?.(files.length, files.length);
  } finally {
    await Promise.allSettled(running);
    for (let i = 1; i <= workers; i++) rmSync(shardPath(i), { force: true });
  }
}

interface Clash {
  kind: string;
  id: string;
  shardFile: string;
  shardLine: number;
  shardCol: number;
  mainFile: string;
  mainLine: number;
  mainCol: number;
  whole: number;
}

function mergeShard(db: Database.Database, path: string, writer: CacheWriter): void {
  db.prepare('ATTACH DATABASE ? AS shard').run(path);
  try {
    db.exec('BEGIN');
    for (const t of MERGED_TABLES) db.exec(`INSERT OR IGNORE INTO main.${t} SELECT * FROM shard.${t}`);
    const clashes = db
      .prepare(
        `SELECT s.kind, s.id, s.file AS shardFile, s.line AS shardLine, s.col AS shardCol,
                m.file AS mainFile, m.line AS mainLine, m.col AS mainCol, s.parent IS NULL AS whole
         FROM shard.records s JOIN main.records m ON m.kind = s.kind AND m.id = s.id
         WHERE m.file <> s.file ORDER BY whole DESC, s.kind, s.id`,
      )
      .all() as Clash[];
    const evicted = new Set<string>();
    for (const c of clashes) {
      const shardWins = c.shardFile < c.mainFile;
      const [loser, winner] = shardWins ? [c.mainFile, c.shardFile] : [c.shardFile, c.mainFile];
      if (evicted.has(loser)) continue;
      if (c.whole === 1) evicted.add(loser);
      const at = shardWins ? { line: c.mainLine, col: c.mainCol } : { line: c.shardLine, col: c.shardCol };
      writer.evict(loser, { kind: c.kind, id: c.id, ...at, whole: c.whole === 1 }, winner);
      if (shardWins) {
        if (c.whole === 1) db.prepare('INSERT OR IGNORE INTO main.records SELECT * FROM shard.records WHERE file = ?').run(winner);
        else db.prepare('INSERT OR IGNORE INTO main.records SELECT * FROM shard.records WHERE kind = ? AND id = ?').run(c.kind, c.id);
      }
    }
    db.exec('COMMIT');
  } finally {
    if (db.inTransaction) db.exec('ROLLBACK');
    db.exec('DETACH DATABASE shard');
  }
}
