/**
 * What `fleethub workplan <id>` prints: one workplan's tasks (state,
 * readiness, owner, dependencies, done-when verdict), its ready and blocked
 * tasks, critical path and findings, as JSON for machines and text for
 * people. Pure: the evaluation in, the output out (styling passed in).
 */
import type { Finding } from '../records/finding.js';
import { hintFor } from '../records/hints.js';
import { formatFinding } from './formatFinding.js';
import { renderTable } from './renderTable.js';
import type { Style } from './style.js';
import type { WorkplanEvaluation } from '../workplans/evaluateWorkplans.js';
import { progressBar } from './progressBar.js';
import type { TaskVerification } from '../workplans/verifyDoneWhen.js';
import type { GraphTask, GraphWorkplan } from '../workplans/workplanGraph.js';

export interface WorkplanReport {
  json: unknown;
  text(style: Style): string;
  /** A task ticked done fails its done-when check. */
  problems: boolean;
}

export const NO_CHECKS = 'The named checks did not run, so no done-when verdicts.';

export function workplanDetail(wp: GraphWorkplan, ev: WorkplanEvaluation, findings: Finding[]): WorkplanReport {
  const r = ev.readiness.workplans.get(wp.id)!;
  const name = (k: string): string => (k.startsWith(`${wp.id}/`) ? k.slice(wp.id.length + 1) : k);
  const tasks = wp.tasks.map((k) => {
    const t = ev.graph.tasks.get(k)!;
    const rd = ev.readiness.tasks.get(k)!;
    const v = ev.verification.tasks.get(k)!;
    return { key: k, id: t.id, title: t.title, state: t.state, overlay: t.overlay ?? null, readiness: rd.readiness, owner: t.owner, depends: t.depends, waitingOn: rd.waitingOn, blockedBy: rd.blockedBy, doneWhen: { verdict: v.verdict, checks: v.checks }, line: t.line };
  });
  const failing = ev.verification.findings.filter((f) => f.code === 'done-not-verified' && f.id!.startsWith(`${wp.id}/`));
  const json = { id: wp.id, title: wp.title, status: wp.status, owner: wp.owner, file: wp.file, done: r.done, total: r.total, cancelled: r.cancelled, ready: r.ready, blocked: r.blocked, criticalPath: r.criticalPath, checksRan: ev.checksRan, tasks, findings };
  return {
    json,
    problems: failing.length > 0,
    text(style) {
      const table = renderTable(
        ['id', 'state', 'readiness', 'owner', 'depends', 'done-when', 'title'],
        tasks.map((t) => ({ ...t, state: t.overlay ? `${t.state} (${t.overlay})` : t.state, depends: t.depends.map(name).join(', '), 'done-when': verdictText(ev.graph.tasks.get(t.key)!, ev.verification.tasks.get(t.key)!, ev.checksRan), title: clip(t.title, 40) })),
        { maxWidth: style.columns },
      );
      const path = r.criticalPath.length === 0 ? 'none (every task is done or cancelled)' : `${r.criticalPath.map(name).join(' → ')} (${r.criticalPath.length} task${r.criticalPath.length === 1 ? '' : 's'})`;
      const lines = [
        style.bold(`${wp.id} · ${wp.title}`),
        `${wp.status ?? '—'} · owner ${wp.owner ?? '—'} · ${wp.file}`,
        `${progressBar(r.done, r.total)}${r.cancelled > 0 ? ` (${r.cancelled} cancelled)` : ''} · ${style.green(`${r.ready.length} ready`)} · ${r.blocked.length > 0 ? style.red(`${r.blocked.length} blocked`) : '0 blocked'}`,
        '',
        table,
        '',
        `Ready:         ${r.ready.length === 0 ? 'none' : r.ready.map(name).join(', ')}`,
        `Blocked:       ${r.blocked.length === 0 ? 'none' : r.blocked.map(name).join(', ')}`,
        `Critical path: ${path}`,
      ];
      if (tasks.some((t) => t.doneWhen.checks.length > 0) && !ev.checksRan) lines.push('', style.dim(NO_CHECKS));
      const waiting = tasks.filter((t) => t.overlay === 'pending').length;
      const unpulled = tasks.filter((t) => t.overlay === 'upstream').length;
      if (waiting > 0) lines.push('', style.yellow(`${waiting} task change(s) pending: recorded in the outbox, not upstream yet ('fleethub relay' sends them)`));
      if (unpulled > 0) lines.push('', style.dim(`${unpulled} task change(s) landed upstream but are not in this checkout yet ('git pull' brings them)`));
      if (findings.length > 0) {
        lines.push('', 'Findings:');
        // Each as path:line:col: severity[code]: message, with its hint, as validate and reconcile print them.
        for (const f of findings) lines.push(formatFinding({ ...f, hint: f.hint ?? hintFor(f.code) }, style).replace(/^/gm, '  '));
      }
      return lines.join('\n');
    },
  };
}

function verdictText(t: GraphTask, v: TaskVerification, checksRan: boolean): string {
  if (v.verdict === 'none') return '';
  // The first check and how many more, so the column stays readable; the JSON has them all.
  const ids = (pick: (o: string) => boolean): string => {
    const hit = v.checks.filter((c) => pick(c.outcome)).map((c) => c.id);
    return hit.length <= 1 ? (hit[0] ?? '') : `${hit[0]} +${hit.length - 1}`;
  };
  if (!checksRan) return 'no verdict (checks did not run)';
  if (v.verdict === 'fail') return `${t.state === 'done' ? 'DONE, NOT VERIFIED' : 'fails'}: ${ids((o) => o === 'fail')}`;
  if (v.verdict === 'pass') return t.state === 'done' || t.state === 'cancelled' ? 'passes' : 'passes: VERIFIED, NOT TICKED';
  const first = v.checks.find((c) => c.outcome !== 'pass' && c.outcome !== 'fail')!;
  return `no verdict: ${ids((o) => o !== 'pass' && o !== 'fail')} (${first.outcome})`;
}

function clip(s: string, n: number): string {
  const chars = [...s];
  return chars.length <= n ? s : `${chars.slice(0, n - 1).join('')}…`;
}
