import { readWorkloadRecords } from '../cache/readWorkloadRecords.js';
import { CacheDataError } from '../errors.js';
import { DEFAULT_PEER_DIVERSITY_TARGETS } from './evaluatePeerDiversity.js';
const str = (v) => (typeof v === 'string' ? v : undefined);
/** A JSON column fleethub wrote; text that does not parse means a damaged cache, reported, never read as `{}`. */
const parse = (text, table, id) => {
    let v;
    try {
        v = text === null ? null : JSON.parse(text);
    }
    catch (e) {
        throw new CacheDataError(table, id, e.message);
    }
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? v : {};
};
function policyListener(l) {
    const out = { port: Number(l.port), protocol: String(l.protocol) };
    const role = str(l.edge_role);
    if (role)
        out.edge_role = role;
    return out;
}
/** `records`: the workloads as the load step read them (readWorkloadRecords), read again when not given. */
export function readPolicyInput(db, records = readWorkloadRecords(db)) {
    // Built field by field, optional ones assigned when present (no conditional spreads): 20,000 of them on the large fleet.
    const workloads = records.map((r) => {
        const d = r.data;
        const w = {
            id: r.id,
            file: r.file,
            kind: str(d.kind) ?? 'service',
            critical: d.critical === true,
            stateful: d.stateful === true,
            via: Array.isArray(d.via) ? d.via.filter((v) => typeof v === 'string') : [],
            listeners: Array.isArray(d.listeners) ? d.listeners.map(policyListener) : [],
        };
        const host = str(d.host);
        if (host)
            w.host = host;
        const stage = str(d.stage);
        if (stage)
            w.stage = stage;
        if (d.promotion && typeof d.promotion === 'object')
            w.promotion = d.promotion;
        return w;
    });
    const nodes = db.prepare('SELECT id, file, role, area, nat_group, enabled, planned FROM nodes ORDER BY id').all().map((n) => {
        const out = { id: n.id, file: n.file, enabled: n.enabled === 1, planned: n.planned === 1 };
        if (n.role !== null)
            out.role = n.role;
        if (n.area !== null)
            out.area = n.area;
        if (n.nat_group !== null)
            out.nat_group = n.nat_group;
        return out;
    });
    const policies = db.prepare('SELECT id, kind, file, data FROM policies ORDER BY id').all();
    const ofKind = (kind) => policies.filter((p) => p.kind === kind).map((p) => ({ ...parse(p.data, 'policies', p.id), id: p.id, file: p.file }));
    const modes = ofKind('modes')[0];
    const targets = { ...DEFAULT_PEER_DIVERSITY_TARGETS, ...(modes?.peer_diversity ?? {}) };
    const taskStates = new Map(db.prepare('SELECT key, state FROM tasks').all().filter((t) => t.state !== null).map((t) => [t.key, t.state]));
    return { workloads, nodes, gates: ofKind('promotion-gate'), drains: ofKind('drain-sequence'), freezes: ofKind('freeze'), targets, taskStates };
}
//# sourceMappingURL=readPolicyInput.js.map