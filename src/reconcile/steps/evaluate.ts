/** Step 4: each node's next mode, recorded in the cache (node_status) and as Ready / Reachable conditions. */
import { statesToPersist } from '../../evaluate/modesFile.js';
import { nextModeState } from '../../evaluate/nextModeState.js';
import { setCondition } from '../condition.js';
import type { ReconcileContext } from '../reconcileContext.js';

const READY = { ACTIVE: 'True', DEGRADED: 'False', DISABLED: 'False', PLANNED: 'False', UNKNOWN: 'Unknown' } as const;

export async function evaluate(ctx: ReconcileContext): Promise<void> {
  for (const n of ctx.nodes) {
    const state = nextModeState(ctx.previous.get(n.id), n, ctx.observations.get(n.id), ctx.policy, ctx.now);
    ctx.states.set(n.id, state);
    const key = `node:${n.id}`;
    const mode = state.mode;
    setCondition(ctx.conditions, key, { type: 'Ready', status: READY[mode], reason: mode.charAt(0) + mode.slice(1).toLowerCase(), message: state.reason });
    const obs = ctx.observations.get(n.id);
    setCondition(ctx.conditions, key, obs ? { type: 'Reachable', status: obs.ok ? 'True' : 'False', reason: obs.ok ? 'ProbesPassed' : 'ProbeFailed', message: obs.reason } : { type: 'Reachable', status: 'Unknown', reason: 'NotProbed', message: 'not probed in this run' });
  }
  ctx.persisted = statesToPersist(ctx.previous, ctx.states, ctx.policy.refreshMs);
  const db = ctx.db!;
  const save = db.prepare('INSERT INTO node_status VALUES (?, ?, ?, ?, ?, ?, ?)');
  db.transaction(() => {
    db.prepare('DELETE FROM node_status').run();
    for (const [id, s] of ctx.states) save.run(id, s.mode, s.since, s.last_verified, s.failures, s.passes, s.reason);
  })();
}
