/**
 * Step: workplans. Readiness, critical paths and done-when verification from
 * the cache, with the task states events not in the files yet set (as
 * `fleethub workplan` shows them, and as a board `reconcile --push` records
 * while they wait must show them), and the check results of this run (empty
 * when no checks step ran: then no task gets a verdict). Pushes `done-not-verified` (error) and
 * `verified-not-ticked` (warning) findings at the task's line, and the board's
 * Workplans section.
 */
import { evaluateWorkplans } from '../../workplans/evaluateWorkplans.js';
import type { ReconcileContext } from '../reconcileContext.js';

export async function workplans(ctx: ReconcileContext): Promise<void> {
  const ev = evaluateWorkplans(ctx.db, ctx.checkResults, ctx.pendingTasks);
  ctx.findings.push(...ev.verification.findings);
  ctx.boardSections.push({ kind: 'workplans', evaluation: ev });
}
