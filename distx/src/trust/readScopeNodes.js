export function readScopeNodes(db) {
    return db.prepare('SELECT id, role, area, site, nat_group, labels FROM nodes ORDER BY id').all().map((n) => ({
        id: n.id,
        ...(n.role ? { role: n.role } : {}),
        ...(n.area ? { area: n.area } : {}),
        ...(n.site ? { site: n.site } : {}),
        ...(n.nat_group ? { nat_group: n.nat_group } : {}),
        labels: JSON.parse(n.labels ?? '{}'),
    }));
}
//# sourceMappingURL=readScopeNodes.js.map