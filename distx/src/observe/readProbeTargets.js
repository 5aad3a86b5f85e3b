export function readProbeTargets(db) {
    return db.prepare('SELECT node, type, target, expect_status, expect_json FROM probes ORDER BY node, ord').all().map((p) => ({
        node: p.node,
        type: p.type,
        target: p.target,
        ...(p.expect_status !== null ? { expectStatus: p.expect_status } : {}),
        ...(p.expect_json !== null ? { expectJson: JSON.parse(p.expect_json) } : {}),
    }));
}
//# sourceMappingURL=readProbeTargets.js.map