/**
 * Step: render the generated artifacts (with the renderers the command passes in, ctx.io.render) and compare them with the files in
 * the repository. A difference is a change to apply, and until it is
 * applied, a `generated-drift` finding.
 */
import { MODES_FILE, renderModesFile } from '../../evaluate/modesFile.js';
import { persistedStaleness } from '../../evaluate/persistedStaleness.js';
import { NODE_REPORTS_FILE, renderNodeReports } from '../../evaluate/nodeReports.js';
import { RATCHET_FILE } from '../../trust/readFleetTrust.js';
import { renderRatchet } from '../../trust/ratchet.js';
export const BOARD_FILE = 'status/BOARD.md';
export const RUNTIME_REGISTRY_FILE = 'status/runtime-registry.json';
export async function plan(ctx) {
    // Staleness from the persisted times, never this run's clock, so the board is the same bytes in every later offline run.
    const { asOf, stale } = persistedStaleness(ctx.persisted, ctx.policy.staleAfterMs);
    const input = {
        nodes: ctx.nodes.map((n) => {
            const state = ctx.persisted.get(n.id);
            const s = stale.get(n.id);
            return { id: n.id, title: n.title, role: n.role, target_role: n.target_role, area: n.area, site: n.site, nat_group: n.nat_group, state, reachable: reachableFrom(state), stale: s ? { observed_at: s.observed_at, age_s: s.age_s } : null };
        }),
        observations: { asOf, staleAfterS: Math.floor(ctx.policy.staleAfterMs / 1000) },
        workloads: ctx.workloads,
        findings: ctx.findings,
        sections: ctx.boardSections,
    };
    ctx.artifacts = [
        { path: MODES_FILE, text: renderModesFile(ctx.persisted) },
        // Only once some node reported something: a fleet without status documents gets no file.
        ...(ctx.reports.size > 0 || ctx.readGenerated(NODE_REPORTS_FILE) !== null ? [{ path: NODE_REPORTS_FILE, text: renderNodeReports(ctx.reports) }] : []),
        { path: BOARD_FILE, text: ctx.io.render.board(input) },
        { path: RUNTIME_REGISTRY_FILE, text: ctx.io.render.runtimeRegistry(input) },
        // The ratchet only moves up, and only once something was trusted: a fleet without trusted intents gets no file.
        ...(ctx.trust && ctx.trust.ratchet.size > 0 ? [{ path: RATCHET_FILE, text: renderRatchet(ctx.trust.ratchet) }] : []),
        // Each started rollout's file (the rollout step), rewritten only when its content changes.
        ...ctx.rollouts.flatMap((r) => (r.text === null ? [] : [{ path: r.path, text: r.text }])),
    ];
    // --push sends the changes upstream, so they are judged against what upstream has (or will have); otherwise against the working tree.
    const read = ctx.options.push ? ctx.readGenerated : ctx.io.readText;
    // An unreadable status/modes.json (a merge conflict?) is left for a person to mend (the load step reported it), never overwritten.
    const unreadable = new Set(ctx.findings.filter((f) => f.code === 'modes-file-unreadable').map((f) => f.file));
    for (const a of ctx.artifacts) {
        if (unreadable.has(a.path))
            continue;
        const current = read(a.path);
        if (current === a.text)
            continue;
        ctx.changes.push({ path: a.path, action: current === null ? 'create' : 'update' });
    }
}
/**
 * Reachability as the committed state records it (not this run's probes), so
 * an offline run on a fresh clone renders the same board as the probing run
 * that wrote it: ACTIVE and passing, or failing; null when never observed.
 */
function reachableFrom(state) {
    if (state.mode === 'ACTIVE')
        return state.failures === 0;
    if (state.mode === 'DEGRADED')
        return false;
    if (state.mode === 'UNKNOWN' && state.failures > 0)
        return false;
    return null;
}
//# sourceMappingURL=plan.js.map