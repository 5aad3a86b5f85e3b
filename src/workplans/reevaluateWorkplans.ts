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
import { readiness, type TaskReadiness } from './readiness.js';
import { verifyDoneWhen, type TaskVerification, type VerificationResult } from './verifyDoneWhen.js';
import type { Finding } from '../records/finding.js';
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
  // No open task came, went or changed its dependencies: every chain of open tasks is as it was, so are the critical paths.
  if (sameChains(previous.graph, graph, changed)) return byReadiness(previous, graph, changed, dependents, checkResults);
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
  const ids = workplansOf(previous.graph, graph, down);
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
  const ready = {
    tasks: new Map([...graph.tasks.keys()].map((k) => [k, (part.tasks.has(k) && ids.has(graph.tasks.get(k)!.workplan) ? part.tasks.get(k) : previous.readiness.tasks.get(k)) ?? part.tasks.get(k)!])),
    workplans: new Map(graph.workplans.map((w) => [w.id, ids.has(w.id) ? part.workplans.get(w.id)! : previous.readiness.workplans.get(w.id)!])),
  };
  return {
    evaluation: {
      graph,
      readiness: ready,
      verification: verifiedAgain(previous, graph, new Set(workplans.flatMap((w) => w.tasks)), checkResults, ready.tasks),
      checksRan: checkResults.size > 0,
    },
    workplans: workplans.map((w) => w.id),
  };
}

const isOpen = (t: GraphTask): boolean => t.state !== 'done' && t.state !== 'cancelled';

/** Whether the changed tasks are, before and after, the same open tasks with the same dependencies. */
function sameChains(before: WorkplanGraph, after: WorkplanGraph, changed: ReadonlySet<string>): boolean {
  for (const k of changed) {
    const a = before.tasks.get(k);
    const b = after.tasks.get(k);
    if (!a || !b || isOpen(a) !== isOpen(b) || a.depends.length !== b.depends.length || a.depends.some((d, i) => b.depends[i] !== d)) return false;
  }
  return true;
}

/** What a task's readiness tells its dependents: closed (done, cancelled), blocked, open, or no task. */
const effect = (r: { readiness: string } | undefined): string => (r === undefined ? 'gone' : r.readiness === 'done' || r.readiness === 'cancelled' ? 'closed' : r.readiness === 'blocked' ? 'blocked' : 'open');

/**
 * The critical paths unchanged: readiness computed again for the changed
 * tasks' workplans, then for the workplans of the dependents of any task
 * whose effect on them changed, until none did. Each round is `readiness`
 * over those workplans' tasks with their dependencies outside as they stand
 * (a task the last evaluation found blocked stands in as a blocked box, with
 * no dependencies of its own).
 */
function byReadiness(previous: WorkplanEvaluation, graph: WorkplanGraph, changed: ReadonlySet<string>, dependents: ReadonlyMap<string, string[]>, checkResults: ReadonlyMap<string, CheckResult>): Reevaluation {
  const ids = workplansOf(previous.graph, graph, changed);
  for (;;) {
    const workplans = graph.workplans.filter((w) => ids.has(w.id));
    const tasks = new Map<string, GraphTask>();
    for (const w of workplans) for (const k of w.tasks) tasks.set(k, graph.tasks.get(k)!);
    const inside = new Set(tasks.keys());
    for (const k of inside) {
      for (const d of tasks.get(k)!.depends) {
        const t = graph.tasks.get(d);
        if (!t || tasks.has(d)) continue;
        tasks.set(d, { ...t, depends: [], state: previous.readiness.tasks.get(d)?.readiness === 'blocked' ? 'blocked' : t.state });
      }
    }
    const part = readiness({ workplans, tasks });
    const more = new Set<string>();
    for (const k of [...inside, ...changed]) {
      if (!inside.has(k) && graph.tasks.has(k)) continue;
      if (effect(part.tasks.get(k)) === effect(previous.readiness.tasks.get(k))) continue;
      for (const d of dependents.get(k) ?? []) {
        const w = graph.tasks.get(d)!.workplan;
        if (!ids.has(w)) more.add(w);
      }
    }
    if (more.size > 0) {
      for (const w of more) ids.add(w);
      continue;
    }
    const ready = {
      tasks: new Map([...graph.tasks.keys()].map((k) => [k, inside.has(k) ? part.tasks.get(k)! : previous.readiness.tasks.get(k)!])),
      workplans: new Map(graph.workplans.map((w) => [w.id, ids.has(w.id) ? { ...part.workplans.get(w.id)!, criticalPath: previous.readiness.workplans.get(w.id)?.criticalPath ?? [] } : previous.readiness.workplans.get(w.id)!])),
    };
    return {
      evaluation: {
        graph,
        readiness: ready,
        verification: verifiedAgain(previous, graph, inside, checkResults, ready.tasks),
        checksRan: checkResults.size > 0,
      },
      workplans: workplans.map((w) => w.id),
    };
  }
}

/** Done-when verification of the tasks `again` (their done-when, state or readiness may have changed), the others' as `previous` had it (same checks, same results, same dependencies waited on); findings in task order. */
function verifiedAgain(previous: WorkplanEvaluation, graph: WorkplanGraph, again: ReadonlySet<string>, checkResults: ReadonlyMap<string, CheckResult>, ready: ReadonlyMap<string, TaskReadiness>): VerificationResult {
  const fresh = verifyDoneWhen([...again].map((k) => graph.tasks.get(k)!), checkResults, ready);
  const found = new Map<string, Finding[]>();
  for (const f of [...previous.verification.findings.filter((f) => !again.has(f.id!)), ...fresh.findings]) found.set(f.id!, [...(found.get(f.id!) ?? []), f]);
  const tasks = new Map<string, TaskVerification>();
  const findings: Finding[] = [];
  for (const k of graph.tasks.keys()) {
    tasks.set(k, again.has(k) ? fresh.tasks.get(k)! : previous.verification.tasks.get(k)!);
    if (found.size > 0) findings.push(...(found.get(k) ?? []));
  }
  return { tasks, findings };
}

/** The ids of the workplans holding one of `keys`, and of those whose list of tasks is not what it was (a new one, one emptied). */
function workplansOf(before: WorkplanGraph, after: WorkplanGraph, keys: Iterable<string>): Set<string> {
  const ids = new Set<string>();
  for (const k of keys) {
    const t = after.tasks.get(k);
    if (t) ids.add(t.workplan);
  }
  const was = new Map(before.workplans.map((w) => [w.id, w.tasks]));
  for (const w of after.workplans) {
    const tasks = was.get(w.id);
    if (!tasks || tasks.length !== w.tasks.length || tasks.some((k, i) => w.tasks[i] !== k)) ids.add(w.id);
  }
  return ids;
}
