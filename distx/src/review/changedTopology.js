export function changedTopology(records, before, after) {
    const nodeChange = new Map();
    const workloadChange = new Map();
    for (const r of records) {
        if (r.kind === 'node') {
            nodeChange.set(r.id, r.change);
            if (r.fromId)
                nodeChange.set(r.fromId, r.change);
        }
        else if (r.kind === 'workload') {
            workloadChange.set(r.id, r.change);
            if (r.fromId)
                workloadChange.set(r.fromId, r.change);
        }
    }
    const via = (side) => new Map(side.workloads.filter((w) => w.kind === 'tunnel').map((w) => [w.id, w.via]));
    const [viaBefore, viaAfter] = [via(before), via(after)];
    const tunnelIds = [...new Set([...viaBefore.keys(), ...viaAfter.keys()])].sort();
    const pathOf = (id) => [...(viaBefore.get(id) ?? []), ...(viaAfter.get(id) ?? [])];
    const tunnels = new Set(tunnelIds.filter((t) => workloadChange.has(t) || pathOf(t).some((n) => nodeChange.has(n))));
    const nodes = new Set([...nodeChange.keys(), ...[...tunnels].flatMap(pathOf)]);
    const role = new Map([...before.nodes, ...after.nodes].map((n) => [n.id, n.role ?? null]));
    return {
        nodes: [...nodes].sort().map((id) => ({ id, role: role.get(id) ?? null, change: nodeChange.get(id) ?? null })),
        tunnels: [...tunnels].sort().map((id) => ({ id, change: workloadChange.get(id) ?? null, before: viaBefore.get(id) ?? [], after: viaAfter.get(id) ?? [] })),
    };
}
//# sourceMappingURL=changedTopology.js.map