import { WIDTH } from './packRows.js';
export function collectCrossInput() {
    /** kind → ids of the records added. */
    const records = new Map();
    /** Packed edges rows, batch by batch. */
    const edges = [];
    /** kind → id → the state of the first file (in write order) that declares the id and holds no record. */
    const broken = new Map();
    const idsOf = (kind) => {
        let ids = records.get(kind);
        if (ids === undefined)
            records.set(kind, (ids = new Set()));
        return ids;
    };
    return {
        admit(p) {
            // One pass that checks and adds.
            for (let at = 0; at < p.records.length; at += WIDTH.records) {
                const ids = idsOf(p.records[at]);
                const id = p.records[at + 1];
                if (ids.has(id))
                    return false;
                ids.add(id);
            }
            if (p.edges.length > 0)
                edges.push(p.edges);
            for (let k = 0; k < p.counts.length / 3; k++) {
                if (p.counts[k * 3] !== 0)
                    continue;
                const kind = p.files[k * WIDTH.files + 1];
                const id = p.files[k * WIDTH.files + 5];
                let ids = broken.get(kind);
                if (ids === undefined)
                    broken.set(kind, (ids = new Map()));
                if (!ids.has(id))
                    ids.set(id, 'invalid');
            }
            return true;
        },
        dangling() {
            const out = [];
            for (const e of edges) {
                for (let at = 0; at < e.length; at += WIDTH.edges) {
                    const dst_kind = e[at + 3];
                    const dst_id = e[at + 4];
                    if (records.get(dst_kind)?.has(dst_id) === true)
                        continue;
                    const [src_kind, src_id, rel, , , , file, pointer, line, col] = e.slice(at, at + WIDTH.edges);
                    out.push({ src_kind, src_id, rel, dst_kind, dst_id, file, pointer, line, col, state: broken.get(dst_kind)?.get(dst_id) ?? null });
                }
            }
            return out;
        },
        dependencyEdges(kind, rel) {
            const out = [];
            for (const e of edges) {
                for (let at = 0; at < e.length; at += WIDTH.edges) {
                    if (e[at] !== kind || e[at + 2] !== rel || e[at + 3] !== kind)
                        continue;
                    out.push({ src_id: e[at + 1], dst_id: e[at + 4], ord: e[at + 5], file: e[at + 6], pointer: e[at + 7], line: e[at + 8], col: e[at + 9] });
                }
            }
            // ORDER BY src_id, ord (ids are ASCII: string order is SQLite's byte order).
            return out.sort((a, b) => (a.src_id < b.src_id ? -1 : a.src_id > b.src_id ? 1 : a.ord - b.ord));
        },
    };
}
//# sourceMappingURL=collectCrossInput.js.map