export function fileRows(parsed, stat) {
    const [main, ...subs] = parsed.records;
    return {
        path: parsed.path,
        kind: parsed.kind,
        id: parsed.id,
        ...stat,
        main: main ? recordRows(main, parsed.path) : null,
        subs: subs.map((r) => recordRows(r, parsed.path)),
        edges: parsed.edges.map((e) => [e.srcKind, e.srcId, e.rel, e.dstKind, e.dstId, e.ord, parsed.path, e.pointer, e.line, e.col]),
        findings: parsed.findings.map((f) => findingRow(f, 'file')),
    };
}
export function findingRow(f, origin, related = null) {
    return [f.file, f.line, f.col, f.severity, f.code, f.message, f.hint ?? null, f.kind ?? null, f.id ?? null, related, origin];
}
function recordRows(r, file) {
    return { kind: r.kind, id: r.id, record: [r.kind, r.id, file, r.line, r.col, r.title, r.parent, JSON.stringify(r.data)] };
}
//# sourceMappingURL=fileRows.js.map