/**
 * Replaces the walk's findings at `paths` with `findings` (each at one of
 * those paths): what a walk of the whole tree would leave there when only
 * those paths changed, for a cache refreshed path by path (fleethub diff's
 * overlays, whose directories hold a few files and read the rest from the
 * working tree, so they cannot be walked). One transaction. I/O (the cache).
 */
import type Database from 'better-sqlite3';
import type { Finding } from '../records/finding.js';
import { findingRow } from './fileRows.js';

export function patchWalkFindings(db: Database.Database, paths: readonly string[], findings: readonly Finding[]): void {
  if (paths.length === 0) return;
  const remove = db.prepare(`DELETE FROM findings WHERE origin = 'walk' AND file = ?`);
  const insert = db.prepare('INSERT INTO findings VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  db.transaction(() => {
    for (const p of paths) remove.run(p);
    for (const f of findings) insert.run(findingRow(f, 'walk'));
  })();
}
