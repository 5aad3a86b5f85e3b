import { compareFindings } from '../records/finding.js';
import { findingRecord } from '../records/findingRecord.js';
/** `stepFindings`: what only the step between the revisions shows (changeFindings): introduced as they are. */
export function findingImpact(before, after, records, stepFindings = []) {
    const renamedId = new Map();
    const renamedPath = new Map();
    for (const r of records) {
        if (r.change !== 'renamed')
            continue;
        if (r.fromId)
            renamedId.set(`${r.kind}:${r.fromId}`, `${r.kind}:${r.id}`);
        if (r.from && r.to)
            renamedPath.set(r.from, r.to);
    }
    const keyBefore = (f) => {
        const rec = findingRecord(f);
        return `${f.code}\u0000${renamedId.get(rec) ?? renamedPath.get(rec) ?? rec}`;
    };
    const keyAfter = (f) => `${f.code}\u0000${findingRecord(f)}`;
    const unmatched = (mine, key, theirs, theirKey) => {
        const available = new Map();
        for (const f of theirs)
            available.set(theirKey(f), (available.get(theirKey(f)) ?? 0) + 1);
        const out = [];
        for (const f of [...mine].sort(compareFindings)) {
            const k = key(f);
            const n = available.get(k) ?? 0;
            if (n > 0)
                available.set(k, n - 1);
            else
                out.push(f);
        }
        return out;
    };
    return { introduced: [...unmatched(after, keyAfter, before, keyBefore), ...stepFindings].sort(bySeverity), resolved: unmatched(before, keyBefore, after, keyAfter).sort(bySeverity) };
}
const bySeverity = (a, b) => (a.severity === b.severity ? compareFindings(a, b) : a.severity === 'error' ? -1 : 1);
//# sourceMappingURL=findingImpact.js.map