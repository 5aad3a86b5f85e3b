/** Step 1: bring the cache up to date and read what the other steps need from it and from status/ (the probe targets are read by observe, when it probes). */
import { durationMs, MAX_TIMER_MS } from '../../records/duration.js';
import { MODES_FILE, parseModesFile } from '../../evaluate/modesFile.js';
import { NODE_REPORTS_FILE, parseNodeReports } from '../../evaluate/nodeReports.js';
import type { BoardWorkload } from '../boardInput.js';
import { DEFAULT_POLICY, type DeclaredNode, type ReconcileContext } from '../reconcileContext.js';

export async function load(ctx: ReconcileContext): Promise<void> {
  const { db } = await ctx.io.refreshCache();
  ctx.db = db;
  ctx.nodes = (db.prepare('SELECT id, title, role, target_role, area, site, nat_group, enabled, planned FROM nodes ORDER BY id').all() as Array<Omit<DeclaredNode, 'enabled' | 'planned'> & { enabled: number; planned: number }>).map((n) => ({
    ...n,
    enabled: n.enabled === 1,
    planned: n.planned === 1,
  }));
  const via = new Map<string, string[]>();
  for (const e of db.prepare(`SELECT src_id, dst_id FROM edges WHERE src_kind = 'workload' AND rel = 'via' ORDER BY src_id, ord`).all() as Array<{ src_id: string; dst_id: string }>) {
    const list = via.get(e.src_id);
    if (list) list.push(e.dst_id);
    else via.set(e.src_id, [e.dst_id]);
  }
  const listeners = new Map<string, BoardWorkload['listeners']>();
  for (const l of db.prepare('SELECT workload, port, protocol, edge_role FROM listeners ORDER BY workload, port').all() as Array<{ workload: string; port: number; protocol: string; edge_role: string | null }>) {
    const listener = { port: l.port, protocol: l.protocol, edge_role: l.edge_role };
    const list = listeners.get(l.workload);
    if (list) list.push(listener);
    else listeners.set(l.workload, [listener]);
  }
  // Objects built field by field, not spread: 20,000 of them on the large fleet.
  ctx.workloads = (db.prepare('SELECT id, title, kind, host, target_host, owner, stage, target_stage, critical, advertise FROM workloads ORDER BY id').all() as Array<Omit<BoardWorkload, 'critical' | 'advertise' | 'via' | 'listeners'> & { critical: number; advertise: number }>).map((w) => ({
    id: w.id,
    title: w.title,
    kind: w.kind,
    host: w.host,
    target_host: w.target_host,
    owner: w.owner,
    stage: w.stage,
    target_stage: w.target_stage,
    critical: w.critical === 1,
    advertise: w.advertise === 1,
    via: via.get(w.id) ?? [],
    listeners: listeners.get(w.id) ?? [],
  }));
  const modesPolicy = db.prepare(`SELECT data FROM policies WHERE kind = 'modes' ORDER BY id LIMIT 1`).pluck().get() as string | undefined;
  if (modesPolicy) {
    const m = JSON.parse(modesPolicy) as Record<string, unknown>;
    const ms = (v: unknown, d: number): number => (typeof v === 'string' ? (durationMs(v) ?? d) : d);
    ctx.policy = {
      failureThreshold: typeof m.failure_threshold === 'number' ? m.failure_threshold : DEFAULT_POLICY.failureThreshold,
      successThreshold: typeof m.success_threshold === 'number' ? m.success_threshold : DEFAULT_POLICY.successThreshold,
      probeTimeoutMs: Math.min(ms(m.probe_timeout, DEFAULT_POLICY.probeTimeoutMs), MAX_TIMER_MS),
      tickDeadlineMs: Math.min(ms(m.tick_deadline, DEFAULT_POLICY.tickDeadlineMs), MAX_TIMER_MS),
      concurrency: typeof m.concurrency === 'number' ? m.concurrency : DEFAULT_POLICY.concurrency,
      refreshMs: typeof m.refresh_interval === 'string' ? (durationMs(m.refresh_interval) ?? null) : null,
      staleAfterMs: ms(m.stale_after, ms(m.refresh_interval, DEFAULT_POLICY.staleAfterMs)),
    };
  }
  // Through the events not in the files yet: a --push relayed but not pulled still counts toward the hysteresis.
  ctx.readGenerated = await ctx.io.readNotInFiles();
  const modes = parseModesFile(ctx.readGenerated(MODES_FILE));
  ctx.previous = modes.states;
  for (const p of modes.problems) {
    ctx.findings.push({ code: 'modes-file-unreadable', severity: 'error', ...(p.node ? { kind: 'node', id: p.node } : {}), message: p.message, file: MODES_FILE, line: p.line, col: p.col });
  }
  const reports = parseNodeReports(ctx.readGenerated(NODE_REPORTS_FILE));
  ctx.previousReports = reports.reports;
  for (const p of reports.problems) ctx.findings.push({ code: 'modes-file-unreadable', severity: 'error', message: p.message, file: NODE_REPORTS_FILE, line: p.line, col: p.col });
}
