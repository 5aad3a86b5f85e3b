/** Reads back what packRows.ts packed: the same FileRows, in the same order. Pure. */
import type { FileRows, RecordRows, Row } from './fileRows.js';

/** Values per row: a records row, an edges row, a findings row (the tables' column counts). */
const RECORD = 8;
const EDGE = 10;
const FINDING = 11;

export function unpackRows(flat: Row): FileRows[] {
  const out: FileRows[] = [];
  let i = 0;
  const record = (): RecordRows => {
    const r = { kind: flat[i] as string, id: flat[i + 1] as string, record: flat.slice(i + 2, i + 2 + RECORD) };
    i += 2 + RECORD;
    return r;
  };
  const rows = (n: number, width: number): Row[] => {
    const list: Row[] = new Array(n);
    for (let k = 0; k < n; k++, i += width) list[k] = flat.slice(i, i + width);
    return list;
  };
  while (i < flat.length) {
    const [path, kind, id, size, mtimeMs, hash, hasMain, subs, edges, findings] = flat.slice(i, (i += 10)) as [string, string, string, number, number, string, number, number, number, number];
    const main = hasMain === 1 ? record() : null;
    const subRows: RecordRows[] = new Array(subs);
    for (let k = 0; k < subs; k++) subRows[k] = record();
    out.push({ path, kind, id, size, mtimeMs, hash, main, subs: subRows, edges: rows(edges, EDGE), findings: rows(findings, FINDING) });
  }
  return out;
}
