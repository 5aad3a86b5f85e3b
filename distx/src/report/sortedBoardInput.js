import { findingRecord } from '../records/findingRecord.js';
/** Sorted copies already made: every board section asks for one, the input is sorted once. */
const sortedCopies = new WeakMap();
export function sortedBoardInput(input) {
    const known = sortedCopies.get(input);
    if (known)
        return known;
    const sorted = {
        nodes: inOrder(input.nodes, byNode),
        workloads: inOrder(input.workloads.map((w) => (isSorted(w.listeners, byListener) ? w : { ...w, listeners: [...w.listeners].sort(byListener) })), byWorkload),
        findings: inOrder(input.findings, byFinding),
    };
    sortedCopies.set(input, sorted);
    sortedCopies.set(sorted, sorted);
    return sorted;
}
function isSorted(list, by) {
    for (let i = 1; i < list.length; i++)
        if (by(list[i - 1], list[i]) > 0)
            return false;
    return true;
}
/** The list itself when already in order (the common case: the cache hands rows over sorted), else a sorted copy. */
function inOrder(list, by) {
    return isSorted(list, by) ? list : [...list].sort(by);
}
const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
const whole = (a, b) => cmp(JSON.stringify(a), JSON.stringify(b));
const byNode = (a, b) => cmp(a.id, b.id) || whole(a, b);
const byWorkload = (a, b) => cmp(a.id, b.id) || whole(a, b);
const byListener = (a, b) => a.port - b.port || cmp(a.protocol, b.protocol) || cmp(a.edge_role ?? '', b.edge_role ?? '') || whole(a, b);
const SEVERITY_ORDER = { error: 0, warning: 1 };
const byFinding = (a, b) => (SEVERITY_ORDER[a.severity] ?? 2) - (SEVERITY_ORDER[b.severity] ?? 2) ||
    cmp(a.code, b.code) ||
    cmp(findingRecord(a), findingRecord(b)) ||
    cmp(a.message, b.message);
//# sourceMappingURL=sortedBoardInput.js.map