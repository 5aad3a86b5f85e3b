/** Safe Mermaid ids and label text, shared by every diagram fleethub draws. Pure. */
const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
/**
 * Mermaid ids for keys: each `[key, wanted]` gets `wanted` with anything but letters and
 * digits as `_` (callers prefix it, e.g. `n_`, so no id is a keyword such as `end`). Ids that
 * would collide get `_2`, `_3`… in sorted order, so the result is deterministic.
 */
export function mermaidIds(wanted) {
    const sorted = wanted.map(([k, id]) => [k, id.replace(/[^A-Za-z0-9]/g, '_')]).sort((a, b) => cmp(a[1], b[1]) || cmp(a[0], b[0]));
    const out = new Map();
    const taken = new Set();
    for (const [k, base] of sorted) {
        if (out.has(k))
            continue;
        let id = base;
        for (let i = 2; taken.has(id); i++)
            id = `${base}_${i}`;
        taken.add(id);
        out.set(k, id);
    }
    return out;
}
/**
 * Text for a Mermaid node label (quoted) or edge label (between pipes): every character but
 * letters, digits, space and `.:_-/·…` becomes a numeric entity (`#124;`), so no label can end
 * its string or pipe, separate a statement, open markup, or be read as an entity by accident.
 */
export function mermaidText(s) {
    return s.replace(/[^A-Za-z0-9 .:_\-/·…]/gu, (c) => `#${c.codePointAt(0)};`);
}
//# sourceMappingURL=mermaid.js.map