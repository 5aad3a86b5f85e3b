/**
 * What `fleethub workplan` prints without an id: every workplan with its
 * status, progress and ready and blocked counts, and the verification
 * findings, as JSON for machines and text for people. Pure.
 */
import { renderFindingList } from './renderFindingList.js';
import { renderTable } from './renderTable.js';
import type { WorkplanEvaluation } from '../workplans/evaluateWorkplans.js';
import { progressBar } from './progressBar.js';
import { NO_CHECKS, type WorkplanReport } from './workplanDetail.js';

/** As status and reconcile list findings: the first 50 (the JSON has them all). */
const MAX_FINDINGS = 50;

export function workplanList(ev: WorkplanEvaluation): WorkplanReport {
  const rows = ev.graph.workplans.map((w) => {
    const r = ev.readiness.workplans.get(w.id)!;
    return { id: w.id, title: w.title, status: w.status, owner: w.owner, file: w.file, done: r.done, total: r.total, cancelled: r.cancelled, ready: r.ready, blocked: r.blocked, criticalPath: r.criticalPath };
  });
  const failing = ev.verification.findings.filter((f) => f.code === 'done-not-verified');
  return {
    json: { checksRan: ev.checksRan, workplans: rows, findings: ev.verification.findings },
    problems: failing.length > 0,
    text(style) {
      if (rows.length === 0) return 'No workplans.';
      const table = renderTable(
        ['id', 'title', 'status', 'progress', 'ready', 'blocked'],
        rows.map((r) => ({ ...r, title: clip(r.title, 48), progress: `${progressBar(r.done, r.total)}${r.cancelled > 0 ? ` +${r.cancelled} cancelled` : ''}`, ready: r.ready.length, blocked: r.blocked.length })),
        { maxWidth: style.columns },
      );
      const notes = ev.verification.findings.length > 0 ? renderFindingList(ev.verification.findings, { max: MAX_FINDINGS, more: 'fleethub workplan --format json lists them all' }, style) : [];
      return [table, ...(notes.length > 0 ? ['', ...notes] : []), ...(ev.checksRan ? [] : ['', style.dim(NO_CHECKS)])].join('\n');
    },
  };
}

function clip(s: string, n: number): string {
  const chars = [...s];
  return chars.length <= n ? s : `${chars.slice(0, n - 1).join('')}…`;
}
