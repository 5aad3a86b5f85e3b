/**
 * Policy step: the freeze (policies of kind `freeze`). Dates each placement on a
 * frozen host from Git history, reports violations as errors (at the `host` or
 * `target_host` key) and a missing history as a warning, and adds a "Freeze"
 * section to the board: per frozen host, its date and reason, the grandfathered
 * legacy workloads, the violations and the exceptions.
 */
import { fileLocator } from '../../records/fileLocator.js';
import { markdownCell as cell } from '../../report/markdownCell.js';
import { evaluateFreeze, historyAdvice, type FreezeEntry, type FreezePolicy, type FreezeResult, type FreezeWorkload } from '../../policy/evaluateFreeze.js';
import { placementHistory, type PlacementHistory } from '../../policy/placementHistory.js';
import type { ReconcileContext } from '../reconcileContext.js';

interface PolicyRow {
  id: string;
  file: string;
  data: string;
}

export async function freeze(ctx: ReconcileContext): Promise<void> {
  const db = ctx.db;
  if (!db) return;
  const rows = db.prepare(`SELECT id, file, data FROM policies WHERE kind = 'freeze' ORDER BY id`).all() as PolicyRow[];
  const policies = rows.map((r) => ({ row: r, policy: toPolicy(r) })).filter((p) => p.policy.frozen.length > 0);
  if (policies.length === 0) return;
  const workloads = db.prepare('SELECT id, file, host, target_host, stage FROM workloads ORDER BY id').all() as FreezeWorkload[];
  const frozen = new Set(policies.flatMap((p) => p.policy.frozen.map((e) => e.host)));
  // Only placements on frozen hosts need dating.
  const files = workloads.filter((w) => frozen.has(w.host ?? '') || frozen.has(w.target_host ?? '')).map((w) => w.file);
  const history = await placementHistory(ctx.io.root, files);
  const locate = fileLocator(ctx.io.readText);
  const sections: string[] = [];
  for (const { row, policy } of policies) {
    const results = evaluateFreeze(policy, workloads, history, ctx.now);
    for (const r of results) {
      if (r.code === 'freeze-violation') {
        const at = locate(r.file!, r.pointer!, true);
        ctx.findings.push({ code: r.code, severity: 'error', record: r.record, message: r.message, file: r.file!, line: at.line, col: at.col });
      } else if (r.code === 'freeze-no-history') {
        const data = JSON.parse(row.data) as Record<string, unknown>;
        const at = locate(row.file, 'without_history' in data ? '/without_history' : '/frozen', true);
        ctx.findings.push({ code: r.code, severity: 'warning', record: r.record, message: r.message, file: row.file, line: at.line, col: at.col });
      }
    }
    sections.push(...policy.frozen.map((e) => hostSection(e, results.filter((r) => r.host === e.host && r.since === e.since))));
  }
  ctx.boardSections.push(freezeSection(sections, history, policies.map((p) => p.policy.without_history ?? 'grandfather')));
}

function toPolicy(row: PolicyRow): FreezePolicy {
  const data = JSON.parse(row.data) as { frozen?: unknown; without_history?: unknown };
  const frozen = (Array.isArray(data.frozen) ? data.frozen : []).filter(
    (e): e is FreezeEntry => typeof e === 'object' && e !== null && typeof (e as FreezeEntry).host === 'string' && typeof (e as FreezeEntry).since === 'string',
  );
  return { id: row.id, frozen, ...(data.without_history === 'violation' || data.without_history === 'grandfather' ? { without_history: data.without_history } : {}) };
}

function freezeSection(hostSections: string[], history: PlacementHistory, rules: string[]): string {
  const basis = history.available
    ? // No commit id or count here: the board is committed back, and must not change with every commit.
      'Placements are dated from Git history: a placement counts from the first commit of its current run, so a workload that moved away and came back counts from its return.'
    : `**Git history is unavailable** (${history.reason}): new placements cannot be told from legacy ones; the fallback rule applies (without_history: ${[...new Set(rules)].join(', ')}). To decide from history, ${cell(historyAdvice(history.reason))}.`;
  return ['## Freeze', '', basis, '', hostSections.join('\n\n')].join('\n');
}

function hostSection(entry: FreezeEntry, results: FreezeResult[]): string {
  const of = (code: FreezeResult['code']): FreezeResult[] => results.filter((r) => r.code === code);
  const violations = of('freeze-violation');
  const legacy = of('freeze-grandfathered');
  const excepted = of('freeze-exception');
  const placed = new Set(excepted.map((r) => r.workload));
  const notPlaced = (entry.exceptions ?? []).filter((w) => !placed.has(w));
  const row = (r: FreezeResult): string[] => [cell(r.workload), cell(r.pointer!.slice(1)), cell(seen(r))];
  const table = (title: string, list: FreezeResult[]): string[] =>
    list.length === 0
      ? [`${title}: none.`]
      : [`${title}: ${list.length}`, '', '| Workload | Field | First seen |', '| --- | --- | --- |', ...list.map((r) => `| ${row(r).join(' | ')} |`)];
  return [
    `### ${cell(entry.host)} — frozen since ${cell(entry.since)}`,
    '',
    ...(entry.reason ? [cell(entry.reason.trim()), ''] : []),
    ...table('**Violations** (placed after the freeze)', violations),
    '',
    ...table('Grandfathered legacy (placed before the freeze)', legacy),
    '',
    ...table('Exceptions', excepted),
    ...(notPlaced.length > 0 ? ['', `Exceptions not placed on ${cell(entry.host)}: ${notPlaced.map(cell).join(', ')}.`] : []),
  ].join('\n');
}

function seen(r: FreezeResult): string {
  if (r.basis === 'no-history') return 'unknown (no history)';
  if (r.basis === 'uncommitted') return 'not committed yet';
  return r.firstSeen ? r.firstSeen.slice(0, 10) : '—';
}
