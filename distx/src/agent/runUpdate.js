/**
 * One update under a valid lease, step by step, each step saved in the
 * journal and reported before the next begins: leased (the lease's epoch and
 * the intent's version become the highest seen), staged (the artifact's
 * digest recorded; the version installed before, read from the health
 * command, kept for a rollback), applying (saved before the command starts,
 * its process id right after, so a restarted agent waits for it rather than
 * starting another), then finishUpdate: healthy or rolled back.
 *
 * Already installed (the health command reports the intended version and
 * exit 0): reported healthy without applying, so a journal lost or a lease
 * issued twice never applies twice.
 */
import { DIGEST_PREFIX } from '../rollout/leaseTypes.js';
import { commandVars } from './commandVars.js';
import { finishUpdate } from './finishUpdate.js';
import { setReport } from './setReport.js';
export async function runUpdate(ctx, st, a, commit) {
    const now = () => ctx.io.now();
    const report = (p, state, reason = null) => setReport(st, p.intent, { state, lease: p.lease, version: p.version, reason }, now(), ctx.heartbeatMs);
    let p = st.pending;
    if (p === null || p.intent !== a.intent || p.lease !== a.lease.id) {
        p = {
            intent: a.intent,
            version: a.version,
            intent_digest: a.digest,
            artifact: a.artifact,
            lease: a.lease.id,
            epoch: a.lease.epoch,
            phase: 'leased',
            staged_digest: null,
            previous: null,
            pid: null,
            run_token: null,
            apply_exit: null,
            rollback_reason: null,
            since: now().toISOString(),
        };
        st.pending = p;
        st.epochs = { ...st.epochs, [a.intent]: Math.max(st.epochs[a.intent] ?? 0, a.lease.epoch) };
        st.accepted = { ...st.accepted, [a.intent]: { version: a.version, digest: a.digest.slice(DIGEST_PREFIX.length) } };
        st.last_plan = { intent: a.intent, version: a.version, lease: a.lease.id, commit };
        ctx.journal.save(st, report(p, 'leased'));
        ctx.actions.push(`${a.intent} v${a.version}: lease ${a.lease.id} accepted (expires ${a.lease.expires})`);
    }
    if (p.phase === 'leased') {
        const health = await ctx.io.health(commandVars(ctx.node, p, a.artifact.version, false));
        if (health && health.healthy && health.version === a.artifact.version) {
            st.installed = { ...st.installed, [a.artifact.name]: a.artifact.version };
            st.done = { ...st.done, [a.intent]: { version: a.version, state: 'healthy' } };
            st.pending = null;
            ctx.actions.push(`${a.intent} v${a.version}: ${a.artifact.name} ${a.artifact.version} is already installed and healthy: nothing applied`);
            ctx.journal.save(st, setReport(st, a.intent, { state: 'healthy', lease: p.lease, version: p.version, reason: null }, now(), ctx.heartbeatMs));
            return;
        }
        p.previous = health?.version ?? st.installed[a.artifact.name] ?? null;
        p.staged_digest = a.artifact.digest;
        p.phase = 'staged';
        ctx.journal.save(st, report(p, 'staged'));
        ctx.actions.push(`${a.intent} v${a.version}: staged ${a.artifact.name} ${a.artifact.version} (${a.artifact.digest}); installed before: ${p.previous ?? 'nothing'}`);
    }
    if (p.phase === 'staged') {
        p.phase = 'applying';
        ctx.journal.save(st, report(p, 'applying'));
        await ctx.flush();
        const run = await ctx.io.startApply(commandVars(ctx.node, p, a.artifact.version, false), ({ pid, token }) => {
            p.pid = pid;
            p.run_token = token;
            ctx.journal.save(st);
        });
        const exit = await heartbeating(ctx, run.exited, () => report(p, 'applying'), () => ctx.journal.save(st));
        p.pid = null;
        p.apply_exit = exit.code ?? -1;
        p.phase = 'verifying';
        ctx.journal.save(st, [{ at: now().toISOString(), intent: p.intent, version: p.version, state: 'applied', lease: p.lease, reason: exit.detail }]);
        ctx.actions.push(`${a.intent} v${a.version}: the apply ${exit.detail}`);
    }
    await finishUpdate(ctx, st);
}
/**
 * Waits for the apply; meanwhile, every half heartbeat_timeout, the node
 * re-reports `applying` and relays it, so a long apply never looks like a
 * lost heartbeat to the orchestrator.
 */
async function heartbeating(ctx, exited, beat, save) {
    if (ctx.heartbeatMs === null)
        return exited;
    const stop = new AbortController();
    let result = null;
    const done = exited.then((value) => {
        result = { value };
        stop.abort();
    });
    try {
        while (result === null) {
            await ctx.io.sleep(ctx.heartbeatMs / 2, stop.signal);
            if (result !== null)
                break;
            beat();
            save();
            await ctx.flush();
        }
    }
    finally {
        stop.abort();
    }
    await done;
    return result.value;
}
//# sourceMappingURL=runUpdate.js.map