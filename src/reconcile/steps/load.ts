/** Step 1: bring the cache up to date and read what the other steps need from it and from status/ (the probe targets are read by observe, when it probes). */
import { durationMs, MAX_TIMER_MS } from '../../records/duration.js';
import { MODES_FILE, parseModesFile } from '../../evaluate/modesFile.js';
import { NODE_REPORTS_FILE, parseNodeReports } from '../../evaluate/nodeReports.js';
import { readParsedRecords, type ParsedRecord } from '../../cache/readParsedRecords.js';
import type { BoardWorkload } from '../boardInput.js';
import { DEFAULT_POLICY, type DeclaredNode, type ReconcileContext } from '../reconcileContext.js';

export async function load(ctx: ReconcileContext): Promise<void> {
  const { db } = await ctx.io.refreshCache();
  ctx.db = db;
  // One read of the nodes and one of the workloads (readParsedRecords), shared with the later steps; the views built field by field, not spread.
  ctx.nodeRecords = readParsedRecords(db, 'node');
  ctx.nodes = ctx.nodeRecords.map(declaredNode);
  ctx.workloadRecords = readParsedRecords(db, 'workload');
  ctx.workloads = ctx.workloadRecords.map(boardWorkload);
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
  // Through the events not in the files yet: a --push relayed but not pulled still counts toward the hysteresis, a task change toward its workplan.
  const notInFiles = await ctx.io.notInFiles();
  ctx.readGenerated = notInFiles.read;
  ctx.pendingTasks = notInFiles.tasks;
  const modes = parseModesFile(ctx.readGenerated(MODES_FILE));
  ctx.previous = modes.states;
  for (const p of modes.problems) {
    ctx.findings.push({ code: 'modes-file-unreadable', severity: 'error', ...(p.node ? { kind: 'node', id: p.node } : {}), message: p.message, file: MODES_FILE, line: p.line, col: p.col });
  }
  const reports = parseNodeReports(ctx.readGenerated(NODE_REPORTS_FILE));
  ctx.previousReports = reports.reports;
  for (const p of reports.problems) ctx.findings.push({ code: 'modes-file-unreadable', severity: 'error', message: p.message, file: NODE_REPORTS_FILE, line: p.line, col: p.col });
}

const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** A node record as the `nodes` view names its fields (enabled unless it says false, planned only when it says true). */
function declaredNode(r: ParsedRecord): DeclaredNode {
  const d = r.data;
  return {
    id: r.id,
    title: r.title as string,
    role: text(d.role) as string,
    target_role: text(d.target_role),
    area: text(d.area),
    site: text(d.site),
    nat_group: text(d.nat_group),
    enabled: d.enabled !== false,
    planned: d.planned === true,
  };
}

/** The board's view of a workload record: its fields as the `workloads` view names them, the via path in order, the listeners by port. */
function boardWorkload(r: ParsedRecord): BoardWorkload {
  const d = r.data;
  const listeners = Array.isArray(d.listeners) ? (d.listeners as Array<Record<string, unknown>>).map((l) => ({ port: (l.port ?? null) as number, protocol: (l.protocol ?? null) as string, edge_role: text(l.edge_role) })) : [];
  return {
    id: r.id,
    title: r.title as string,
    kind: text(d.kind) as string,
    host: text(d.host),
    target_host: text(d.target_host),
    owner: text(d.owner),
    stage: text(d.stage),
    target_stage: text(d.target_stage),
    critical: d.critical === true,
    advertise: d.advertise === true,
    via: Array.isArray(d.via) ? d.via.filter((v): v is string => typeof v === 'string') : [],
    listeners: listeners.sort((a, b) => a.port - b.port),
  };
}
