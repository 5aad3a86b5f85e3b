/**
 * Writes one file's rows into the cache and removes them again. Callers wrap
 * calls in a transaction. Duplicate ids are settled the same way whatever the
 * order files arrive in: the record in the path that sorts first wins, and the
 * other file is kept out and gets a `duplicate-id` error. A file with errors
 * holds no record but keeps its id all the same (so fixing it never moves the
 * id to another file, and a cold build and a refresh agree).
 */
import type Database from 'better-sqlite3';
import { hintFor } from '../records/hints.js';
import { findingRow, type FileRows, type RecordRows, type Row } from './fileRows.js';
import { recordedMtime } from './racyMtime.js';

const INSERT_COLUMNS: Record<string, number> = { records: 8, edges: 10, findings: 11 };

/** Every table whose rows carry the path of the file they came from. */
const FILE_TABLES = ['records', 'edges'] as const;

export interface CacheWriter {
  /** Writes a file's rows, replacing whatever the cache held for that path. */
  write(rows: FileRows): void;
  /** Removes every row a path contributed. Returns the record keys it held (kind:id). */
  remove(path: string): string[];
  /**
   * Keeps a file out because the record `kind:id` in it duplicates one in
   * `winner`: after a bulk merge, where its rows went in unchecked.
   */
  evict(loser: string, clash: { kind: string; id: string; line: number; col: number; whole: boolean }, winner: string): void;
}

/** `fresh`: the database starts empty and each path is written once (a cold build), so nothing needs removing first. */
export function createCacheWriter(db: Database.Database, options: { fresh?: boolean } = {}): CacheWriter {
  const insert = new Map<string, Database.Statement>();
  for (const [table, n] of Object.entries(INSERT_COLUMNS)) {
    const verb = table === 'records' ? 'INSERT OR IGNORE' : 'INSERT';
    insert.set(table, db.prepare(`${verb} INTO ${table} VALUES (${new Array(n).fill('?').join(', ')})`));
  }
  const run = (table: string, values: Row): Database.RunResult => insert.get(table)!.run(values);
  const delByFile = FILE_TABLES.map((t) => db.prepare(`DELETE FROM ${t} WHERE file = ?`));
  const delFindings = db.prepare(`DELETE FROM findings WHERE file = ? AND origin = 'file'`);
  const delFile = db.prepare('DELETE FROM files WHERE path = ?');
  const keysOf = db.prepare('SELECT kind, id FROM records WHERE file = ?');
  const ownerOf = db.prepare('SELECT file, line, col FROM records WHERE kind = ? AND id = ?');
  const upsertFile = db.prepare('INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?, ?, ?)');
  const setState = db.prepare('UPDATE files SET state = ? WHERE path = ?');
  const delCheckRecord = db.prepare(`DELETE FROM records WHERE kind = 'check' AND id = ? AND file = ?`);
  const invalidBefore = db.prepare(`SELECT path FROM files WHERE kind = ? AND record_id = ? AND state = 'invalid' AND path < ? ORDER BY path LIMIT 1`).pluck();

  /** Deletes every record, edge and finding a file contributed, keeping its files row. */
  const clear = (path: string): string[] => {
    const keys = keysOf.all(path) as Array<{ kind: string; id: string }>;
    for (const d of delByFile) d.run(path);
    delFindings.run(path);
    return keys.map((k) => `${k.kind}:${k.id}`);
  };

  const duplicate = (loser: string, kind: string, id: string, at: { line: number; col: number }, winner: string, winnerInvalid = false): void => {
    const where = winner === loser ? 'earlier in this file' : `in ${winner}${winnerInvalid ? ' (whose file has errors: fix it, or rename one of the two)' : ''}`;
    run('findings', findingRow({ file: loser, line: at.line, col: at.col, severity: 'error', code: 'duplicate-id', message: `${kind} id '${id}' is already defined ${where}; this one is ignored`, hint: hintFor('duplicate-id'), kind, id }, 'file'));
    if (winner !== loser) setState.run('shadowed', loser);
  };

  /** Inserts a record row; on a clash, the path that sorts first keeps the id. */
  const claim = (r: RecordRows, path: string, whole: boolean): boolean => {
    const [, , , line, col] = r.record as [string, string, string, number, number];
    const invalid = whole ? (invalidBefore.get(r.kind, r.id, path) as string | undefined) : undefined;
    if (invalid !== undefined) {
      duplicate(path, r.kind, r.id, { line, col }, invalid, true);
      return false;
    }
    if (run('records', r.record).changes === 1) return true;
    const owner = ownerOf.get(r.kind, r.id) as { file: string; line: number; col: number } | undefined;
    if (owner === undefined) return false;
    if (path < owner.file) {
      if (whole) clear(owner.file);
      else delCheckRecord.run(r.id, owner.file);
      duplicate(owner.file, r.kind, r.id, owner, path);
      run('records', r.record);
      return true;
    }
    duplicate(path, r.kind, r.id, { line, col }, owner.file);
    return false;
  };

  const writer: CacheWriter = {
    remove(path) {
      const keys = clear(path);
      delFile.run(path);
      return keys;
    },
    write(rows) {
      if (!options.fresh) writer.remove(rows.path);
      const state = rows.main ? 'ok' : 'invalid';
      upsertFile.run(rows.path, rows.kind, rows.size, recordedMtime(rows.mtimeMs, Date.now()), rows.hash, rows.id, state);
      for (const f of rows.findings) run('findings', f);
      if (!rows.main) {
        // Its id stays this file's: a record of it in a file that sorts after is kept out.
        const owner = ownerOf.get(rows.kind, rows.id) as { file: string; line: number; col: number } | undefined;
        if (owner !== undefined && rows.path < owner.file) {
          clear(owner.file);
          duplicate(owner.file, rows.kind, rows.id, owner, rows.path, true);
        }
        return;
      }
      if (!claim(rows.main, rows.path, true)) return;
      for (const sub of rows.subs) claim(sub, rows.path, false);
      for (const e of rows.edges) run('edges', e);
    },
    evict(loser, clash, winner) {
      if (clash.whole) clear(loser);
      duplicate(loser, clash.kind, clash.id, clash, winner);
    },
  };
  return writer;
}
