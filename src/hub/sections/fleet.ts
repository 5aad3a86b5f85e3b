/** Section `fleet`: the summary counts, first on the page: records by kind, nodes by mode and role, workloads by stage, tasks by state, findings by severity, the outbox. */
import { staleNow } from '../../reconcile/staleNow.js';
import type { HubInput } from '../hubInput.js';
import { countBy } from './countBy.js';

export interface HubFleet {
  counts: Record<string, number>;
  nodes: { total: number; byMode: Record<string, number>; byRole: Record<string, number>; byArea: Record<string, number>; stale: number };
  workloads: { total: number; byStage: Record<string, number>; moving: number };
  tasks: Record<string, number>;
  /** Findings by severity; { evaluating: true } in a save's first phase. */
  findings: { errors: number; warnings: number } | { evaluating: true };
  outbox: { pending: number; dead: number };
}

export function fleet(input: HubInput): HubFleet {
  const { run } = input;
  const count = countBy;
  const counts = Object.fromEntries((run.db.prepare('SELECT kind, count(*) AS n FROM records GROUP BY kind ORDER BY kind').all() as Array<{ kind: string; n: number }>).map((r) => [r.kind, r.n]));
  const tasks = count([...input.workplans.graph.tasks.values()].map((t) => t.state));
  const errors = run.findings.filter((f) => f.severity === 'error').length;
  return {
    counts,
    nodes: {
      total: run.nodes.length,
      byMode: count(run.nodes.map((n) => run.states.get(n.id)?.mode ?? 'UNKNOWN')),
      byRole: count(run.nodes.map((n) => n.role)),
      byArea: count(run.nodes.map((n) => n.area)),
      stale: staleNow(run).length,
    },
    workloads: { total: run.workloads.length, byStage: count(run.workloads.map((w) => w.stage)), moving: run.workloads.filter((w) => w.host !== null && w.target_host !== null && w.host !== w.target_host).length },
    tasks,
    findings: input.evaluating ? { evaluating: true } : { errors, warnings: run.findings.length - errors },
    outbox: { pending: input.outbox.pending.length, dead: input.outbox.dead.length },
  };
}
