/**
 * What the cross-record rules read, gathered from the rows as a cold build
 * writes them, so that crossCheck need not read them back from SQL: the keys
 * of the records written, the edges, and the state of files that hold no
 * record. It mirrors the tables only while no id clashed (a clash settles
 * which file keeps an id, and removes the other's rows): `mirrors` says
 * whether that held, and crossCheck reads SQL otherwise. Pure.
 */
import type { CrossInput, DepEdge, EdgeRow } from './crossCheck.js';
import type { FileRows, Row } from './fileRows.js';

export interface CrossCollector extends CrossInput {
  add(rows: FileRows): void;
}

export function collectCrossInput(): CrossCollector {
  /** kind → ids of the records written. */
  const records = new Map<string, Set<string>>();
  const edges: Row[] = [];
  /** kind → id → the state of the first file (in write order) that declares the id and holds no record. */
  const broken = new Map<string, Map<string, string>>();
  const idsOf = <T extends Set<string> | Map<string, string>>(by: Map<string, T>, kind: string, empty: () => T): T => {
    let ids = by.get(kind);
    if (ids === undefined) by.set(kind, (ids = empty()));
    return ids;
  };
  const written = (kind: string): Set<string> => idsOf(records, kind, () => new Set());
  return {
    add(rows) {
      if (!rows.main) {
        const ids = idsOf(broken, rows.kind, () => new Map());
        if (!ids.has(rows.id)) ids.set(rows.id, 'invalid');
        return;
      }
      written(rows.main.kind).add(rows.main.id);
      for (const s of rows.subs) written(s.kind).add(s.id);
      for (const e of rows.edges) edges.push(e);
    },
    dangling() {
      const out: EdgeRow[] = [];
      for (const e of edges) {
        const [src_kind, src_id, rel, dst_kind, dst_id, , file, pointer, line, col] = e as [string, string, string, string, string, number, string, string, number | null, number | null];
        if (records.get(dst_kind)?.has(dst_id) === true) continue;
        out.push({ src_kind, src_id, rel, dst_kind, dst_id, file, pointer, line, col, state: broken.get(dst_kind)?.get(dst_id) ?? null });
      }
      return out;
    },
    dependencyEdges(kind, rel) {
      const out: Array<DepEdge & { ord: number }> = [];
      for (const e of edges) {
        if (e[0] !== kind || e[2] !== rel || e[3] !== kind) continue;
        out.push({ src_id: e[1] as string, dst_id: e[4] as string, ord: e[5] as number, file: e[6] as string, pointer: e[7] as string, line: e[8] as number | null, col: e[9] as number | null });
      }
      // ORDER BY src_id, ord (ids are ASCII: string order is SQLite's byte order).
      return out.sort((a, b) => (a.src_id < b.src_id ? -1 : a.src_id > b.src_id ? 1 : a.ord - b.ord));
    },
  };
}
