export function findingRecord(f) {
    return f.kind && f.id ? `${f.kind}:${f.id}` : f.file;
}
//# sourceMappingURL=findingRecord.js.map