/**
 * Step: workplans. Readiness, critical paths and done-when verification from
 * the cache and the check results of this run (empty when no checks step ran:
 * then no task gets a verdict). Pushes `done-not-verified` (error) and
 * `verified-not-ticked` (warning) findings at the task's line, and the board's
 * Workplans section.
 */
import { evaluateWorkplans } from '../../workplans/evaluateWorkplans.js';
export async function workplans(ctx) {
    const ev = evaluateWorkplans(ctx.db, ctx.checkResults);
    ctx.findings.push(...ev.verification.findings);
    ctx.boardSections.push({ kind: 'workplans', evaluation: ev });
}
//# sourceMappingURL=workplans.js.map