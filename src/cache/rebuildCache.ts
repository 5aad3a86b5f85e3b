/**
 * Builds the whole cache from the files, into a new file that replaces the old
 * one atomically: a crash or kill at any point leaves the previous cache (or
 * none), never a half-built one. I/O.
 */
import * as nodeFs from 'node:fs';
import { renameSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { readRepoText } from '../repo/readRepoText.js';
import { walkFleet, type FleetFile, type WalkFs } from '../repo/walkFleet.js';
import { randomUUID } from 'node:crypto';
import { CACHE_TABLES, CACHE_TRIGGERS, CACHE_VIEWS, LOAD_ORDER_INDEXES, SCHEMA_VERSION, SORTED_INDEXES } from './cacheSchema.js';
import { cachePath, ensureStateDir, generatorId, removeAbandonedBuilds } from './cacheFile.js';
import { createCacheWriter } from './cacheWriter.js';
import { crossCheck, FULL_SCOPE, type ReadText } from './crossCheck.js';
import { bulkWriter } from './bulkWriter.js';
import { collectCrossInput } from './collectCrossInput.js';
import { unpackRows } from './unpackRows.js';
import { WIDTH, type PackedRows } from './packRows.js';
import { findingRow } from './fileRows.js';
import { schemaSql } from './schemaSql.js';
import { WALK_KEY, walkDigest, walkValue } from './walkDigest.js';
import { smudgeRacyFiles } from './racyMtime.js';
import { contentRevision } from './contentRevision.js';
import { startCheckCompiler, type CheckCompiler } from './startCheckCompiler.js';
import { notCompiled, type CompileFn } from './compileChecks.js';
import { buildInParallel } from './buildInParallel.js';
import { startRowWorkers, type RowWorkers } from './startRowWorkers.js';
import { PARALLEL_THRESHOLD } from './parseFiles.js';
import { availableParallelism } from 'node:os';
import { previousObservations } from './previousObservations.js';

export interface RebuildOptions {
  /** Called as files are parsed: (done, total). */
  onProgress?: (done: number, total: number) => void;
  workers?: number;
}

export interface RebuildResult {
  files: number;
  /** The probe observations carried over from the cache this one replaced (previousObservations.ts). */
  observations: number;
  /** Why the replaced cache's observations could not be carried over; null when nothing was lost. */
  observationsLost: string | null;
}

/** The repository's one reader: null only for a file that does not exist, an error for one that cannot be read. */
export function fileReader(root: string): ReadText {
  return readRepoText(root);
}

/** The SQL of each check record in `rows` (the checks view's `sql`: the schema makes it a string). */
function checkSql(rows: PackedRows): string[] {
  const out: string[] = [];
  for (let at = 0; at < rows.records.length; at += WIDTH.records) if (rows.records[at] === 'check') out.push((JSON.parse(rows.records[at + 7] as string) as { sql: string }).sql);
  return out;
}

function policyFiles(rows: PackedRows): number {
  let n = 0;
  for (let at = 0; at < rows.files.length; at += WIDTH.files) if (rows.files[at + 1] === 'policy') n++;
  return n;
}

/** Ends workers the build started and will not use after it failed with `failure`; an error of theirs is added to it. */
async function stopAfter(workers: RowWorkers, failure: unknown): Promise<void> {
  try {
    await workers.stop();
  } catch (e) {
    throw new AggregateError([failure, e], `${String((failure as Error).message ?? failure)} (and a cache build worker failed: ${String((e as Error).message ?? e)})`);
  }
}

export async function rebuildCache(root: string, options: RebuildOptions = {}): Promise<RebuildResult> {
  const dir = ensureStateDir(root);
  removeAbandonedBuilds(dir);
  const target = cachePath(root);
  const previous = previousObservations(target);
  const tmp = `${target}.${process.pid}.${Date.now()}.tmp`;
  const db = new Database(tmp);
  let compiler = null as CheckCompiler | null;
  /** Workers started and not yet handed to buildInParallel (which ends them). */
  let started = null as RowWorkers | null;
  try {
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    db.exec(CACHE_TABLES + CACHE_VIEWS + LOAD_ORDER_INDEXES);
    const threads = Math.max(1, options.workers ?? availableParallelism());
    // The workers start as soon as the walk has listed entries enough to need them, so their start-up overlaps the rest of the walk.
    let listed = 0;
    const readdirSync = ((path: string, opts: { withFileTypes: true }) => {
      const entries = nodeFs.readdirSync(path, opts);
      listed += entries.length;
      if (threads > 1 && listed >= PARALLEL_THRESHOLD) started ??= startRowWorkers(root, threads - 1);
      return entries;
    }) as WalkFs['readdirSync'];
    const walk = walkFleet(root, { stat: false, fs: { ...nodeFs, readdirSync } });
    const writer = createCacheWriter(db, { fresh: true });
    const total = walk.files.length;
    db.exec('BEGIN');
    const walkInsert = db.prepare('INSERT INTO findings VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
    for (const f of walk.findings) walkInsert.run(findingRow(f, 'walk'));
    const workers = total >= PARALLEL_THRESHOLD ? threads - 1 : 0;
    if (workers === 0 && started !== null) {
      const unneeded: RowWorkers = started;
      started = null;
      await unneeded.stop();
    }
    const pool: RowWorkers = started ?? startRowWorkers(root, workers);
    // From here buildInParallel ends them, whatever happens.
    started = null;
    // Batches go in with multi-row INSERTs while no record id clashes; from the first clash on, through the writer, which settles it.
    const cross = collectCrossInput();
    const bulk = bulkWriter(db);
    let clashed = false;
    const policies = walk.files.filter((f) => f.kind === 'policy').length;
    let policiesParsed = 0;
    const sqls: string[] = [];
    let precompiled: Promise<CompileFn> | undefined;
    /** The schema the checks compile against (schemaSql: read once). */
    let schema: string[] | undefined;
    /** Each file as its rows have it (size and mtime of the bytes read), for the walk digest. */
    const walked: FleetFile[] = [];
    await buildInParallel(root, walk.files, pool, {
      write(rows) {
        for (let at = 0; at < rows.files.length; at += WIDTH.files) {
          walked.push({ path: rows.files[at] as string, kind: rows.files[at + 1] as FleetFile['kind'], size: rows.files[at + 2] as number, mtimeMs: rows.files[at + 3] as number });
        }
        // Once a batch clashed, the collector is not asked again (nor its mirror read).
        clashed ||= !cross.admit(rows);
        if (clashed) {
          for (const r of unpackRows(rows)) writer.write(r);
          return;
        }
        bulk(rows);
      },
      // Check SQL is compiled in a child process: start it once a check not compiled in this process before is parsed (policy files are parsed first), so its start-up overlaps the parse,
      // and give it every check's SQL once every policy file is parsed, so it compiles them while the rest is parsed.
      parsed(rows) {
        sqls.push(...checkSql(rows));
        policiesParsed += policyFiles(rows);
        if (compiler === null && notCompiled((schema ??= schemaSql(db)), sqls).length > 0) compiler = startCheckCompiler();
        if (compiler !== null && precompiled === undefined && policiesParsed === policies) {
          precompiled = compiler.precompile((schema ??= schemaSql(db)), sqls);
          // Awaited after the parse (and its error thrown there); until then, a failure must not count as unhandled.
          precompiled.catch(() => undefined);
        }
      },
      onProgress: options.onProgress,
    });
    db.exec(SORTED_INDEXES);
    // The answers are for the SQL of every check parsed: the checks table holds those (or, after a clash was settled, fewer).
    const compile = compiler ? await (precompiled ?? compiler.precompile(schemaSql(db), sqls)) : undefined;
    // Without a clash of ids, the rows collected are the tables' rows.
    crossCheck(db, FULL_SCOPE, fileReader(root), compile, clashed ? undefined : cross);
    const keep = db.prepare('INSERT INTO observations VALUES (?, ?, ?, ?, ?, ?)');
    for (const row of previous.rows) keep.run(row);
    const meta = db.prepare('INSERT INTO meta VALUES (?, ?)');
    meta.run('schema_version', String(SCHEMA_VERSION));
    meta.run('generator', generatorId());
    meta.run('complete', '1');
    // The content revision (contentRevision.ts): this build, then a count of the writes since.
    meta.run('build', randomUUID());
    meta.run('revision', '0');
    // The walk these tables agree with, for the first refresh (walkDigest.ts); not while a file is recorded racy (racyMtime.ts), which the next refresh compares again.
    if (smudgeRacyFiles(db, Date.now()) === 0) meta.run(WALK_KEY, walkValue(contentRevision(db), walkDigest({ files: walked, findings: walk.findings })));
    db.exec(CACHE_TRIGGERS);
    db.exec('COMMIT');
    db.pragma('journal_mode = WAL');
    db.close();
    for (const suffix of ['-wal', '-shm']) rmSync(target + suffix, { force: true });
    renameSync(tmp, target);
    return { files: total, observations: previous.rows.length, observationsLost: previous.unreadable };
  } catch (e) {
    if (db.open) db.close();
    rmSync(tmp, { force: true });
    if (started !== null) await stopAfter(started, e);
    throw e;
  } finally {
    compiler?.stop();
  }
}

