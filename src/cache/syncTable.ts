/**
 * Makes a table whose first column is its primary key hold exactly `rows`,
 * writing only the rows that differ and deleting those no longer there, in
 * one transaction: a run that changes nothing writes nothing, so the content
 * revision (contentRevision.ts) stays put and the checks' results are
 * reused. Values are compared as SQLite returns them (text, integer, real,
 * null). I/O (the cache).
 */
import type Database from 'better-sqlite3';

export type Row = ReadonlyArray<string | number | null>;

export function syncTable(db: Database.Database, table: string, rows: Iterable<Row>): void {
  const have = new Map<unknown, string>();
  for (const r of db.prepare(`SELECT * FROM ${table}`).raw().all() as unknown[][]) have.set(r[0], JSON.stringify(r));
  let put: Database.Statement | undefined;
  db.transaction(() => {
    for (const row of rows) {
      const known = have.get(row[0]);
      have.delete(row[0]);
      if (known === JSON.stringify(row)) continue;
      put ??= db.prepare(`INSERT OR REPLACE INTO ${table} VALUES (${row.map(() => '?').join(', ')})`);
      put.run(...row);
    }
    if (have.size > 0) {
      const columns = db.prepare(`SELECT name FROM pragma_table_info(?) WHERE pk = 1`).pluck().get(table) as string;
      const drop = db.prepare(`DELETE FROM ${table} WHERE ${columns} = ?`);
      for (const key of have.keys()) drop.run(key);
    }
  })();
}
