export function commandVars(node, p, version, rollback) {
    return {
        FLEETHUB_NODE: node,
        FLEETHUB_INTENT: p.intent,
        FLEETHUB_INTENT_VERSION: String(p.version),
        FLEETHUB_LEASE: p.lease,
        FLEETHUB_ARTIFACT: p.artifact.name,
        FLEETHUB_VERSION: version,
        FLEETHUB_DIGEST: rollback ? '' : (p.staged_digest ?? p.artifact.digest),
        FLEETHUB_MIRRORS: rollback ? '' : p.artifact.mirrors.join(' '),
        FLEETHUB_ROLLBACK: rollback ? '1' : '0',
    };
}
//# sourceMappingURL=commandVars.js.map