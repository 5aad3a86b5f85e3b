/** What `fleethub reconcile` prints: JSON for machines, text for people. Pure. */
import type { ReconcileContext } from '../reconcile/reconcileContext.js';
import type { Finding } from '../records/finding.js';
import { findingRecord } from '../records/findingRecord.js';
import { hintFor } from '../records/hints.js';
import type { StaleObservation } from '../evaluate/staleObservations.js';
import { staleNow } from '../reconcile/staleNow.js';
import { findingsSection } from './findingsSection.js';
import { formatAge } from './formatAge.js';
import { renderTable } from './renderTable.js';
import { tableTime } from './tableTime.js';
import { PLAIN, type Style } from './style.js';

/** Findings listed in the text output; the JSON output has them all. */
const MAX_FINDINGS = 50;

/** A finding as `reconcile --format json` prints it: validate's fields (file, line, column, hint) plus the record. */
export interface ReconcileFindingJson {
  code: Finding['code'];
  severity: 'error' | 'warning';
  record: string;
  message: string;
  file: string | null;
  line: number | null;
  column: number | null;
  hint: string;
}

export interface ReconcileJson {
  nodes: Array<{
    id: string;
    declared: 'enabled' | 'disabled' | 'planned';
    mode: string;
    since: string | null;
    last_verified: string | null;
    reasons: string[];
    /** The last observation is older than stale_after (policies/modes.yaml): when, and how long ago; null when fresh or never observed. */
    stale: { observed_at: string; age_s: number } | null;
  }>;
  findings: ReconcileFindingJson[];
  /** The trust step's verdicts (docs/trust.md): whether trust.yaml chains to the pin, and each intent; null when the fleet has neither. */
  trust: { trusted: boolean; chain: number[] } | null;
  intents: Array<{ id: string; trusted: boolean; signers: string[]; reason: string | null }>;
  changes: Array<{ path: string; action: string; written: boolean; pushed: boolean }>;
}

export function findingOut(f: Finding): ReconcileFindingJson {
  return { code: f.code, severity: f.severity, record: findingRecord(f), message: f.message, file: f.file, line: f.line, column: f.col, hint: f.hint ?? hintFor(f.code) };
}

export function reconcileJson(ctx: ReconcileContext): ReconcileJson {
  const stale = new Map(staleNow(ctx).map((o) => [o.node, o] as const));
  return {
    nodes: ctx.nodes.map((n) => {
      const s = ctx.states.get(n.id)!;
      const failed = (ctx.observations.get(n.id)?.results ?? []).filter((r) => !r.ok).map((r) => `${r.type} ${r.target}: ${r.error ?? 'failed'}`);
      return { id: n.id, declared: !n.enabled ? 'disabled' : n.planned ? 'planned' : 'enabled', mode: s.mode, since: s.since, last_verified: s.last_verified, reasons: [s.reason, ...failed.filter((f) => !s.reason.includes(f))], stale: staleOf(stale.get(n.id)) };
    }),
    findings: ctx.findings.map(findingOut),
    trust: ctx.trust ? { trusted: ctx.trust.chain.ok, chain: ctx.trust.chain.chain } : null,
    intents: (ctx.trust?.verdicts ?? []).map((v) => ({ id: v.id, trusted: v.trusted, signers: v.signers, reason: v.findings[0]?.code ?? null })),
    changes: ctx.changes.map((c) => ({ path: c.path, action: c.action, written: ctx.options.write, pushed: ctx.options.push === true })),
  };
}

export function reconcileText(json: ReconcileJson, style: Style = PLAIN): string {
  const modeStyle = (m: string): string => (m === 'ACTIVE' ? style.green(m) : m === 'DEGRADED' ? style.red(m) : m === 'UNKNOWN' ? style.yellow(m) : style.dim(m));
  const out = [style.bold('Nodes')];
  out.push(
    renderTable(
      ['id', 'declared', 'mode', 'since', 'last verified', 'why'],
      json.nodes.map((n) => ({ id: n.id, declared: n.declared, mode: modeStyle(n.mode), since: tableTime(n.since), 'last verified': tableTime(n.last_verified), why: [...(n.stale ? [style.yellow(`stale: observed ${formatAge(n.stale.age_s)} ago`)] : []), ...n.reasons].join('; ') })),
      { maxWidth: style.columns },
    ),
  );
  if (json.intents.length > 0) {
    out.push('', style.bold('Intents'));
    for (const i of json.intents) out.push(i.trusted ? `  ${style.green('trusted')}  ${i.id} (signed by ${i.signers.join(', ')})` : `  ${style.red('refused')}  ${i.id}: ${i.reason}`);
  }
  out.push('', style.bold('Changes'));
  if (json.changes.length === 0) out.push('  none: the generated files are up to date');
  for (const c of json.changes) out.push(`  ${c.written ? 'wrote' : c.pushed ? 'recorded for upstream:' : 'would ' + (c.action === 'create' ? 'create' : 'update')} ${c.path}`);
  out.push('', style.bold('Findings'));
  out.push(...findingsSection(json.findings, { max: MAX_FINDINGS, more: 'fleethub reconcile --format json lists them all' }, style));
  return out.join('\n');
}

function staleOf(o: StaleObservation | undefined): { observed_at: string; age_s: number } | null {
  return o ? { observed_at: o.observed_at, age_s: o.age_s } : null;
}
