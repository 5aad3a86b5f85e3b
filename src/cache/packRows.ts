/**
 * A batch of files' rows packed per table, each table's rows as one flat list
 * of strings and numbers: the form a worker thread posts them in (a structured
 * clone of a few flat arrays costs the receiver a third of what the same rows
 * as objects and nested arrays cost, measured on the 30,000-file fleet), and
 * the form the bulk writer binds to multi-row INSERTs (bulkWriter.ts). Rows
 * are in file order; `counts` says how many of each table's rows each file
 * contributed, so the rows can be given back per file (unpackRows.ts). A file
 * without a record contributes no records and no edges. Pure.
 */
import type { FileRows, Row } from './fileRows.js';

/** Values per row of each table packed (the tables' column counts). */
export const WIDTH = { files: 7, records: 8, edges: 10, findings: 11 } as const;

export interface PackedRows {
  /** `files` rows: path, kind, size, mtime_ms, hash, record_id, state ('ok' or 'invalid'). */
  files: Row;
  /** Per file: its number of records (0: none, else the main record and its sub-records), edges, findings. */
  counts: number[];
  records: Row;
  edges: Row;
  findings: Row;
}

export function packRows(list: FileRows[]): PackedRows {
  const out: PackedRows = { files: [], counts: [], records: [], edges: [], findings: [] };
  const push = (to: Row, row: Row): void => {
    for (const v of row) to.push(v);
  };
  for (const f of list) {
    out.files.push(f.path, f.kind, f.size, f.mtimeMs, f.hash, f.id, f.main ? 'ok' : 'invalid');
    for (const x of f.findings) push(out.findings, x);
    if (f.main) {
      push(out.records, f.main.record);
      for (const s of f.subs) push(out.records, s.record);
      for (const e of f.edges) push(out.edges, e);
      out.counts.push(1 + f.subs.length, f.edges.length, f.findings.length);
    } else {
      out.counts.push(0, 0, f.findings.length);
    }
  }
  return out;
}
