export function indexNodes(nodes) {
    const byArea = new Map();
    for (const n of nodes)
        if (n.area !== undefined)
            (byArea.get(n.area) ?? byArea.set(n.area, []).get(n.area)).push(n);
    const labels = new Map();
    const byLabel = (k, v) => {
        let values = labels.get(k);
        if (!values) {
            values = new Map();
            for (const n of nodes) {
                const x = n.labels?.[k];
                if (x !== undefined)
                    (values.get(x) ?? values.set(x, []).get(x)).push(n);
            }
            labels.set(k, values);
        }
        return values.get(v) ?? [];
    };
    return { all: nodes, byId: new Map(nodes.map((n) => [n.id, n])), byArea, byLabel };
}
export function matchesScope(node, scope) {
    return scopePredicate(scope)(node);
}
const compiled = new WeakMap();
/** The scope as a test of one node, made once per scope object (sets, not list scans). */
export function scopePredicate(scope) {
    let test = compiled.get(scope);
    if (test)
        return test;
    const set = (xs) => (xs ? new Set(xs) : null);
    const [ids, areas, sites, nats, roles] = [set(scope.nodes), set(scope.areas), set(scope.sites), set(scope.nat_groups), set(scope.roles)];
    const labels = scope.labels ? Object.entries(scope.labels) : [];
    const has = (s, v) => s === null || (v !== undefined && s.has(v));
    test = (n) => {
        if (!has(ids, n.id) || !has(areas, n.area) || !has(sites, n.site) || !has(nats, n.nat_group) || !has(roles, n.role))
            return false;
        for (const [k, v] of labels)
            if (n.labels?.[k] !== v)
                return false;
        return true;
    };
    compiled.set(scope, test);
    return test;
}
/** The ids of the nodes the selector reaches, sorted; explicit node ids that name no node are kept (they count as reached). */
export function resolveTarget(target, index) {
    // The smallest set the selector's fields allow: explicit ids, the areas' nodes, or one label's nodes.
    const options = [index.all];
    if (target.nodes)
        options.push(target.nodes.flatMap((id) => index.byId.get(id) ?? []));
    if (target.areas)
        options.push(target.areas.flatMap((a) => index.byArea.get(a) ?? []));
    for (const [k, v] of Object.entries(target.labels ?? {}))
        options.push(index.byLabel(k, v));
    const candidates = options.reduce((a, b) => (b.length < a.length ? b : a));
    const test = scopePredicate(target);
    const reached = new Set(candidates.filter(test).map((n) => n.id));
    for (const id of target.nodes ?? [])
        if (!index.byId.has(id))
            reached.add(id);
    return [...reached].sort();
}
//# sourceMappingURL=resolveTarget.js.map