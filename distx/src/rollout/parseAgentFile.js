/**
 * status/agents/<node>.json from its text: the node's agent's reports, one
 * per intent. Reports whose shape is wrong are not guessed at: the file is
 * refused with the reason, and the node counts as having no agent report.
 * Pure.
 */
import { JOURNAL_STATES } from './rolloutTypes.js';
export function parseAgentFile(text, node) {
    let d;
    try {
        d = JSON.parse(text);
    }
    catch (e) {
        return { ok: false, message: `not JSON (${e.message})` };
    }
    if (d === null || typeof d !== 'object' || Array.isArray(d))
        return { ok: false, message: 'not a JSON object' };
    if (d.node !== node)
        return { ok: false, message: `it is node ${JSON.stringify(d.node)}'s report, in node ${node}'s file` };
    const reports = {};
    const raw = d.reports ?? {};
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
        return { ok: false, message: 'reports must be an object of intent id to report' };
    for (const [intent, v] of Object.entries(raw)) {
        const r = v;
        if (r === null || typeof r !== 'object' || !JOURNAL_STATES.includes(r.state))
            return { ok: false, message: `the report for ${intent} needs a state (one of ${JOURNAL_STATES.join(', ')})` };
        if (typeof r.reported_at !== 'string' || !Number.isFinite(Date.parse(r.reported_at)))
            return { ok: false, message: `the report for ${intent} needs reported_at (an ISO time)` };
        reports[intent] = {
            state: r.state,
            lease: typeof r.lease === 'string' ? r.lease : null,
            version: typeof r.version === 'string' || typeof r.version === 'number' ? r.version : null,
            reason: typeof r.reason === 'string' ? r.reason : null,
            reported_at: r.reported_at,
        };
    }
    const installed = {};
    if (d.installed && typeof d.installed === 'object' && !Array.isArray(d.installed))
        for (const [k, v] of Object.entries(d.installed))
            if (typeof v === 'string')
                installed[k] = v;
    return { ok: true, file: { node, agent_version: typeof d.agent_version === 'string' ? d.agent_version : null, installed, reports } };
}
//# sourceMappingURL=parseAgentFile.js.map