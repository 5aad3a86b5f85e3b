/** How many of each value (null counted as '(none)'), by value in code-point order: the summary counts of the fleet section. */
export function countBy(values) {
    const out = {};
    for (const v of values)
        out[v ?? '(none)'] = (out[v ?? '(none)'] ?? 0) + 1;
    return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : 1)));
}
//# sourceMappingURL=countBy.js.map