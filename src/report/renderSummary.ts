/** The fleet summary for people. Pure. */
import type { FleetSummary } from '../cache/readSummary.js';
import { findingsSection } from './findingsSection.js';
import type { ReconcileFindingJson } from './reconcileReport.js';
import { renderTable } from './renderTable.js';
import { PLAIN, type Style } from './style.js';
import { fillLines } from './fillLines.js';
import { tableTime } from './tableTime.js';
import { wrapText } from './wrapText.js';

/** A summary, not a listing: past this many nodes, the text output points at JSON and queries. */
const MAX_NODE_ROWS = 50;
const MAX_FINDINGS = 50;


const list = (o: Record<string, number>): string =>
  Object.entries(o)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ') || 'none';

/** `findings` are the reconcile loop's (the same evaluation `fleethub reconcile` reports), not only validation's. */
export function renderSummary(s: FleetSummary, findings: readonly ReconcileFindingJson[], style: Style = PLAIN): string {
  const out: string[] = [];
  out.push(style.bold('Fleet'));
  const line = (label: string, text: string): string[] => wrapList(text, style.columns - 13).map((l, i) => `  ${(i === 0 ? label : '').padEnd(11)}${l}`);
  out.push(...line('records', list(s.counts)));
  out.push(...line('nodes', `${list(s.nodes.byMode)}  (roles: ${list(s.nodes.byRole)})`));
  out.push(...line('workloads', `${list(s.workloads.byStage)}; ${s.workloads.moving} moving, ${s.workloads.withoutTarget} without target host, ${s.workloads.withoutOwner} without owner`));
  out.push(...line('tasks', list(s.tasks)));
  out.push('');
  out.push(style.bold('Nodes'));
  out.push(indent(renderTable(['id', 'role', 'target_role', 'area', 'declared', 'mode', 'since', 'why'], s.nodes.list.slice(0, MAX_NODE_ROWS).map((n) => ({ ...n, since: tableTime(n.since), why: n.reason ?? '' })), { maxWidth: style.columns - 2, optional: ['area', 'target_role'] })));
  if (s.nodes.list.length > MAX_NODE_ROWS) out.push(style.dim(`  ... and ${s.nodes.list.length - MAX_NODE_ROWS} more nodes (fleethub status --format json, or fleethub query "SELECT * FROM nodes")`));
  out.push('');
  out.push(style.bold('Workloads on hosts that are not usable'));
  const stranded = s.workloads.list.filter((w) => w.host !== null && !w.usable);
  out.push(
    stranded.length === 0
      ? style.green('  none')
      : indent(renderTable(['id', 'kind', 'stage', 'host', 'host_mode'], stranded.slice(0, MAX_NODE_ROWS).map((w) => ({ ...w, host_mode: w.host_mode ?? 'UNKNOWN' })), { maxWidth: style.columns - 2 })),
  );
  if (stranded.length > MAX_NODE_ROWS) out.push(style.dim(`  ... and ${stranded.length - MAX_NODE_ROWS} more`));
  out.push('');
  out.push(style.bold('Findings'));
  out.push(...findingsSection(findings, { max: MAX_FINDINGS, more: 'fleethub status --format json or fleethub reconcile --format json lists them all' }, style));
  return out.join('\n');
}

/** A line of counts ("ACTIVE 11, DEGRADED 2, ...") at most `w` wide, broken after a comma so that no count leaves its name. */
function wrapList(text: string, w: number): string[] {
  return fillLines(text.split(', ').map((item, i, all) => (i < all.length - 1 ? `${item},` : item)), () => w).flatMap((l) => wrapText(l, w));
}

function indent(s: string): string {
  return s
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n');
}
