/** The cache's tables and views as the SQL that creates them: all that compiling check SQL needs (compileWorker.ts). I/O (the cache). */
import type Database from 'better-sqlite3';

export function schemaSql(db: Database.Database): string[] {
  return db.prepare(`SELECT sql FROM sqlite_master WHERE type IN ('table', 'view') AND sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY rowid`).pluck().all() as string[];
}
