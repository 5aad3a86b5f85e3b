/**
 * The stale observations `status`, `reconcile` and the hub show, judged
 * against this run's clock: a node's last observation is the later of the one
 * the local cache recorded and the one status/modes.json carries (after this
 * run), so a fresh clone, whose cache never probed, still labels the picture it
 * shows from status/ with its age. Derived, never stored.
 */
import { staleObservations, type StaleObservation } from '../evaluate/staleObservations.js';
import type { ReconcileContext } from './reconcileContext.js';

export function staleNow(ctx: Pick<ReconcileContext, 'lastObservations' | 'states' | 'nodes' | 'now' | 'policy'>): StaleObservation[] {
  const last = new Map<string, { at: string }>();
  for (const n of ctx.nodes) {
    const times = [ctx.lastObservations.get(n.id)?.at, ctx.states.get(n.id)?.observed_at].filter((t): t is string => typeof t === 'string' && !Number.isNaN(Date.parse(t)));
    if (times.length > 0) last.set(n.id, { at: times.reduce((a, b) => (Date.parse(b) > Date.parse(a) ? b : a)) });
  }
  return staleObservations(last, ctx.nodes, ctx.now, ctx.policy.staleAfterMs);
}
