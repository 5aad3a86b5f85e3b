/**
 * Step 3: with --probe, probe the enabled, provisioned nodes and record what
 * was seen in the cache; otherwise read the last recorded observations (for
 * display: they never count twice toward a mode change).
 */
import type { NodeObservation } from '../../observe/observation.js';
import type { ReconcileContext } from '../reconcileContext.js';
import { CacheDataError } from '../../errors.js';

export async function observe(ctx: ReconcileContext): Promise<void> {
  const db = ctx.db;
  for (const r of db.prepare('SELECT node, at, ok, reason, results, status FROM observations').all() as Array<{ node: string; at: string; ok: number; reason: string; results: string; status: string | null }>) {
    ctx.lastObservations.set(r.node, { node: r.node, at: r.at, ok: r.ok === 1, reason: r.reason, results: cached(r.results, r.node) as NodeObservation['results'], ...(r.status ? { status: cached(r.status, r.node) as NodeObservation['status'] } : {}) });
  }
  if (!ctx.options.probe) return;
  const probed = new Set(ctx.nodes.filter((n) => n.enabled && !n.planned && (!ctx.options.only || ctx.options.only.includes(n.id))).map((n) => n.id));
  const targets = ctx.probes.filter((p) => probed.has(p.node));
  const seen = await ctx.io.probe(targets, {
    concurrency: ctx.policy.concurrency,
    timeoutMs: ctx.policy.probeTimeoutMs,
    deadlineMs: ctx.policy.tickDeadlineMs,
    allowRemote: ctx.options.allowRemote,
    now: () => ctx.io.now(),
  });
  const save = db.prepare('INSERT OR REPLACE INTO observations VALUES (?, ?, ?, ?, ?, ?)');
  db.transaction(() => {
    for (const o of seen) {
      ctx.observations.set(o.node, o);
      ctx.lastObservations.set(o.node, o);
      save.run(o.node, o.at, o.ok ? 1 : 0, o.reason, JSON.stringify(o.results), o.status ? JSON.stringify(o.status) : null);
    }
  })();
}

/** A JSON column fleethub wrote; text that does not parse means a damaged cache, reported (rebuild), never read as empty. */
function cached(text: string, node: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new CacheDataError('observations', node, (e as Error).message);
  }
}
