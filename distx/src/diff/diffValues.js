export const IDENTITY_KEYS = ['id', 'node', 'host', 'name', 'wave'];
export function diffValues(before, after, path = '') {
    const out = [];
    walk(before, after, path, out);
    return out;
}
function walk(a, b, path, out) {
    if (isMapping(a) && isMapping(b)) {
        for (const key of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort())
            walk(a[key], b[key], `${path}/${escape(key)}`, out);
        return;
    }
    if (Array.isArray(a) && Array.isArray(b)) {
        walkLists(a, b, path, out);
        return;
    }
    if (a === undefined && b === undefined)
        return;
    if (a !== undefined && b !== undefined && sameValue(a, b))
        return;
    out.push({ path, ...(a === undefined ? {} : { old: a }), ...(b === undefined ? {} : { new: b }) });
}
function walkLists(a, b, path, out) {
    const key = identityKey(a, b);
    if (key !== null) {
        const before = new Map(a.map((item) => [String(item[key]), item]));
        const after = new Map(b.map((item) => [String(item[key]), item]));
        for (const id of [...new Set([...after.keys(), ...before.keys()])])
            walk(before.get(id), after.get(id), `${path}/${escape(id)}`, out);
        return;
    }
    if ([...a, ...b].every(isScalar)) {
        const counts = new Map();
        for (const [list, sign] of [[a, -1], [b, 1]]) {
            for (const v of list) {
                const k = JSON.stringify(v);
                const c = counts.get(k) ?? { value: v, n: 0 };
                c.n += sign;
                counts.set(k, c);
            }
        }
        for (const { value, n } of counts.values()) {
            for (let i = 0; i < Math.abs(n); i++)
                out.push({ path: `${path}/${escape(String(value))}`, ...(n < 0 ? { old: value } : { new: value }) });
        }
        return;
    }
    for (let i = 0; i < Math.max(a.length, b.length); i++)
        walk(a[i], b[i], `${path}/${i}`, out);
}
/** The identity key every item of both lists carries, unique on each side, or null. */
function identityKey(a, b) {
    const all = [...a, ...b];
    if (all.length === 0 || !all.every(isMapping))
        return null;
    for (const key of IDENTITY_KEYS) {
        const unique = (list) => new Set(list.map((i) => String(i[key]))).size === list.length;
        if (all.every((i) => typeof i[key] === 'string' || typeof i[key] === 'number') && unique(a) && unique(b))
            return key;
    }
    return null;
}
/** Whether two values are the same data (mappings regardless of key order). */
export function sameValue(a, b) {
    return canonical(a) === canonical(b);
}
export function canonical(v) {
    if (Array.isArray(v))
        return `[${v.map(canonical).join(',')}]`;
    if (isMapping(v))
        return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`).join(',')}}`;
    return JSON.stringify(v instanceof Date ? v.toISOString() : v) ?? 'undefined';
}
const isMapping = (v) => v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date);
const isScalar = (v) => v === null || ['string', 'number', 'boolean'].includes(typeof v);
const escape = (segment) => segment.replace(/~/g, '~0').replace(/\//g, '~1');
//# sourceMappingURL=diffValues.js.map