/**
 * The directory `fleethub diff` materialises revisions in:
 * `.fleethub/review/tree/`, kept between runs with a record of what it holds
 * (`.fleethub/review/holds.json`: the commit and its files, path → blob id),
 * so the next diff writes only the files that differ from the last revision it held, and its cache
 * (`tree/.fleethub/cache.sqlite`) is refreshed, not rebuilt. Writing 30,000
 * files is most of a cold diff's time.
 *
 * - One diff at a time holds it (`.fleethub/review/lock`, created
 *   exclusively, naming its process); a second diff meanwhile works in a
 *   temporary directory of its own, removed afterwards. A lock whose process
 *   is gone is taken over.
 * - The record is removed before the directory is touched and written back
 *   only once it matches again: after a crash there is no record, and the
 *   directory is emptied and written whole.
 * I/O.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureStateDir } from './ensureStateDir.js';
import { EMPTY_DIR, type Materialised } from './materialiseRevision.js';

export interface ReviewTree {
  dir: string;
  /** What `dir` holds now (empty: nothing). */
  holds: Materialised;
  /** Records what `dir` holds once it is consistent again. */
  save(holds: Materialised): void;
  /** Lets go of the lock (or removes the temporary directory). */
  release(): void;
}

export function openReviewTree(root: string): ReviewTree {
  const base = join(ensureStateDir(root), 'review');
  mkdirSync(base, { recursive: true, mode: 0o700 });
  const lock = join(base, 'lock');
  if (!takeLock(lock)) {
    const dir = mkdtempSync(join(base, 'tmp-'));
    return { dir, holds: EMPTY_DIR, save: () => {}, release: () => rmSync(dir, { recursive: true, force: true }) };
  }
  const dir = join(base, 'tree');
  const record = join(base, 'holds.json');
  let holds: Materialised = EMPTY_DIR;
  try {
    const j = JSON.parse(readFileSync(record, 'utf8')) as { commit: unknown; files: unknown };
    if (typeof j.commit !== 'string' || !/^[0-9a-f]{40}$/.test(j.commit) || j.files === null || typeof j.files !== 'object') throw new Error('not a record of this version');
    holds = { commit: j.commit, files: new Map(Object.entries(j.files as Record<string, string>)) };
  } catch {
    rmSync(dir, { recursive: true, force: true }); // no record (first run, or a crash), or one this version cannot read: start empty
  }
  rmSync(record, { force: true });
  mkdirSync(dir, { recursive: true });
  return {
    dir,
    holds,
    save: (h) => writeFileSync(record, JSON.stringify({ commit: h.commit, files: Object.fromEntries(h.files) })),
    release: () => unlinkSync(lock),
  };
}

function takeLock(lock: string): boolean {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lock, String(process.pid), { flag: 'wx', mode: 0o600 });
      return true;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = Number(readFileSync(lock, 'utf8'));
      if (Number.isInteger(pid) && pid > 0 && alive(pid)) return false;
      rmSync(lock, { force: true }); // its process is gone
    }
  }
  return false;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
