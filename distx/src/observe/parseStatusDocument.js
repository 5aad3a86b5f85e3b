const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
function copy(into, from, key, type) {
    const value = from[key];
    if (typeof value === type)
        into[key] = value;
}
function peer(value) {
    if (!isObject(value) || typeof value.id !== 'string')
        return undefined;
    const p = { id: value.id };
    copy(p, value, 'area', 'string');
    copy(p, value, 'nat_group', 'string');
    copy(p, value, 'direct', 'boolean');
    copy(p, value, 'ready', 'boolean');
    return p;
}
export function parseStatusDocument(json) {
    if (!isObject(json))
        return undefined;
    const doc = {};
    copy(doc, json, 'agent_version', 'string');
    copy(doc, json, 'control_endpoint', 'string');
    copy(doc, json, 'update_state', 'string');
    if (Array.isArray(json.peers)) {
        doc.peers = json.peers.map(peer).filter((p) => p !== undefined);
    }
    return doc;
}
//# sourceMappingURL=parseStatusDocument.js.map