/**
 * Step: workplans. Readiness, critical paths and done-when verification from
 * the cache and the check results of this run (empty when no checks step ran:
 * then no task gets a verdict). Pushes `done-not-verified` (error) and
 * `verified-not-ticked` (warning) findings at the task's line, and the board's
 * Workplans section.
 */
import { hintFor } from '../../records/hints.js';
import { evaluateWorkplans } from '../../workplans/evaluateWorkplans.js';
import type { ReconcileContext } from '../reconcileContext.js';

export async function workplans(ctx: ReconcileContext): Promise<void> {
  const ev = evaluateWorkplans(ctx.db!, ctx.checkResults);
  for (const f of ev.verification.findings) {
    const t = ev.graph.tasks.get(f.task)!;
    const checks = ev.verification.tasks.get(f.task)?.checks.filter((c) => c.outcome === 'fail').map((c) => c.id) ?? [];
    const hint = hintFor(f.code).replace('<workplan> <task>', `${t.workplan} ${t.id}`).replace('<id>', checks.join(' '));
    ctx.findings.push({ code: f.code, severity: f.severity, record: `task:${t.key}`, message: f.message, file: t.file, line: t.line, col: t.col, hint });
  }
  ctx.boardSections.push({ kind: 'workplans', evaluation: ev });
}
