/**
 * The critical roles a node serves (control-api, update-store, update-cache,
 * relay), which the planner updates one at a time and last. Inferred from the
 * node's own `role` (control → control-api, relay → relay) and from the
 * workloads it hosts: a listener's `edge_role: control-api`, a workload
 * labelled `service:` with one of the four role names, and a listener's
 * `edge_role: artifact-delivery` (update-cache, unless the service label says
 * update-store). In CRITICAL_ROLES order, without duplicates. Pure.
 */
import { CRITICAL_ROLES } from './rolloutTypes.js';
const FROM_NODE_ROLE = { control: 'control-api', relay: 'relay' };
export function servedRoles(node, workloads) {
    const out = new Set();
    const fromRole = node.role === undefined ? undefined : FROM_NODE_ROLE[node.role];
    if (fromRole)
        out.add(fromRole);
    for (const w of workloads) {
        if (w.host !== node.id)
            continue;
        const service = w.labels?.service;
        const named = typeof service === 'string' && CRITICAL_ROLES.includes(service) ? service : null;
        if (named)
            out.add(named);
        for (const l of w.listeners ?? []) {
            if (l.edge_role === 'control-api')
                out.add('control-api');
            if (l.edge_role === 'artifact-delivery' && named !== 'update-store')
                out.add(named === null || named === 'relay' || named === 'control-api' ? 'update-cache' : named);
        }
    }
    return CRITICAL_ROLES.filter((r) => out.has(r));
}
//# sourceMappingURL=servedRoles.js.map