/**
 * Workplan readiness. Pure: the graph in, per task and per workplan out.
 *
 * A task's readiness is its state for `done`, `doing` and `cancelled`. A
 * `blocked` box is `blocked`. A todo task is:
 * - `blocked` when a dependency is blocked or unknown (a task that does not
 *   exist) — and this carries on down the chain: a todo task waiting on a
 *   blocked todo task is blocked too, since nothing upstream can move;
 * - `ready` when every dependency is done or cancelled;
 * - `waiting` otherwise (a dependency still todo or doing).
 * Each workplan gets its progress (done of the tasks not cancelled), its ready
 * and blocked tasks and its critical path (criticalPaths.ts). Cycles are
 * validation errors; here they only keep their tasks waiting.
 */
import { criticalPaths } from './criticalPaths.js';
import type { WorkplanGraph } from './workplanGraph.js';

export type Readiness = 'ready' | 'blocked' | 'waiting' | 'done' | 'doing' | 'cancelled';

export interface TaskReadiness {
  key: string;
  readiness: Readiness;
  /** Dependencies neither done nor cancelled (unknown ones included), in the order written. */
  waitingOn: string[];
  /** Of those, the ones that block it: blocked, or unknown. */
  blockedBy: string[];
  /** Dependencies that are no task at all. */
  unknown: string[];
}

export interface WorkplanReadiness {
  id: string;
  /** Tasks done, of `total` (the tasks not cancelled). */
  done: number;
  total: number;
  cancelled: number;
  /** Task keys in file order. */
  ready: string[];
  blocked: string[];
  waiting: string[];
  doing: string[];
  /** Task keys, first task first; may include tasks of other workplans. */
  criticalPath: string[];
}

export interface ReadinessResult {
  tasks: Map<string, TaskReadiness>;
  /** In workplan id order. */
  workplans: Map<string, WorkplanReadiness>;
}

const closed = (state: string | undefined): boolean => state === 'done' || state === 'cancelled';

export function readiness(graph: WorkplanGraph): ReadinessResult {
  const { tasks: all } = graph;
  // Blocked todo tasks: from the seeds (blocked boxes, unknown dependencies) down the reverse edges.
  const dependents = new Map<string, string[]>();
  for (const t of all.values()) {
    for (const d of t.depends) {
      const list = dependents.get(d);
      if (list) list.push(t.key);
      else dependents.set(d, [t.key]);
    }
  }
  const blocked = new Set<string>();
  const queue: string[] = [];
  const block = (key: string): void => {
    if (blocked.has(key)) return;
    blocked.add(key);
    queue.push(key);
  };
  for (const t of all.values()) {
    if (t.state === 'blocked') block(t.key);
    else if (t.state === 'todo' && t.depends.some((d) => !all.has(d))) block(t.key);
  }
  for (let i = 0; i < queue.length; i++) {
    for (const k of dependents.get(queue[i]!) ?? []) if (all.get(k)!.state === 'todo') block(k);
  }

  const tasks = new Map<string, TaskReadiness>();
  for (const t of all.values()) {
    const waitingOn = t.depends.filter((d) => !closed(all.get(d)?.state));
    const unknown = t.depends.filter((d) => !all.has(d));
    const blockedBy = waitingOn.filter((d) => !all.has(d) || blocked.has(d));
    let r: Readiness;
    if (t.state === 'done' || t.state === 'doing' || t.state === 'cancelled') r = t.state;
    else if (blocked.has(t.key)) r = 'blocked';
    else r = waitingOn.length === 0 ? 'ready' : 'waiting';
    tasks.set(t.key, { key: t.key, readiness: r, waitingOn, blockedBy, unknown });
  }

  const paths = criticalPaths(graph);
  const workplans = new Map<string, WorkplanReadiness>();
  for (const wp of graph.workplans) {
    const of = (r: Readiness): string[] => wp.tasks.filter((k) => tasks.get(k)!.readiness === r);
    const cancelled = of('cancelled').length;
    workplans.set(wp.id, {
      id: wp.id,
      done: of('done').length,
      total: wp.tasks.length - cancelled,
      cancelled,
      ready: of('ready'),
      blocked: of('blocked'),
      waiting: of('waiting'),
      doing: of('doing'),
      criticalPath: paths.get(wp.id) ?? [],
    });
  }
  return { tasks, workplans };
}
