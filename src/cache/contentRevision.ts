/**
 * A digest of everything a read-only query over the cache can see: every
 * table's rows (in rowid or primary-key order), the schema, and the generator
 * that built it — all but the memo table, which holds results derived from
 * this digest. Two caches with the same revision answer every deterministic
 * query alike, so a named check's result can be reused under it (the checks
 * step). About a millisecond per thousand rows. I/O (the cache).
 */
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';

/** Tables whose rows are not part of the revision: results memoised under it. */
export const NOT_IN_REVISION = new Set(['memo']);

export function contentRevision(db: Database.Database): string {
  const h = createHash('sha256');
  const schema = db.prepare(`SELECT type, name, sql FROM sqlite_master ORDER BY type, name`).raw().all() as Array<[string, string, string | null]>;
  for (const [type, name, sql] of schema) {
    h.update(`${type}\0${name}\0${sql ?? ''}\0`);
    if (type !== 'table' || NOT_IN_REVISION.has(name) || name.startsWith('sqlite_')) continue;
    // ORDER BY rowid (WITHOUT ROWID tables: their primary key order, which a plain scan follows).
    const rowid = !/WITHOUT\s+ROWID\s*$/i.test(sql ?? '');
    const rows = db.prepare(`SELECT * FROM "${name.replace(/"/g, '""')}"${rowid ? ' ORDER BY rowid' : ''}`).raw();
    for (const row of rows.iterate() as IterableIterator<unknown[]>) h.update(JSON.stringify(row, exactly)).update('\n');
    h.update('\0');
  }
  return h.digest('hex');
}

/** JSON of a row that keeps what SQLite keeps apart: blobs (as Buffer JSON) and big integers. */
function exactly(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? `bigint:${value}` : value;
}
