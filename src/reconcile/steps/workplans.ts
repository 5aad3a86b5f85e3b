/**
 * Step: workplans. Readiness, critical paths and done-when verification from
 * the cache and the check results of this run (empty when no checks step ran:
 * then no task gets a verdict). Pushes `done-not-verified` (error) and
 * `verified-not-ticked` (warning) findings at the task's line, and the board's
 * Workplans section.
 */
import { evaluateWorkplans } from '../../workplans/evaluateWorkplans.js';
import { workplansSection } from '../../workplans/workplansSection.js';
import type { ReconcileContext } from '../reconcileContext.js';

export async function workplans(ctx: ReconcileContext): Promise<void> {
  const ev = evaluateWorkplans(ctx.db!, ctx.checkResults);
  for (const f of ev.verification.findings) {
    const t = ev.graph.tasks.get(f.task)!;
    ctx.findings.push({ code: f.code, severity: f.severity, record: `task:${t.key}`, message: f.message, file: t.file, line: t.line });
  }
  ctx.boardSections.push(workplansSection(ev));
}
