/** Section `fleet`: the summary counts, first on the page: records by kind, nodes by mode and role, workloads by stage, tasks by state, findings by severity, the outbox. */
import { staleObservations } from '../../evaluate/staleObservations.js';
import { countBy } from './countBy.js';
export function fleet(input) {
    const { run } = input;
    const count = countBy;
    const counts = Object.fromEntries(run.db.prepare('SELECT kind, count(*) AS n FROM records GROUP BY kind ORDER BY kind').all().map((r) => [r.kind, r.n]));
    const tasks = count([...input.workplans.graph.tasks.values()].map((t) => t.state));
    const errors = run.findings.filter((f) => f.severity === 'error').length;
    return {
        counts,
        nodes: {
            total: run.nodes.length,
            byMode: count(run.nodes.map((n) => run.states.get(n.id)?.mode ?? 'UNKNOWN')),
            byRole: count(run.nodes.map((n) => n.role)),
            byArea: count(run.nodes.map((n) => n.area)),
            stale: staleObservations(run.lastObservations, run.nodes, run.now, run.policy.staleAfterMs).length,
        },
        workloads: { total: run.workloads.length, byStage: count(run.workloads.map((w) => w.stage)), moving: run.workloads.filter((w) => w.host !== null && w.target_host !== null && w.host !== w.target_host).length },
        tasks,
        findings: input.evaluating ? { evaluating: true } : { errors, warnings: run.findings.length - errors },
        outbox: { pending: input.outbox.pending.length, dead: input.outbox.dead.length },
    };
}
//# sourceMappingURL=fleet.js.map