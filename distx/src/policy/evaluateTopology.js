/**
 * Topology invariants (reference 004, "Role invariants" and "Fleet Mesh Topology";
 * reference 000 modes). For every critical workload not retired, its path — the
 * `via` hops of a tunnel plus its host, or just the host — must not include:
 * - a node whose role production may not depend on (`critical-path-via-forbidden-role`):
 *   FORBIDDEN_PRODUCTION_ROLES, i.e. the workstation ("nothing in the production loop
 *   may depend on it being on"). A constant, not a policy field: no policy needs
 *   another value today;
 * - a node that is DISABLED or DEGRADED, or frozen since a date not after `now`
 *   (`critical-on-unusable-host`). A frozen host does not count against workloads at
 *   `stage: legacy` (grandfathered, reference 004), nor those in the freeze's legacy
 *   inventory, nor its exceptions.
 * One error per workload and code, pointing at the first offending hop (`/via/<i>`
 * or `/host`). Nodes not in the registry are left to validation. Pure.
 */
import { parseFleetDate } from './parseFleetDate.js';
/** Roles that nothing critical may run on or pass through. */
export const FORBIDDEN_PRODUCTION_ROLES = ['workstation'];
export function evaluateTopology(workloads, nodes, freezes, now) {
    const findings = [];
    for (const w of workloads) {
        if (w.critical !== true || w.stage === 'retired')
            continue;
        const hops = pathOf(w);
        const what = w.kind === 'tunnel' ? `critical tunnel ${w.id} (path ${(w.via ?? []).join(' → ') || '—'}, host ${w.host ?? '—'})` : `critical workload ${w.id}`;
        const forbidden = hops.filter((h) => FORBIDDEN_PRODUCTION_ROLES.includes(nodes.get(h.node)?.role ?? ''));
        if (forbidden.length > 0) {
            const list = unique(forbidden.map((h) => `${h.node} (role ${nodes.get(h.node).role})`));
            findings.push(finding(w, 'critical-path-via-forbidden-role', forbidden[0].pointer, `${what} depends on ${list.join(', ')}: production may not depend on a node of role ${FORBIDDEN_PRODUCTION_ROLES.join(' / ')}`));
        }
        const unusable = hops.map((h) => ({ h, why: unusableBecause(h.node, w, nodes, freezes, now.getTime()) })).filter((x) => x.why !== null);
        if (unusable.length > 0) {
            const list = unique(unusable.map((x) => `${x.h.node} (${x.why})`));
            findings.push(finding(w, 'critical-on-unusable-host', unusable[0].h.pointer, `${what} runs on or through ${list.join(', ')}`));
        }
    }
    return findings;
}
/** A tunnel's via hops, then its host unless already on the path; other workloads: the host. */
function pathOf(w) {
    const hops = w.kind === 'tunnel' ? (w.via ?? []).map((node, i) => ({ node, pointer: `/via/${i}` })) : [];
    if (w.host !== undefined && !hops.some((h) => h.node === w.host))
        hops.push({ node: w.host, pointer: '/host' });
    return hops;
}
function unusableBecause(id, w, nodes, freezes, now) {
    const mode = nodes.get(id)?.mode;
    if (mode === 'DISABLED' || mode === 'DEGRADED')
        return mode;
    if (w.stage === 'legacy')
        return null;
    for (const f of freezes) {
        for (const entry of f.frozen) {
            if (entry.host !== id || (entry.exceptions ?? []).includes(w.id) || (entry.legacy ?? []).includes(w.id))
                continue;
            const since = parseFleetDate(entry.since);
            if (since !== null && since <= now)
                return `frozen since ${entry.since} by ${f.id}`;
        }
    }
    return null;
}
function finding(w, code, pointer, message) {
    return { code, severity: 'error', kind: 'workload', id: w.id, message, file: w.file, pointer };
}
const unique = (xs) => [...new Set(xs)];
//# sourceMappingURL=evaluateTopology.js.map