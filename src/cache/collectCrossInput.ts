/**
 * What the cross-record rules read, gathered from the rows as a cold build
 * writes them, so that crossCheck need not read them back from SQL: the keys
 * of the records written, the edges, and the state of files that hold no
 * record. It mirrors the tables while every batch was admitted (no record id
 * in it was taken already, or twice in it): then no clash had to be settled,
 * and every row went in as packed. Pure.
 */
import type { CrossInput, DepEdge, EdgeRow } from './crossCheck.js';
import type { Row } from './fileRows.js';
import { WIDTH, type PackedRows } from './packRows.js';

export interface CrossCollector extends CrossInput {
  /**
   * Adds `p`, if no record id in it is taken by a record added before, or
   * twice in it; else returns false, and from then on mirrors nothing (the
   * caller settles the clash in SQL and cross-checks there).
   */
  admit(p: PackedRows): boolean;
}

export function collectCrossInput(): CrossCollector {
  /** kind → ids of the records added. */
  const records = new Map<string, Set<string>>();
  /** Packed edges rows, batch by batch. */
  const edges: Row[] = [];
  /** kind → id → the state of the first file (in write order) that declares the id and holds no record. */
  const broken = new Map<string, Map<string, string>>();
  const idsOf = (kind: string): Set<string> => {
    let ids = records.get(kind);
    if (ids === undefined) records.set(kind, (ids = new Set()));
    return ids;
  };
  return {
    admit(p) {
      // One pass that checks and adds.
      for (let at = 0; at < p.records.length; at += WIDTH.records) {
        const kind = p.records[at] as string;
        const ids = idsOf(kind);
        const id = p.records[at + 1] as string;
        // Taken by a record, or declared by a file with errors before it: a clash the writer settles.
        if (ids.has(id) || broken.get(kind)?.has(id) === true) return false;
        ids.add(id);
      }
      if (p.edges.length > 0) edges.push(p.edges);
      for (let k = 0; k < p.counts.length / 3; k++) {
        if (p.counts[k * 3] !== 0) continue;
        const kind = p.files[k * WIDTH.files + 1] as string;
        const id = p.files[k * WIDTH.files + 5] as string;
        if (records.get(kind)?.has(id) === true) return false;
        let ids = broken.get(kind);
        if (ids === undefined) broken.set(kind, (ids = new Map()));
        if (!ids.has(id)) ids.set(id, 'invalid');
      }
      return true;
    },
    dangling() {
      const out: EdgeRow[] = [];
      for (const e of edges) {
        for (let at = 0; at < e.length; at += WIDTH.edges) {
          const dst_kind = e[at + 3] as string;
          const dst_id = e[at + 4] as string;
          if (records.get(dst_kind)?.has(dst_id) === true) continue;
          const [src_kind, src_id, rel, , , , file, pointer, line, col] = e.slice(at, at + WIDTH.edges) as [string, string, string, string, string, number, string, string, number | null, number | null];
          out.push({ src_kind, src_id, rel, dst_kind, dst_id, file, pointer, line, col, state: broken.get(dst_kind)?.get(dst_id) ?? null });
        }
      }
      return out;
    },
    dependencyEdges(kind, rel) {
      const out: Array<DepEdge & { ord: number }> = [];
      for (const e of edges) {
        for (let at = 0; at < e.length; at += WIDTH.edges) {
          if (e[at] !== kind || e[at + 2] !== rel || e[at + 3] !== kind) continue;
          out.push({ src_id: e[at + 1] as string, dst_id: e[at + 4] as string, ord: e[at + 5] as number, file: e[at + 6] as string, pointer: e[at + 7] as string, line: e[at + 8] as number | null, col: e[at + 9] as number | null });
        }
      }
      // ORDER BY src_id, ord (ids are ASCII: string order is SQLite's byte order).
      return out.sort((a, b) => (a.src_id < b.src_id ? -1 : a.src_id > b.src_id ? 1 : a.ord - b.ord));
    },
  };
}
