/**
 * Done-when verification: does each task's box agree with its done-when checks?
 * Pure: tasks and check results in, a verdict per task and findings out.
 *
 * A task's verdict over its checks: `fail` when any check ran and failed,
 * `pass` when every check ran and passed, `unknown` when none failed but one
 * did not run, errored or timed out (no verdict), `none` without done-when.
 * - ticked done and `fail`                 → `done-not-verified` (error)
 * - todo, doing or blocked, and `pass`     → `verified-not-ticked` (warning);
 *   when the task still waits on a dependency (readiness `waitingOn`), the
 *   finding names it and says to finish it first
 * Cancelled tasks get a verdict but no finding: cancelling is a decision.
 */
import type { CheckResult } from '../checks/checkResult.js';
import type { Finding } from '../records/finding.js';
import { hintFor, type FindingCode } from '../records/hints.js';
import type { TaskReadiness } from './readiness.js';
import type { GraphTask } from './workplanGraph.js';

export type CheckOutcome = CheckResult['status'] | 'not-run';
export type Verdict = 'pass' | 'fail' | 'unknown' | 'none';

export interface TaskVerification {
  key: string;
  verdict: Verdict;
  checks: Array<{ id: string; outcome: CheckOutcome; message: string }>;
}

export interface VerificationResult {
  tasks: Map<string, TaskVerification>;
  /** In the order the tasks were given. */
  findings: Finding[];
}

/** `readiness`: the tasks' readiness (what each still waits on); without it, no task is taken to wait. */
export function verifyDoneWhen(tasks: Iterable<GraphTask>, results: ReadonlyMap<string, Pick<CheckResult, 'status' | 'message'>>, readiness: ReadonlyMap<string, Pick<TaskReadiness, 'waitingOn'>> = new Map()): VerificationResult {
  const out = new Map<string, TaskVerification>();
  const findings: Finding[] = [];
  for (const t of tasks) {
    const checks = t.doneWhen.map((id) => {
      const r = results.get(id);
      return { id, outcome: r ? r.status : ('not-run' as const), message: r ? r.message : 'did not run' };
    });
    const verdict: Verdict = checks.length === 0 ? 'none' : checks.some((c) => c.outcome === 'fail') ? 'fail' : checks.every((c) => c.outcome === 'pass') ? 'pass' : 'unknown';
    out.set(t.key, { key: t.key, verdict, checks });
    if (verdict === 'fail' && t.state === 'done') {
      const failed = checks.filter((c) => c.outcome === 'fail');
      findings.push({
        code: 'done-not-verified',
        severity: 'error',
        hint: taskHint('done-not-verified', t, failed.map((c) => c.id)),
        kind: 'task',
        id: t.key,
        file: t.file,
        line: t.line,
        col: t.col,
        message: `task ${t.key} is ticked done, but its done-when check${failed.length === 1 ? '' : 's'} ${failed.map((c) => `${c.id} (${c.message})`).join(', ')} fail${failed.length === 1 ? 's' : ''}; finish the work or reopen the task`,
      });
    } else if (verdict === 'pass' && (t.state === 'todo' || t.state === 'doing' || t.state === 'blocked')) {
      const waitingOn = readiness.get(t.key)?.waitingOn ?? [];
      const tick = `fleethub task done ${t.workplan} ${t.id}`;
      const first = waitingOn.length === 0 ? '' : `finish ${waitingOn.join(', ')} first (it depends on ${waitingOn.length === 1 ? 'it' : 'them'}), then `;
      findings.push({
        code: 'verified-not-ticked',
        severity: 'warning',
        hint: waitingOn.length === 0 ? taskHint('verified-not-ticked', t, []) : `${first}tick the task: ${tick}`,
        kind: 'task',
        id: t.key,
        file: t.file,
        line: t.line,
        col: t.col,
        message: `task ${t.key} is ${t.state}, but every done-when check passes (${checks.map((c) => c.id).join(', ')}); ${first}tick it done: ${tick}`,
      });
    }
  }
  return { tasks: out, findings };
}

/** The code's hint, with the task's workplan and id and the failing checks filled in. */
function taskHint(code: FindingCode, t: GraphTask, failing: string[]): string {
  return hintFor(code).replace('<workplan> <task>', `${t.workplan} ${t.id}`).replace('<id>', failing.join(' '));
}
