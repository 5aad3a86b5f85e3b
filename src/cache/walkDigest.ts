/**
 * What a whole-tree refresh saw, kept in the cache so the next one can tell
 * "nothing changed" without reading the `files` table back: a digest of the
 * walk (every file's path, kind, size and mtime, and the walk's own
 * findings), stored in meta's `walk` beside the content revision it was taken
 * at (contentRevision.ts). The next walk with the same digest, under the same
 * revision (no row written since, by this process or any other), finds the
 * table as the last one left it: equal to the walk. Any write to the tables
 * advances the revision and so retires the digest; a copy of the cache
 * (copyCache.ts) drops it; a cold build records the walk it read. On the 30,000-file fleet it saves the read of
 * 30,000 rows and their compare (~60 ms of a ~250 ms warm refresh). I/O (the
 * cache's meta table); walkDigest itself is pure.
 */
import { hash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Walk } from '../repo/walkFleet.js';
import { contentRevision } from './contentRevision.js';

export const WALK_KEY = 'walk';

export function walkDigest(walk: Walk): string {
  const lines: string[] = [];
  for (const f of walk.files) lines.push(`${f.path}\t${f.kind}\t${f.size}\t${f.mtimeMs}`);
  for (const f of walk.findings) lines.push(`\0${f.file}\t${f.code}\t${f.message}`);
  return hash('sha1', lines.join('\n'), 'base64');
}

/** Meta's `walk`: the tables at `revision` agree with the walk of this digest. */
export function walkValue(revision: string, digest: string): string {
  return `${revision} ${digest}`;
}

/** Whether the cache's tables are as the refresh that saw a walk with this digest left them. */
export function walkUnchanged(db: Database.Database, digest: string): boolean {
  const stored = db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(WALK_KEY) as string | undefined;
  return stored === walkValue(contentRevision(db), digest);
}

/**
 * Records that the tables agreed with the walk of this digest at `revision` (after the refresh's own writes); not
 * when another writer has moved them on since, whose rows this walk may not have seen.
 */
export function recordWalk(db: Database.Database, digest: string, revision: string): void {
  db.transaction(() => {
    if (contentRevision(db) !== revision) return;
    const value = walkValue(revision, digest);
    const stored = db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(WALK_KEY) as string | undefined;
    if (stored !== value) db.prepare('INSERT OR REPLACE INTO meta VALUES (?, ?)').run(WALK_KEY, value);
  }).immediate();
}
