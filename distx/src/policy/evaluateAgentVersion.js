export function evaluateAgentVersion(declared, reported, nodes) {
    const findings = [];
    for (const d of declared) {
        const mode = nodes.get(d.node)?.mode;
        if (mode === 'DISABLED' || mode === 'PLANNED')
            continue;
        const seen = reported.get(d.node);
        if (seen === undefined || seen === d.version)
            continue;
        findings.push({
            code: 'agent-version-mismatch',
            severity: 'warning',
            kind: 'node',
            id: d.node,
            message: `${d.node} reports agent version ${seen} in its status document, but its record declares ${d.version}`,
            file: d.file,
            pointer: '/labels/agent_version',
        });
    }
    return findings;
}
//# sourceMappingURL=evaluateAgentVersion.js.map