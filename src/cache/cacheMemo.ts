/**
 * The cache's `memo` table as a Memo (src/records/memo.ts): derived results
 * that are costly to recompute (the placement history, finding positions, the
 * named checks' results), each stored under a key naming what it depends on.
 * Like everything in the cache it is disposable: a rebuild starts it empty.
 * Writes are best effort only in the sense of being cheap: a failure to write
 * is an error like any other cache write. I/O (the cache).
 */
import type Database from 'better-sqlite3';
import type { Memo } from '../records/memo.js';

export function cacheMemo(db: Database.Database): Memo {
  const read = db.prepare('SELECT value FROM memo WHERE name = ? AND key = ?').pluck();
  const write = db.prepare('INSERT INTO memo (name, key, value) VALUES (?, ?, ?) ON CONFLICT (name) DO UPDATE SET key = excluded.key, value = excluded.value');
  return {
    get: (name, key) => (read.get(name, key) as string | undefined) ?? null,
    set: (name, key, value) => void write.run(name, key, value),
  };
}
