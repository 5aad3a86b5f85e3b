export const TCP_PROTOCOLS = ['tcp', 'http', 'https'];
export const TCP_EDGE_ROLES = ['external-ingress', 'control-api', 'artifact-delivery', 'compat-recovery'];
export function evaluateListeners(workloads) {
    const findings = [];
    for (const w of workloads) {
        if (w.stage === 'retired')
            continue;
        (w.listeners ?? []).forEach((l, i) => {
            if (!TCP_PROTOCOLS.includes(l.protocol))
                return;
            if (l.edge_role !== undefined && TCP_EDGE_ROLES.includes(l.edge_role))
                return;
            const role = l.edge_role === undefined ? 'has no edge_role' : `has edge_role ${l.edge_role}`;
            findings.push({
                code: 'unclassified-listener',
                severity: 'warning',
                kind: 'workload', id: w.id,
                message: `${w.id} listens on ${l.port}/${l.protocol} on ${w.host ?? '(no host)'} and ${role}: a TCP listener must be a service edge (${TCP_EDGE_ROLES.join(', ')}); inter-node transport is QUIC/UDP only`,
                file: w.file,
                pointer: `/listeners/${i}`,
            });
        });
    }
    return findings;
}
//# sourceMappingURL=evaluateListeners.js.map