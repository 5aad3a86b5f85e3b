export function refPaths(schemas, name) {
    const out = [];
    const resolve = (ref, base) => {
        const [file, pointer = ''] = ref.split('#');
        const doc = file ? file.replace(/\.schema\.json$/, '') : base;
        let node = schemas[doc];
        for (const seg of pointer.split('/').filter(Boolean))
            node = node[seg];
        return [node, doc];
    };
    const walk = (s, doc, path, depth) => {
        if (depth > 20)
            return;
        if (typeof s['x-ref'] === 'string')
            out.push({ path, kind: s['x-ref'] });
        if (typeof s.$ref === 'string') {
            const [target, targetDoc] = resolve(s.$ref, doc);
            walk(target, targetDoc, path, depth + 1);
        }
        for (const [key, sub] of Object.entries((s.properties ?? {})))
            walk(sub, doc, [...path, key], depth + 1);
        if (s.items && typeof s.items === 'object')
            walk(s.items, doc, [...path, '*'], depth + 1);
    };
    walk(schemas[name], name, [], 0);
    return out;
}
/** The references a valid record makes, with JSON pointers, in schema order. */
export function collectRefs(data, paths) {
    const out = [];
    for (const p of paths) {
        const visit = (v, i, pointer) => {
            if (i === p.path.length) {
                if (typeof v === 'string')
                    out.push({ kind: p.kind, id: v, pointer });
                return;
            }
            const seg = p.path[i];
            if (seg === '*') {
                if (Array.isArray(v))
                    v.forEach((item, n) => visit(item, i + 1, `${pointer}/${n}`));
            }
            else if (v !== null && typeof v === 'object' && !Array.isArray(v) && seg in v) {
                visit(v[seg], i + 1, `${pointer}/${seg.replace(/~/g, '~0').replace(/\//g, '~1')}`);
            }
        };
        visit(data, 0, '');
    }
    return out;
}
/** A schema name as a JavaScript export name (promotion-gate → promotion_gate). */
export function exportName(name) {
    return name.replace(/-/g, '_');
}
//# sourceMappingURL=refPaths.js.map