import { WIDTH } from './packRows.js';
export function unpackRows(p) {
    const out = [];
    let r = 0;
    let e = 0;
    let x = 0;
    const rows = (from, at, n, width) => Array.from({ length: n }, (_, k) => from.slice((at + k) * width, (at + k + 1) * width));
    for (let k = 0; k < p.counts.length / 3; k++) {
        const [path, kind, size, mtimeMs, hash, id] = p.files.slice(k * WIDTH.files, (k + 1) * WIDTH.files);
        const [records, edges, findings] = p.counts.slice(k * 3, k * 3 + 3);
        const recs = rows(p.records, r, records, WIDTH.records).map((record) => ({ kind: record[0], id: record[1], record }));
        out.push({ path, kind, id, size, mtimeMs, hash, main: recs[0] ?? null, subs: recs.slice(1), edges: rows(p.edges, e, edges, WIDTH.edges), findings: rows(p.findings, x, findings, WIDTH.findings) });
        r += records;
        e += edges;
        x += findings;
    }
    return out;
}
//# sourceMappingURL=unpackRows.js.map