/**
 * The rows one parsed file contributes to the cache tables. Pure, so worker
 * threads can do this work and the writer only binds values to statements.
 */
import type { Finding } from '../records/finding.js';
import type { ParsedFile, RecordRow } from '../records/parseRecordFile.js';

export type Row = Array<string | number | null>;

export interface RecordRows {
  kind: string;
  id: string;
  /** The `records` table row: kind, id, file, line, col, title, parent, data. */
  record: Row;
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

function recordRows(r: RecordRow, file: string): RecordRows {
  return { kind: r.kind, id: r.id, record: [r.kind, r.id, file, r.line, r.col, r.title, r.parent, JSON.stringify(r.data)] };
}
