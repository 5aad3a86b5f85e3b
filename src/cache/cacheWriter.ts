/**
 * Writes one file's rows into the cache and removes them again. Callers wrap
 * calls in a transaction. Duplicate ids are settled the same way whatever the
 * order files arrive in: the record in the path that sorts first wins, and the
 * other file is kept out and gets a `duplicate-id` error.
 */
import type Database from 'better-sqlite3';
import { hintFor } from '../records/hints.js';
import { findingRow, type FileRows, type RecordRows, type Row } from './fileRows.js';

/** For each record kind, the rows it owns in other tables: [table, key column]. */
const OWNED_ROWS: Record<string, ReadonlyArray<[string, string]>> = {
  node: [
    ['nodes', 'id'],
    ['probes', 'node'],
  ],
  workload: [
    ['workloads', 'id'],
    ['listeners', 'workload'],
  ],
  intent: [['intents', 'id']],
  workplan: [['workplans', 'id']],
  task: [['tasks', 'key']],
  policy: [['policies', 'id']],
  check: [['checks', 'id']],
};

const INSERT_COLUMNS: Record<string, number> = {
  records: 8,
  nodes: 13,
  probes: 6,
  workloads: 14,
  listeners: 5,
  intents: 11,
  workplans: 5,
  tasks: 11,
  policies: 5,
  checks: 10,
  edges: 10,
  findings: 11,
};

export interface CacheWriter {
  /** Writes a file's rows, replacing whatever the cache held for that path. */
  write(rows: FileRows): void;
  /** Removes every row a path contributed. Returns the record keys it held (kind:id). */
  remove(path: string): string[];
}

/** `fresh`: the database starts empty and each path is written once (a cold build), so nothing needs removing first. */
export function createCacheWriter(db: Database.Database, options: { fresh?: boolean } = {}): CacheWriter {
  const insert = new Map<string, Database.Statement>();
  for (const [table, n] of Object.entries(INSERT_COLUMNS)) {
    const verb = table === 'records' ? 'INSERT OR IGNORE' : 'INSERT';
    insert.set(table, db.prepare(`${verb} INTO ${table} VALUES (${new Array(n).fill('?').join(', ')})`));
  }
  const delOwned = new Map(Object.entries(OWNED_ROWS).map(([kind, list]) => [kind, list.map(([t, col]) => db.prepare(`DELETE FROM ${t} WHERE ${col} = ?`))]));
  const delRecords = db.prepare('DELETE FROM records WHERE file = ?');
  const delEdges = db.prepare('DELETE FROM edges WHERE file = ?');
  /** Deletes every record row a file holds (and what those records own), keeping its files row. */
  const clear = (path: string): string[] => {
    const keys = keysOf.all(path) as Array<{ kind: string; id: string }>;
    for (const k of keys) for (const d of delOwned.get(k.kind) ?? []) d.run(k.id);
    delRecords.run(path);
    delEdges.run(path);
    delFindings.run(path);
    return keys.map((k) => `${k.kind}:${k.id}`);
  };
  const delFindings = db.prepare(`DELETE FROM findings WHERE file = ? AND origin = 'file'`);
  const delFile = db.prepare('DELETE FROM files WHERE path = ?');
  const keysOf = db.prepare('SELECT kind, id FROM records WHERE file = ?');
  const ownerOf = db.prepare('SELECT file FROM records WHERE kind = ? AND id = ?').pluck();
  const upsertFile = db.prepare('INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?, ?, ?)');
  const setState = db.prepare('UPDATE files SET state = ? WHERE path = ?');
  const delCheck = db.prepare('DELETE FROM checks WHERE id = ? AND file = ?');
  const delCheckRecord = db.prepare(`DELETE FROM records WHERE kind = 'check' AND id = ? AND file = ?`);
  const run = (table: string, values: Row): Database.RunResult => insert.get(table)!.run(values);

  const duplicate = (loserPath: string, r: RecordRows, winnerPath: string): void => {
    const [, , , line, col] = r.record as [string, string, string, number, number];
    const where = winnerPath === loserPath ? 'earlier in this file' : `in ${winnerPath}`;
    run('findings', findingRow({ file: loserPath, line, col, severity: 'error', code: 'duplicate-id', message: `${r.kind} id '${r.id}' is already defined ${where}; this one is ignored`, hint: hintFor('duplicate-id'), kind: r.kind, id: r.id }, 'file'));
    if (winnerPath !== loserPath) setState.run('shadowed', loserPath);
  };

  const insertRecord = (r: RecordRows): void => {
    for (const [table, values] of r.rows) run(table, values);
  };

  /** Inserts a record row; on a clash, the path that sorts first keeps the id. */
  const claim = (r: RecordRows, path: string, evictWhole: boolean): boolean => {
    if (run('records', r.record).changes === 1) return true;
    const owner = ownerOf.get(r.kind, r.id) as string | undefined;
    if (owner === undefined) return false;
    if (path < owner) {
      if (evictWhole) {
        clear(owner);
      } else {
        delCheck.run(r.id, owner);
        delCheckRecord.run(r.id, owner);
      }
      duplicate(owner, r, path);
      run('records', r.record);
      return true;
    }
    duplicate(path, r, owner);
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
      upsertFile.run(rows.path, rows.kind, rows.size, rows.mtimeMs, rows.hash, rows.id, state);
      for (const f of rows.findings) run('findings', f);
      if (!rows.main || !claim(rows.main, rows.path, true)) return;
      insertRecord(rows.main);
      for (const sub of rows.subs) {
        if (claim(sub, rows.path, false)) insertRecord(sub);
      }
      for (const e of rows.edges) run('edges', e);
    },
  };
  return writer;
}
