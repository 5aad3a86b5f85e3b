/** Step 4: each node's next mode, recorded in the cache (node_status), and what each node last reported (status/node-reports.json); shown by reconcile --format json and the board. */
import { syncTable } from '../../cache/syncTable.js';
import { statesToPersist } from '../../evaluate/modesFile.js';
import { nextModeState } from '../../evaluate/nextModeState.js';
import { nextNodeReports } from '../../evaluate/nodeReports.js';
export async function evaluate(ctx) {
    for (const n of ctx.nodes) {
        const state = nextModeState(ctx.previous.get(n.id), n, ctx.observations.get(n.id), ctx.policy, ctx.now);
        ctx.states.set(n.id, state);
    }
    ctx.persisted = statesToPersist(ctx.previous, ctx.states, ctx.policy.refreshMs);
    ctx.reports = nextNodeReports(ctx.previousReports, ctx.observations, ctx.nodes.map((n) => n.id));
    syncTable(ctx.db, 'node_status', [...ctx.states].map(([id, s]) => [id, s.mode, s.since, s.last_verified, s.failures, s.passes, s.reason]));
}
//# sourceMappingURL=evaluate.js.map