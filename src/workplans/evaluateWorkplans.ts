/**
 * Everything fleethub knows about the workplans after a reconcile: the graph
 * from the cache, readiness and critical paths, and done-when verification
 * against the check results of the run (empty when the checks did not run).
 * Reads the cache; the evaluations themselves are pure.
 */
import type Database from 'better-sqlite3';
import type { CheckResult } from '../checks/checkResult.js';
import { readiness, type ReadinessResult } from './readiness.js';
import { verifyDoneWhen, type VerificationResult } from './verifyDoneWhen.js';
import type { TaskState } from '../records/parseTasks.js';
import { workplanGraph, type WorkplanGraph } from './workplanGraph.js';

/** A task state that an event not in the files yet will set: still in the outbox (`pending`) or landed upstream but not pulled (`upstream`). */
export type TaskOverlay = { state: TaskState; overlay: 'pending' | 'upstream' };

export interface WorkplanEvaluation {
  graph: WorkplanGraph;
  readiness: ReadinessResult;
  verification: VerificationResult;
  /** Whether any named check ran in this reconcile (otherwise no task has a verdict). */
  checksRan: boolean;
}

/**
 * `overlay`: task states that events not in the files yet will set (pendingTaskStates); they count as set, and the tasks are marked.
 * `graph`: the graph when the caller has it already (workplanGraph with a patch); it is not changed.
 */
export function evaluateWorkplans(db: Database.Database, checkResults: ReadonlyMap<string, CheckResult>, overlay: ReadonlyMap<string, TaskOverlay> = new Map(), read: WorkplanGraph = workplanGraph(db)): WorkplanEvaluation {
  let graph = read;
  if (overlay.size > 0) {
    const tasks = new Map(graph.tasks);
    for (const [key, o] of overlay) {
      const t = tasks.get(key);
      if (t) tasks.set(key, { ...t, state: o.state, overlay: o.overlay });
    }
    graph = { workplans: graph.workplans, tasks };
  }
  const ready = readiness(graph);
  return { graph, readiness: ready, verification: verifyDoneWhen(graph.tasks.values(), checkResults, ready.tasks), checksRan: checkResults.size > 0 };
}
