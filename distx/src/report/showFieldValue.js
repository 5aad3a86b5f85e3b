const MAX_VALUE = 120;
export function showFieldValue(f, side) {
    if (!(side in f))
        return '(none)';
    const s = JSON.stringify(f[side]) ?? String(f[side]);
    return s.length > MAX_VALUE ? `${s.slice(0, MAX_VALUE - 1)}…` : s;
}
//# sourceMappingURL=showFieldValue.js.map