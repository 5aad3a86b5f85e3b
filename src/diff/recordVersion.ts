/**
 * One version of a fleet file as `fleethub diff` compares it: its record's
 * kind, id and value, or the problems that kept it from being read. Pure: the
 * caller reads the bytes. A workplan's value is its front matter plus
 * `tasks`, its task lines keyed by task id (title, state, depends, done-when
 * and the other inline fields; a task's own workplan is left out of its
 * references, so a renamed workplan does not change every task).
 */
import type { RecordKind } from '../records/kinds.js';
import { parseRecordFile } from '../records/parseRecordFile.js';
import type { Validators } from '../records/validators.js';

export interface RecordVersion {
  path: string;
  kind: RecordKind;
  id: string;
  blob: string;
  /** Null when the file has a hard error (then `problems` says why). */
  value: Record<string, unknown> | null;
  /** `file:line:col: message` of each error that kept the record out. */
  problems: string[];
}

/** Task fields that are layout, not meaning. */
const LAYOUT = new Set(['id', 'depth', 'box_col']);

export function recordVersion(path: string, kind: RecordKind, blob: string, bytes: Uint8Array, validators: Validators): RecordVersion {
  const parsed = parseRecordFile(path, kind, bytes, validators);
  const own = parsed.records.find((r) => r.kind === kind && r.parent === null);
  const errors = parsed.findings.filter((f) => f.severity === 'error');
  if (!own || errors.length > 0) {
    return { path, kind, id: parsed.id, blob, value: null, problems: errors.map((f) => `${f.file}:${f.line}:${f.col}: ${f.message}`) };
  }
  const value: Record<string, unknown> = { ...own.data };
  if (kind === 'workplan') {
    const local = (ref: unknown): unknown => (typeof ref === 'string' && ref.startsWith(`${parsed.id}/`) ? ref.slice(parsed.id.length + 1) : ref);
    const tasks: Record<string, unknown> = {};
    for (const r of parsed.records) {
      if (r.kind !== 'task') continue;
      const t: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(r.data)) {
        if (LAYOUT.has(k) || (k === 'parent' && v === null)) continue;
        t[k] = k === 'parent' ? local(v) : k === 'depends' && Array.isArray(v) ? v.map(local) : v;
      }
      tasks[String(r.data.id)] = t;
    }
    value.tasks = tasks;
  }
  return { path, kind, id: parsed.id, blob, value, problems: [] };
}
