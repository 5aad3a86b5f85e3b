import { parseRecordFile } from '../records/parseRecordFile.js';
/** Task fields that are layout, not meaning. */
const LAYOUT = new Set(['id', 'depth', 'box_col']);
export function recordVersion(path, kind, blob, bytes, validators) {
    const parsed = parseRecordFile(path, kind, bytes, validators);
    const own = parsed.records.find((r) => r.kind === kind && r.parent === null);
    const errors = parsed.findings.filter((f) => f.severity === 'error');
    if (!own || errors.length > 0) {
        return { path, kind, id: parsed.id, blob, value: null, problems: errors.map((f) => `${f.file}:${f.line}:${f.col}: ${f.message}`) };
    }
    const value = { ...own.data };
    if (kind === 'workplan') {
        const local = (ref) => (typeof ref === 'string' && ref.startsWith(`${parsed.id}/`) ? ref.slice(parsed.id.length + 1) : ref);
        const tasks = {};
        for (const r of parsed.records) {
            if (r.kind !== 'task')
                continue;
            const t = {};
            for (const [k, v] of Object.entries(r.data)) {
                if (LAYOUT.has(k) || (k === 'parent' && v === null))
                    continue;
                t[k] = k === 'parent' ? local(v) : k === 'depends' && Array.isArray(v) ? v.map(local) : v;
            }
            tasks[String(r.data.id)] = t;
        }
        value.tasks = tasks;
    }
    return { path, kind, id: parsed.id, blob, value, problems: [] };
}
//# sourceMappingURL=recordVersion.js.map