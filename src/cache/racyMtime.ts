/**
 * Git's racily-clean rule for the `files` table. A file is compared by size
 * and mtime; an edit that keeps the size within the file system's timestamp
 * granularity of the moment it was read leaves both unchanged, and would
 * never be seen. So a file whose mtime is that close to the moment its row is
 * written is recorded with mtime -1 ("not trusted yet"): the next refresh
 * that compares it reads it again (its hash decides whether it changed), and
 * then records the real mtime. The granularity is told from the mtime itself:
 * a whole second (FAT, HFS+, some network file systems) gets 2 s, anything
 * finer the kernel's coarse clock, 20 ms. Pure, but for the SQL helpers.
 */
import type Database from 'better-sqlite3';

export const RACY_MTIME = -1;
const COARSE_MS = 20;
const SECONDS_MS = 2000;

/** Whether an mtime is too close to `now` (when the row is written) to be trusted. */
export function racy(mtimeMs: number, now: number): boolean {
  return mtimeMs > now - (mtimeMs % 1000 === 0 ? SECONDS_MS : COARSE_MS);
}

/** The mtime to record for a file read with `mtimeMs`, its row written at `now`. */
export function recordedMtime(mtimeMs: number, now: number): number {
  return racy(mtimeMs, now) ? RACY_MTIME : mtimeMs;
}

/** Marks the racy rows of a bulk write (a cold build) after the fact; how many. */
export function smudgeRacyFiles(db: Database.Database, now: number): number {
  return db
    .prepare(`UPDATE files SET mtime_ms = ${RACY_MTIME} WHERE mtime_ms > @now - ${SECONDS_MS} AND (mtime_ms > @now - ${COARSE_MS} OR (mtime_ms = CAST(mtime_ms AS INTEGER) AND CAST(mtime_ms AS INTEGER) % 1000 = 0))`)
    .run({ now }).changes;
}

/** Whether any row is recorded racy: then the tables cannot be said to agree with a walk by its digest. */
export function hasRacyFiles(db: Database.Database): boolean {
  return db.prepare(`SELECT 1 FROM files WHERE mtime_ms = ${RACY_MTIME} LIMIT 1`).pluck().get() !== undefined;
}
