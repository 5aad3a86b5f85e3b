/**
 * Every record of one kind as the cache holds it, with its data parsed once,
 * sorted by id: the load step reads the workloads and the nodes this way and
 * the later steps build their own views from these (the board's, the
 * policies', the scopes'), where each used to query the `workloads` and
 * `nodes` views again. One plain read of `records` and a JSON.parse per row
 * cost less than the views' JSON extractions (seven to ten per row) and the
 * listeners' json_each: on the 30,000-file fleet one evaluation read the nodes
 * four times and the workloads twice. Text that does not parse is a damaged
 * cache (CacheDataError, naming the view's table), never read as `{}`. Reads
 * the database only.
 */
import type Database from 'better-sqlite3';
import { CacheDataError } from '../errors.js';

export interface ParsedRecord {
  id: string;
  title: string | null;
  file: string;
  /** The record's fields (a mapping: the schema made it one). */
  data: Record<string, unknown>;
}

const TABLE = { workload: 'workloads', node: 'nodes' } as const;

export function readParsedRecords(db: Database.Database, kind: keyof typeof TABLE): ParsedRecord[] {
  const rows = db.prepare(`SELECT id, title, file, data FROM records WHERE kind = ? ORDER BY id`).all(kind) as Array<{ id: string; title: string | null; file: string; data: string }>;
  return rows.map((r) => {
    let data: unknown;
    try {
      data = JSON.parse(r.data);
    } catch (e) {
      throw new CacheDataError(TABLE[kind], r.id, (e as Error).message);
    }
    if (data === null || typeof data !== 'object' || Array.isArray(data)) throw new CacheDataError(TABLE[kind], r.id, 'not a JSON object');
    return { id: r.id, title: r.title, file: r.file, data: data as Record<string, unknown> };
  });
}
