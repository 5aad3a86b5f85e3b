/**
 * Gives another directory's fleet a copy of this directory's cache, as a
 * consistent snapshot (VACUUM INTO, so a writer meanwhile cannot tear it),
 * without its memo table (results keyed by what they depend on, but
 * disposable: nothing is kept that a key might not name). The copy's
 * `files` rows name this directory's files' sizes and mtimes; it is only
 * right for a directory whose files are these very files (hard links:
 * fleethub diff's first run) except those written since, which a refresh
 * sees by their new mtime. No cache here: nothing is copied. I/O.
 */
import { renameSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { cachePath, ensureStateDir, openCacheFile } from './cacheFile.js';

export function copyCache(from: string, to: string): boolean {
  const db = openCacheFile(cachePath(from), { readonly: true });
  if (!db) return false;
  ensureStateDir(to);
  const target = cachePath(to);
  const tmp = `${target}.copy-${process.pid}`;
  try {
    rmSync(tmp, { force: true });
    db.prepare('VACUUM INTO ?').run(tmp);
  } finally {
    db.close();
  }
  const copy = new Database(tmp);
  try {
    copy.exec('DELETE FROM memo');
  } finally {
    copy.close();
  }
  for (const suffix of ['-wal', '-shm']) rmSync(target + suffix, { force: true });
  renameSync(tmp, target);
  return true;
}
