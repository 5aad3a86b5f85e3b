/**
 * The two directories `fleethub diff` materialises revisions in, one per side
 * of the range so the two are evaluated at once: `.fleethub/review/tree/`
 * (the later revision) and `.fleethub/review/base/` (the earlier one), each
 * kept between runs with a record of what it holds (`holds.json`,
 * `base.json`: the commit and its files' paths and blob ids), so the next diff
 * writes only the files that differ from the revision that side last held
 * (nothing, for a pull request's merge base), and its cache
 * (`<dir>/.fleethub/cache.sqlite`) is refreshed, not rebuilt. Writing 30,000
 * files is most of a cold diff's time.
 *
 * - One diff at a time holds it (`.fleethub/review/lock`, created
 *   exclusively, naming its process); a second diff meanwhile works in a
 *   temporary directory of its own, removed afterwards. A lock whose process
 *   is gone is taken over.
 * - The record is removed before the directory is touched (`touch`) and
 *   written back only once it matches again: after a crash there is no
 *   record, and the directory is emptied and written whole. A slot a diff
 *   does not use keeps its record as it was.
 * I/O.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureStateDir } from './ensureStateDir.js';
import { EMPTY_DIR, type Materialised } from './materialiseRevision.js';
import { processAlive } from './processAlive.js';

export interface ReviewSlot {
  dir: string;
  /** What `dir` holds now (empty: nothing). */
  holds: Materialised;
  /**
   * Null: `dir` holds the revision whole. Otherwise `dir` is an overlay on
   * the working tree as it held this commit: only the files that differ from
   * that commit's are in `dir` (fleethub diff reads the rest from the
   * working tree, and uses the overlay only while the working tree holds
   * that commit).
   */
  over: string | null;
  /** Where `save` writes the record; null for a directory that keeps none (a second diff's temporary one). */
  record: string | null;
  /** Forgets the record before anything writes in `dir` (idempotent): until `save`, a crash leaves no record. */
  touch(): void;
  /** Records what `dir` holds once it is consistent again. */
  save(holds: Materialised, over?: string | null): void;
  /** Empties `dir` (and forgets its record): it then holds nothing. */
  clear(): void;
}

export interface ReviewTree {
  /** The earlier revision's directory and the later one's. */
  from: ReviewSlot;
  to: ReviewSlot;
  /** Lets go of the lock (or removes the temporary directory). */
  release(): void;
}

export function openReviewTree(root: string): ReviewTree {
  const base = join(ensureStateDir(root), 'review');
  mkdirSync(base, { recursive: true, mode: 0o700 });
  const lock = join(base, 'lock');
  if (!takeLock(lock)) {
    const dir = mkdtempSync(join(base, 'tmp-'));
    const slot = (name: string): ReviewSlot => {
      mkdirSync(join(dir, name));
      return { dir: join(dir, name), holds: EMPTY_DIR, over: null, record: null, touch: () => {}, save: () => {}, clear: () => {} };
    };
    return { from: slot('base'), to: slot('tree'), release: () => rmSync(dir, { recursive: true, force: true }) };
  }
  return { from: openSlot(join(base, 'base'), join(base, 'base.json')), to: openSlot(join(base, 'tree'), join(base, 'holds.json')), release: () => unlinkSync(lock) };
}

const COMMIT = /^[0-9a-f]{40}$/;

function openSlot(dir: string, record: string): ReviewSlot {
  let holds: Materialised = EMPTY_DIR;
  let over: string | null = null;
  try {
    const j = JSON.parse(readFileSync(record, 'utf8')) as { commit: unknown; paths: unknown; oids: unknown; over?: unknown };
    const { paths, oids } = j;
    if (typeof j.commit !== 'string' || !COMMIT.test(j.commit) || !Array.isArray(paths) || !Array.isArray(oids) || paths.length !== oids.length) throw new Error('not a record of this version');
    if (j.over !== undefined && (typeof j.over !== 'string' || !COMMIT.test(j.over))) throw new Error('not a record of this version');
    const files = new Map<string, string>();
    for (let i = 0; i < paths.length; i++) {
      const path: unknown = paths[i];
      const oid: unknown = oids[i];
      if (typeof path !== 'string' || typeof oid !== 'string') throw new Error('not a record of this version');
      files.set(path, oid);
    }
    holds = { commit: j.commit, files };
    over = j.over ?? null;
  } catch {
    rmSync(dir, { recursive: true, force: true }); // no record (first run, or a crash), or one this version cannot read: start empty
  }
  mkdirSync(dir, { recursive: true });
  const slot: ReviewSlot = {
    dir,
    holds,
    over,
    record,
    touch: () => rmSync(record, { force: true }),
    save: (h, on = null) => writeReviewRecord(record, h, on),
    clear: () => {
      slot.touch();
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
      slot.holds = EMPTY_DIR;
      slot.over = null;
    },
  };
  return slot;
}

/**
 * A slot's record of what its directory holds (and, for an overlay, the commit it lies on): ReviewSlot.save, or a
 * worker thread evaluating that slot. The files as two lists (paths, and their blob ids in the same order): read
 * back on the command's thread at the start of every diff, 30,000 of them parse about three times faster than as
 * one object keyed by path.
 */
export function writeReviewRecord(record: string, holds: Materialised, over: string | null = null): void {
  writeFileSync(record, JSON.stringify({ commit: holds.commit, ...(over ? { over } : {}), paths: [...holds.files.keys()], oids: [...holds.files.values()] }));
}

function takeLock(lock: string): boolean {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lock, String(process.pid), { flag: 'wx', mode: 0o600 });
      return true;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = Number(readFileSync(lock, 'utf8'));
      if (Number.isInteger(pid) && pid > 0 && processAlive(pid)) return false;
      rmSync(lock, { force: true }); // its process is gone
    }
  }
  return false;
}
