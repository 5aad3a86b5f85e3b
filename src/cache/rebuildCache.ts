/**
 * Builds the whole cache from the files, into a new file that replaces the old
 * one atomically: a crash or kill at any point leaves the previous cache (or
 * none), never a half-built one. I/O.
 */
import { renameSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { readRepoText } from '../repo/readRepoText.js';
import { walkFleet } from '../repo/walkFleet.js';
import { randomUUID } from 'node:crypto';
import { CACHE_INDEXES, CACHE_TABLES, CACHE_TRIGGERS, CACHE_VIEWS, SCHEMA_VERSION } from './cacheSchema.js';
import { cachePath, ensureStateDir, generatorId, removeAbandonedBuilds } from './cacheFile.js';
import { createCacheWriter } from './cacheWriter.js';
import { crossCheck, FULL_SCOPE, type ReadText } from './crossCheck.js';
import { bulkWriter } from './bulkWriter.js';
import { collectCrossInput } from './collectCrossInput.js';
import { unpackRows } from './unpackRows.js';
import { WIDTH, type PackedRows } from './packRows.js';
import { findingRow } from './fileRows.js';
import { schemaSql } from './schemaSql.js';
import { startCheckCompiler, type CheckCompiler } from './startCheckCompiler.js';
import { buildInParallel } from './buildInParallel.js';
import { PARALLEL_THRESHOLD } from './parseFiles.js';
import { availableParallelism } from 'node:os';

export interface RebuildOptions {
  /** Called as files are parsed: (done, total). */
  onProgress?: (done: number, total: number) => void;
  workers?: number;
}

export interface RebuildResult {
  files: number;
}

/** The repository's one reader: null only for a file that does not exist, an error for one that cannot be read. */
export function fileReader(root: string): ReadText {
  return readRepoText(root);
}

function hasCheck(rows: PackedRows): boolean {
  for (let at = 0; at < rows.records.length; at += WIDTH.records) if (rows.records[at] === 'check') return true;
  return false;
}

export async function rebuildCache(root: string, options: RebuildOptions = {}): Promise<RebuildResult> {
  const dir = ensureStateDir(root);
  removeAbandonedBuilds(dir);
  const target = cachePath(root);
  const tmp = `${target}.${process.pid}.${Date.now()}.tmp`;
  const db = new Database(tmp);
  let compiler = null as CheckCompiler | null;
  try {
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    db.exec(CACHE_TABLES + CACHE_VIEWS);
    const walk = walkFleet(root, { stat: false });
    const writer = createCacheWriter(db, { fresh: true });
    const total = walk.files.length;
    db.exec('BEGIN');
    const walkInsert = db.prepare('INSERT INTO findings VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
    for (const f of walk.findings) walkInsert.run(findingRow(f, 'walk'));
    const threads = Math.max(1, options.workers ?? availableParallelism());
    const workers = total >= PARALLEL_THRESHOLD ? threads - 1 : 0;
    // Batches go in with multi-row INSERTs while no record id clashes; from the first clash on, through the writer, which settles it.
    const cross = collectCrossInput();
    const bulk = bulkWriter(db);
    let clashed = false;
    await buildInParallel(root, walk.files, workers, {
      write(rows) {
        // Once a batch clashed, the collector is not asked again (nor its mirror read).
        clashed ||= !cross.admit(rows);
        if (clashed) {
          for (const r of unpackRows(rows)) writer.write(r);
          return;
        }
        bulk(rows);
      },
      // Check SQL is compiled in a child process: start it once a check is parsed (policy files are parsed first), so its start-up overlaps the parse.
      parsed(rows) {
        if (compiler === null && hasCheck(rows)) compiler = startCheckCompiler();
      },
      onProgress: options.onProgress,
    });
    db.exec(CACHE_INDEXES);
    const compile = compiler ? await compiler.precompile(schemaSql(db), db.prepare('SELECT sql FROM checks').pluck().all() as string[]) : undefined;
    // Without a clash of ids, the rows collected are the tables' rows.
    crossCheck(db, FULL_SCOPE, fileReader(root), compile, clashed ? undefined : cross);
    const meta = db.prepare('INSERT INTO meta VALUES (?, ?)');
    meta.run('schema_version', String(SCHEMA_VERSION));
    meta.run('generator', generatorId());
    meta.run('complete', '1');
    // The content revision (contentRevision.ts): this build, then a count of the writes since.
    meta.run('build', randomUUID());
    meta.run('revision', '0');
    db.exec(CACHE_TRIGGERS);
    db.exec('COMMIT');
    db.pragma('journal_mode = WAL');
    db.close();
    for (const suffix of ['-wal', '-shm']) rmSync(target + suffix, { force: true });
    renameSync(tmp, target);
    return { files: total };
  } catch (e) {
    if (db.open) db.close();
    rmSync(tmp, { force: true });
    throw e;
  } finally {
    compiler?.stop();
  }
}

