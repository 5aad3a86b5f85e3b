export function topology(input) {
    const { run } = input;
    return {
        nodes: run.nodes.map((n) => ({ id: n.id, mode: run.states.get(n.id)?.mode ?? 'UNKNOWN', area: n.area, site: n.site, role: n.role })),
        edges: run.workloads.filter((w) => w.via.length >= 2).map((w) => ({ workload: w.id, from: w.via[0], to: w.via[w.via.length - 1], via: w.via, critical: w.critical })),
    };
}
//# sourceMappingURL=topology.js.map