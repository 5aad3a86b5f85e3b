/**
 * Step 3: with --probe, probe the enabled, provisioned nodes (with a shard,
 * only that shard's) and record what was seen in the cache; with observation
 * sets (reconcile --observations), record the shards' observations as this
 * run's instead, and a finding for each shard no file names (its nodes keep
 * their state); otherwise read the last recorded observations (for display:
 * they never count twice toward a mode change).
 */
import { mergeObservationSets } from '../../observe/mergeObservationSets.js';
import { readProbeTargets } from '../../observe/readProbeTargets.js';
import { shardOf } from '../../observe/shardOf.js';
import { MODES_FILE } from '../../evaluate/modesFile.js';
import { CacheDataError } from '../../errors.js';
export async function observe(ctx) {
    const db = ctx.db;
    for (const r of db.prepare('SELECT node, at, ok, reason, results, status FROM observations').all()) {
        ctx.lastObservations.set(r.node, { node: r.node, at: r.at, ok: r.ok === 1, reason: r.reason, results: cached(r.results, r.node), ...(r.status ? { status: cached(r.status, r.node) } : {}) });
    }
    const shard = ctx.options.shard;
    const eligible = ctx.nodes.filter((n) => n.enabled && !n.planned).map((n) => n.id);
    if (ctx.options.observationSets) {
        const merged = mergeObservationSets(ctx.options.observationSets);
        const known = new Set(eligible);
        record(ctx, merged.observations.filter((o) => known.has(o.node)));
        for (const index of merged.missing) {
            const left = eligible.filter((id) => shardOf(id, merged.count) === index);
            const names = left.length > 5 ? `${left.slice(0, 5).join(', ')} and ${left.length - 5} more` : left.join(', ');
            ctx.findings.push({
                code: 'probe-shard-missing',
                severity: 'warning',
                message: `probe shard ${index}/${merged.count} is missing (no observations file names it): its ${left.length} node${left.length === 1 ? '' : 's'}${left.length > 0 ? ` (${names})` : ''} keep their last known state`,
                file: MODES_FILE,
                line: 1,
                col: 1,
            });
        }
        return;
    }
    if (!ctx.options.probe)
        return;
    const probed = new Set(eligible.filter((id) => (!ctx.options.only || ctx.options.only.includes(id)) && (!shard || shardOf(id, shard.count) === shard.index)));
    const targets = readProbeTargets(ctx.db).filter((p) => probed.has(p.node));
    const seen = await ctx.io.probe(targets, {
        concurrency: ctx.policy.concurrency,
        timeoutMs: ctx.policy.probeTimeoutMs,
        deadlineMs: ctx.policy.tickDeadlineMs,
        allowRemote: ctx.options.allowRemote,
        now: () => ctx.io.now(),
    });
    record(ctx, seen);
}
function record(ctx, seen) {
    const save = ctx.db.prepare('INSERT OR REPLACE INTO observations VALUES (?, ?, ?, ?, ?, ?)');
    ctx.db.transaction(() => {
        for (const o of seen) {
            ctx.observations.set(o.node, o);
            ctx.lastObservations.set(o.node, o);
            save.run(o.node, o.at, o.ok ? 1 : 0, o.reason, JSON.stringify(o.results), o.status ? JSON.stringify(o.status) : null);
        }
    })();
}
/** A JSON column fleethub wrote; text that does not parse means a damaged cache, reported (rebuild), never read as empty. */
function cached(text, node) {
    try {
        return JSON.parse(text);
    }
    catch (e) {
        throw new CacheDataError('observations', node, e.message);
    }
}
//# sourceMappingURL=observe.js.map