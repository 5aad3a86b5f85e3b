/**
 * The rows one parsed file contributes to each cache table. Pure, so worker
 * threads can do this work during cold rebuilds and the main thread only binds
 * values to prepared statements.
 */
import type { Finding } from '../records/finding.js';
import type { ParsedFile, RecordRow } from '../records/parseRecordFile.js';

export type Row = Array<string | number | null>;

export interface RecordRows {
  kind: string;
  id: string;
  /** The `records` table row. */
  record: Row;
  /** Rows in the kind's own tables: [table, values]. */
  rows: Array<[string, Row]>;
}

export interface FileRows {
  path: string;
  kind: string;
  id: string;
  size: number;
  mtimeMs: number;
  hash: string;
  main: RecordRows | null;
  subs: RecordRows[];
  edges: Row[];
  findings: Row[];
}

export interface FileStat {
  size: number;
  mtimeMs: number;
  hash: string;
}

export function fileRows(parsed: ParsedFile, stat: FileStat): FileRows {
  const [main, ...subs] = parsed.records;
  return {
    path: parsed.path,
    kind: parsed.kind,
    id: parsed.id,
    ...stat,
    main: main ? recordRows(main, parsed.path) : null,
    subs: subs.map((r) => recordRows(r, parsed.path)),
    edges: parsed.edges.map((e) => [e.srcKind, e.srcId, e.rel, e.dstKind, e.dstId, e.ord, parsed.path, e.pointer, e.line, e.col]),
    findings: parsed.findings.map((f) => findingRow(f, 'file')),
  };
}

export function findingRow(f: Finding, origin: string, related: string | null = null): Row {
  return [f.file, f.line, f.col, f.severity, f.code, f.message, f.hint ?? null, f.kind ?? null, f.id ?? null, related, origin];
}

const bool = (v: unknown, dflt: boolean): number => ((v === undefined ? dflt : v === true) ? 1 : 0);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const json = (v: unknown, dflt: unknown): string => JSON.stringify(v ?? dflt);

function recordRows(r: RecordRow, file: string): RecordRows {
  const d = r.data;
  const rows: Array<[string, Row]> = [];
  switch (r.kind) {
    case 'node': {
      rows.push(['nodes', [r.id, str(d.title), str(d.role), str(d.target_role), bool(d.enabled, true), bool(d.planned, false), str(d.area), str(d.site), str(d.locality_group), str(d.nat_group), json(d.addresses, []), json(d.labels, {}), file]]);
      const probes = (d.probes ?? {}) as { tcp?: Array<{ host: string; port: number }>; http?: Array<{ url: string; expect_status?: number }>; status?: string };
      let ord = 0;
      for (const p of probes.tcp ?? []) rows.push(['probes', [r.id, 'tcp', `${p.host}:${p.port}`, null, ord++, file]]);
      for (const p of probes.http ?? []) rows.push(['probes', [r.id, 'http', p.url, p.expect_status ?? 200, ord++, file]]);
      if (probes.status) rows.push(['probes', [r.id, 'status', probes.status, 200, ord++, file]]);
      break;
    }
    case 'workload': {
      const promotion = (d.promotion ?? {}) as { image?: string };
      rows.push(['workloads', [r.id, str(d.title), str(d.kind), str(d.host), str(d.target_host), str(d.owner), str(d.stage), str(d.target_stage), bool(d.critical, false), bool(d.advertise, false), bool(d.stateful, false), str(promotion.image), json(d.labels, {}), file]]);
      for (const l of (d.listeners ?? []) as Array<{ port: number; protocol: string; edge_role?: string }>) {
        rows.push(['listeners', [r.id, l.port, l.protocol, l.edge_role ?? null, file]]);
      }
      break;
    }
    case 'intent': {
      const a = (d.artifact ?? {}) as { name?: string; version?: string; digest?: string };
      const s = (d.strategy ?? {}) as { type?: string };
      rows.push(['intents', [r.id, str(d.title), str(d.kind), d.version as number, str(d.expires), str(d.control), str(a.name), str(a.version), str(a.digest), str(s.type), file]]);
      break;
    }
    case 'workplan':
      rows.push(['workplans', [r.id, str(d.title), str(d.status), str(d.owner), file]]);
      break;
    case 'policy':
      rows.push(['policies', [r.id, str(d.kind), str(d.title), JSON.stringify(d), file]]);
      break;
    case 'task': {
      const { id, title, state, owner, depth, parent, box_col: _box, ...fields } = d;
      rows.push(['tasks', [r.id, r.parent!.slice('workplan:'.length), str(id), str(title) ?? '', str(state), str(owner), str(parent), depth as number, r.line, JSON.stringify(fields), file]]);
      break;
    }
    case 'check': {
      const expect = d.expect as Record<string, number | boolean>;
      const [type, value] = Object.entries(expect)[0]!;
      rows.push(['checks', [r.id, r.parent!.slice('policy:'.length), str(d.title), str(d.sql), type, typeof value === 'number' ? value : null, str(d.severity) ?? 'error', typeof d.timeout === 'string' ? durationMs(d.timeout) : null, r.line, file]]);
      break;
    }
  }
  return { kind: r.kind, id: r.id, record: [r.kind, r.id, file, r.line, r.col, r.title, r.parent, JSON.stringify(d)], rows };
}

/** '500ms', '30s', '5m', '2h', '7d' to milliseconds. */
export function durationMs(s: string): number | null {
  const m = /^(\d+)(ms|s|m|h|d)$/.exec(s);
  if (!m) return null;
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2] as 'ms' | 's' | 'm' | 'h' | 'd'];
  return Number(m[1]) * unit;
}
