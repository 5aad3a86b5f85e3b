/**
 * What the agent needs from a fetched snapshot, parsed: the nodes (as target
 * selectors see them), the intents (front matter and where each pointer is),
 * the trust.yaml versions from the pinned one on, the rollout caps and
 * heartbeat, the ratchet, and each rollout's lease file. Parsed once per
 * snapshot (many simulated agents share one). A file that does not parse is
 * kept as a problem, never skipped: an intent that does not parse is refused,
 * a rollout file that does not parse leases nothing.
 */
import { durationMs } from '../records/duration.js';
import { idFromPath } from '../records/kinds.js';
import { createLocator } from '../records/locate.js';
import { parseYaml } from '../records/parseYaml.js';
import { splitFrontMatter } from '../records/splitFrontMatter.js';
import { parseRatchet } from '../trust/ratchet.js';
import { RATCHET_FILE, readTrustVersions, TRUST_FILE } from '../trust/readFleetTrust.js';
import { INTENTS_DIR, NODES_DIR, ROLLOUT_POLICY_FILE, ROLLOUTS_DIR } from './agentReads.js';
export function readFleetView(snapshot, pin) {
    const text = (path) => snapshot.files.get(path) ?? null;
    const view = { commit: snapshot.commit, nodes: [], intents: [], invalid: [], trustVersions: [], caps: {}, heartbeatMs: null, ratchet: new Map(), ratchetProblem: null, rollouts: new Map() };
    for (const [path, body] of snapshot.files) {
        if (body === null)
            continue;
        if (path.startsWith(`${NODES_DIR}/`)) {
            const fm = frontMatter(body);
            if (fm.ok)
                view.nodes.push(scopeNode(idFromPath(path), fm.data));
        }
        else if (path.startsWith(`${INTENTS_DIR}/`)) {
            const fm = frontMatter(body);
            const id = idFromPath(path);
            if (!fm.ok)
                view.invalid.push({ id, file: path, message: fm.message });
            else
                view.intents.push({ id, file: path, data: fm.data, locate: fm.locate });
        }
        else if (path.startsWith(`${ROLLOUTS_DIR}/`)) {
            const parsed = parseYaml(body);
            const id = idFromPath(path);
            if (!parsed.ok)
                view.rollouts.set(id, { ok: false, message: `${path}:${parsed.line}:${parsed.col}: ${parsed.message}` });
            else if (!isObject(parsed.data))
                view.rollouts.set(id, { ok: false, message: `${path}: not a mapping` });
            else
                view.rollouts.set(id, { ok: true, data: parsed.data });
        }
    }
    const policy = text(ROLLOUT_POLICY_FILE);
    if (policy !== null) {
        const parsed = parseYaml(policy);
        const p = parsed.ok && isObject(parsed.data) ? parsed.data : {};
        if (typeof p.max_parallel === 'number')
            view.caps.max_parallel = p.max_parallel;
        if (typeof p.max_unavailable === 'number')
            view.caps.max_unavailable = p.max_unavailable;
        view.heartbeatMs = typeof p.heartbeat_timeout === 'string' ? durationMs(p.heartbeat_timeout) : null;
    }
    try {
        view.ratchet = parseRatchet(text(RATCHET_FILE), RATCHET_FILE);
    }
    catch (e) {
        // A copy's ratchet that does not parse lowers nothing: the agent's own ratchet (its journal) still holds.
        view.ratchetProblem = e.message;
    }
    view.trustVersions = readTrustVersions({ readText: text, fileVersions: snapshot.fileVersions, head: () => snapshot.commit, env: {}, readAbsolute: () => null }, TRUST_FILE, pin);
    return view;
}
function frontMatter(text) {
    const split = splitFrontMatter(text);
    if (!split.ok)
        return { ok: false, message: `${split.line}:${split.col}: ${split.message}` };
    const parsed = parseYaml(split.yaml, split.yamlLine);
    if (!parsed.ok)
        return { ok: false, message: `${parsed.line}:${parsed.col}: ${parsed.message}` };
    if (!isObject(parsed.data))
        return { ok: false, message: `${split.yamlLine}:1: the front matter is not a mapping` };
    const locator = createLocator(split.yaml, split.yamlLine);
    return { ok: true, data: parsed.data, locate: (p) => locator(p) };
}
function scopeNode(id, d) {
    const str = (k) => (typeof d[k] === 'string' ? d[k] : undefined);
    const n = { id, labels: isObject(d.labels) ? d.labels : {} };
    for (const k of ['role', 'area', 'site', 'nat_group']) {
        const v = str(k);
        if (v !== undefined)
            n[k] = v;
    }
    return n;
}
function isObject(v) {
    return v !== null && typeof v === 'object' && !Array.isArray(v);
}
//# sourceMappingURL=readFleetView.js.map