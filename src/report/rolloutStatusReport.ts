/**
 * What `fleethub rollout status <intent>` prints: the rollout's control (the
 * operator's and the intent's signed one), its epoch, each node's journal
 * line (state, lease, since, last report, reason: the rollout file's, with the
 * agents' reports since), the leases the file holds and has revoked, and what
 * the next tick would do (its grants, revocations and waits), never shown as
 * done. Pure.
 */
import type { RolloutRun } from '../reconcile/reconcileContext.js';
import { renderTable } from './renderTable.js';
import { tableTime } from './tableTime.js';
import { PLAIN, type Style } from './style.js';

export interface RolloutStatusJson {
  intent: string;
  state: string;
  control: { operator: string; signed: string; effective: string };
  intent_version: number;
  epoch: number;
  halted: null | { code: string; message: string };
  counts: Record<string, number>;
  journal: Array<{ node: string; state: string; lease: string | null; since: string; reported_at: string | null; reason: string | null }>;
  leases: Array<{ id: string; node: string; expires: string }>;
  revoked: Array<{ id: string; node: string; reason: string }>;
  next: { grants: string[]; revocations: Array<{ node: string; reason: string }>; waiting: Array<{ node: string; reason: string }> };
}

/** `run`: a tick planned without the orchestrator key (rolloutRuns with it withheld), so its file holds no lease the next tick would grant. */
export function rolloutStatusJson(run: RolloutRun): RolloutStatusJson {
  const f = run.tick.file;
  const p = run.tick.plan;
  const recorded = run.input.previous;
  const counts: Record<string, number> = {};
  for (const l of f.journal.values()) counts[l.state] = (counts[l.state] ?? 0) + 1;
  return {
    intent: run.intent,
    state: p.state,
    control: { operator: f.control, signed: run.input.intent.control, effective: run.tick.control },
    intent_version: f.intent_version,
    epoch: recorded?.epoch ?? 0,
    halted: p.halted,
    counts,
    journal: [...f.journal.keys()].sort().map((node) => ({ node, ...pick(f.journal.get(node)!) })),
    leases: (recorded?.leases ?? []).map((l) => ({ id: l.id, node: l.node, expires: l.expires })),
    revoked: recorded?.revoked ?? [],
    next: { grants: p.grants.map((g) => g.node), revocations: p.revocations.map((r) => ({ node: r.node, reason: `${r.code}: ${r.reason}` })), waiting: p.waiting.map((w) => ({ node: w.node, reason: w.reason })) },
  };
}

const pick = (l: { state: string; lease: string | null; since: string; reported_at: string | null; reason: string | null }) => ({ state: l.state, lease: l.lease, since: l.since, reported_at: l.reported_at, reason: l.reason });

export function rolloutStatusText(json: RolloutStatusJson, style: Style = PLAIN): string {
  const out = [
    `${style.bold(json.intent)} version ${json.intent_version}: ${json.state} (control: operator ${json.control.operator}, signed ${json.control.signed}), epoch ${json.epoch}`,
  ];
  if (json.halted) out.push(`  ${style.red('halted')}: ${json.halted.message} (${json.halted.code})`);
  const counts = Object.entries(json.counts).sort(([a], [b]) => (a < b ? -1 : 1));
  out.push(`  nodes: ${counts.length === 0 ? 'none reported yet' : counts.map(([s, n]) => `${n} ${s}`).join(', ')}`);
  out.push(`  next wave: ${json.next.grants.length === 0 ? 'none' : json.next.grants.join(', ')}`);
  if (json.next.revocations.length > 0) out.push(`  next tick revokes: ${json.next.revocations.map((r) => `${r.node} (${r.reason})`).join('; ')}`);
  if (json.journal.length > 0) {
    out.push('', style.bold('Journal'));
    out.push(renderTable(['node', 'state', 'lease', 'since', 'last report', 'reason'], json.journal.map((j) => ({ node: j.node, state: j.state, lease: j.lease ?? '-', since: tableTime(j.since), 'last report': tableTime(j.reported_at), reason: j.reason ?? '' })), { maxWidth: style.columns }));
  }
  if (json.leases.length > 0) out.push('', style.bold('Leases'), ...json.leases.map((l) => `  ${l.id} (expires ${l.expires})`));
  if (json.revoked.length > 0) out.push('', style.bold('Revoked'), ...json.revoked.map((r) => `  ${r.id}: ${r.reason}`));
  return out.join('\n');
}
