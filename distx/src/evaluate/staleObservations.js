export function staleObservations(last, nodes, now, staleAfterMs) {
    const out = [];
    for (const n of nodes) {
        const o = last.get(n.id);
        if (!n.enabled || n.planned || !o)
            continue;
        const age = Date.parse(now) - Date.parse(o.at);
        if (age > staleAfterMs)
            out.push({ node: n.id, observed_at: o.at, age_s: Math.floor(age / 1000) });
    }
    return out;
}
//# sourceMappingURL=staleObservations.js.map