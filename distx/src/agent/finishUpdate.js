import { commandVars } from './commandVars.js';
import { setReport } from './setReport.js';
const POLL_MS = 100;
export async function finishUpdate(ctx, st) {
    const p = st.pending;
    const left = await waitForLeftover(ctx, p);
    if (left === 'never-started' && p.phase === 'applying') {
        // The earlier agent saved the apply's id and stopped before opening its gate: it never ran; it runs under the lease if the lease still holds.
        p.phase = 'staged';
        ctx.actions.push(`${p.intent} v${p.version}: the apply left by an earlier agent never started; it starts again under a valid lease`);
        ctx.journal.save(st, [{ at: ctx.io.now().toISOString(), intent: p.intent, version: p.version, state: 'recovered', lease: p.lease, reason: 'the apply never started' }]);
        return;
    }
    const applyExit = p.apply_exit === null ? null : { code: p.apply_exit, detail: p.apply_exit === 0 ? 'exited 0' : `exited with status ${p.apply_exit}` };
    if (p.phase === 'applying' || p.phase === 'verifying') {
        const health = await ctx.io.health(commandVars(ctx.node, p, p.artifact.version, false));
        const installed = health?.version ?? null;
        const healthy = health ? health.healthy && installed === p.artifact.version : applyExit !== null && applyExit.code === 0;
        if (healthy) {
            st.installed = { ...st.installed, [p.artifact.name]: p.artifact.version };
            ctx.actions.push(`${p.intent} v${p.version}: ${p.artifact.name} ${p.artifact.version} installed and healthy`);
            return done(ctx, st, 'healthy', null);
        }
        const why = health
            ? installed === p.artifact.version
                ? `health-failed: the health command says ${health.detail}`
                : `version-mismatch: after the apply the health command reports ${installed ?? 'no version'}, not ${p.artifact.version}${applyExit && applyExit.code !== 0 ? ` (the apply ${applyExit.detail})` : ''}`
            : applyExit === null
                ? 'apply-interrupted: the agent stopped during the apply and no health command can tell whether it finished'
                : `apply-failed: the apply ${applyExit.detail}`;
        if (health && installed !== null && installed === p.previous) {
            // Nothing changed on the node: the previous version is still installed, there is nothing to roll back.
            st.installed = { ...st.installed, [p.artifact.name]: installed };
            ctx.actions.push(`${p.intent} v${p.version}: not applied (${why}); ${installed} is still installed`);
            return done(ctx, st, 'rolled_back', why);
        }
        p.phase = 'rolling_back';
        p.rollback_reason = why;
        ctx.journal.save(st, [{ at: ctx.io.now().toISOString(), intent: p.intent, version: p.version, state: 'applying', lease: p.lease, reason: `rolling back: ${why}` }]);
    }
    // Rolling back: the previous version, with FLEETHUB_ROLLBACK=1.
    if (p.previous === null) {
        ctx.actions.push(`${p.intent} v${p.version}: ${p.rollback_reason}; no previous version is known, nothing to roll back to`);
        return done(ctx, st, 'rolled_back', `${p.rollback_reason}; rollback-impossible: no previous version was installed`);
    }
    // A rollback left running by an earlier agent has just been waited for: its outcome is read before another is started.
    let ran = left === 'started' && p.phase === 'rolling_back';
    for (let attempt = 0; attempt < 2; attempt++) {
        let exit = null;
        if (!ran) {
            const run = await ctx.io.startApply(commandVars(ctx.node, p, p.previous, true), ({ pid, token }) => {
                p.pid = pid;
                p.run_token = token;
                ctx.journal.save(st);
            });
            exit = await run.exited;
            // Not saved on its own: a restart before the outcome below is saved finds the rollback's id, sees it started, and reads health.
            p.pid = null;
        }
        ran = false;
        const health = await ctx.io.health(commandVars(ctx.node, p, p.previous, true));
        const back = health ? health.version === p.previous : exit === null || exit.code === 0;
        if (back) {
            st.installed = { ...st.installed, [p.artifact.name]: p.previous };
            ctx.actions.push(`${p.intent} v${p.version}: rolled back to ${p.artifact.name} ${p.previous} (${p.rollback_reason})`);
            return done(ctx, st, 'rolled_back', p.rollback_reason);
        }
    }
    ctx.actions.push(`${p.intent} v${p.version}: the rollback to ${p.previous} did not take`);
    return done(ctx, st, 'rolled_back', `${p.rollback_reason}; rollback-failed: ${p.artifact.name} ${p.previous} is not back after two attempts`);
}
/** A command the journal says was running: wait until its process is gone, then whether it ever started. */
async function waitForLeftover(ctx, p) {
    if (p.pid === null)
        return 'none';
    if (ctx.io.processAlive(p.pid))
        ctx.actions.push(`waiting for the ${p.phase === 'rolling_back' ? 'rollback' : 'apply'} left running by an earlier agent (pid ${p.pid})`);
    while (ctx.io.processAlive(p.pid))
        await ctx.io.sleep(POLL_MS);
    const started = p.run_token !== null && ctx.io.commandStarted(p.run_token);
    p.pid = null;
    if (started && p.phase === 'applying')
        p.phase = 'verifying';
    return started ? 'started' : 'never-started';
}
function done(ctx, st, state, reason) {
    const p = st.pending;
    st.done = { ...st.done, [p.intent]: { version: p.version, state } };
    st.pending = null;
    const lines = setReport(st, p.intent, { state, lease: p.lease, version: p.version, reason }, ctx.io.now(), ctx.heartbeatMs);
    ctx.journal.save(st, lines);
}
//# sourceMappingURL=finishUpdate.js.map