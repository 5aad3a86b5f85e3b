export const DEFAULT_PEER_DIVERSITY_TARGETS = { direct_ready: 2, external_area_ready: 1, independent_ingress_ready: 1, recovery_paths: 1 };
const METRICS = [
    ['direct_ready', 'direct_ready_count', 'direct-ready peers'],
    ['external_area_ready', 'external_area_ready_count', 'direct-ready peers in another area'],
    ['independent_ingress_ready', 'independent_ingress_ready_count', 'independent NAT groups with a ready peer'],
    ['recovery_paths', 'recovery_path_count', 'recovery paths outside the local area'],
];
export function evaluatePeerDiversity(rows, critical, targets, nodes) {
    const findings = [];
    for (const row of rows) {
        const node = nodes.get(row.node);
        if (!node || !critical.has(row.node))
            continue;
        const short = METRICS.filter(([t, m]) => row[m] < targets[t]).map(([t, m, label]) => `${label} ${row[m]} < ${targets[t]}`);
        if (short.length === 0)
            continue;
        findings.push({
            code: 'peer-diversity-below-target',
            severity: 'warning',
            kind: 'node', id: row.node,
            // No observation time in the message: it lands on the board, which changes only when the fleet does.
            message: `critical node ${row.node} is below its peer diversity targets: ${short.join('; ')}`,
            file: node.file,
            pointer: '',
        });
    }
    return findings;
}
//# sourceMappingURL=evaluatePeerDiversity.js.map