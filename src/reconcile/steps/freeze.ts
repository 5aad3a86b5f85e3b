/**
 * Policy step: the freeze (policies of kind `freeze`). Judges each placement on a
 * frozen host by the freeze's legacy inventory and exceptions, and Git history
 * (evaluateFreeze.ts); reports violations as errors (at the `host` or
 * `target_host` key) and a missing history, when a placement needed it, as a
 * warning; and adds a "Freeze" section to the board: per frozen host, its date
 * and reason, the violations, the grandfathered legacy workloads and the
 * exceptions. The section names no commit and no date that history alone knows
 * for an inventory placement, so a fleet whose every placement the inventory and
 * the exceptions decide reads the same with and without Git history.
 */
import { fileLocator } from '../../records/fileLocator.js';
import { markdownCell as cell } from '../../report/markdownCell.js';
import { evaluateFreeze, historyAdvice, type FreezeEntry, type FreezePolicy, type FreezeResult, type FreezeWorkload } from '../../policy/evaluateFreeze.js';
import { placementHistory, type HistoryUnavailableReason } from '../../repo/placementHistory.js';
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
  let fallback = false;
  for (const { row, policy } of policies) {
    const results = evaluateFreeze(policy, workloads, history, ctx.now);
    for (const r of results) {
      if (r.code === 'freeze-violation') {
        const at = locate(r.file!, r.pointer!, true);
        ctx.findings.push({ code: r.code, severity: 'error', record: r.record, message: r.message, file: r.file!, line: at.line, col: at.col });
      } else if (r.code === 'freeze-no-history') {
        fallback = true;
        const data = JSON.parse(row.data) as Record<string, unknown>;
        const at = locate(row.file, 'without_history' in data ? '/without_history' : '/frozen', true);
        ctx.findings.push({ code: r.code, severity: 'warning', record: r.record, message: r.message, file: row.file, line: at.line, col: at.col });
      }
    }
    sections.push(...policy.frozen.map((e) => hostSection(e, results.filter((r) => r.host === e.host && r.since === e.since))));
  }
  ctx.boardSections.push(freezeSection(sections, fallback && !history.available ? { reason: history.reason, rules: policies.map((p) => p.policy.without_history ?? 'grandfather') } : null));
}

function toPolicy(row: PolicyRow): FreezePolicy {
  const data = JSON.parse(row.data) as { frozen?: unknown; without_history?: unknown };
  const frozen = (Array.isArray(data.frozen) ? data.frozen : []).filter(
    (e): e is FreezeEntry => typeof e === 'object' && e !== null && typeof (e as FreezeEntry).host === 'string' && typeof (e as FreezeEntry).since === 'string',
  );
  return { id: row.id, frozen, ...(data.without_history === 'violation' || data.without_history === 'grandfather' ? { without_history: data.without_history } : {}) };
}

/** `missing`: history was unavailable and some placement needed it (the fallback rules decided). */
function freezeSection(hostSections: string[], missing: { reason: HistoryUnavailableReason; rules: string[] } | null): string {
  // No commit id or count here: the board is committed back, and must not change with every commit.
  const basis =
    "No new placements on a frozen host. The workloads in a freeze's legacy inventory were on the host when the freeze began and are grandfathered; " +
    'every other placement is dated from Git history: it counts from the first commit of its current run, so a workload that moved away and came back counts from its return.';
  const note = missing
    ? [
        '',
        `**Git history is unavailable** (${missing.reason}): placements outside the legacy inventory cannot be told new from old; the fallback rule applies (without_history: ${[...new Set(missing.rules)].join(', ')}). To decide from history, ${cell(historyAdvice(missing.reason))}.`,
      ]
    : [];
  return ['## Freeze', '', basis, ...note, '', hostSections.join('\n\n')].join('\n');
}

function hostSection(entry: FreezeEntry, results: FreezeResult[]): string {
  const of = (code: FreezeResult['code']): FreezeResult[] => results.filter((r) => r.code === code);
  const violations = of('freeze-violation');
  const legacy = of('freeze-grandfathered');
  const excepted = of('freeze-exception');
  const placed = new Set(excepted.map((r) => r.workload));
  const notPlaced = (entry.exceptions ?? []).filter((w) => !placed.has(w));
  const onHost = new Set(results.filter((r) => r.pointer === '/host').map((r) => r.workload));
  const drained = (entry.legacy ?? []).filter((w) => !onHost.has(w));
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
    ...(drained.length > 0 ? ['', `Legacy inventory no longer on ${cell(entry.host)} (drained): ${drained.map(cell).join(', ')}.`] : []),
  ].join('\n');
}

function seen(r: FreezeResult): string {
  if (r.basis === 'inventory') return 'before the freeze (legacy inventory)';
  if (r.basis === 'no-history') return 'unknown (no history)';
  if (r.basis === 'uncommitted') return 'not committed yet';
  return r.firstSeen ? r.firstSeen.slice(0, 10) : '—';
}
