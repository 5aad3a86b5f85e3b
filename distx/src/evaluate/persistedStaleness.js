import { staleObservations } from './staleObservations.js';
export function persistedStaleness(states, staleAfterMs) {
    const last = new Map();
    const nodes = [];
    let asOf = null;
    for (const [id, s] of states) {
        const probed = s.mode !== 'DISABLED' && s.mode !== 'PLANNED';
        nodes.push({ id, enabled: s.mode !== 'DISABLED', planned: s.mode === 'PLANNED' });
        if (!probed || s.observed_at === null || Number.isNaN(Date.parse(s.observed_at)))
            continue;
        last.set(id, { at: s.observed_at });
        if (asOf === null || Date.parse(s.observed_at) > Date.parse(asOf))
            asOf = s.observed_at;
    }
    if (asOf === null)
        return { asOf, stale: new Map() };
    return { asOf, stale: new Map(staleObservations(last, nodes, asOf, staleAfterMs).map((o) => [o.node, o])) };
}
//# sourceMappingURL=persistedStaleness.js.map