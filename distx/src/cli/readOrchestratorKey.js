import { readSigningKey } from './readSigningKey.js';
export function readOrchestratorKey(root, env) {
    const path = env.FLEETHUB_ORCHESTRATOR_KEY?.trim();
    if (!path)
        return null;
    return { key: readSigningKey(root, path, []).key, source: path };
}
//# sourceMappingURL=readOrchestratorKey.js.map