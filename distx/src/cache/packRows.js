/** Values per row of each table packed (the tables' column counts). */
export const WIDTH = { files: 7, records: 8, edges: 10, findings: 11 };
export function packRows(list) {
    const out = { files: [], counts: [], records: [], edges: [], findings: [] };
    const push = (to, row) => {
        for (const v of row)
            to.push(v);
    };
    for (const f of list) {
        out.files.push(f.path, f.kind, f.size, f.mtimeMs, f.hash, f.id, f.main ? 'ok' : 'invalid');
        for (const x of f.findings)
            push(out.findings, x);
        if (f.main) {
            push(out.records, f.main.record);
            for (const s of f.subs)
                push(out.records, s.record);
            for (const e of f.edges)
                push(out.edges, e);
            out.counts.push(1 + f.subs.length, f.edges.length, f.findings.length);
        }
        else {
            out.counts.push(0, 0, f.findings.length);
        }
    }
    return out;
}
//# sourceMappingURL=packRows.js.map