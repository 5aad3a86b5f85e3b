/**
 * What the rollout step plans from, read once per run: the update intents
 * with their verdicts, policies/rollout.yaml, every node as the planner sees
 * it (topology, mode after this run, the critical roles it serves, whether
 * its agent has reported) and each node's agent reports (status/agents/,
 * through the events not in the files yet). An agent file that cannot be
 * read is a warning, and its node counts as having no agent.
 */
import { hintFor } from '../records/hints.js';
import { parseAgentFile } from '../rollout/parseAgentFile.js';
import { servedRoles } from '../rollout/servedRoles.js';
import { AGENTS_DIR } from '../rollout/leaseTypes.js';
/** Without policies/rollout.yaml, one node at a time. */
const NO_POLICY = { max_parallel: 1 };
export function rolloutInputs(ctx) {
    const verdicts = new Map((ctx.trust?.verdicts ?? []).map((v) => [v.id, v]));
    const intents = ctx.db.prepare(`SELECT id, file, data FROM intents ORDER BY id`).all().flatMap((r) => {
        const d = JSON.parse(r.data);
        const verdict = verdicts.get(r.id);
        if (d.kind !== 'update' || !verdict)
            return [];
        const intent = {
            id: r.id,
            ...(typeof d.version === 'number' ? { version: d.version } : {}),
            expires: String(d.expires ?? ''),
            target: (d.target ?? {}),
            ...(d.strategy ? { strategy: d.strategy } : {}),
            control: d.control === 'paused' || d.control === 'aborted' ? d.control : 'run',
        };
        const artifact = (d.artifact ?? {});
        return [{ intent, verdict, file: r.file, artifact: typeof artifact.name === 'string' && typeof artifact.version === 'string' ? { name: artifact.name, version: artifact.version } : null }];
    });
    if (intents.length === 0)
        return { intents, policy: NO_POLICY, nodes: [], reports: () => new Map() };
    const policyRow = ctx.db.prepare(`SELECT data FROM policies WHERE kind = 'rollout' ORDER BY id LIMIT 1`).pluck().get();
    const policy = policyRow ? JSON.parse(policyRow) : NO_POLICY;
    const labels = new Map(ctx.db.prepare('SELECT id, labels FROM nodes').all().map((n) => [n.id, JSON.parse(n.labels)]));
    const workloadLabels = new Map(ctx.db.prepare('SELECT id, labels FROM workloads').all().map((w) => [w.id, JSON.parse(w.labels)]));
    // Each node's own workloads, grouped once (servedRoles looks only at those).
    const hosted = new Map();
    for (const w of ctx.workloads)
        if (w.host)
            (hosted.get(w.host) ?? hosted.set(w.host, []).get(w.host)).push({ host: w.host, listeners: w.listeners, labels: workloadLabels.get(w.id) ?? {} });
    const byNode = new Map();
    const nodes = ctx.nodes.map((n) => {
        const path = `${AGENTS_DIR}/${n.id}.json`;
        const text = ctx.readGenerated(path);
        let agent = false;
        if (text !== null) {
            const parsed = parseAgentFile(text, n.id);
            if (parsed.ok) {
                agent = true;
                for (const [intent, r] of Object.entries(parsed.file.reports)) {
                    if (!byNode.has(intent))
                        byNode.set(intent, new Map());
                    byNode.get(intent).set(n.id, r);
                }
            }
            else
                ctx.findings.push({ code: 'agent-report-unreadable', severity: 'warning', kind: 'node', id: n.id, message: `${path} cannot be read: ${parsed.message}`, hint: hintFor('agent-report-unreadable'), file: path, line: 1, col: 1 });
        }
        return {
            id: n.id,
            ...(n.role ? { role: n.role } : {}),
            ...(n.area ? { area: n.area } : {}),
            ...(n.site ? { site: n.site } : {}),
            ...(n.nat_group ? { nat_group: n.nat_group } : {}),
            labels: labels.get(n.id) ?? {},
            mode: ctx.persisted.get(n.id)?.mode ?? 'UNKNOWN',
            serves: servedRoles({ id: n.id, ...(n.role ? { role: n.role } : {}) }, hosted.get(n.id) ?? []),
            agent,
        };
    });
    return { intents, policy, nodes, reports: (intent) => byNode.get(intent) ?? new Map() };
}
//# sourceMappingURL=rolloutInputs.js.map