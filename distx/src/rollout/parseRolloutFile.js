/**
 * status/rollouts/<intent>.yaml from its text, checked field by field: a file
 * the reconciler cannot read is reported with the line and column of the bad
 * field, never replaced silently (it may hold leases in flight). Pure.
 */
import { createLocator } from '../records/locate.js';
import { parseYaml } from '../records/parseYaml.js';
import { JOURNAL_STATES } from './rolloutTypes.js';
import { ROLLOUT_CONTROLS } from './leaseTypes.js';
export function parseRolloutFile(text) {
    const parsed = parseYaml(text);
    if (!parsed.ok)
        return { ok: false, line: parsed.line, col: parsed.col, message: parsed.message };
    const bad = (pointer, message) => {
        let at = { line: 1, col: 1 };
        try {
            at = createLocator(text)(pointer);
        }
        catch {
            // The pointer names a field that is missing: the top of the file is where it belongs.
        }
        return { ok: false, ...at, message };
    };
    const d = parsed.data;
    if (d === null || typeof d !== 'object' || Array.isArray(d))
        return bad('', 'not a mapping of intent, intent_version, intent_digest, epoch, control, leases, revoked, journal');
    if (typeof d.intent !== 'string' || d.intent === '')
        return bad('/intent', 'intent must be the intent id');
    if (!Number.isSafeInteger(d.intent_version))
        return bad('/intent_version', 'intent_version must be a whole number');
    if (typeof d.intent_digest !== 'string')
        return bad('/intent_digest', "intent_digest must be 'sha256:<hex>' or ''");
    if (!Number.isSafeInteger(d.epoch) || d.epoch < 0)
        return bad('/epoch', 'epoch must be a whole number ≥ 0');
    if (!ROLLOUT_CONTROLS.includes(d.control))
        return bad('/control', `control must be one of ${ROLLOUT_CONTROLS.join(', ')}`);
    if (!Array.isArray(d.leases))
        return bad('/leases', 'leases must be a list');
    for (const [i, l] of d.leases.entries()) {
        const o = l;
        if (o === null || typeof o !== 'object' || typeof o.id !== 'string' || typeof o.node !== 'string' || !Array.isArray(o.signatures))
            return bad(`/leases/${i}`, 'a lease needs id, node, signatures and the other lease fields');
    }
    if (!Array.isArray(d.revoked))
        return bad('/revoked', 'revoked must be a list');
    for (const [i, r] of d.revoked.entries()) {
        const o = r;
        if (o === null || typeof o !== 'object' || typeof o.id !== 'string' || typeof o.node !== 'string' || typeof o.reason !== 'string')
            return bad(`/revoked/${i}`, 'a revoked lease is {id, node, reason}');
    }
    const j = d.journal;
    if (j === null || typeof j !== 'object' || Array.isArray(j))
        return bad('/journal', 'journal must be a mapping of node id to its line');
    const journal = new Map();
    for (const [node, v] of Object.entries(j)) {
        const o = v;
        const at = `/journal/${node.replace(/~/g, '~0').replace(/\//g, '~1')}`;
        if (o === null || typeof o !== 'object' || !JOURNAL_STATES.includes(o.state) || typeof o.since !== 'string')
            return bad(at, `a journal line needs state (one of ${JOURNAL_STATES.join(', ')}) and since`);
        const opt = (k) => (typeof o[k] === 'string' ? o[k] : null);
        journal.set(node, { state: o.state, lease: opt('lease'), since: o.since, leased_at: opt('leased_at'), reported_at: opt('reported_at'), reason: opt('reason') });
    }
    return {
        ok: true,
        file: {
            intent: d.intent,
            intent_version: d.intent_version,
            intent_digest: d.intent_digest,
            epoch: d.epoch,
            control: d.control,
            leases: d.leases,
            revoked: d.revoked.map((r) => ({ id: r.id, node: r.node, reason: r.reason })),
            journal,
        },
    };
}
//# sourceMappingURL=parseRolloutFile.js.map