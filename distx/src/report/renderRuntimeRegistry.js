import { sortedBoardInput } from './sortedBoardInput.js';
export function renderRuntimeRegistry(input) {
    const { nodes, workloads } = sortedBoardInput(input);
    const active = new Set(nodes.filter((n) => n.state.mode === 'ACTIVE').map((n) => n.id));
    const services = workloads
        .filter((w) => w.advertise && w.host !== null && active.has(w.host))
        .map((w) => ({
        id: w.id,
        title: w.title,
        kind: w.kind,
        host: w.host,
        listeners: w.listeners.map((l) => ({ port: l.port, protocol: l.protocol, edge_role: l.edge_role })),
    }));
    return `${JSON.stringify({ generated_by: 'fleethub', services }, null, 2)}\n`;
}
/** The ids the runtime registry advertises, in its order. */
export function advertisedIds(input) {
    return JSON.parse(renderRuntimeRegistry(input)).services.map((s) => s.id);
}
//# sourceMappingURL=renderRuntimeRegistry.js.map