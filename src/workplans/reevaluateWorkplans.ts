/**
 * The workplans evaluated again after some tasks changed (a workplan file
 * saved): readiness and critical paths computed only for the workplans that
 * can have changed — those holding a changed task or a task downstream of
 * one (its dependencies, transitively), or whose list of tasks changed —
 * over those workplans' tasks and
 * everything upstream of them; every other workplan's and task's readiness is
 * `previous`'s. `changed`: the keys of the tasks that were saved, before and
 * after (a removed or added task too). Pure; `previous` is not changed.
 *
 * The same result as `evaluateWorkplans` over `graph` when the graph has no
 * dependency cycle (cycles are validation errors; with one, the critical path
 * through it may differ until the next full evaluation).
 */
import type { CheckResult } from '../checks/checkResult.js';
import type { WorkplanEvaluation } from './evaluateWorkplans.js';
import { readiness } from './readiness.js';
import { verifyDoneWhen } from './verifyDoneWhen.js';
import type { GraphTask, WorkplanGraph } from './workplanGraph.js';

export interface Reevaluation {
  evaluation: WorkplanEvaluation;
  /** The ids of the workplans whose readiness was computed again, in graph order. */
  workplans: string[];
}

export function reevaluateWorkplans(previous: WorkplanEvaluation, graph: WorkplanGraph, changed: ReadonlySet<string>, checkResults: ReadonlyMap<string, CheckResult>): Reevaluation {
  const dependents = new Map<string, string[]>();
  for (const t of graph.tasks.values()) {
    for (const d of t.depends) {
      const list = dependents.get(d);
      if (list) list.push(t.key);
      else dependents.set(d, [t.key]);
    }
  }
  // Downstream of the changed tasks.
  const down = new Set<string>(changed);
  const queue = [...changed];
  for (let i = 0; i < queue.length; i++) {
    for (const k of dependents.get(queue[i]!) ?? []) {
      if (!down.has(k)) {
        down.add(k);
        queue.push(k);
      }
    }
  }
  const ids = new Set<string>();
  for (const k of down) {
    const t = graph.tasks.get(k);
    if (t) ids.add(t.workplan);
  }
  // And the workplans whose list of tasks is not what it was (a new one, one emptied).
  const before = new Map(previous.graph.workplans.map((w) => [w.id, w.tasks]));
  for (const w of graph.workplans) {
    const was = before.get(w.id);
    if (!was || was.length !== w.tasks.length || was.some((k, i) => w.tasks[i] !== k)) ids.add(w.id);
  }
  const workplans = graph.workplans.filter((w) => ids.has(w.id));
  // Their tasks and everything upstream: what their readiness and critical paths are made of.
  const tasks = new Map<string, GraphTask>();
  const up = workplans.flatMap((w) => w.tasks);
  for (const k of up) tasks.set(k, graph.tasks.get(k)!);
  for (let i = 0; i < up.length; i++) {
    for (const d of tasks.get(up[i]!)!.depends) {
      const t = graph.tasks.get(d);
      if (t && !tasks.has(d)) {
        tasks.set(d, t);
        up.push(d);
      }
    }
  }
  const part = readiness({ workplans, tasks });
  const verification = verifyDoneWhen(graph.tasks.values(), checkResults);
  return {
    evaluation: {
      graph,
      readiness: {
        tasks: new Map([...graph.tasks.keys()].map((k) => [k, (part.tasks.has(k) && ids.has(graph.tasks.get(k)!.workplan) ? part.tasks.get(k) : previous.readiness.tasks.get(k)) ?? part.tasks.get(k)!])),
        workplans: new Map(graph.workplans.map((w) => [w.id, ids.has(w.id) ? part.workplans.get(w.id)! : previous.readiness.workplans.get(w.id)!])),
      },
      verification,
      checksRan: checkResults.size > 0,
    },
    workplans: workplans.map((w) => w.id),
  };
}
