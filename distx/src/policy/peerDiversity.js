export function peerDiversity(node, self, peers, known, observedAt) {
    const seen = new Set();
    const ready = peers.filter((p) => {
        if (p.ready !== true || p.id === node || seen.has(p.id))
            return false;
        seen.add(p.id);
        return true;
    });
    const topo = (p) => ({ area: known.get(p.id)?.area ?? p.area, nat_group: known.get(p.id)?.nat_group ?? p.nat_group });
    const elsewhere = (p) => self.area !== undefined && topo(p).area !== undefined && topo(p).area !== self.area;
    const direct = ready.filter((p) => p.direct === true);
    const ingress = new Set(ready.map((p) => topo(p).nat_group).filter((g) => g !== undefined && self.nat_group !== undefined && g !== self.nat_group));
    return {
        node,
        direct_ready_count: direct.length,
        relay_ready_count: ready.length - direct.length,
        external_area_ready_count: direct.filter(elsewhere).length,
        independent_ingress_ready_count: ingress.size,
        recovery_path_count: ready.filter(elsewhere).length,
        observed_at: observedAt,
    };
}
//# sourceMappingURL=peerDiversity.js.map