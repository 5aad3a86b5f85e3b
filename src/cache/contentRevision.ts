/**
 * The revision of everything a read-only query over the cache can see: the
 * build that made the file (meta's `build`, a random id per cold build) and
 * the count of writes since (meta's `revision`), which triggers on every
 * table but `meta` and `memo` advance on each row inserted, updated or
 * deleted (cacheSchema.ts, CACHE_TRIGGERS). Within one cache file, two equal
 * revisions mean no row changed in between, so a named check's result can be
 * reused under it (the checks step); a write that leaves a row as it was
 * still counts (a needless re-run, never a stale result). The memo table,
 * which holds results keyed by this revision, does not count, and copyCache
 * drops it from a copy. Reading it costs one row, where a digest of every
 * row cost 0.4 s on the 30,000-file fleet. I/O (the cache).
 */
import type Database from 'better-sqlite3';
import { FleethubError } from '../errors.js';

export function contentRevision(db: Database.Database): string {
  const row = db.prepare(`SELECT (SELECT value FROM meta WHERE key = 'build') AS build, (SELECT value FROM meta WHERE key = 'revision') AS revision`).get() as { build: string | null; revision: string | number | null };
  if (row.build === null || row.revision === null) throw new FleethubError('cache-corrupt', "the cache has no content revision (meta's build and revision); run 'fleethub rebuild' to rebuild the cache from the files", { table: 'meta' });
  return `${row.build}:${row.revision}`;
}
