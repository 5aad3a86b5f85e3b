/** Section `nodes`: every node as declared and as observed (mode, since, last verified, stale, why), where it sits, the addresses it is probed at and the workloads it hosts. */
import { readProbeTargets } from '../../observe/readProbeTargets.js';
import { reconcileView } from './reconcileView.js';
export function nodes(input) {
    const { run } = input;
    const json = new Map(reconcileView(run).nodes.map((n) => [n.id, n]));
    const addresses = new Map();
    for (const p of readProbeTargets(run.db)) {
        const list = addresses.get(p.node);
        if (list)
            list.push(p.target);
        else
            addresses.set(p.node, [p.target]);
    }
    const services = new Map();
    for (const w of run.workloads)
        if (w.host)
            services.set(w.host, [...(services.get(w.host) ?? []), w.id]);
    const pending = new Set(input.outbox.pending.flatMap((e) => (e.type === 'status.modes' ? [...Object.keys(e.payload.nodes), ...(e.payload.remove ?? [])] : [])));
    return run.nodes.map((n) => {
        const j = json.get(n.id);
        // From the last recorded observation (the cache keeps it), not only this run's: an offline evaluation after a probing one shows the same node
        // (status/modes.json keeps a last-verified time that moved by less than the refresh interval as it was).
        const o = run.lastObservations.get(n.id);
        const verified = o?.ok && n.enabled && !n.planned && (j.last_verified === null || o.at > j.last_verified) ? o.at : j.last_verified;
        const state = run.states.get(n.id);
        const failed = (o?.results ?? []).filter((r) => !r.ok).map((r) => `${r.type} ${r.target}: ${r.error ?? 'failed'}`);
        const reasons = n.enabled && !n.planned ? [state.reason, ...failed.filter((f) => !state.reason.includes(f))] : [state.reason];
        return {
            id: n.id,
            title: n.title,
            declared: j.declared,
            mode: j.mode,
            since: j.since,
            last_verified: verified,
            stale: j.stale,
            reasons,
            role: n.role,
            target_role: n.target_role,
            area: n.area,
            site: n.site,
            addresses: addresses.get(n.id) ?? [],
            services: services.get(n.id) ?? [],
            ...(pending.has(n.id) ? { pending: true } : {}),
        };
    });
}
//# sourceMappingURL=nodes.js.map